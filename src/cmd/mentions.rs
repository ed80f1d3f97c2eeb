//! `horizon mentions`: every mention of one signal, in context.

use std::process::ExitCode;

use crate::cli::MentionsConfig;
use crate::export::{Column, Table};
use crate::index::{HorizonIndex, SignalMeta};
use crate::lang::fold;
use crate::signals::mentions::in_context;

/// The signal `name` means: its id, else a label, else an alias; a name shared by a theme word and
/// an actor or measure ("RIVM") means the actor or measure.
pub fn resolve_signal<'a>(index: &'a HorizonIndex, name: &str) -> anyhow::Result<&'a SignalMeta> {
    let wanted = fold(&name.trim().to_lowercase()).into_owned();
    let named = |candidate: &str| fold(&candidate.to_lowercase()) == wanted.as_str();
    let signals = &index.meta.signals;
    let found = signals
        .iter()
        .find(|s| named(&s.id))
        .or_else(|| {
            signals
                .iter()
                .find(|s| named(&s.label) && s.kind != "theme")
        })
        .or_else(|| signals.iter().find(|s| named(&s.label)))
        .or_else(|| {
            signals
                .iter()
                .find(|s| s.kind != "theme" && s.aliases.iter().any(|a| named(a)))
        })
        .or_else(|| signals.iter().find(|s| s.aliases.iter().any(|a| named(a))));
    found.ok_or_else(|| {
        let close: Vec<&str> = signals
            .iter()
            .filter(|s| s.id.contains(&wanted) || fold(&s.label.to_lowercase()).contains(&wanted))
            .map(|s| s.id.as_str())
            .take(8)
            .collect();
        anyhow::anyhow!(
            "no signal {name:?} in the lexicon of this index{}; `horizon signals` lists them",
            if close.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", close.join(", "))
            }
        )
    })
}

pub fn run(config: &MentionsConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let table = table(&index, config)?;
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's table, for the command line and the workbench alike.
pub(crate) fn table(index: &HorizonIndex, config: &MentionsConfig) -> anyhow::Result<Table> {
    let signal = resolve_signal(index, &config.signal)?;
    let edition = config
        .edition
        .as_deref()
        .map(|e| index.resolve_edition(e))
        .transpose()?;
    let records = index.passages_mentioning(&signal.id)?;
    let mut table = Table::new(vec![
        Column::data_only("doc"),
        Column::new("edition"),
        Column::data_only("theme"),
        Column::new("passage"),
        Column::new("pages"),
        Column::new("lines"),
        Column::new("left"),
        Column::new("match"),
        Column::new("right"),
    ])
    .with_empty_message(format!("no mentions of {}", signal.id));
    for line in in_context(&records, &signal.id, edition.as_deref(), config.window) {
        table.push(vec![
            line.doc.into(),
            line.edition.into(),
            line.theme.into(),
            line.passage.into(),
            line.pages.into(),
            line.lines.into(),
            line.left.into(),
            line.matched.into(),
            line.right.into(),
        ]);
    }
    table.settings = super::settings(index);
    Ok(table)
}
