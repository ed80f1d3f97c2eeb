//! Discovery: the document files below a corpus folder, in a stable order.

use std::path::{Path, PathBuf};

use super::CorpusError;

/// File extensions that hold documents (`.jsonl`: one document a line).
pub const EXTENSIONS: [&str; 4] = ["pdf", "txt", "md", "jsonl"];

/// Every `.pdf`, `.txt`, `.md` and `.jsonl` file below `dir`, sorted; hidden files and folders are passed
/// over. Symbolic links are followed, so a corpus can gather folders kept elsewhere; a folder met
/// twice (a link that loops) is read once.
pub fn documents(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let mut found = Vec::new();
    let mut seen = Vec::new();
    walk(dir, &mut found, &mut seen)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, seen: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    if let Ok(real) = dir.canonicalize() {
        if seen.contains(&real) {
            return Ok(());
        }
        seen.push(real);
    }
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
        let mut kind = entry.file_type().map_err(list_err)?;
        if kind.is_symlink() {
            // A dangling link is left to the document checks, which name it.
            kind = std::fs::metadata(&path).map_or(kind, |m| m.file_type());
        }
        if kind.is_dir() {
            walk(&path, found, seen)?;
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

    #[cfg(unix)]
    #[test]
    fn follows_linked_folders_once_even_when_they_loop() {
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(elsewhere.path().join("wet")).unwrap();
        std::fs::write(elsewhere.path().join("wet/BWBR0001840.md"), "# Wet").unwrap();
        let corpus = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("wet"), corpus.path().join("wet"))
            .unwrap();
        std::os::unix::fs::symlink(corpus.path(), corpus.path().join("loop")).unwrap();
        let found: Vec<String> = documents(corpus.path())
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(corpus.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["wet/BWBR0001840.md"]);
    }
}
