//! The query latency benchmark on its own: indexes the laws and the papers of ../shared/corpora
//! (90 MB) once with the release binary, then times every kind of query (words, phrases, boolean,
//! edition filters, prefixes, fuzzy words, proximity, fields, and the answers to queries no passage
//! fully matches), cold and warm, p50 and p99 per kind.
//!
//!     cargo build --release && cargo bench --bench search
//!
//! `cargo bench --bench ingest` prints the same table for every corpus size it builds.

use std::path::Path;
use std::process::Command;

#[path = "common/queries.rs"]
mod queries;

const LAWS: &str = "../shared/corpora/nl-laws";
const PAPERS: &str = "../shared/corpora/sgd-kamerstukken.jsonl";

fn main() {
    let binary = Path::new("target/release/horizon");
    if !binary.exists() {
        eprintln!("build the binary first: cargo build --release");
        return;
    }
    if !Path::new(LAWS).exists() || !Path::new(PAPERS).exists() {
        eprintln!("skipping the search benchmark: {LAWS} or {PAPERS} is absent");
        return;
    }
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let corpus = scratch.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for source in [LAWS, PAPERS] {
        let target = Path::new(source).canonicalize().unwrap();
        std::os::unix::fs::symlink(&target, corpus.join(target.file_name().unwrap())).unwrap();
    }
    let index = scratch.path().join("index");
    let out = Command::new(binary)
        .args([
            "ingest",
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ])
        .output()
        .expect("the release binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    queries::print_header();
    queries::report("laws + papers", &index);
}
