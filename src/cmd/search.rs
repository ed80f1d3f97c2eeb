//! `horizon search`: the best passages for a query, with highlighted snippets. When no passage holds
//! every word, the passages that hold most of them, marked; for a word found nowhere, the nearest
//! words of the index ("bedoelde u").

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::SearchConfig;
use crate::export::{Cell, Column, Table};
use crate::index::{Answer, HorizonIndex};

pub fn run(config: &SearchConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let answer = index
        .search(&config.query, &config.filter, config.limit)
        .with_context(|| format!("search in {} failed", config.index.display()))?;
    for line in remarks(&config.query, &answer) {
        eprintln!("{line}");
    }
    let table = hits_table(&config.query, answer.hits, answer.partial.is_some(), &index);
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The hits as the table every output format and the workbench's downloads are made from.
pub(crate) fn hits_table(
    query: &str,
    hits: Vec<crate::index::Hit>,
    partial: bool,
    index: &HorizonIndex,
) -> Table {
    let mut table = Table::new(vec![
        Column::new("rank"),
        Column::new("score"),
        Column::new("passage"),
        Column::data_only("doc"),
        Column::data_only("series"),
        Column::new("edition"),
        Column::data_only("date"),
        Column::data_only("position"),
        Column::new("pages"),
        Column::new("lines"),
        Column::new("theme"),
        Column::data_only("part"),
        Column::data_only("section"),
        Column::data_only("partial"),
        if partial {
            Column::new("missing")
        } else {
            Column::data_only("missing")
        },
        Column::new("snippet"),
        Column::data_only("text"),
    ])
    .with_empty_message(format!("no passages match {query:?}"));
    for hit in hits {
        let record = hit.record;
        let (pages, lines) = (record.pages(), record.lines());
        table.push(vec![
            hit.rank.into(),
            Cell::Float(f64::from(hit.score)),
            record.passage.into(),
            record.doc.into(),
            record.series.into(),
            record.edition.into(),
            record.date.into(),
            record.position.into(),
            pages.into(),
            lines.into(),
            record.theme.into(),
            record.part.into(),
            record.section.into(),
            partial.into(),
            hit.missing.join(" ").into(),
            hit.snippet.into(),
            record.text.into(),
        ]);
    }
    table.settings = super::settings(index);
    table
}

/// What the user should know beside the hits, one line each, for stderr.
pub(crate) fn remarks(query: &str, answer: &Answer) -> Vec<String> {
    let mut lines = answer.notes.clone();
    if let Some(partial) = answer.partial {
        lines.push(format!(
            "no passage holds all {} parts of {query:?}; these hold {} of them (partial, the missing ones named)",
            partial.of, partial.holds
        ));
    }
    for suggestion in &answer.suggestions {
        lines.push(format!(
            "{:?} is in no passage; bedoelde u: {}?",
            suggestion.word,
            suggestion.instead.join(", ")
        ));
    }
    lines
}
