//! The performance benchmark: ingest throughput with horizon's analyzer and, in the same run,
//! tantivy's stock Dutch analyzer through the same pipeline; peak memory; index size; query latency
//! (p50/p99, cold and warm, over 120 queries); and how the cost grows from 10% through 100% to 1000%
//! of the shared corpora.
//!
//!     cargo bench --bench ingest
//!
//! Corpora: the project's corpus; ../shared/corpora/nl-laws (74 MB of Markdown) and
//! ../shared/corpora/sgd-kamerstukken.jsonl (16 MB, JSON lines), skipped with a message where absent;
//! and a 10% sample and a 10x repetition of both, made in a temporary folder. Ingest runs as the real
//! binary (`target/release/horizon`), which reports its own peak memory; each ingest runs three
//! times (horizon and plain taking turns) and the fastest run counts, since this is a shared
//! machine whose other tenants come and go; the 1000% corpus runs once. Queries run in this
//! process on the built index: "cold" is each query's first run on a freshly opened index (the
//! operating system's file cache may still be warm), "warm" the median of five runs after it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

#[path = "common/queries.rs"]
mod queries;

const LAWS: &str = "../shared/corpora/nl-laws";
/// Ingests of each corpus (but the largest) per analyzer; the fastest counts.
const RUNS: usize = 3;
const PAPERS: &str = "../shared/corpora/sgd-kamerstukken.jsonl";

struct Run {
    megabytes: f64,
    seconds: f64,
    peak_mb: f64,
    index_mb: f64,
}

fn main() {
    let binary = Path::new("target/release/horizon");
    if !binary.is_file() {
        eprintln!("build the binary first: cargo build --release");
        return;
    }
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map_or("unknown".to_string(), |out| {
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        });
    println!(
        "machine: {} cores; horizon {} at commit {commit}; ingest: best of {RUNS} runs (1000%: one)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        env!("CARGO_PKG_VERSION")
    );
    println!();
    println!(
        "{:<22} {:>8} {:>13} {:>11} {:>6} {:>9} {:>9} {:>9}",
        "corpus", "MB", "horizon MB/s", "plain MB/s", "ratio", "peak MB", "index MB", "seconds"
    );
    let mut corpora: Vec<(String, PathBuf)> = vec![("corpus".into(), PathBuf::from("corpus"))];
    let shared = Path::new(LAWS).is_dir() && Path::new(PAPERS).is_file();
    if shared {
        let sample = scratch.path().join("sample-10");
        let full = scratch.path().join("sample-100");
        let tenfold = scratch.path().join("sample-1000");
        make_corpus(&sample, 0.1);
        make_corpus(&full, 1.0);
        make_corpus(&tenfold, 10.0);
        corpora.push(("nl-laws".into(), PathBuf::from(LAWS)));
        corpora.push(("sgd-kamerstukken.jsonl".into(), PathBuf::from(PAPERS)));
        corpora.push(("both, 10%".into(), sample));
        corpora.push(("both, 100%".into(), full));
        corpora.push(("both, 1000%".into(), tenfold));
    } else {
        println!("(../shared/corpora is absent: only the project's corpus is measured)");
    }
    let mut searched = Vec::new();
    for (name, corpus) in &corpora {
        let repeats = if name.contains("1000%") { 1 } else { RUNS };
        let mut best: Vec<Option<Run>> = vec![None, None];
        for _ in 0..repeats {
            for (slot, analyzer) in best.iter_mut().zip(["horizon", "plain"]) {
                let run = ingest(
                    binary,
                    corpus,
                    &scratch.path().join(format!("{name}-{analyzer}")),
                    analyzer,
                );
                if slot.as_ref().is_none_or(|b| run.seconds < b.seconds) {
                    *slot = Some(run);
                }
            }
        }
        let (h, p) = (
            best[0].as_ref().expect("one run at least"),
            best[1].as_ref().expect("one run at least"),
        );
        println!(
            "{name:<22} {:>8.1} {:>13.2} {:>11.2} {:>6.2} {:>9.0} {:>9.1} {:>9.2}",
            h.megabytes,
            h.megabytes / h.seconds,
            p.megabytes / p.seconds,
            (h.megabytes / h.seconds) / (p.megabytes / p.seconds),
            h.peak_mb,
            h.index_mb,
            h.seconds
        );
        if name.starts_with("both") || name == "corpus" {
            searched.push((name.clone(), scratch.path().join(format!("{name}-horizon"))));
        }
    }
    println!();
    queries::print_header();
    for (name, index) in searched {
        queries::report(&name, &index);
    }
}

/// A corpus folder of `factor` times the laws and the papers (0.1: every tenth file and line).
fn make_corpus(dir: &Path, factor: f64) {
    std::fs::create_dir_all(dir).unwrap();
    let mut laws = Vec::new();
    collect(Path::new(LAWS), &mut laws);
    laws.sort();
    let papers = std::fs::read_to_string(PAPERS).unwrap();
    let copies = factor.ceil().max(1.0) as usize;
    let step = if factor < 1.0 {
        (1.0 / factor).round() as usize
    } else {
        1
    };
    for copy in 0..copies {
        let folder = dir.join(format!("copy-{copy}"));
        std::fs::create_dir_all(&folder).unwrap();
        for (i, law) in laws.iter().enumerate().filter(|(i, _)| i % step == 0) {
            let name = format!("{i:05}-{}", law.file_name().unwrap().to_string_lossy());
            std::fs::copy(law, folder.join(name)).unwrap();
        }
        let lines: Vec<&str> = papers
            .lines()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, l)| l)
            .collect();
        std::fs::write(folder.join("kamerstukken.jsonl"), lines.join("\n")).unwrap();
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// One full ingest by the real binary: its summary says the bytes, time and peak memory.
fn ingest(binary: &Path, corpus: &Path, index: &Path, analyzer: &'static str) -> Run {
    let started = Instant::now();
    let out = Command::new(binary)
        .args([
            "ingest",
            &corpus.display().to_string(),
            "--index",
            &index.display().to_string(),
        ])
        .args([
            "--analyzer",
            analyzer,
            "--format",
            "json",
            "--full",
            "--memory",
            "512",
        ])
        .output()
        .expect("horizon runs");
    let seconds = started.elapsed().as_secs_f64();
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "ingest of {} failed: {}",
            corpus.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Run {
        megabytes: summary[0]["megabytes"].as_f64().unwrap_or(0.0),
        seconds,
        peak_mb: summary[0]["peak_mb"].as_f64().unwrap_or(0.0),
        index_mb: size(index) as f64 / 1e6,
    }
}

fn size(path: &Path) -> u64 {
    if path.is_file() {
        return path.metadata().map_or(0, |m| m.len());
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
        .unwrap_or(0)
}
