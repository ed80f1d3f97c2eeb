//! `horizon analyze`: the terms the analyzer makes of a text, word by word, with the rules for
//! historic and noisy Dutch that fired, after the repair stage when asked.

use std::process::ExitCode;

use crate::analysis::{Analyzer, DutchAnalyzer, Explained};
use crate::cli::AnalyzeConfig;
use crate::export::{Column, Table};
use crate::pipeline::stopwords;
use crate::repair;

pub fn run(config: &AnalyzeConfig) -> anyhow::Result<ExitCode> {
    let stopwords = stopwords(None)?;
    let mut table = Table::new(vec![
        Column::new("position"),
        Column::new("word"),
        Column::new("terms"),
        Column::new("rules"),
    ])
    .with_empty_message("no terms: the text has only stop words or no words");
    // (text analysed, what its bytes were in the input when the repair stage changed them)
    let mut pieces: Vec<(String, Option<repair::Mapped>)> = Vec::new();
    if config.repair {
        for paragraph in repair::paragraphs(&config.text) {
            pieces.push((paragraph.text().to_string(), Some(paragraph.mapped)));
        }
    } else {
        pieces.push((config.text.clone(), None));
    }
    let mut base = 0;
    for (text, mapped) in &pieces {
        let words = match config.analyzer {
            Analyzer::Horizon => DutchAnalyzer::new(stopwords.clone()).explain(text),
            Analyzer::Plain => plain(config.analyzer, &stopwords, text),
        };
        let mut next = base;
        for mut word in words {
            let written = &text[word.start..word.end];
            if let Some(source) = mapped
                .as_ref()
                .and_then(|m| repaired(m, &config.text, word.start, word.end))
            {
                if source != written {
                    word.rules.insert(0, format!("repaired from {source:?}"));
                }
            }
            next = next.max(base + word.position + 1);
            table.push(vec![
                (base + word.position).into(),
                written.to_string().into(),
                word.terms.join(" ").into(),
                word.rules.join("; ").into(),
            ]);
        }
        base = next;
    }
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The input bytes that the repaired bytes `start..end` came from.
fn repaired<'a>(
    mapped: &repair::Mapped,
    input: &'a str,
    start: usize,
    end: usize,
) -> Option<&'a str> {
    let from = mapped.source_offset(start);
    let last = mapped.source_offset(end.checked_sub(1)?);
    let to = last + input.get(last..)?.chars().next()?.len_utf8();
    input.get(from..to.max(from))
}

/// What tantivy's stock analyzer makes of `text`, in the same rows.
fn plain(analyzer: Analyzer, stopwords: &crate::analysis::Stopwords, text: &str) -> Vec<Explained> {
    let mut built = analyzer.build(stopwords);
    let mut stream = built.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push(token.clone());
    }
    Explained::words(&tokens)
}
