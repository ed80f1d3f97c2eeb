//! The reader: opens the current generation of an index folder after checking that horizon wrote it,
//! with this format and this analyzer, and reads passages back.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

use super::meta::{IndexMeta, FORMAT_VERSION};
use super::schema::{Fields, PassageRecord};
use super::{IndexError, CURRENT_FILE, META_FILE};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::{Analyzer, Stopwords};

/// A lexicon file the index was built with that now reads differently, if any. Files that cannot
/// be found from here (another working folder, the built-in lexicon) are not held against it.
fn changed_lexicon_file(meta: &IndexMeta) -> Option<String> {
    use sha2::{Digest, Sha256};
    meta.lexicon.files.iter().find_map(|(file, hash)| {
        let bytes = fs::read(file).ok()?;
        let now: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        (&now != hash).then(|| file.clone())
    })
}

/// An open horizon index.
pub struct HorizonIndex {
    pub dir: PathBuf,
    pub meta: IndexMeta,
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    /// The analyzer the index was built with, for analysing queries the same way.
    pub(super) analyzer: TextAnalyzer,
    /// Every passage without its text, read once: what counts per edition, theme and signal need.
    /// A lock, not a `OnceLock`, so that a caller who comes while another reads waits for that
    /// read instead of making its own.
    summaries: Mutex<Option<Arc<Vec<PassageRecord>>>>,
}

impl HorizonIndex {
    /// The current generation of the index in `dir` and its metadata, if it has a readable one of
    /// this format: what an update starts from.
    pub fn current_meta(dir: &Path) -> Option<(String, IndexMeta)> {
        let generation = fs::read_to_string(dir.join(CURRENT_FILE))
            .ok()?
            .trim()
            .to_string();
        if !generation.starts_with("gen-") || generation.contains(['/', '\\']) {
            return None;
        }
        let text = fs::read_to_string(dir.join(&generation).join(META_FILE)).ok()?;
        let meta: IndexMeta = serde_json::from_str(&text).ok()?;
        (meta.format == FORMAT_VERSION).then_some((generation, meta))
    }

    pub fn open(dir: &Path) -> Result<HorizonIndex, IndexError> {
        if !dir.is_dir() {
            return Err(IndexError::Missing(dir.to_path_buf()));
        }
        let current = dir.join(CURRENT_FILE);
        let generation = match fs::read_to_string(&current) {
            Ok(text) => text.trim().to_string(),
            Err(_) => {
                let has_files = fs::read_dir(dir)
                    .map(|entries| {
                        entries.flatten().any(|e| {
                            let name = e.file_name();
                            let name = name.to_string_lossy();
                            !name.starts_with('.')
                                && name != "README.md"
                                && !name.starts_with("gen-")
                        })
                    })
                    .unwrap_or(false);
                return Err(if has_files {
                    IndexError::Foreign {
                        path: dir.to_path_buf(),
                        why: format!("it has no {CURRENT_FILE} file"),
                    }
                } else {
                    IndexError::Empty(dir.to_path_buf())
                });
            }
        };
        let foreign = |why: String| IndexError::Foreign {
            path: dir.to_path_buf(),
            why,
        };
        if !generation.starts_with("gen-") || generation.contains(['/', '\\']) {
            return Err(foreign(format!("{CURRENT_FILE} names '{generation}'")));
        }
        let gen_dir = dir.join(&generation);
        let damaged = |why: String| IndexError::Damaged {
            path: dir.to_path_buf(),
            why,
        };
        let meta_text = fs::read_to_string(gen_dir.join(META_FILE))
            .map_err(|err| damaged(format!("{generation}/{META_FILE}: {err}")))?;
        let meta: IndexMeta = serde_json::from_str(&meta_text).map_err(|err| {
            // An older or newer horizon may have written other fields: say so before calling it damaged.
            match serde_json::from_str::<serde_json::Value>(&meta_text) {
                Ok(value)
                    if value.get("format").and_then(|f| f.as_u64())
                        != Some(FORMAT_VERSION as u64) =>
                {
                    IndexError::Stale {
                        path: dir.to_path_buf(),
                        why: format!(
                            "in index format {} (this horizon reads format {FORMAT_VERSION})",
                            value
                                .get("format")
                                .map_or("unknown".to_string(), |f| f.to_string())
                        ),
                    }
                }
                _ => damaged(format!("{generation}/{META_FILE}: {err}")),
            }
        })?;
        if meta.format != FORMAT_VERSION {
            return Err(IndexError::Stale {
                path: dir.to_path_buf(),
                why: format!(
                    "in index format {} (this horizon reads format {FORMAT_VERSION})",
                    meta.format
                ),
            });
        }
        let analyzer = Analyzer::by_name(&meta.analyzer.name)
            .filter(|a| a.version() == meta.analyzer.version)
            .ok_or_else(|| IndexError::Stale {
                path: dir.to_path_buf(),
                why: format!(
                    "with analyzer {} v{} (this horizon uses {} v{})",
                    meta.analyzer.name,
                    meta.analyzer.version,
                    Analyzer::Horizon.name(),
                    Analyzer::Horizon.version()
                ),
            })?;
        if let Some(file) = changed_lexicon_file(&meta) {
            return Err(IndexError::Stale {
                path: dir.to_path_buf(),
                why: format!("with another lexicon ({file} changed since)"),
            });
        }
        let index = Index::open_in_dir(&gen_dir).map_err(|err| damaged(err.to_string()))?;
        let fields = Fields::from_schema(&index.schema())
            .ok_or_else(|| foreign("its schema lacks horizon's fields".to_string()))?;
        let stopwords: Stopwords = meta.stopwords.iter().cloned().collect();
        let analyzer = analyzer.build(&stopwords);
        index
            .tokenizers()
            .register(&meta.analyzer.name, analyzer.clone());
        index.tokenizers().register(
            crate::analysis::FORMS,
            crate::analysis::FormsTokenizer::default(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|err: tantivy::TantivyError| damaged(err.to_string()))?;
        Ok(HorizonIndex {
            dir: dir.to_path_buf(),
            meta,
            reader,
            fields,
            analyzer,
            summaries: Mutex::new(None),
        })
    }

    /// The analyzer the index was built with, to analyse other text the same way.
    pub fn analyzer(&self) -> TextAnalyzer {
        self.analyzer.clone()
    }

    pub(super) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Every passage, in document order (by document id, then position).
    pub fn passages(&self) -> Result<Vec<PassageRecord>, IndexError> {
        self.read_all(|record| record)
    }

    /// Every passage as `shape` leaves it, in document order; shaped as it is read, so that what
    /// `shape` drops is never held for all passages at once.
    fn read_all(
        &self,
        shape: impl Fn(PassageRecord) -> PassageRecord,
    ) -> Result<Vec<PassageRecord>, IndexError> {
        let searcher = self.searcher();
        let mut records = Vec::with_capacity(searcher.num_docs() as usize);
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = searcher
                    .doc(DocAddress::new(ordinal as u32, doc_id))
                    .map_err(|err| IndexError::Damaged {
                        path: self.dir.clone(),
                        why: err.to_string(),
                    })?;
                records.push(shape(self.fields.record(&doc)));
            }
        }
        records.sort_by(|a, b| (&a.doc, a.position).cmp(&(&b.doc, b.position)));
        Ok(records)
    }

    /// Every passage in document order with what counting needs (document, edition, date,
    /// theme, part, words, the ids of its mentions), its text, headings and notes left out. Read
    /// from the store at the first call and kept with this index (a generation never changes), so
    /// the workbench's table pages read the passages once, not once each.
    pub fn summaries(&self) -> Result<Arc<Vec<PassageRecord>>, IndexError> {
        let mut kept = self.summaries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(summaries) = kept.as_ref() {
            return Ok(summaries.clone());
        }
        let records = self.read_all(|mut record| {
            for field in [
                &mut record.text,
                &mut record.section,
                &mut record.notes,
                &mut record.theme_label,
                &mut record.theme_basis,
            ] {
                *field = String::new();
            }
            record.heading_len = 0;
            record
        })?;
        let records = Arc::new(records);
        *kept = Some(records.clone());
        Ok(records)
    }

    /// The passages of one document, in order; empty if the index has no such document.
    pub fn document_passages(&self, doc: &str) -> Result<Vec<PassageRecord>, IndexError> {
        self.passages_where(self.fields.doc, doc)
    }

    /// The passages that mention the lexicon entry `signal`, in document order.
    pub fn passages_mentioning(&self, signal: &str) -> Result<Vec<PassageRecord>, IndexError> {
        self.passages_where(self.fields.signal, signal)
    }

    /// The passages whose untokenised `field` holds `value`, in document order.
    fn passages_where(
        &self,
        field: tantivy::schema::Field,
        value: &str,
    ) -> Result<Vec<PassageRecord>, IndexError> {
        let searcher = self.searcher();
        let damaged = |err: tantivy::TantivyError| IndexError::Damaged {
            path: self.dir.clone(),
            why: err.to_string(),
        };
        let query = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(field, value),
            tantivy::schema::IndexRecordOption::Basic,
        );
        let addresses = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map_err(damaged)?;
        let mut records = Vec::with_capacity(addresses.len());
        for address in addresses {
            records.push(self.record(&searcher, address)?);
        }
        records.sort_by(|a, b| (&a.doc, a.position).cmp(&(&b.doc, b.position)));
        Ok(records)
    }

    pub(super) fn record(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<PassageRecord, IndexError> {
        let doc: TantivyDocument = searcher.doc(address).map_err(|err| IndexError::Damaged {
            path: self.dir.clone(),
            why: err.to_string(),
        })?;
        Ok(self.fields.record(&doc))
    }
}
