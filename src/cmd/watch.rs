//! `horizon watch list|add|remove`: the watch list for people who prefer commands to a spreadsheet.

use std::process::ExitCode;

use crate::cli::{WatchAction, WatchConfig};
use crate::export::{Column, Table};
use crate::signals::watch::{Watch, WatchList};

pub fn run(config: WatchConfig) -> anyhow::Result<ExitCode> {
    let mut list = WatchList::read(&config.watch)?;
    for problem in &list.problems {
        eprintln!("horizon: watch skipped: {problem}");
    }
    match config.action {
        WatchAction::List { .. } => {
            let mut table = Table::new(
                ["id", "label", "query", "theme", "note", "line"]
                    .into_iter()
                    .map(Column::new)
                    .collect(),
            )
            .with_empty_message(format!(
                "no watches in {}; add one with horizon watch add ID QUERY",
                config.watch.display()
            ));
            for watch in &list.watches {
                table.push(vec![
                    watch.id.clone().into(),
                    watch.label.clone().into(),
                    watch.query.clone().into(),
                    watch.theme.clone().into(),
                    watch.note.clone().into(),
                    watch.line.into(),
                ]);
            }
            if let Some(output) = &config.output {
                output.write(&table)?;
            }
        }
        WatchAction::Add {
            id,
            query,
            label,
            theme,
            note,
        } => {
            list.add(Watch {
                label: if label.is_empty() { id.clone() } else { label },
                id: id.clone(),
                query,
                theme,
                note,
                line: 0,
            })?;
            eprintln!("horizon: added watch '{id}' to {}", config.watch.display());
        }
        WatchAction::Remove { id } => {
            let removed = list.remove(&id)?;
            eprintln!(
                "horizon: removed watch '{}' ({}) from {}",
                removed.id,
                removed.query,
                config.watch.display()
            );
        }
    }
    Ok(if list.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
