//! The writer: builds a new generation of the index beside the one in use, then switches `CURRENT`
//! to it in one rename. Until that rename, readers keep seeing the previous index whole.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use tantivy::{Index, IndexWriter, TantivyDocument};

use super::meta::{AnalyzerMeta, IndexMeta, FORMAT_VERSION};
use super::schema::{self, Fields, PassageRecord};
use super::{IndexError, CURRENT_FILE, META_FILE};
use crate::analysis::{Analyzer, Stopwords};

/// tantivy's indexing memory, shared by its threads.
const WRITER_MEMORY: usize = 200 * 1024 * 1024;

pub struct IndexBuilder {
    dir: PathBuf,
    generation: String,
    gen_dir: PathBuf,
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    analyzer: Analyzer,
}

impl IndexBuilder {
    /// Starts a new generation in the index folder `dir` (created if missing).
    pub fn create(
        dir: &Path,
        analyzer: Analyzer,
        stopwords: &Stopwords,
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
        let (schema, fields) = schema::build(analyzer.name());
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        };
        let index = Index::create_in_dir(&gen_dir, schema).map_err(tantivy_err)?;
        index
            .tokenizers()
            .register(analyzer.name(), analyzer.build(stopwords));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let writer = index
            .writer_with_num_threads(threads, WRITER_MEMORY)
            .map_err(tantivy_err)?;
        Ok(IndexBuilder {
            dir: dir.to_path_buf(),
            generation,
            gen_dir,
            writer,
            fields,
            analyzer,
        })
    }

    pub fn add(&mut self, record: &PassageRecord) -> Result<(), IndexError> {
        self.writer
            .add_document(self.fields.document(record))
            .map_err(|source| IndexError::Tantivy {
                path: self.dir.clone(),
                source,
            })?;
        Ok(())
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
        let json = serde_json::to_vec_pretty(&meta).expect("index metadata serialises");
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
