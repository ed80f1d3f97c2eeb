//! The 91.6 MB index of the laws and the papers of ../shared/corpora that the latency benchmarks
//! (`benches/search.rs`, `benches/serve.rs`) query, built once with the release binary.

use std::path::{Path, PathBuf};
use std::process::Command;

const LAWS: &str = "../shared/corpora/nl-laws";
const PAPERS: &str = "../shared/corpora/sgd-kamerstukken.jsonl";

/// The index of the laws and the papers in `scratch`, or `None` (with a message) where the release
/// binary or the corpora are missing.
pub fn laws_and_papers_index(scratch: &Path, bench: &str) -> Option<PathBuf> {
    let binary = Path::new("target/release/horizon");
    if !binary.exists() {
        eprintln!("build the binary first: cargo build --release");
        return None;
    }
    if !Path::new(LAWS).exists() || !Path::new(PAPERS).exists() {
        eprintln!("skipping the {bench} benchmark: {LAWS} or {PAPERS} is absent");
        return None;
    }
    let corpus = scratch.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for source in [LAWS, PAPERS] {
        let target = Path::new(source).canonicalize().unwrap();
        std::os::unix::fs::symlink(&target, corpus.join(target.file_name().unwrap())).unwrap();
    }
    let index = scratch.join("index");
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
    Some(index)
}
