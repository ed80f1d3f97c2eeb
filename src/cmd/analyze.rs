//! `horizon analyze`: the terms the analyzer makes of a text, word by word.

use std::process::ExitCode;

use crate::cli::AnalyzeConfig;
use crate::export::{Column, Table};
use crate::pipeline::stopwords;

pub fn run(config: &AnalyzeConfig) -> anyhow::Result<ExitCode> {
    let mut analyzer = config.analyzer.build(&stopwords(None)?);
    let mut stream = analyzer.token_stream(&config.text);
    let mut table = Table::new(vec![
        Column::new("position"),
        Column::new("word"),
        Column::new("terms"),
    ])
    .with_empty_message("no terms: the text has only stop words or no words");
    let mut current: Option<(usize, String, Vec<String>)> = None;
    let mut rows = Vec::new();
    while let Some(token) = stream.next() {
        let word = config.text[token.offset_from..token.offset_to].to_string();
        match &mut current {
            Some((position, _, terms)) if *position == token.position => {
                terms.push(token.text.clone())
            }
            _ => {
                rows.extend(current.take());
                current = Some((token.position, word, vec![token.text.clone()]));
            }
        }
    }
    rows.extend(current);
    for (position, word, terms) in rows {
        table.push(vec![position.into(), word.into(), terms.join(" ").into()]);
    }
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}
