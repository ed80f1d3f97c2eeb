//! `manifest.csv`: one row per document, `file,series,edition,date,title,publisher,url`.
//!
//! Analysts keep the manifest in a spreadsheet, so the reader is forgiving where it can be (extra
//! columns are ignored with a warning, cells are trimmed) and precise where it cannot (a bad date or a
//! repeated file names the line and what to write instead).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::sheet::Sheet;
use super::{DocMeta, Problem};

/// The columns horizon reads, in their usual order.
pub const COLUMNS: [&str; 7] = [
    "file",
    "series",
    "edition",
    "date",
    "title",
    "publisher",
    "url",
];

/// Columns a manifest cannot do without.
const REQUIRED: [&str; 2] = ["file", "edition"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestRow {
    /// Line in the manifest file (1-based; the header is line 1).
    pub line: usize,
    pub file: String,
    pub series: String,
    pub edition: String,
    pub date: Option<String>,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

impl ManifestRow {
    pub fn meta(&self) -> DocMeta {
        DocMeta {
            series: self.series.clone(),
            edition: self.edition.clone(),
            date: self.date.clone(),
            title: self.title.clone(),
            publisher: self.publisher.clone(),
            url: self.url.clone(),
            listed: true,
        }
    }
}

#[derive(Debug, Default)]
pub struct Manifest {
    pub path: PathBuf,
    /// Rows that can be used.
    pub rows: Vec<ManifestRow>,
    /// Rows that cannot, with line and reason; their documents are skipped rather than guessed at.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Files named by rejected rows, so they are not then indexed with inferred metadata.
    pub rejected: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:1: {why}")]
    Header { path: PathBuf, why: String },
    #[error("{path}:1: the header has no '{column}' column; the header must name file,series,edition,date,title,publisher,url")]
    MissingColumn { path: PathBuf, column: &'static str },
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Manifest, ManifestError> {
        let bytes = std::fs::read(path).map_err(|source| ManifestError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Manifest::parse(path, &bytes)
    }

    /// Parses manifest bytes as if read from `path`.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Manifest, ManifestError> {
        let sheet = Sheet::parse(bytes).map_err(|why| ManifestError::Header {
            path: path.to_path_buf(),
            why,
        })?;
        let mut manifest = Manifest {
            path: path.to_path_buf(),
            ..Manifest::default()
        };
        for column in REQUIRED {
            if sheet.column(column).is_none() {
                return Err(ManifestError::MissingColumn {
                    path: path.to_path_buf(),
                    column,
                });
            }
        }
        for name in &sheet.header {
            if !COLUMNS.contains(&name.as_str()) {
                manifest.warn(
                    1,
                    format!(
                        "unknown column '{name}' is ignored; horizon reads {}",
                        COLUMNS.join(",")
                    ),
                );
            }
        }
        for (line, why) in &sheet.unreadable {
            manifest.reject(*line, None, why.clone());
        }
        let positions: Vec<Option<usize>> = COLUMNS.iter().map(|c| sheet.column(c)).collect();
        let mut seen: HashSet<String> = HashSet::new();
        for row in &sheet.rows {
            let line = row.line;
            let cell = |i: usize| row.get(positions[i]).to_string();
            let file = cell(0);
            if file.is_empty() {
                manifest.reject(
                    line,
                    None,
                    "the 'file' cell is empty; name the document's file".into(),
                );
                continue;
            }
            if !seen.insert(file.clone()) {
                manifest.problems.push(Problem {
                    path: path.to_path_buf(),
                    line: Some(line),
                    message: format!(
                        "{file} is listed twice; the first row is used, delete this one"
                    ),
                });
                continue;
            }
            let edition = cell(2);
            if edition.is_empty() {
                manifest.reject(
                    line,
                    Some(file),
                    "the 'edition' cell is empty; name the edition (e.g. NVS 2019)".into(),
                );
                continue;
            }
            let date = cell(3);
            let date = if date.is_empty() {
                None
            } else if is_iso_date(&date) {
                Some(date)
            } else {
                manifest.reject(
                    line,
                    Some(file),
                    format!("date '{date}' is not a date in the form YYYY-MM-DD (e.g. 2021-04-30)"),
                );
                continue;
            };
            manifest.rows.push(ManifestRow {
                line,
                series: cell(1),
                edition,
                date,
                title: cell(4),
                publisher: cell(5),
                url: cell(6),
                file,
            });
        }
        Ok(manifest)
    }

    fn reject(&mut self, line: usize, file: Option<String>, message: String) {
        self.problems.push(Problem {
            path: self.path.clone(),
            line: Some(line),
            message: match &file {
                Some(file) => format!("{file} skipped: {message}"),
                None => message,
            },
        });
        self.rejected.extend(file);
    }

    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push(Problem {
            path: self.path.clone(),
            line: Some(line),
            message,
        });
    }
}

/// True for a real calendar date written YYYY-MM-DD.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest, ManifestError> {
        Manifest::parse(Path::new("corpus/manifest.csv"), text.as_bytes())
    }

    #[test]
    fn reads_rows_with_their_lines() {
        let manifest = parse(
            "file,series,edition,date,title,publisher,url\n\
             nvs-midterm-review-2021.txt,NVS,NVS midterm review 2021,2021-04-30,Nationale Veiligheid Strategie – midterm review,NCTV,https://example.org\n",
        )
        .unwrap();
        assert_eq!(manifest.rows.len(), 1);
        let row = &manifest.rows[0];
        assert_eq!(row.line, 2);
        assert_eq!(row.edition, "NVS midterm review 2021");
        assert_eq!(row.date.as_deref(), Some("2021-04-30"));
        assert_eq!(row.title, "Nationale Veiligheid Strategie – midterm review");
        assert!(manifest.problems.is_empty() && manifest.warnings.is_empty());
    }

    #[test]
    fn bad_rows_name_their_line_and_the_fix() {
        let manifest = parse(
            "file,edition,date,opmerking\n\
             a.txt,NVS 2019,2019-06-31,\n\
             b.txt,NVS 2019,30-04-2021,\n\
             c.txt,,2021-04-30,\n\
             d.txt,NVS 2021,2021-04-30,\n\
             d.txt,NVS 2021,2021-04-30,\n",
        )
        .unwrap();
        let messages: Vec<String> = manifest.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("corpus/manifest.csv:2: a.txt skipped: date '2019-06-31'"));
        assert!(messages[1]
            .contains(":3: b.txt skipped: date '30-04-2021' is not a date in the form YYYY-MM-DD"));
        assert!(messages[2].contains(":4: c.txt skipped: the 'edition' cell is empty"));
        assert!(messages[3].contains(":6: d.txt is listed twice"));
        assert_eq!(manifest.rejected, ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(manifest.warnings.len(), 1);
        assert!(manifest.warnings[0]
            .message
            .contains("unknown column 'opmerking'"));
        assert_eq!(manifest.rows.len(), 1);
    }

    #[test]
    fn a_header_without_file_is_refused() {
        let err = parse("bestand,edition\nx.txt,NVS\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "corpus/manifest.csv:1: the header has no 'file' column; the header must name file,series,edition,date,title,publisher,url"
        );
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2021-02-29"));
        assert!(!is_iso_date("2021-4-30"));
        assert!(!is_iso_date("2021-04-3a"));
    }
}
