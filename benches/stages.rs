//! Where ingest time goes, stage by stage, on ../shared/corpora/nl-laws and on the OCR'd papers of
//! ../shared/corpora/sgd-kamerstukken.jsonl (each skipped where absent): reading and decoding,
//! repair, structure, signal matching, word counting, and the analyzer alone.
//! Single-threaded, so the figures add up; ingest runs the stages on both cores. Each stage runs
//! three times and the fastest run counts, so that one busy moment of the machine does not.
//!
//!     cargo bench --bench stages

use std::path::Path;
use std::time::Instant;

use horizon::analysis::{count_words, Analyzer};
use horizon::signals::matcher::Matcher;
use horizon::signals::Lexicon;
use horizon::structure;
use horizon::{corpus, pipeline, repair};

const RUNS: usize = 3;

/// The fastest of [`RUNS`] runs of `stage`, in seconds, and what the last run made.
fn best<T>(mut stage: impl FnMut() -> T) -> (f64, T) {
    let mut fastest = f64::INFINITY;
    let mut made = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        let out = stage();
        fastest = fastest.min(started.elapsed().as_secs_f64());
        made = Some(out);
    }
    (fastest, made.expect("at least one run"))
}

fn main() {
    for corpus in ["nl-laws", "sgd-kamerstukken.jsonl"] {
        let path = Path::new("../shared/corpora").join(corpus);
        if path.exists() {
            stages(corpus, &path);
        } else {
            println!("skipped: {} is absent", path.display());
        }
    }
}

fn stages(name: &str, dir: &Path) {
    let plan = corpus::plan(dir).expect("the corpus plans");
    let (read, documents) = best(|| {
        plan.sources
            .iter()
            .filter_map(|s| s.read(&plan.root, false).ok())
            .map(|(d, _, _)| d)
            .collect::<Vec<_>>()
    });
    let megabytes = documents.iter().map(|d| d.bytes).sum::<u64>() as f64 / 1e6;

    let (repair_s, paragraphs) = best(|| {
        documents
            .iter()
            .map(|d| repair::paragraphs(&d.text))
            .collect::<Vec<_>>()
    });

    let lexicon = Lexicon::read(Path::new("corpus/lexicon"));
    let layout = pipeline::layout_for(&lexicon, Vec::new());
    let (structure_s, passages) = best(|| {
        paragraphs
            .iter()
            .zip(&documents)
            .map(|(p, d)| structure::structure(p, &layout, &d.meta.edition))
            .collect::<Vec<_>>()
    });

    let matcher = Matcher::new(&lexicon.signals());
    let (match_s, mentions) = best(|| {
        passages
            .iter()
            .flatten()
            .map(|p| matcher.mentions(&p.text).len())
            .sum::<usize>()
    });
    let (count_s, words) = best(|| {
        passages
            .iter()
            .flatten()
            .map(|p| count_words(&p.text))
            .sum::<usize>()
    });

    let stopwords = pipeline::stopwords(None).expect("stop words");
    let mut timings = Vec::new();
    for analyzer in [Analyzer::Horizon, Analyzer::Plain] {
        // A fresh analyzer each run: ingest starts each index segment with a cold word cache too.
        let (seconds, tokens) = best(|| {
            let mut text_analyzer = analyzer.build(&stopwords);
            let mut tokens = 0usize;
            for passage in passages.iter().flatten() {
                let mut stream = text_analyzer.token_stream(&passage.text);
                while stream.advance() {
                    tokens += 1;
                }
            }
            tokens
        });
        timings.push((analyzer.name(), seconds, tokens));
    }
    println!(
        "{name}, {megabytes:.1} MB, {} documents, {mentions} mentions, {words} words; best of {RUNS} runs",
        documents.len()
    );
    for (stage, seconds) in [
        ("read + decode", read),
        ("repair", repair_s),
        ("structure", structure_s),
        ("signals", match_s),
        ("word count", count_s),
    ] {
        println!(
            "{stage:<22} {seconds:>7.2} s  {:>7.1} MB/s",
            megabytes / seconds
        );
    }
    for (analyzer, seconds, tokens) in timings {
        println!(
            "{:<22} {seconds:>7.2} s  {:>7.1} MB/s  ({tokens} tokens)",
            format!("analyzer {analyzer}"),
            megabytes / seconds
        );
    }
    println!();
}
