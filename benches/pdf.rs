//! The PDF benchmark: horizon's whole pipeline on a folder of PDFs (read, lay out, repair,
//! structure, match, index) beside poppler's `pdftotext` alone on the same files one after another,
//! in one run, in pages per second.
//!
//!     cargo build --release && cargo bench --bench pdf
//!
//! The folder holds the PDFs of ../shared/corpora/pdf (skipped with a message where absent) and the
//! committed Typst fixtures, each copied `COPIES` times under another name so that the run is long
//! enough to time. Each side runs `RUNS` times and the fastest counts (a shared machine). pdftotext
//! is the quality anchor of docs/PDF.md; where it is not installed (`apt-get install
//! poppler-utils`), only horizon is measured.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::Value;

const SHARED: &str = "../shared/corpora/pdf";
const FIXTURES: &str = "tests/fixtures/pdf/typst";
const COPIES: usize = 10;
const RUNS: usize = 3;

fn main() {
    let binary = Path::new("target/release/horizon");
    if !binary.is_file() {
        eprintln!("build the binary first: cargo build --release");
        return;
    }
    let mut sources: Vec<PathBuf> = Vec::new();
    for dir in [SHARED, FIXTURES] {
        match std::fs::read_dir(dir) {
            Ok(entries) => sources.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "pdf")),
            ),
            Err(_) => println!("({dir} is absent: its PDFs are left out)"),
        }
    }
    sources.sort();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let corpus = scratch.path().join("pdfs");
    std::fs::create_dir(&corpus).expect("the corpus folder");
    let mut files = Vec::new();
    for copy in 0..COPIES {
        for source in &sources {
            let name = format!(
                "{}-{copy}.pdf",
                source.file_stem().unwrap().to_string_lossy()
            );
            let file = corpus.join(name);
            std::fs::copy(source, &file).expect("a copy");
            files.push(file);
        }
    }
    let megabytes: f64 = files
        .iter()
        .map(|f| f.metadata().map_or(0, |m| m.len()))
        .sum::<u64>() as f64
        / 1e6;

    let mut pages = 0u64;
    let mut horizon = f64::MAX;
    for run in 0..RUNS {
        let index = scratch.path().join(format!("index-{run}"));
        let started = Instant::now();
        let out = Command::new(binary)
            .args(["ingest", corpus.to_str().unwrap(), "--index"])
            .arg(&index)
            .args(["--full", "--format", "json"])
            .output()
            .expect("horizon runs");
        horizon = horizon.min(started.elapsed().as_secs_f64());
        let summary: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("ingest failed: {}", String::from_utf8_lossy(&out.stderr)));
        pages = summary[0]["pages"].as_u64().unwrap_or(0);
    }

    let pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    let poppler = pdftotext.then(|| {
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                for file in &files {
                    let status = Command::new("pdftotext")
                        .arg(file)
                        .arg("-")
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .expect("pdftotext runs");
                    assert!(status.success(), "pdftotext failed on {}", file.display());
                }
                started.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    });

    println!(
        "machine: {} cores; {} PDFs ({} files x {COPIES}), {pages} pages, {megabytes:.1} MB; best of {RUNS} runs",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        files.len(),
        sources.len()
    );
    println!();
    println!("{:<38} {:>9} {:>9}", "", "seconds", "pages/s");
    println!(
        "{:<38} {:>9.2} {:>9.1}",
        "horizon ingest (whole pipeline)",
        horizon,
        pages as f64 / horizon
    );
    match poppler {
        Some(seconds) => {
            println!(
                "{:<38} {:>9.2} {:>9.1}",
                "pdftotext, one file after another",
                seconds,
                pages as f64 / seconds
            );
            println!();
            println!(
                "horizon / pdftotext: {:.2}x the pages per second",
                seconds / horizon
            );
        }
        None => println!("(pdftotext is not installed: apt-get install poppler-utils to compare)"),
    }
}
