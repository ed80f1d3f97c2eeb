//! `horizon candidates`: names the lexicon lacks, as rows to paste into it.

use std::process::ExitCode;

use crate::cli::CandidatesConfig;
use crate::export::{Cell, Column, Table};
use crate::signals::candidates::{find, slug};

pub fn run(config: &CandidatesConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let records = index.passages()?;
    let mut table = Table::new(vec![
        Column::new("id"),
        Column::new("label"),
        Column::new("type"),
        Column::data_only("aliases"),
        Column::new("theme"),
        Column::new("shape"),
        Column::new("count"),
        Column::data_only("passages"),
        Column::data_only("passage"),
        Column::new("context").max_width(70),
    ])
    .with_empty_message(format!(
        "no candidates occurring {} times or more outside the lexicon",
        config.min
    ));
    for candidate in find(&records, config.min) {
        table.push(vec![
            slug(&candidate.text).into(),
            candidate.text.into(),
            candidate.entry_type.into(),
            Cell::Empty,
            candidate.theme.into(),
            candidate.shape.name().into(),
            candidate.count.into(),
            candidate.passages.into(),
            candidate.passage.into(),
            candidate.context.into(),
        ]);
    }
    table.settings = super::settings(&index);
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}
