//! Where ingest time goes, stage by stage, on ../shared/corpora/nl-laws (skipped where absent):
//! reading and decoding, repair, structure, signal matching, and the analyzer alone. Single-threaded,
//! so the figures add up; ingest runs the stages on both cores.
//!
//!     cargo bench --bench stages

use std::path::Path;
use std::time::Instant;

use horizon::analysis::Analyzer;
use horizon::signals::matcher::Matcher;
use horizon::signals::Lexicon;
use horizon::structure;
use horizon::{corpus, pipeline, repair};

fn main() {
    let dir = Path::new("../shared/corpora/nl-laws");
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let started = Instant::now();
    let plan = corpus::plan(dir).expect("the corpus plans");
    let documents: Vec<_> = plan
        .sources
        .iter()
        .filter_map(|s| s.read(&plan.root, false).ok())
        .map(|(d, _, _)| d)
        .collect();
    let read = started.elapsed().as_secs_f64();
    let megabytes = documents.iter().map(|d| d.bytes).sum::<u64>() as f64 / 1e6;

    let started = Instant::now();
    let paragraphs: Vec<_> = documents
        .iter()
        .map(|d| repair::paragraphs(&d.text))
        .collect();
    let repair_s = started.elapsed().as_secs_f64();

    let lexicon = Lexicon::read(Path::new("corpus/lexicon"));
    let layout = pipeline::layout_for(&lexicon, Vec::new());
    let started = Instant::now();
    let passages: Vec<_> = paragraphs
        .iter()
        .zip(&documents)
        .map(|(p, d)| structure::structure(p, &layout, &d.meta.edition))
        .collect();
    let structure_s = started.elapsed().as_secs_f64();

    let matcher = Matcher::new(&lexicon.signals());
    let started = Instant::now();
    let mentions: usize = passages
        .iter()
        .flatten()
        .map(|p| matcher.mentions(&p.text).len())
        .sum();
    let match_s = started.elapsed().as_secs_f64();

    let stopwords = pipeline::stopwords(None).expect("stop words");
    let mut timings = Vec::new();
    for analyzer in [Analyzer::Horizon, Analyzer::Plain] {
        let mut text_analyzer = analyzer.build(&stopwords);
        let started = Instant::now();
        let mut tokens = 0usize;
        for passage in passages.iter().flatten() {
            let mut stream = text_analyzer.token_stream(&passage.text);
            while stream.advance() {
                tokens += 1;
            }
        }
        timings.push((analyzer.name(), started.elapsed().as_secs_f64(), tokens));
    }
    println!(
        "nl-laws, {megabytes:.1} MB, {} documents, {mentions} mentions",
        documents.len()
    );
    for (stage, seconds) in [
        ("read + decode", read),
        ("repair", repair_s),
        ("structure", structure_s),
        ("signals", match_s),
    ] {
        println!(
            "{stage:<22} {seconds:>7.2} s  {:>7.1} MB/s",
            megabytes / seconds
        );
    }
    for (name, seconds, tokens) in timings {
        println!(
            "{:<22} {seconds:>7.2} s  {:>7.1} MB/s  ({tokens} tokens)",
            format!("analyzer {name}"),
            megabytes / seconds
        );
    }
}
