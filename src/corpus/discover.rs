//! Discovery: the document files below a corpus folder, in a stable order.

use std::path::{Path, PathBuf};

use super::CorpusError;

/// File extensions that hold documents (`.jsonl`: one document a line).
pub const EXTENSIONS: [&str; 4] = ["pdf", "txt", "md", "jsonl"];

/// Every `.pdf`, `.txt`, `.md` and `.jsonl` file below `dir`, sorted; hidden files and folders are passed
/// over.
pub fn documents(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut found = Vec::new();
    walk(dir, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let list_err = |source| CorpusError::List {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(list_err)? {
        let entry = entry.map_err(list_err)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(list_err)?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if is_document(&path) {
            found.push(path);
        }
    }
    Ok(())
}

/// A PDF by its extension (what is inside is checked when it is read).
pub fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pdf_text_and_markdown_recursively_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("wet")).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        for name in [
            "b.txt",
            "a.MD",
            "wet/BWBR0001840.md",
            "manifest.csv",
            ".git/x.txt",
            "notes.pdf",
        ] {
            std::fs::write(dir.path().join(name), "tekst").unwrap();
        }
        let found: Vec<String> = documents(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["a.MD", "b.txt", "notes.pdf", "wet/BWBR0001840.md"]);
    }
}
