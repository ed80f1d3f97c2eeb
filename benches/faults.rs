//! The fault test: an ingest killed at random moments (SIGKILL, as a closed laptop or `kill -9`)
//! must leave the previous index answering exactly as before, and the next ingest must succeed.
//!
//!     cargo build --release && cargo bench --bench faults          # 25 kills
//!     HORIZON_KILLS=100 cargo bench --bench faults
//!
//! The corpus is a 10% sample of ../shared/corpora/nl-laws (so an ingest lasts long enough to be
//! killed in every stage), or the project's corpus where the shared corpora are absent.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const QUERIES: [&str; 6] = [
    "veiligheid",
    "\"de minister\"",
    "belasting OR accijns",
    "water -dijk",
    "Rusland",
    "cyberaanvallen",
];

fn main() {
    let binary = PathBuf::from("target/release/horizon");
    if !binary.is_file() {
        eprintln!("build the binary first: cargo build --release");
        return;
    }
    let kills: usize = std::env::var("HORIZON_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(25);
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let corpus = corpus(scratch.path());
    let index = scratch.path().join("index");
    // The same full ingest runs whole (to time it and to finish) and killed part-way.
    let ingest_command = || {
        let mut command = Command::new(&binary);
        command.args([
            "ingest",
            &corpus.display().to_string(),
            "--index",
            &index.display().to_string(),
            "--full",
        ]);
        command
    };
    let ingest = || {
        ingest_command()
            .args(["--format", "json"])
            .output()
            .expect("horizon runs")
    };
    let started = Instant::now();
    let first = ingest();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let full = started.elapsed();
    let reference = answers(&binary, &index);
    println!(
        "corpus {}; a full ingest takes {:.2} s; {} queries",
        corpus.display(),
        full.as_secs_f64(),
        QUERIES.len()
    );

    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let (mut survived, mut changed, mut failed_after) = (0, 0, 0);
    for _ in 0..kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Anywhere from the start to a little past the usual end of an ingest.
        let wait =
            Duration::from_secs_f64(full.as_secs_f64() * 1.1 * (seed % 1000) as f64 / 1000.0);
        let mut child = ingest_command()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("horizon starts");
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
        if answers(&binary, &index) == reference {
            survived += 1;
        } else {
            changed += 1;
        }
    }
    let last = ingest();
    if !last.status.success() {
        failed_after += 1;
        eprintln!("{}", String::from_utf8_lossy(&last.stderr));
    }
    let leftovers = std::fs::read_dir(&index)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
                .count()
        })
        .unwrap_or(0);
    println!("kills {kills}, index intact after {survived}, results changed after {changed}");
    println!(
        "ingest after the kills: {}; generations left: {leftovers}",
        if failed_after == 0 {
            "succeeded"
        } else {
            "FAILED"
        }
    );
    println!(
        "answers after the final ingest equal the first: {}",
        answers(&binary, &index) == reference
    );
}

/// The corpus to ingest: a 10% sample of the laws where they are at hand.
fn corpus(scratch: &Path) -> PathBuf {
    let laws = Path::new("../shared/corpora/nl-laws/wet");
    if !laws.is_dir() {
        return PathBuf::from("corpus");
    }
    let sample = scratch.join("sample");
    std::fs::create_dir_all(&sample).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(laws)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files.iter().step_by(10).chain(files.iter().take(40)) {
        std::fs::copy(file, sample.join(file.file_name().unwrap())).unwrap();
    }
    std::fs::copy("corpus/nvs-midterm-review-2021.txt", sample.join("nvs.txt")).unwrap();
    sample
}

/// The passages each query finds, in order, as the real binary reports them.
fn answers(binary: &Path, index: &Path) -> Vec<String> {
    QUERIES
        .iter()
        .map(|q| {
            let out = Command::new(binary)
                .args([
                    "search",
                    q,
                    "--index",
                    &index.display().to_string(),
                    "--format",
                    "csv",
                    "--limit",
                    "20",
                ])
                .output()
                .expect("horizon runs");
            let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
            let ids: Vec<String> = reader
                .records()
                .flatten()
                .map(|r| r[2].to_string())
                .collect();
            format!("{}|{}", out.status.success(), ids.join(","))
        })
        .collect()
}
