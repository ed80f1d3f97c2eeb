//! The lexicon: `themes.csv`, `actors.csv` and `measures.csv` in the corpus's `lexicon/` folder, each
//! with the columns `id,label,type,aliases,theme` (aliases separated by `|`). Analysts edit them in a
//! spreadsheet, so a bad row is reported with its file and line and skipped, and the rest is used.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::corpus::sheet::{RowProblem, Sheet};

/// The lexicon files, one per kind of entry; adding a kind is one line here.
pub const FILES: [(EntryKind, &str); 3] = [
    (EntryKind::Theme, "themes.csv"),
    (EntryKind::Actor, "actors.csv"),
    (EntryKind::Measure, "measures.csv"),
];

/// The columns of every lexicon file.
pub const COLUMNS: [&str; 5] = ["id", "label", "type", "aliases", "theme"];

/// The lexicon shipped with horizon, used for a corpus folder that has none.
const SHIPPED: [(&str, &str); 3] = [
    (
        "themes.csv",
        include_str!("../../corpus/lexicon/themes.csv"),
    ),
    (
        "actors.csv",
        include_str!("../../corpus/lexicon/actors.csv"),
    ),
    (
        "measures.csv",
        include_str!("../../corpus/lexicon/measures.csv"),
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum EntryKind {
    Theme,
    Actor,
    Measure,
}

impl EntryKind {
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Theme => "theme",
            EntryKind::Actor => "actor",
            EntryKind::Measure => "measure",
        }
    }
}

/// One row of a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    pub id: String,
    pub label: String,
    /// The entry's type: for themes `theme` or `section` (a heading that belongs to no theme); for
    /// actors state, non-state group, agency, ...; for measures law, programme, strategy, ...
    pub entry_type: String,
    /// The label first, then the aliases, as written.
    pub aliases: Vec<String>,
    /// The theme the entry belongs to, if any.
    pub theme: Option<String>,
    pub file: PathBuf,
    pub line: usize,
}

/// A bad lexicon row: file, line and what to do.
pub type LexiconProblem = RowProblem;

/// A read lexicon, with what was wrong in it.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub problems: Vec<LexiconProblem>,
    /// (file, SHA-256 of its bytes) for every file read, for the record of settings.
    pub files: Vec<(String, String)>,
    /// Where it came from: the folder, or "built-in".
    pub source: String,
}

impl Lexicon {
    /// Reads `dir/lexicon/*.csv`, or the built-in lexicon when the corpus has no `lexicon` folder.
    pub fn for_corpus(corpus: &Path) -> Lexicon {
        let dir = corpus.join("lexicon");
        if dir.is_dir() {
            Lexicon::read(&dir)
        } else {
            Lexicon::built_in()
        }
    }

    pub fn read(dir: &Path) -> Lexicon {
        let mut lexicon = Lexicon {
            source: dir.display().to_string(),
            ..Lexicon::default()
        };
        for (kind, name) in FILES {
            let path = dir.join(name);
            match std::fs::read(&path) {
                Ok(bytes) => lexicon.add_file(kind, &path, &bytes),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => lexicon.problems.push(LexiconProblem {
                    file: path,
                    line: 0,
                    message: format!("cannot read the file ({err})"),
                }),
            }
        }
        lexicon.check_themes();
        lexicon
    }

    /// A lexicon from file contents given as (kind, name, bytes), as if read from files so named.
    pub fn from_bytes(files: &[(EntryKind, &str, &[u8])]) -> Lexicon {
        let mut lexicon = Lexicon {
            source: "bytes".to_string(),
            ..Lexicon::default()
        };
        for (kind, name, bytes) in files {
            lexicon.add_file(*kind, Path::new(name), bytes);
        }
        lexicon.check_themes();
        lexicon
    }

    pub fn built_in() -> Lexicon {
        let mut lexicon = Lexicon {
            source: "built-in".to_string(),
            ..Lexicon::default()
        };
        for ((kind, _), (name, text)) in FILES.iter().zip(SHIPPED) {
            lexicon.add_file(
                *kind,
                Path::new(&format!("built-in/{name}")),
                text.as_bytes(),
            );
        }
        lexicon.check_themes();
        lexicon
    }

    /// The entries that are matched as signals: all but the `section` rows of themes.csv.
    pub fn signals(&self) -> Vec<Entry> {
        self.entries
            .iter()
            .filter(|e| e.entry_type != "section")
            .cloned()
            .collect()
    }

    /// The entries of one kind.
    pub fn of(&self, kind: EntryKind) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    fn add_file(&mut self, kind: EntryKind, path: &Path, bytes: &[u8]) {
        let hash = Sha256::digest(bytes);
        self.files.push((
            path.display().to_string(),
            hash.iter().map(|b| format!("{b:02x}")).collect(),
        ));
        let problem = |line: usize, message: String| LexiconProblem {
            file: path.to_path_buf(),
            line,
            message,
        };
        let (sheet, columns, unreadable) =
            match Sheet::read(path, bytes, &COLUMNS, &["id", "label", "aliases"]) {
                Ok(read) => read,
                Err(problem) => {
                    self.problems.push(problem);
                    return;
                }
            };
        self.problems.extend(unreadable);
        for row in &sheet.rows {
            let line = row.line;
            let cell = |i: usize| row.get(columns[i]).to_string();
            let (id, label, entry_type, aliases, theme) =
                (cell(0), cell(1), cell(2), cell(3), cell(4));
            if id.is_empty() || label.is_empty() {
                self.problems.push(problem(
                    line,
                    "the 'id' and 'label' cells must not be empty".into(),
                ));
                continue;
            }
            if self.entries.iter().any(|e| e.id == id) {
                self.problems.push(problem(
                    line,
                    format!(
                        "duplicate id '{id}'; give this row an id of its own or merge the rows"
                    ),
                ));
                continue;
            }
            let mut names = vec![label.clone()];
            if !aliases.is_empty() {
                let parts: Vec<&str> = aliases.split('|').map(str::trim).collect();
                if parts.iter().any(|a| a.is_empty()) {
                    self.problems.push(problem(
                        line,
                        format!("empty alias in '{aliases}'; separate aliases with a single '|'"),
                    ));
                    continue;
                }
                names.extend(parts.iter().map(|a| a.to_string()));
            }
            self.entries.push(Entry {
                kind,
                id,
                label,
                entry_type,
                aliases: names,
                theme: (!theme.is_empty()).then_some(theme),
                file: path.to_path_buf(),
                line,
            });
        }
    }

    /// Every `theme` cell must name a theme of `themes.csv`.
    fn check_themes(&mut self) {
        let themes: HashMap<&str, ()> = self
            .of(EntryKind::Theme)
            .filter(|e| e.entry_type != "section")
            .map(|e| (e.id.as_str(), ()))
            .collect();
        let mut bad = Vec::new();
        for entry in &self.entries {
            if let Some(theme) = &entry.theme {
                if !themes.contains_key(theme.as_str()) {
                    bad.push(LexiconProblem {
                        file: entry.file.clone(),
                        line: entry.line,
                        message: format!("theme '{theme}' is not an id in themes.csv; use one of its ids or leave the cell empty"),
                    });
                }
            }
        }
        let bad_lines: Vec<(PathBuf, usize)> =
            bad.iter().map(|p| (p.file.clone(), p.line)).collect();
        self.entries
            .retain(|e| !bad_lines.contains(&(e.file.clone(), e.line)));
        self.problems.extend(bad);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(files: &[(&str, &str)]) -> Lexicon {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut lexicon = Lexicon::read(dir.path());
        for problem in &mut lexicon.problems {
            problem.file = PathBuf::from(problem.file.file_name().unwrap());
        }
        lexicon
    }

    #[test]
    fn reads_aliases_and_themes() {
        let lexicon = read(&[
            ("themes.csv", "id,label,type,aliases,theme\nstatelijke-dreigingen,Statelijke dreigingen tegengaan,theme,statelijke dreiging|spionage,\n"),
            ("actors.csv", "id,label,type,aliases,theme\naivd,AIVD,agency,Algemene Inlichtingen- en Veiligheidsdienst,statelijke-dreigingen\nrusland,Rusland,state,Russische|Russisch|Russen,\n"),
        ]);
        assert!(lexicon.problems.is_empty(), "{:?}", lexicon.problems);
        let aivd = lexicon.entries.iter().find(|e| e.id == "aivd").unwrap();
        assert_eq!(
            aivd.aliases,
            ["AIVD", "Algemene Inlichtingen- en Veiligheidsdienst"]
        );
        assert_eq!(aivd.theme.as_deref(), Some("statelijke-dreigingen"));
        assert_eq!(lexicon.of(EntryKind::Actor).count(), 2);
        assert_eq!(lexicon.files.len(), 2);
        assert_eq!(lexicon.files[0].1.len(), 64);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let lexicon = read(&[
            ("themes.csv", "id,label,type,aliases,theme\npolarisatie,Polarisatie tegengaan,theme,polarisatie,\n"),
            ("actors.csv", "id,label,type,aliases,theme\nrusland,Rusland,state,Russische||Russen,\nchina,China,state,Chinese,\nchina,Volksrepubliek China,state,,\niran,Iran,state,Iraanse,geopolitiek\n"),
            ("measures.csv", "id,label,soort,aliases\nwbni,Wbni,law,\n"),
        ]);
        let messages: Vec<String> = lexicon.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "actors.csv:2: empty alias in 'Russische||Russen'; separate aliases with a single '|'",
                "actors.csv:4: duplicate id 'china'; give this row an id of its own or merge the rows",
                "measures.csv:1: unknown column 'soort'; the columns are id,label,type,aliases,theme",
                "actors.csv:5: theme 'geopolitiek' is not an id in themes.csv; use one of its ids or leave the cell empty",
            ]
        );
        let ids: Vec<&str> = lexicon.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["polarisatie", "china"]);
    }

    #[test]
    fn the_shipped_lexicon_is_clean() {
        let lexicon = Lexicon::built_in();
        assert!(lexicon.problems.is_empty(), "{:?}", lexicon.problems);
        assert_eq!(
            lexicon
                .of(EntryKind::Theme)
                .filter(|e| e.entry_type == "theme")
                .count(),
            12
        );
    }
}
