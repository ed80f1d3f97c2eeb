//! The corpus: which documents there are, what the manifest says of each, and their text as checked UTF-8.
//!
//! Owns discovery of files under the corpus folder, `manifest.csv`, file checks and decoding, and the
//! inference of edition and date for files the manifest does not list. It hands [`Document`]s to the
//! repair stage and knows nothing of paragraphs, passages or the index. A problem with one document
//! becomes a [`Problem`] (file, line, what to do) and the other documents go on.

mod decode;
mod discover;
pub mod editions;
mod infer;
pub mod manifest;
pub mod sheet;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use decode::decode;
pub use editions::EditionDef;
pub use manifest::{Manifest, ManifestRow};

/// The manifest's file name inside a corpus folder.
pub const MANIFEST_FILE: &str = "manifest.csv";

/// What is known of a document besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub series: String,
    pub edition: String,
    /// YYYY-MM-DD, where known.
    pub date: Option<String>,
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// True when the manifest lists the document; false when edition and date were inferred.
    pub listed: bool,
}

/// One readable document of the corpus.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path below the corpus folder without its extension, with `/` separators: stable and unique.
    pub id: String,
    pub path: PathBuf,
    pub meta: DocMeta,
    pub text: String,
    /// Bytes dropped before `text` starts in the file (a UTF-8 byte-order mark), so offsets map back.
    pub source_offset: usize,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// A document that could not be used, or a note about one, with where and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// What loading a corpus folder found.
#[derive(Debug, Default)]
pub struct LoadedCorpus {
    pub documents: Vec<Document>,
    /// Documents that were skipped, and why.
    pub problems: Vec<Problem>,
    /// Things the user should know that did not stop a document (an unlisted file, an unknown column).
    pub warnings: Vec<Problem>,
    /// Editions declared in `editions.csv`, beside those of the documents.
    pub editions: Vec<EditionDef>,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("corpus folder {0} does not exist; give the folder that holds your documents (default: corpus)")]
    MissingFolder(PathBuf),
    #[error("{0} is not a folder; give the folder that holds your documents")]
    NotAFolder(PathBuf),
    #[error("cannot list {path}")]
    List {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Manifest(#[from] manifest::ManifestError),
    #[error("{0}: no .txt or .md documents found; put the documents in this folder (subfolders are searched too)")]
    NoDocuments(PathBuf),
}

/// Reads every document of the corpus folder `dir`, with metadata from its manifest where it has one.
pub fn load(dir: &Path) -> Result<LoadedCorpus, CorpusError> {
    if !dir.exists() {
        return Err(CorpusError::MissingFolder(dir.to_path_buf()));
    }
    if !dir.is_dir() {
        return Err(CorpusError::NotAFolder(dir.to_path_buf()));
    }
    let mut loaded = LoadedCorpus::default();
    let manifest_path = dir.join(MANIFEST_FILE);
    let manifest = if manifest_path.is_file() {
        let manifest = Manifest::read(&manifest_path)?;
        loaded.warnings.extend(manifest.warnings.iter().cloned());
        loaded.problems.extend(manifest.problems.iter().cloned());
        Some(manifest)
    } else {
        None
    };

    let editions_path = dir.join(editions::EDITIONS_FILE);
    if editions_path.is_file() {
        let (editions, problems) = editions::read(&editions_path);
        loaded.editions = editions;
        loaded.warnings.extend(problems);
    }
    let files = discover::documents(dir)?;
    let mut listed: BTreeMap<PathBuf, &ManifestRow> = BTreeMap::new();
    if let Some(manifest) = &manifest {
        for row in &manifest.rows {
            let path = dir.join(&row.file);
            if path.is_file() {
                listed.insert(normalise(&path), row);
            } else {
                loaded.problems.push(Problem {
                    path: manifest_path.clone(),
                    line: Some(row.line),
                    message: format!(
                        "file {} does not exist; fix the file name in this row or add the file to {}",
                        row.file,
                        dir.display()
                    ),
                });
            }
        }
    }
    let rejected: Vec<PathBuf> = manifest
        .iter()
        .flat_map(|m| m.rejected.iter().map(|file| normalise(&dir.join(file))))
        .collect();
    let mut unlisted = 0usize;
    for path in files {
        let key = normalise(&path);
        // A document whose row is wrong is skipped (already reported) rather than indexed under a guess.
        if rejected.contains(&key) {
            continue;
        }
        let row = listed.remove(&key);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                loaded.problems.push(Problem {
                    path: path.clone(),
                    line: None,
                    message: format!("cannot read the file ({err}); check its permissions"),
                });
                continue;
            }
        };
        let decoded = match decode(&bytes) {
            Ok(decoded) => decoded,
            Err(err) => {
                loaded.problems.push(Problem {
                    path: path.clone(),
                    line: err.line(),
                    message: err.to_string(),
                });
                continue;
            }
        };
        let id = doc_id(dir, &path);
        let meta = match row {
            Some(row) => row.meta(),
            None => {
                unlisted += 1;
                if manifest.is_some() {
                    loaded.warnings.push(Problem {
                        path: path.clone(),
                        line: None,
                        message: format!(
                            "not in {MANIFEST_FILE}; edition and date inferred from its name and text (add a row to set them)"
                        ),
                    });
                }
                infer::meta(dir, &path, &decoded.text)
            }
        };
        loaded.documents.push(Document {
            id,
            path,
            meta,
            text: decoded.text,
            source_offset: decoded.offset,
            bytes: bytes.len() as u64,
        });
    }
    // Files listed by the manifest but not of a known kind (.pdf, .docx) still must not vanish silently.
    for path in listed.into_keys() {
        loaded.problems.push(Problem {
            message: "listed in the manifest but not a .txt or .md file; convert it to text (e.g. pdftotext) and list that file".to_string(),
            path,
            line: None,
        });
    }
    if manifest.is_none() && unlisted > 0 {
        loaded.warnings.push(Problem {
            path: dir.to_path_buf(),
            line: None,
            message: format!(
                "no {MANIFEST_FILE}; edition and date of {unlisted} documents inferred from their names and text"
            ),
        });
    }
    if loaded.documents.is_empty() && loaded.problems.is_empty() {
        return Err(CorpusError::NoDocuments(dir.to_path_buf()));
    }
    Ok(loaded)
}

fn normalise(path: &Path) -> PathBuf {
    path.components().collect()
}

/// The document id: its path below the corpus folder, without extension, `/`-separated.
fn doc_id(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path).with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_paths_without_extension() {
        let dir = Path::new("/data/corpus");
        assert_eq!(
            doc_id(dir, Path::new("/data/corpus/wet/BWBR0001840.md")),
            "wet/BWBR0001840"
        );
        assert_eq!(
            doc_id(dir, Path::new("/data/corpus/nvs-midterm-review-2021.txt")),
            "nvs-midterm-review-2021"
        );
    }

    #[test]
    fn problems_name_file_and_line() {
        let problem = Problem {
            path: PathBuf::from("corpus/manifest.csv"),
            line: Some(3),
            message: "date '2021-13-01' is not a date".into(),
        };
        assert_eq!(
            problem.to_string(),
            "corpus/manifest.csv:3: date '2021-13-01' is not a date"
        );
    }
}
