//! The writer: builds a new generation of the index beside the one in use, then switches `CURRENT`
//! to it in one rename. Until that rename, readers keep seeing the previous index whole.
//!
//! An update starts the new generation from hard links to the current one's files (tantivy never
//! changes a file once written), deletes the documents that changed or left, and adds the new ones.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::meta::{AnalyzerMeta, IndexMeta, FORMAT_VERSION};
use super::schema::{self, Fields, PassageRecord};
use super::{IndexError, CURRENT_FILE, META_FILE};
use crate::analysis::{Analyzer, Stopwords};

/// tantivy's smallest budget per indexing thread.
const MIN_MEMORY_PER_THREAD: usize = 15 * 1024 * 1024;
/// Passages handed to tantivy's indexing threads at once. Its queue holds a fixed number of
/// batches and stays full while indexing is the slower side: one passage a batch wakes the feeding
/// thread for every passage, a whole document a batch lets a queue of long documents outgrow the
/// memory budget (1,029 MB ingesting 916 MB with `--memory 512`).
const BATCH: usize = 8;

pub struct IndexBuilder {
    dir: PathBuf,
    generation: String,
    gen_dir: PathBuf,
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    analyzer: Analyzer,
}

impl IndexBuilder {
    /// Starts a new, empty generation in the index folder `dir` (created if missing); tantivy may
    /// use `memory` bytes for its indexing buffers.
    pub fn create(
        dir: &Path,
        analyzer: Analyzer,
        stopwords: &Stopwords,
        memory: usize,
    ) -> Result<IndexBuilder, IndexError> {
        IndexBuilder::start(dir, None, analyzer, stopwords, memory)
    }

    /// Starts a new generation from the current one (named `current`), to delete and add documents.
    pub fn update(
        dir: &Path,
        current: &str,
        analyzer: Analyzer,
        stopwords: &Stopwords,
        memory: usize,
    ) -> Result<IndexBuilder, IndexError> {
        IndexBuilder::start(dir, Some(current), analyzer, stopwords, memory)
    }

    fn start(
        dir: &Path,
        from: Option<&str>,
        analyzer: Analyzer,
        stopwords: &Stopwords,
        memory: usize,
    ) -> Result<IndexBuilder, IndexError> {
        let io_err = |source| IndexError::Write {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io_err)?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let generation = format!("gen-{stamp}-{}", std::process::id());
        let gen_dir = dir.join(&generation);
        fs::create_dir(&gen_dir).map_err(io_err)?;
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        };
        let (index, fields) = match from {
            None => {
                let (schema, fields) = schema::build(analyzer.name());
                (
                    Index::create_in_dir(&gen_dir, schema).map_err(tantivy_err)?,
                    fields,
                )
            }
            Some(current) => {
                link_files(&dir.join(current), &gen_dir).map_err(io_err)?;
                let index = Index::open_in_dir(&gen_dir).map_err(tantivy_err)?;
                let fields =
                    Fields::from_schema(&index.schema()).ok_or_else(|| IndexError::Foreign {
                        path: dir.to_path_buf(),
                        why: "its schema lacks horizon's fields".to_string(),
                    })?;
                (index, fields)
            }
        };
        index
            .tokenizers()
            .register(analyzer.name(), analyzer.build(stopwords));
        index.tokenizers().register(
            crate::analysis::FORMS,
            crate::analysis::FormsTokenizer::default(),
        );
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let threads = cores.min(memory / MIN_MEMORY_PER_THREAD).max(1);
        let writer: IndexWriter<TantivyDocument> = index
            .writer_with_num_threads(threads, memory.max(MIN_MEMORY_PER_THREAD))
            .map_err(tantivy_err)?;
        // Merging while indexing takes a core from indexing; segments of a build are large already.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        Ok(IndexBuilder {
            dir: dir.to_path_buf(),
            generation,
            gen_dir,
            writer,
            fields,
            analyzer,
        })
    }

    /// Adds the passages of one document, handed to tantivy's indexing threads [`BATCH`] at a time.
    /// The documents are made on the calling thread, a worker's, next to the passages.
    pub fn add(&self, records: &[PassageRecord]) -> Result<(), IndexError> {
        for batch in records.chunks(BATCH) {
            let batch: Vec<_> = batch
                .iter()
                .map(|r| UserOperation::Add(self.fields.document(r)))
                .collect();
            self.writer
                .run(batch)
                .map_err(|source| IndexError::Tantivy {
                    path: self.dir.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Deletes every passage of document `doc` (before its new passages are added).
    pub fn delete_document(&self, doc: &str) {
        self.writer
            .delete_term(tantivy::Term::from_field_text(self.fields.doc, doc));
    }

    /// Commits the passages, writes `horizon.json`, and makes this generation the current one.
    pub fn finish(mut self, mut meta: IndexMeta) -> Result<(), IndexError> {
        let dir = self.dir.clone();
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.clone(),
            source,
        };
        let io_err = |source| IndexError::Write {
            path: dir.clone(),
            source,
        };
        self.writer.commit().map_err(tantivy_err)?;
        self.writer.wait_merging_threads().map_err(tantivy_err)?;
        meta.format = FORMAT_VERSION;
        meta.analyzer = AnalyzerMeta::of(self.analyzer);
        meta.created = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // Compact: indentation doubled the size (4.5 MB for 5,000 papers), which every command
        // reads back and every ingest writes at its end, on one thread.
        let json = serde_json::to_vec(&meta).expect("index metadata serialises");
        write_synced(&self.gen_dir.join(META_FILE), &json).map_err(io_err)?;
        let pending = dir.join(format!("{CURRENT_FILE}.tmp-{}", std::process::id()));
        write_synced(&pending, format!("{}\n", self.generation).as_bytes()).map_err(io_err)?;
        fs::rename(&pending, dir.join(CURRENT_FILE)).map_err(io_err)?;
        if let Ok(handle) = fs::File::open(&dir) {
            // Make the rename itself durable; not every platform can sync a folder, hence no error.
            let _ = handle.sync_all();
        }
        remove_other_generations(&dir, &self.generation);
        Ok(())
    }
}

/// Hard-links the index files of generation folder `from` into `to`: tantivy's files never change
/// once written. Lock files and horizon's own metadata are left behind.
fn link_files(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let text = name.to_string_lossy();
        if text.ends_with(".lock") || text == META_FILE {
            continue;
        }
        let target = to.join(&name);
        if fs::hard_link(entry.path(), &target).is_err() {
            // Another file system, or one without links: a copy is slower but as good.
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Removes generations other than `keep`: the one just replaced, and any left by an interrupted ingest.
fn remove_other_generations(dir: &Path, keep: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("gen-") && name != keep {
            // A reader may still hold the old files open; what cannot be removed now goes next time.
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}
