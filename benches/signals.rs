//! Signal extraction throughput: the lexicon matcher over the repaired paragraphs of
//! ../shared/corpora/nl-laws (skipped with a message where absent), with the lexicon shipped in
//! corpus/lexicon. Repair is not timed; matching is, as ingest runs it on every passage.
//!
//!     cargo bench --bench signals

use std::path::Path;
use std::time::Instant;

use horizon::repair;
use horizon::signals::matcher::Matcher;
use horizon::signals::Lexicon;

fn main() {
    let dir = Path::new("../shared/corpora/nl-laws");
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let lexicon = Lexicon::read(Path::new("corpus/lexicon"));
    let entries = lexicon.signals();
    let matcher = Matcher::new(&entries);
    let mut texts = Vec::new();
    collect(dir, &mut texts);
    let paragraphs: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            repair::paragraphs(t)
                .into_iter()
                .map(|p| p.text().to_string())
        })
        .collect();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut mentions = 0;
    for _ in 0..3 {
        let started = Instant::now();
        mentions = paragraphs
            .iter()
            .map(|p| matcher.mentions(p).len())
            .sum::<usize>();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "nl-laws: {:.1} MB in {} paragraphs, {} lexicon entries, {mentions} mentions, {:.3} s, {:.1} MB/s",
        bytes as f64 / 1e6,
        paragraphs.len(),
        entries.len(),
        best,
        bytes as f64 / 1e6 / best
    );
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(std::fs::read_to_string(&path).expect("UTF-8 text"));
        }
    }
}
