//! `horizon.json`: what horizon records beside tantivy's files so that a reader can trust an index:
//! format and analyzer versions, the stop words used, the corpus, its documents and editions.

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;

/// Bumped whenever the layout of the index folder or the schema changes.
pub const FORMAT_VERSION: u32 = 2;

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
    pub documents: Vec<DocumentMeta>,
    pub editions: Vec<EditionMeta>,
    pub passages: u64,
    pub words: u64,
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
    /// Editions in date order (undated last), as comparisons and trends want them.
    pub fn editions_from(documents: &[DocumentMeta]) -> Vec<EditionMeta> {
        let mut editions: Vec<EditionMeta> = Vec::new();
        for doc in documents {
            match editions.iter_mut().find(|e| e.name == doc.edition) {
                Some(edition) => {
                    edition.documents += 1;
                    edition.passages += doc.passages;
                    edition.words += doc.words;
                    if edition.date.is_none() || doc.date.is_some() && doc.date < edition.date {
                        edition.date = doc.date.clone().or(edition.date.take());
                    }
                }
                None => editions.push(EditionMeta {
                    name: doc.edition.clone(),
                    series: doc.series.clone(),
                    date: doc.date.clone(),
                    documents: 1,
                    passages: doc.passages,
                    words: doc.words,
                }),
            }
        }
        editions.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.name).cmp(&(b.date.is_none(), &b.date, &b.name))
        });
        editions
    }

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

    fn doc(id: &str, edition: &str, date: Option<&str>, words: u64) -> DocumentMeta {
        DocumentMeta {
            id: id.into(),
            file: format!("{id}.txt"),
            series: "NVS".into(),
            edition: edition.into(),
            date: date.map(String::from),
            title: String::new(),
            publisher: String::new(),
            url: String::new(),
            listed: true,
            bytes: 0,
            passages: 2,
            words,
        }
    }

    #[test]
    fn editions_are_summed_and_in_date_order() {
        let editions = IndexMeta::editions_from(&[
            doc("mtr", "NVS midterm review 2021", Some("2021-04-30"), 100),
            doc("onbekend", "Horizonscan", None, 5),
            doc("nvs", "NVS 2019", Some("2019-06-07"), 40),
            doc("bijlage", "NVS 2019", Some("2019-06-01"), 10),
        ]);
        let names: Vec<&str> = editions.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["NVS 2019", "NVS midterm review 2021", "Horizonscan"]
        );
        assert_eq!(editions[0].words, 50);
        assert_eq!(editions[0].documents, 2);
        assert_eq!(editions[0].date.as_deref(), Some("2019-06-01"));
    }
}
