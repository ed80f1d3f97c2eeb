//! `horizon search`: the best passages for a query, with highlighted snippets.

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::SearchConfig;
use crate::export::{Cell, Column, Table};

pub fn run(config: &SearchConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let hits = index
        .search(&config.query, &config.filter, config.limit)
        .with_context(|| format!("search in {} failed", config.index.display()))?;
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
        Column::new("snippet"),
        Column::data_only("text"),
    ])
    .with_empty_message(format!("no passages match {:?}", config.query));
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
            hit.snippet.into(),
            record.text.into(),
        ]);
    }
    table.settings = super::settings(&index);
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}
