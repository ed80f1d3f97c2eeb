//! Ingest throughput, horizon's Dutch analyzer beside tantivy's stock Dutch analyzer, measured in the
//! same run through the same pipeline (corpus, repair, structure, analysis, index):
//!
//!     cargo bench --bench ingest
//!
//! Runs on the project's corpus (best of 5) and on ../shared/corpora/nl-laws (best of 2), which is
//! skipped with a message where that folder is absent. Prints MB/s and the ratio full / plain.

use std::path::Path;
use std::time::Instant;

use horizon::analysis::Analyzer;
use horizon::pipeline;

fn main() {
    let stopwords = pipeline::stopwords(None).expect("the stop-word list loads");
    let corpora = [
        ("corpus", "corpus", 5),
        ("nl-laws", "../shared/corpora/nl-laws", 2),
    ];
    println!(
        "{:<10} {:>9} {:>12} {:>12} {:>8}",
        "corpus", "MB", "horizon MB/s", "plain MB/s", "ratio"
    );
    for (name, dir, runs) in corpora {
        let dir = Path::new(dir);
        if !dir.is_dir() {
            println!("{name:<10} skipped: {} is absent", dir.display());
            continue;
        }
        let mut rates = Vec::new();
        let mut megabytes = 0.0;
        for analyzer in [Analyzer::Horizon, Analyzer::Plain] {
            let mut best = f64::INFINITY;
            for _ in 0..runs {
                let scratch = tempfile::tempdir().expect("a temporary folder");
                let started = Instant::now();
                let built = pipeline::build(
                    dir,
                    &scratch.path().join("index"),
                    analyzer,
                    &stopwords,
                    false,
                )
                .expect("the corpus ingests");
                best = best.min(started.elapsed().as_secs_f64());
                megabytes = built.bytes as f64 / 1e6;
            }
            rates.push(megabytes / best);
        }
        println!(
            "{name:<10} {megabytes:>9.1} {:>12.2} {:>12.2} {:>8.2}",
            rates[0],
            rates[1],
            rates[1] / rates[0]
        );
    }
}
