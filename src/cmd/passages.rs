//! `horizon passages`: every passage with its metadata, in document order.

use std::process::ExitCode;

use crate::cli::PassagesConfig;
use crate::export::{Cell, Column, Table};

pub fn run(config: &PassagesConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let edition = (config.filter.edition.as_deref())
        .map(|e| index.resolve_edition(e))
        .transpose()?;
    let theme = (config.filter.theme.as_deref())
        .map(|t| index.resolve_theme(t))
        .transpose()?;
    if let Some(doc) = &config.doc {
        if !index.meta.documents.iter().any(|d| &d.id == doc) {
            anyhow::bail!(
                "no document {doc:?} in the index; the documents are: {}",
                index
                    .meta
                    .documents
                    .iter()
                    .map(|d| d.id.as_str())
                    .take(20)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    let mut table = Table::new(vec![
        Column::new("passage"),
        Column::data_only("doc"),
        Column::data_only("series"),
        Column::new("edition"),
        Column::data_only("date"),
        Column::data_only("position"),
        Column::new("pages"),
        Column::new("lines"),
        Column::new("words"),
        Column::data_only("footnote"),
        Column::data_only("notes"),
        Column::new("theme"),
        Column::data_only("theme_label"),
        Column::new("part"),
        Column::data_only("theme_basis"),
        Column::data_only("section"),
        Column::new("text").max_width(70),
    ])
    .with_empty_message("no passages");
    for record in index.passages()? {
        if edition.as_ref().is_some_and(|e| e != &record.edition)
            || theme.as_ref().is_some_and(|t| t != &record.theme)
            || config.doc.as_ref().is_some_and(|d| d != &record.doc)
        {
            continue;
        }
        let (pages, lines) = (record.pages(), record.lines());
        table.push(vec![
            record.passage.into(),
            record.doc.into(),
            record.series.into(),
            record.edition.into(),
            record.date.into(),
            record.position.into(),
            pages.into(),
            lines.into(),
            record.words.into(),
            if record.footnote == 0 {
                Cell::Empty
            } else {
                record.footnote.into()
            },
            record.notes.into(),
            record.theme.into(),
            record.theme_label.into(),
            record.part.into(),
            record.theme_basis.into(),
            record.section.into(),
            record.text.into(),
        ]);
    }
    table.settings = super::settings(&index);
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}
