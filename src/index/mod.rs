//! The index: tantivy schema, writer, reader, query parsing, search and snippets.
//!
//! An index folder holds generations: `gen-<id>/` (tantivy's files and `horizon.json`, the metadata
//! horizon needs to trust them) and `CURRENT`, one line naming the generation in use. Ingest builds a
//! new generation beside the old and then replaces `CURRENT` in one rename, so a reader always sees a
//! whole index. This module owns those files; it takes finished passages from the pipeline and hands
//! back records and hits.

mod facets;
mod lock;
mod meta;
pub mod quality;
mod query;
mod reader;
pub mod scans;
mod schema;
mod search;
mod writer;

use std::path::PathBuf;

pub use facets::{Facets, FACETS};
pub use lock::IngestLock;
pub use meta::{
    AnalyzerMeta, DocEdition, DocSignal, DocumentMeta, EditionMeta, IndexMeta, LexiconMeta,
    SignalMeta, ThemeMeta, FORMAT_VERSION,
};
pub use query::{parse as parse_query, FieldName, QueryError};
pub use reader::HorizonIndex;
pub use scans::{Scan, SCANS_FILE};
pub use schema::{PassageRecord, StoredMention};
pub use search::{Answer, Filter, Hit, Novelty, Partial, SearchError, Suggestion, PARTS};
pub use writer::IndexBuilder;

/// The file in an index folder that names the generation in use.
pub const CURRENT_FILE: &str = "CURRENT";
/// horizon's own metadata inside a generation.
pub const META_FILE: &str = "horizon.json";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(
        "index folder {0} does not exist; run `horizon ingest` first (or give the right --index)"
    )]
    Missing(PathBuf),
    #[error("index folder {0} holds no index; run `horizon ingest --index {0}` to build one")]
    Empty(PathBuf),
    #[error("{path} is not a horizon index ({why}); give the folder `horizon ingest` wrote, or re-run horizon ingest")]
    Foreign { path: PathBuf, why: String },
    #[error("the index in {path} was built {why}; re-run horizon ingest")]
    Stale { path: PathBuf, why: String },
    #[error("the index in {path} is damaged ({why}); re-run horizon ingest")]
    Damaged { path: PathBuf, why: String },
    #[error("another ingest (process {pid}) is writing the index in {path}; wait for it to finish, then run horizon ingest again")]
    Locked { path: PathBuf, pid: u32 },
    #[error("cannot write the index in {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("tantivy failed on the index in {path}")]
    Tantivy {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
}
