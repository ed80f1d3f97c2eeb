//! Dutch stop words: read from a list (one word a line, `#` comments), checked on lower-cased words.

use rustc_hash::FxHashSet as HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stopwords {
    words: HashSet<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StopwordsError {
    #[error("cannot read the stop-word list {path}; give a file with one word a line (--stopwords FILE)")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Stopwords {
    pub fn read(path: &Path) -> Result<Stopwords, StopwordsError> {
        let text = std::fs::read_to_string(path).map_err(|source| StopwordsError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Stopwords::parse(&text))
    }

    /// Parses a list: one word a line; `#` starts a comment; blank lines are ignored.
    pub fn parse(text: &str) -> Stopwords {
        let words = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        Stopwords { words }
    }

    pub fn contains(&self, lower_word: &str) -> bool {
        self.words.contains(lower_word)
    }

    /// The words, sorted: how the list is stored in the index.
    pub fn sorted(&self) -> Vec<String> {
        let mut words: Vec<String> = self.words.iter().cloned().collect();
        words.sort();
        words
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl FromIterator<String> for Stopwords {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Stopwords {
            words: iter.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_and_case() {
        let list = Stopwords::parse("# lidwoorden\nDe\nhet # bepaald\n\n  een \n");
        assert_eq!(list.sorted(), ["de", "een", "het"]);
        assert!(list.contains("de"));
        assert!(!list.contains("één"));
    }

    #[test]
    fn the_shipped_list_keeps_negations() {
        let list = Stopwords::read(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/stopwords/nl.txt"
        )))
        .unwrap();
        assert!(list.len() > 80);
        for negation in ["niet", "geen", "niets", "nooit", "zonder"] {
            assert!(!list.contains(negation), "{negation} must stay searchable");
        }
        assert!(list.contains("de") && list.contains("het") && list.contains("een"));
    }
}
