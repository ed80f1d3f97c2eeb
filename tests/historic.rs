//! The rules for historic and noisy Dutch measured on the OCR'd parliamentary papers (1814-1995):
//! how often each fires, on how many distinct words, and a sample of those words to inspect by hand
//! for wrong joins, splits and spellings. The figures in docs/ANALYSIS.md come from this run:
//!
//! ```sh
//! HORIZON_PAPERS=../shared/corpora/sgd-kamerstukken.jsonl cargo test --test historic -- --ignored --nocapture
//! ```

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault};

use horizon::analysis::{DutchAnalyzer, Stopwords};
use horizon::repair;

/// Words shown per rule: a fixed pseudo-random sample, the same in every run.
const SAMPLE: usize = 40;

#[derive(Default)]
struct Tally {
    fired: usize,
    documents: usize,
    words: BTreeMap<String, usize>,
}

#[test]
#[ignore = "needs the papers: set HORIZON_PAPERS to sgd-kamerstukken.jsonl"]
fn measure_on_the_papers() {
    let path = std::env::var("HORIZON_PAPERS").expect("HORIZON_PAPERS");
    let papers = std::fs::read_to_string(path).expect("the papers");
    let mut analyzer = DutchAnalyzer::new(Stopwords::parse(include_str!("../stopwords/nl.txt")));
    let mut rules: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut documents, mut words) = (0, 0);
    for line in papers.lines() {
        let paper: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let Some(text) = paper["Content"].as_str() else {
            continue;
        };
        documents += 1;
        let mut seen: HashSet<String> = HashSet::new();
        for paragraph in repair::paragraphs(text) {
            for word in analyzer.explain(paragraph.text()) {
                words += 1;
                let written = &paragraph.text()[word.start..word.end];
                let from = paragraph.mapped.source_offset(word.start);
                let to = paragraph.mapped.source_offset(word.end - 1) + 1;
                let source = text.get(from..to).unwrap_or("");
                let mut fired: Vec<(String, String)> = word
                    .rules
                    .iter()
                    .map(|r| {
                        let (rule, detail) = r.split_once(": ").unwrap_or((r, ""));
                        let rule = rule.split(" (").next().unwrap_or(rule);
                        (rule.to_string(), format!("{written} -> {detail}"))
                    })
                    .collect();
                // A hyphen the repair stage dropped inside a line, not at a line end.
                if source.contains('-') && !source.contains('\n') && !written.contains('-') {
                    fired.push(("OCR hyphen joined (repair)".into(), source.to_string()));
                }
                for (rule, detail) in fired {
                    let tally = rules.entry(rule.clone()).or_default();
                    tally.fired += 1;
                    *tally.words.entry(detail).or_default() += 1;
                    if seen.insert(rule) {
                        tally.documents += 1;
                    }
                }
            }
        }
    }
    println!("{documents} papers, {words} words");
    let hasher = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    for (rule, tally) in &rules {
        println!(
            "\n## {rule}: fired {} times in {} papers, on {} distinct words",
            tally.fired,
            tally.documents,
            tally.words.len()
        );
        let mut top: Vec<(&String, &usize)> = tally.words.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1));
        let common: Vec<String> = top
            .iter()
            .take(15)
            .map(|(w, n)| format!("{w} ({n})"))
            .collect();
        println!("most common: {}", common.join(", "));
        let mut sample: Vec<&String> = tally.words.keys().collect();
        sample.sort_by_key(|w| hasher.hash_one(w));
        for word in sample.into_iter().take(SAMPLE) {
            println!("  {word}");
        }
    }
}
