//! `horizon signals`: mention counts per edition (and document or theme), with rates.

use std::process::ExitCode;

use crate::cli::SignalsConfig;
use crate::export::{Cell, Column, Table};
use crate::index::HorizonIndex;
use crate::signals::mentions::count;

pub fn run(config: &SignalsConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let table = table(&index, config)?;
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's table, for the command line and the workbench alike.
pub(crate) fn table(index: &HorizonIndex, config: &SignalsConfig) -> anyhow::Result<Table> {
    let edition = config
        .edition
        .as_deref()
        .map(|e| index.resolve_edition(e))
        .transpose()?;
    let records = index.summaries()?;
    let kind = config.kind.map(|k| k.name());
    let rows = count(
        records
            .iter()
            .filter(|r| edition.as_ref().is_none_or(|e| &r.edition == e)),
        &index.meta.signals,
        &index.meta.editions,
        config.by,
        |s| kind.is_none_or(|k| s.kind == k),
    );
    let mut table = Table::new(vec![
        Column::new("edition"),
        Column::data_only("date"),
        Column::new("doc"),
        Column::new("theme"),
        Column::new("kind"),
        Column::new("signal"),
        Column::data_only("label"),
        Column::data_only("type"),
        Column::new("mentions"),
        Column::new("passages"),
        Column::new("tokens"),
        Column::new("per_10k"),
    ])
    .with_empty_message("no mentions: check the lexicon in the corpus's lexicon/ folder");
    for row in rows {
        let per_10k = row.per_10k();
        table.push(vec![
            row.edition.into(),
            row.date.into(),
            row.doc.into(),
            row.theme.into(),
            row.signal.kind.into(),
            row.signal.id.into(),
            row.signal.label.into(),
            row.signal.entry_type.into(),
            row.mentions.into(),
            row.passages.into(),
            row.tokens.into(),
            Cell::Float(per_10k),
        ]);
    }
    table.settings = super::settings(index);
    Ok(table)
}
