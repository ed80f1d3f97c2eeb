//! `horizon themes`: passages and tokens per theme and edition.

use std::collections::HashMap;
use std::process::ExitCode;

use crate::cli::ThemesConfig;
use crate::export::{Cell, Column, Table};
use crate::index::HorizonIndex;

pub fn run(config: &ThemesConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let table = table(&index)?;
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's table, for the command line and the workbench alike.
pub(crate) fn table(index: &HorizonIndex) -> anyhow::Result<Table> {
    // (theme id, edition) -> (passages, tokens)
    let mut counts: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for record in index.summaries()?.iter() {
        let entry = counts
            .entry((record.theme.clone(), record.edition.clone()))
            .or_default();
        entry.0 += 1;
        entry.1 += record.words;
    }
    let mut table = Table::new(vec![
        Column::new("theme"),
        Column::new("label"),
        Column::new("edition"),
        Column::new("date"),
        Column::new("passages"),
        Column::new("tokens"),
    ])
    .with_empty_message("no themes in the index");
    let themes = index
        .meta
        .themes
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .chain([("", "(no theme)")]);
    for (id, label) in themes {
        for edition in &index.meta.editions {
            let (passages, tokens) = counts
                .get(&(id.to_string(), edition.name.clone()))
                .copied()
                .unwrap_or_default();
            if id.is_empty() && passages == 0 {
                continue;
            }
            table.push(vec![
                if id.is_empty() {
                    Cell::Empty
                } else {
                    id.into()
                },
                label.into(),
                edition.name.clone().into(),
                edition.date.clone().into(),
                passages.into(),
                tokens.into(),
            ]);
        }
    }
    table.settings = super::settings(index);
    Ok(table)
}
