//! The query latency benchmark on its own: indexes the laws and the papers of ../shared/corpora
//! (90 MB) once with the release binary, then times every kind of query (words, phrases, boolean,
//! edition filters, prefixes, fuzzy words, proximity, fields, and the answers to queries no passage
//! fully matches), cold and warm, p50 and p99 per kind.
//!
//!     cargo build --release && cargo bench --bench search
//!
//! `cargo bench --bench ingest` prints the same table for every corpus size it builds.

#[path = "common/corpora.rs"]
mod corpora;
#[path = "common/queries.rs"]
mod queries;

fn main() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let Some(index) = corpora::laws_and_papers_index(scratch.path(), "search") else {
        return;
    };
    queries::print_header();
    queries::report("laws + papers", &index);
}
