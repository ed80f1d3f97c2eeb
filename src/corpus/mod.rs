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
mod pages;
pub mod pdf;
pub mod sheet;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use decode::{decode, decode_lenient};
pub use editions::EditionDef;
pub use manifest::{Manifest, ManifestRow};
pub use pages::{format_pages, PageMap};
use sha2::{Digest, Sha256};

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
    /// Words whose ligature letters a PDF had lost and the word list restored.
    pub ligatures_restored: usize,
    /// Where the pages of `text` are (form feeds), for the pages of each passage.
    pub pages: PageMap,
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

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("corpus folder {0} does not exist; give the folder that holds your documents (default: corpus)")]
    MissingFolder(PathBuf),
    #[error("{0} is not a folder or a .jsonl file; give the folder that holds your documents")]
    NotAFolder(PathBuf),
    #[error("cannot list {path}")]
    List {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Manifest(#[from] manifest::ManifestError),
    #[error("{0}: no .pdf, .txt, .md or .jsonl documents found; put the documents in this folder (subfolders are searched too)")]
    NoDocuments(PathBuf),
}

/// Where a document's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A whole `.txt` or `.md` file.
    File,
    /// A PDF, read page by page into text.
    Pdf,
    /// One line of a JSON-lines file (`{"Content": "..."}`), at a byte range.
    JsonLine { line: usize, offset: u64, len: u64 },
}

/// A document to read: its id, where its text is, and what the manifest says of it.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub path: PathBuf,
    pub origin: Origin,
    pub row: Option<ManifestRow>,
    /// Bytes of text (the file, or the JSON line).
    pub size: u64,
    /// Last modification of the file, in nanoseconds since the epoch (0 where unknown).
    pub modified: u128,
    /// Missing from a manifest that lists other documents: worth a warning once it is read.
    pub unlisted: bool,
}

impl Source {
    /// The warning for a document the manifest does not list, if it is one.
    pub fn unlisted_warning(&self) -> Option<Problem> {
        self.unlisted.then(|| Problem {
            path: self.path.clone(),
            line: None,
            message: format!(
                "not in {MANIFEST_FILE}; edition and date inferred from its name and text (add a row to set them)"
            ),
        })
    }
}

/// What a corpus holds, before any document is read.
#[derive(Debug, Default)]
pub struct Plan {
    /// The corpus folder (for a JSON-lines file given alone, its folder).
    pub root: PathBuf,
    pub sources: Vec<Source>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub editions: Vec<EditionDef>,
}

/// Lists the documents of `corpus` (a folder, or one `.jsonl` file), with metadata from the manifest
/// where there is one; reads no document yet.
pub fn plan(corpus: &Path) -> Result<Plan, CorpusError> {
    if !corpus.exists() {
        return Err(CorpusError::MissingFolder(corpus.to_path_buf()));
    }
    if corpus.is_file() {
        if corpus.extension().is_some_and(|e| e == "jsonl") {
            let root = corpus.parent().unwrap_or(Path::new(".")).to_path_buf();
            let mut plan = Plan {
                root: root.clone(),
                ..Plan::default()
            };
            add_json_lines(&root, corpus, &mut plan);
            plan.warnings.push(Problem {
                path: corpus.to_path_buf(),
                line: None,
                message: format!(
                    "no {MANIFEST_FILE}; edition and date of {} documents inferred from their text",
                    plan.sources.len()
                ),
            });
            return Ok(plan);
        }
        return Err(CorpusError::NotAFolder(corpus.to_path_buf()));
    }
    let dir = corpus;
    let mut plan = Plan {
        root: dir.to_path_buf(),
        ..Plan::default()
    };
    let manifest_path = dir.join(MANIFEST_FILE);
    let manifest = if manifest_path.is_file() {
        let manifest = Manifest::read(&manifest_path)?;
        plan.warnings.extend(manifest.warnings.iter().cloned());
        plan.problems.extend(manifest.problems.iter().cloned());
        Some(manifest)
    } else {
        None
    };
    let editions_path = dir.join(editions::EDITIONS_FILE);
    if editions_path.is_file() {
        let (editions, problems) = editions::read(&editions_path);
        plan.editions = editions;
        plan.warnings.extend(problems);
    }
    let files = discover::documents(dir)?;
    let mut listed: BTreeMap<PathBuf, &ManifestRow> = BTreeMap::new();
    if let Some(manifest) = &manifest {
        for row in &manifest.rows {
            let path = dir.join(&row.file);
            if path.is_file() {
                listed.insert(normalise(&path), row);
            } else {
                plan.problems.push(Problem {
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
        if path.extension().is_some_and(|e| e == "jsonl") {
            listed.remove(&key);
            add_json_lines(dir, &path, &mut plan);
            continue;
        }
        let row = listed.remove(&key).cloned();
        if row.is_none() {
            unlisted += 1;
        }
        let (size, modified) = stamp(&path);
        let origin = if discover::is_pdf(&path) {
            Origin::Pdf
        } else {
            Origin::File
        };
        plan.sources.push(Source {
            id: doc_id(dir, &path),
            path,
            origin,
            unlisted: row.is_none() && manifest.is_some(),
            row,
            size,
            modified,
        });
    }
    // Files listed by the manifest but not of a known kind (.pdf, .docx) still must not vanish silently.
    for path in listed.into_keys() {
        plan.problems.push(Problem {
            message: "listed in the manifest but not a .pdf, .txt, .md or .jsonl file; convert it to PDF or text and list that file".to_string(),
            path,
            line: None,
        });
    }
    if manifest.is_none() && unlisted > 0 {
        plan.warnings.push(Problem {
            path: dir.to_path_buf(),
            line: None,
            message: format!(
                "no {MANIFEST_FILE}; edition and date of {unlisted} documents inferred from their names and text"
            ),
        });
    }
    if plan.sources.is_empty() && plan.problems.is_empty() {
        return Err(CorpusError::NoDocuments(dir.to_path_buf()));
    }
    Ok(plan)
}

/// One source per non-empty line of a JSON-lines file.
fn add_json_lines(root: &Path, path: &Path, plan: &mut Plan) {
    let unreadable = |err: std::io::Error| Problem {
        path: path.to_path_buf(),
        line: None,
        message: format!("cannot read the file ({err}); check its permissions"),
    };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return plan.problems.push(unreadable(err)),
    };
    let (_, modified) = stamp(path);
    let base = doc_id(root, path);
    let first = plan.sources.len();
    let mut add = |index: usize, offset: u64, len: u64| {
        plan.sources.push(Source {
            id: format!("{base}/{}", index + 1),
            path: path.to_path_buf(),
            origin: Origin::JsonLine {
                line: index + 1,
                offset,
                len,
            },
            row: None,
            size: len,
            modified,
            unlisted: false,
        })
    };
    // Only where lines start matters here (workers read each line themselves), so the file streams
    // through one reused buffer instead of being read whole: reading 17 MB into fresh memory took
    // longer than finding its 5,000 lines.
    let mut buffer = vec![0; 1 << 20];
    let (mut at, mut line_start, mut index, mut blank) = (0u64, 0u64, 0usize, true);
    loop {
        let read = match std::io::Read::read(&mut file, &mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => {
                plan.sources.truncate(first);
                return plan.problems.push(unreadable(err));
            }
        };
        let chunk = &buffer[..read];
        let mut from = 0;
        for newline in memchr::memchr_iter(b'\n', chunk) {
            blank = blank && chunk[from..newline].iter().all(u8::is_ascii_whitespace);
            let end = at + newline as u64;
            if !blank {
                add(index, line_start, end - line_start);
            }
            (index, line_start, blank, from) = (index + 1, end + 1, true, newline + 1);
        }
        blank = blank && chunk[from..].iter().all(u8::is_ascii_whitespace);
        at += read as u64;
    }
    if !blank {
        add(index, line_start, at - line_start);
    }
}

fn stamp(path: &Path) -> (u64, u128) {
    std::fs::metadata(path)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            (m.len(), modified)
        })
        .unwrap_or((0, 0))
}

impl Source {
    /// Reads and decodes the document, with its metadata; a document that cannot be used is a
    /// [`Problem`] naming its file and line. Also returns the SHA-256 of its bytes, and warnings: text
    /// that was not UTF-8 and was read as Windows-1252 (`strict` refuses it instead), PDF pages
    /// without text.
    pub fn read(
        &self,
        root: &Path,
        strict: bool,
    ) -> Result<(Document, String, Vec<Problem>), Problem> {
        let problem = |line: Option<usize>, message: String| Problem {
            path: self.path.clone(),
            line,
            message,
        };
        let unreadable = |err: std::io::Error| {
            problem(
                None,
                format!("cannot read the file ({err}); check its permissions"),
            )
        };
        let bytes = match &self.origin {
            Origin::File | Origin::Pdf => std::fs::read(&self.path).map_err(unreadable)?,
            Origin::JsonLine { line, offset, len } => {
                let mut raw = vec![0; *len as usize];
                read_at(&self.path, *offset, &mut raw)
                    .map_err(|err| problem(Some(*line), format!("cannot read the line ({err})")))?;
                json_text(&raw)
                    .map_err(|why| problem(Some(*line), why))?
                    .into_bytes()
            }
        };
        let hash = hex(&Sha256::digest(&bytes));
        if self.origin == Origin::Pdf {
            return self.read_pdf(root, bytes, hash);
        }
        let line_of = |decode_line: Option<usize>| match &self.origin {
            Origin::JsonLine { line, .. } => Some(*line),
            Origin::File | Origin::Pdf => decode_line,
        };
        let decoded = decode_lenient(&bytes, strict)
            .map_err(|err| problem(line_of(err.line()), err.to_string()))?;
        let warning = decoded.fallback.as_ref().map(|err| match err {
            decode::DecodeError::NotUtf8 { line, column, byte } => problem(
                line_of(Some(*line)),
                format!(
                    "not UTF-8 (byte 0x{byte:02X} at column {column}); read as Windows-1252: check its accents, or save it as UTF-8 (--strict refuses such files)"
                ),
            ),
            other => problem(line_of(other.line()), other.to_string()),
        });
        let meta = match (&self.row, &self.origin) {
            (Some(row), _) => row.meta(),
            (None, Origin::File | Origin::Pdf) => infer::meta(root, &self.path, &decoded.text),
            (None, Origin::JsonLine { .. }) => infer::line_meta(root, &self.path, &decoded.text),
        };
        Ok((
            Document {
                id: self.id.clone(),
                path: self.path.clone(),
                meta,
                pages: PageMap::new(&decoded.text),
                text: decoded.text,
                source_offset: decoded.offset,
                bytes: bytes.len() as u64,
                ligatures_restored: 0,
            },
            hash,
            warning.into_iter().collect(),
        ))
    }

    /// A PDF's text, laid out, with metadata from the manifest or else from its name, its
    /// information and its first page.
    fn read_pdf(
        &self,
        root: &Path,
        bytes: Vec<u8>,
        hash: String,
    ) -> Result<(Document, String, Vec<Problem>), Problem> {
        let problem = |message: String| Problem {
            path: self.path.clone(),
            line: None,
            message,
        };
        let size = bytes.len() as u64;
        let read = pdf::read(bytes, pdf::TIME_LIMIT, |word| {
            crate::lang::word_list().count(word) > 0
        })
        .map_err(|err| problem(err.to_string()))?;
        let mut warnings = Vec::new();
        if !read.image_pages.is_empty() {
            warnings.push(problem(format!(
                "page {} has no text layer (scanned); run OCR first (e.g. ocrmypdf) to index it",
                page_list(&read.image_pages)
            )));
        }
        for (page, why) in &read.broken_pages {
            warnings.push(problem(format!(
                "page {page} could not be read ({why}); the other pages are indexed"
            )));
        }
        let meta = match &self.row {
            Some(row) => row.meta(),
            None => {
                let (meta, basis) = infer::pdf_meta(
                    root,
                    &self.path,
                    &read.text,
                    read.title.as_deref(),
                    read.created.as_deref(),
                );
                warnings.push(problem(match &meta.date {
                    Some(date) => format!(
                        "edition {:?} and date {date} inferred from {basis}; a row in {MANIFEST_FILE} sets them",
                        meta.edition
                    ),
                    None => format!(
                        "no date in its file name, PDF information or first page, so edition {:?}; a row in {MANIFEST_FILE} sets them",
                        meta.edition
                    ),
                }));
                meta
            }
        };
        Ok((
            Document {
                id: self.id.clone(),
                path: self.path.clone(),
                meta,
                pages: PageMap::new(&read.text),
                text: read.text,
                source_offset: 0,
                bytes: size,
                ligatures_restored: read.ligatures.restored,
            },
            hash,
            warnings,
        ))
    }
}

/// "3", "3, 5 and 7" for a list of pages.
fn page_list(pages: &[usize]) -> String {
    let mut names: Vec<String> = pages.iter().take(10).map(usize::to_string).collect();
    if pages.len() > 10 {
        names.push(format!("{} more", pages.len() - 10));
    }
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// The text of a JSON-lines record: its `Content` (or `content`, `text`) field.
/// Reads `buf.len()` bytes of the file at `path` from byte `offset` on. The thread keeps the file
/// open for the next call: the documents of a JSON-lines file are read one line at a time.
fn read_at(path: &Path, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    use std::cell::RefCell;
    use std::io::{Read, Seek, SeekFrom};
    thread_local! {
        static OPEN: RefCell<Option<(PathBuf, std::fs::File)>> = const { RefCell::new(None) };
    }
    OPEN.with_borrow_mut(|open| {
        let file = match open {
            Some((open_path, file)) if open_path == path => file,
            _ => {
                &mut open
                    .insert((path.to_path_buf(), std::fs::File::open(path)?))
                    .1
            }
        };
        file.seek(SeekFrom::Start(offset))?;
        file.read_exact(buf)
    })
}

fn json_text(raw: &[u8]) -> Result<String, String> {
    /// The fields a text may be in, in order of preference; other fields are skipped unread.
    #[derive(serde::Deserialize)]
    struct Line {
        #[serde(rename = "Content")]
        upper_content: Option<serde_json::Value>,
        content: Option<serde_json::Value>,
        text: Option<serde_json::Value>,
        #[serde(rename = "Text")]
        upper_text: Option<serde_json::Value>,
    }
    // A struct would also take its fields from an array, in order; a document line is an object.
    if raw.trim_ascii_start().first() != Some(&b'{') {
        return Err("not a JSON object; each line must be {\"Content\": \"...\"}".to_string());
    }
    let line: Line = serde_json::from_slice(raw).map_err(|err| {
        format!("not a JSON object ({err}); each line must be {{\"Content\": \"...\"}}")
    })?;
    [line.upper_content, line.content, line.text, line.upper_text]
        .into_iter()
        .find_map(|field| match field {
            Some(serde_json::Value::String(text)) => Some(text),
            _ => None,
        })
        .ok_or_else(|| "the JSON object has no \"Content\" text field".to_string())
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

    /// Reads every source of the JSON-lines `file`: metadata or the problem, by line.
    fn read_lines(file: &Path) -> Vec<Result<(usize, DocMeta, String), Problem>> {
        let plan = plan(file).expect("a JSON-lines file plans");
        plan.sources
            .iter()
            .map(|source| {
                let Origin::JsonLine { line, .. } = source.origin else {
                    panic!("{} is not a JSON line", source.id)
                };
                source
                    .read(&plan.root, false)
                    .map(|(document, _, _)| (line, document.meta, document.text))
            })
            .collect()
    }

    #[test]
    fn json_lines_are_documents_with_metadata_from_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kamerstukken.jsonl");
        let lines = [
            r#"{"URL": "https://zoek.officielebekendmakingen.nl/0000142774/ocr", "Content": "Tweede Kamer der Staten-Generaal\n2\nZitting 1982-1983\n12449\nAfsluiting van de Oosterschelde\n's-Gravenhage, 21 juni 1983\nOp 24 augustus 1982 is naar aanleiding", "Source": "sgd"}"#,
            "",
            r#"{"Content": 12449, "text": "Zitting 1982-1983\nBRIEF VAN DE MINISTER VAN VERKEER EN WATERSTAAT"}"#,
            r#"{"Content": "Afsluiting van de Oosterschelde"#,
            r#"{"URL": "https://zoek.officielebekendmakingen.nl/0000142774/ocr"}"#,
            r#"["Afsluiting", "van de", "Oosterschelde", "Nr 66"]"#,
        ];
        std::fs::write(&file, lines.join("\n")).unwrap();
        let read = read_lines(&file);
        assert_eq!(read.len(), 5, "the empty line is no document");
        let (line, meta, text) = read[0].as_ref().unwrap();
        assert_eq!(*line, 1);
        assert_eq!(meta.date.as_deref(), Some("1983-06-21"));
        assert_eq!(meta.edition, "1983");
        assert_eq!(meta.series, "kamerstukken", "the file is the series");
        assert!(text.contains("'s-Gravenhage, 21 juni 1983"));
        // A field that is not text is passed over for the next one that is.
        let (line, meta, text) = read[1].as_ref().unwrap();
        assert_eq!(*line, 3);
        assert_eq!(meta.edition, "Zitting 1982-1983");
        assert!(text.starts_with("Zitting 1982-1983\nBRIEF"));
        let broken = read[2].as_ref().unwrap_err();
        assert_eq!(broken.line, Some(4));
        assert!(broken.to_string().contains("not a JSON object"), "{broken}");
        let untexted = read[3].as_ref().unwrap_err();
        assert_eq!(untexted.line, Some(5));
        assert!(untexted.to_string().contains("no \"Content\" text field"));
        let array = read[4].as_ref().unwrap_err();
        assert_eq!(array.line, Some(6));
        assert!(array.to_string().contains("not a JSON object"), "{array}");
    }

    #[test]
    fn json_lines_across_the_read_buffer_are_found_whole() {
        // Lines of 0.1 to 900 KB, a blank line of 300 KB and a last line without a newline: the file
        // streams through a buffer of 1 MB, whose edges fall in the blank line (at 1 MB), in line 5
        // (2 MB) and in the last line (3 MB).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kamerstukken.jsonl");
        let sentence = "Het kabinet versterkt de weerbaarheid tegen ondermijnende criminaliteit. ";
        let mut lines = Vec::new();
        for (i, repeat) in [1, 12000, 8000, 40, 4000, 10000, 7, 5000]
            .into_iter()
            .enumerate()
        {
            lines.push(format!(
                r#"{{"Content": "Nr {i}. {}"}}"#,
                sentence.repeat(repeat)
            ));
            if i == 1 {
                lines.push(" ".repeat(300_000));
            }
        }
        let joined = lines.join("\n");
        assert!(joined.len() > 3 << 20);
        assert!(joined.find(&" ".repeat(1000)).unwrap() < 1 << 20);
        std::fs::write(&file, &joined).unwrap();
        let read = read_lines(&file);
        assert_eq!(read.len(), 8, "the blank line is no document");
        for (i, found) in read.iter().enumerate() {
            let (line, _, text) = found.as_ref().unwrap();
            assert_eq!(*line, if i <= 1 { i + 1 } else { i + 2 });
            assert!(text.starts_with(&format!("Nr {i}. Het kabinet")), "{i}");
            assert!(text.ends_with("criminaliteit. "), "line {line} is whole");
        }
    }

    #[test]
    fn a_json_line_number_is_no_year() {
        // Line 1995 of a file of undated papers once became edition "1995" of its "file name".
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kamerstukken.jsonl");
        let line =
            r#"{"Content": "Tweede Kamer der Staten-Generaal\nAfsluiting van de Oosterschelde"}"#;
        std::fs::write(&file, vec![line; 1995].join("\n")).unwrap();
        let read = read_lines(&file);
        let (number, meta, _) = read[1994].as_ref().unwrap();
        assert_eq!(*number, 1995);
        assert_eq!(meta.edition, "kamerstukken");
        assert_eq!(meta.date, None);
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
