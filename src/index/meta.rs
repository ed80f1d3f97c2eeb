//! `horizon.json`: what horizon records beside tantivy's files so that a reader can trust an index:
//! format and analyzer versions, the stop words used, the corpus, its documents and editions.

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;

/// Bumped whenever the layout of the index folder or the schema changes.
pub const FORMAT_VERSION: u32 = 10;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IndexMeta {
    pub format: u32,
    pub horizon: String,
    pub analyzer: AnalyzerMeta,
    /// The stop words the index was built with; queries use the same list.
    pub stopwords: Vec<String>,
    pub corpus: String,
    /// Seconds since the Unix epoch when ingest finished.
    pub created: u64,
    /// SHA-256 of everything besides the documents that decides the index: versions, stop words,
    /// lexicon, editions. Another value means a full rebuild.
    pub config: String,
    pub documents: Vec<DocumentMeta>,
    /// Editions in date order, with their passages and words.
    pub editions: Vec<EditionMeta>,
    /// The themes of the lexicon the index was built with, in lexicon order.
    pub themes: Vec<ThemeMeta>,
    pub lexicon: LexiconMeta,
    /// Every lexicon entry that was matched for: themes, actors, measures.
    pub signals: Vec<SignalMeta>,
    pub passages: u64,
    pub words: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ThemeMeta {
    pub id: String,
    pub label: String,
}

/// A lexicon entry as the index records it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SignalMeta {
    pub id: String,
    /// theme, actor or measure.
    pub kind: String,
    pub label: String,
    #[serde(rename = "type")]
    pub entry_type: String,
    pub theme: Option<String>,
    pub aliases: Vec<String>,
}

/// Where the lexicon came from, and a SHA-256 of each file read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LexiconMeta {
    pub source: String,
    pub files: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AnalyzerMeta {
    pub name: String,
    pub version: u32,
}

impl AnalyzerMeta {
    pub fn of(analyzer: Analyzer) -> Self {
        AnalyzerMeta {
            name: analyzer.name().to_string(),
            version: analyzer.version(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocumentMeta {
    pub id: String,
    pub file: String,
    pub series: String,
    pub edition: String,
    pub date: Option<String>,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub listed: bool,
    pub bytes: u64,
    pub passages: u64,
    pub words: u64,
    /// Pages of a PDF or of text with form feeds (0 for text without).
    #[serde(default)]
    pub pages: u64,
    /// Words whose lost ligature letters were restored from the word list.
    #[serde(default)]
    pub ligatures_restored: u64,
    /// When the file was last changed (ns since the epoch), to skip unchanged files cheaply.
    pub modified: u64,
    /// SHA-256 of the document's bytes.
    pub sha256: String,
    /// What else decides its passages: its manifest row (or its absence).
    pub origin: String,
    /// Passages and words per edition it holds (a review can quote an earlier edition).
    pub editions: Vec<DocEdition>,
    /// Mentions per edition and signal, so summaries need not read every passage.
    pub signals: Vec<DocSignal>,
    /// The scan that indexed the document as it is now (see `scans.jsonl`).
    #[serde(default)]
    pub scan: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocSignal {
    pub edition: String,
    pub signal: String,
    pub mentions: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocEdition {
    pub name: String,
    pub date: Option<String>,
    pub passages: u64,
    pub words: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EditionMeta {
    pub name: String,
    pub series: String,
    pub date: Option<String>,
    pub documents: u64,
    pub passages: u64,
    pub words: u64,
}

impl IndexMeta {
    /// The stored edition name matching `name` regardless of case.
    pub fn edition(&self, name: &str) -> Option<&EditionMeta> {
        let wanted = name.trim().to_lowercase();
        self.editions
            .iter()
            .find(|e| e.name.to_lowercase() == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_are_found_in_any_case() {
        let meta: IndexMeta = serde_json::from_value(serde_json::json!({
            "format": FORMAT_VERSION, "horizon": "0", "analyzer": {"name": "horizon_nl", "version": 1},
            "stopwords": [], "corpus": "corpus", "created": 0, "config": "", "documents": [],
            "editions": [{"name": "NVS 2019", "series": "NVS", "date": "2019-06-07", "documents": 1, "passages": 2, "words": 3}],
            "themes": [], "lexicon": {"source": "built-in", "files": []}, "signals": [], "passages": 2, "words": 3
        }))
        .unwrap();
        assert_eq!(
            meta.edition("nvs 2019").map(|e| e.name.as_str()),
            Some("NVS 2019")
        );
        assert!(meta.edition("NVS 2023").is_none());
    }
}
