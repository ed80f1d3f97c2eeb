//! The watch list: saved searches an analyst keeps beside the lexicon, in `corpus/watch.csv` with
//! the columns `id,label,query,theme,note` (a query in horizon's search syntax). Read and checked
//! like the lexicon: a bad row is one `file:line: ...` problem and the other rows still count.
//! `horizon watch add|remove` rewrite the file through here, so a hand-kept file and the commands
//! agree on its shape.

use std::path::{Path, PathBuf};

use crate::corpus::sheet::{RowProblem, Sheet};
use crate::index::parse_query;

/// The watch list's file name in a corpus folder.
pub const FILE: &str = "watch.csv";

/// The columns of `watch.csv`, in the order `horizon watch add` writes them.
pub const COLUMNS: [&str; 5] = ["id", "label", "query", "theme", "note"];

/// One saved search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub id: String,
    pub label: String,
    pub query: String,
    /// A theme id or title the search keeps to; empty for all.
    pub theme: String,
    pub note: String,
    /// The line of the file it came from (0 for a watch not yet written).
    pub line: usize,
}

/// A row of the watch list that was left out, and why.
pub type WatchProblem = RowProblem;

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("cannot read the watch list {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write the watch list {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}; fix the file before changing it with horizon watch")]
    Broken(WatchProblem),
    #[error(
        "{path} already has a watch '{id}' (line {line}); remove it first or choose another id"
    )]
    Duplicate {
        path: PathBuf,
        id: String,
        line: usize,
    },
    #[error("{path} has no watch '{id}'; `horizon watch list` shows the ids")]
    Unknown { path: PathBuf, id: String },
    #[error("watch '{id}': {why}")]
    Invalid { id: String, why: String },
}

/// A read watch list, with the rows it had to leave out.
#[derive(Debug, Clone, Default)]
pub struct WatchList {
    pub path: PathBuf,
    pub watches: Vec<Watch>,
    pub problems: Vec<WatchProblem>,
}

impl WatchList {
    /// Reads `path`; a missing file is an empty list.
    pub fn read(path: &Path) -> Result<WatchList, WatchError> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(WatchList::parse(path, &bytes)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(WatchList {
                path: path.to_path_buf(),
                ..WatchList::default()
            }),
            Err(source) => Err(WatchError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    pub fn parse(path: &Path, bytes: &[u8]) -> WatchList {
        let mut list = WatchList {
            path: path.to_path_buf(),
            ..WatchList::default()
        };
        let problem = |line: usize, message: String| WatchProblem {
            file: path.to_path_buf(),
            line,
            message,
        };
        let (sheet, columns, unreadable) =
            match Sheet::read(path, bytes, &COLUMNS, &["id", "query"]) {
                Ok(read) => read,
                Err(problem) => {
                    list.problems.push(problem);
                    return list;
                }
            };
        list.problems.extend(unreadable);
        for row in &sheet.rows {
            let cell = |i: usize| row.get(columns[i]).trim().to_string();
            let watch = Watch {
                id: cell(0),
                label: cell(1),
                query: cell(2),
                theme: cell(3),
                note: cell(4),
                line: row.line,
            };
            if let Some(line) = list
                .watches
                .iter()
                .find(|w| w.id == watch.id)
                .map(|w| w.line)
            {
                list.problems.push(problem(
                    row.line,
                    format!(
                        "duplicate id '{}' (first on line {line}); give this watch an id of its own",
                        watch.id
                    ),
                ));
                continue;
            }
            match check(&watch) {
                Ok(()) => list.watches.push(watch),
                Err(why) => list.problems.push(problem(row.line, why)),
            }
        }
        list
    }

    /// Adds `watch` and writes the file; refused when the file has problems or the id is taken.
    pub fn add(&mut self, watch: Watch) -> Result<(), WatchError> {
        self.writable()?;
        if let Some(old) = self.watches.iter().find(|w| w.id == watch.id) {
            return Err(WatchError::Duplicate {
                path: self.path.clone(),
                id: watch.id,
                line: old.line,
            });
        }
        check(&watch).map_err(|why| WatchError::Invalid {
            id: watch.id.clone(),
            why,
        })?;
        self.watches.push(watch);
        self.write()
    }

    /// Removes the watch `id` and writes the file.
    pub fn remove(&mut self, id: &str) -> Result<Watch, WatchError> {
        self.writable()?;
        let at = self
            .watches
            .iter()
            .position(|w| w.id == id)
            .ok_or_else(|| WatchError::Unknown {
                path: self.path.clone(),
                id: id.to_string(),
            })?;
        let removed = self.watches.remove(at);
        self.write()?;
        Ok(removed)
    }

    /// A file with rows left out would lose them on rewriting.
    fn writable(&self) -> Result<(), WatchError> {
        match self.problems.first() {
            Some(problem) => Err(WatchError::Broken(problem.clone())),
            None => Ok(()),
        }
    }

    fn write(&self) -> Result<(), WatchError> {
        let err = |source| WatchError::Write {
            path: self.path.clone(),
            source,
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        let rows = self.watches.iter().map(|w| {
            [
                w.id.as_str(),
                w.label.as_str(),
                w.query.as_str(),
                w.theme.as_str(),
                w.note.as_str(),
            ]
        });
        for row in std::iter::once(COLUMNS).chain(rows) {
            writer
                .write_record(row)
                .map_err(|e| err(std::io::Error::other(e)))?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| err(std::io::Error::other(e.to_string())))?;
        if let Some(parent) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        std::fs::write(&self.path, bytes).map_err(err)
    }
}

/// What is wrong with a watch, if anything: an id a URL can carry, and a query that parses.
fn check(watch: &Watch) -> Result<(), String> {
    if watch.id.is_empty() || watch.query.is_empty() {
        return Err("the 'id' and 'query' cells must not be empty".to_string());
    }
    if !watch
        .id
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "id '{}' may hold only letters, digits, '-' and '_' (it names the watch in addresses)",
            watch.id
        ));
    }
    parse_query(&watch.query)
        .map(|_| ())
        .map_err(|err| format!("the query does not parse: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "id,label,query,theme,note
desinformatie,Desinformatie,desinformatie OR nepnieuws,,statelijke beïnvloeding
ransomware,Ransomware,ransomware,digitale-dreigingen,
desinformatie,Nog eens,desinformatie,,
kapot,Kapot,\"(rusland\",,
,Leeg,cyber,,
spatie id,Spatie,cyber,,
";

    #[test]
    fn bad_rows_are_problems_with_their_lines_and_the_rest_counts() {
        let list = WatchList::parse(Path::new("corpus/watch.csv"), FILE.as_bytes());
        let ids: Vec<&str> = list.watches.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(ids, ["desinformatie", "ransomware"]);
        assert_eq!(list.watches[0].note, "statelijke beïnvloeding");
        let lines: Vec<usize> = list.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 5, 6, 7]);
        assert!(list.problems[0]
            .to_string()
            .starts_with("corpus/watch.csv:4: duplicate id 'desinformatie' (first on line 2)"));
        assert!(
            list.problems[1]
                .message
                .starts_with("the query does not parse"),
            "{}",
            list.problems[1]
        );
    }

    #[test]
    fn add_and_remove_rewrite_the_file_and_refuse_a_broken_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("watch.csv");
        let mut list = WatchList::read(&path).unwrap();
        assert!(list.watches.is_empty());
        let watch = |id: &str, query: &str| Watch {
            id: id.into(),
            label: "Zeespiegelstijging".into(),
            query: query.into(),
            theme: String::new(),
            note: "klimaat, \"hoog water\"".into(),
            line: 0,
        };
        list.add(watch("zeespiegel", "zeespiegel*")).unwrap();
        list.add(watch("cbrn", "\"chemische wapens\"")).unwrap();
        assert!(matches!(
            list.add(watch("cbrn", "cbrn")),
            Err(WatchError::Duplicate { line: 0, .. })
        ));
        assert!(matches!(
            list.add(watch("kapot", "\"open")),
            Err(WatchError::Invalid { .. })
        ));
        let again = WatchList::read(&path).unwrap();
        assert_eq!(again.watches.len(), 2);
        assert_eq!(again.watches[1].query, "\"chemische wapens\"");
        assert_eq!(again.watches[0].note, "klimaat, \"hoog water\"");
        let mut again = again;
        again.remove("zeespiegel").unwrap();
        assert_eq!(WatchList::read(&path).unwrap().watches.len(), 1);
        std::fs::write(&path, FILE).unwrap();
        let mut broken = WatchList::read(&path).unwrap();
        assert!(matches!(
            broken.remove("ransomware"),
            Err(WatchError::Broken(_))
        ));
    }
}
