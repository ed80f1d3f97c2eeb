//! `horizon trend`: rates of signals across all editions, changes and alerts.

use std::collections::HashMap;
use std::process::ExitCode;

use crate::cli::TrendConfig;
use crate::compare::{trend, TrendPoint};
use crate::export::{Cell, Column, Table};
use crate::signals::mentions::{count, GroupBy};

/// A signal's mentions in each of `editions` (name, date, mentions, tokens), as [`trend`] takes
/// them, from mentions by (signal, edition).
pub(crate) fn edition_series(
    editions: &[crate::index::EditionMeta],
    mentions: &HashMap<(&str, &str), u64>,
    signal: &str,
) -> Vec<(String, Option<String>, u64, u64)> {
    editions
        .iter()
        .map(|e| {
            let n = mentions
                .get(&(signal, e.name.as_str()))
                .copied()
                .unwrap_or(0);
            (e.name.clone(), e.date.clone(), n, e.words)
        })
        .collect()
}

pub fn run(config: &TrendConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let records = index.summaries()?;
    let signal = match &config.signal {
        Some(name) => Some(super::mentions::resolve_signal(&index, name)?.id.clone()),
        None => None,
    };
    let kind = config.kind.map(|k| k.name());
    let rows = count(
        records.iter(),
        &index.meta.signals,
        &index.meta.editions,
        GroupBy::Edition,
        |s| kind.is_none_or(|k| s.kind == k) && signal.as_ref().is_none_or(|id| &s.id == id),
    );
    let mut mentions: HashMap<(&str, &str), u64> = HashMap::new();
    for row in &rows {
        mentions.insert((row.signal.id.as_str(), row.edition.as_str()), row.mentions);
    }
    let mut series: Vec<(&crate::index::SignalMeta, Vec<TrendPoint>)> = Vec::new();
    for meta in &index.meta.signals {
        let wanted =
            kind.is_none_or(|k| meta.kind == k) && signal.as_ref().is_none_or(|id| &meta.id == id);
        if !wanted
            || !index
                .meta
                .editions
                .iter()
                .any(|e| mentions.contains_key(&(meta.id.as_str(), e.name.as_str())))
        {
            continue;
        }
        let editions = edition_series(&index.meta.editions, &mentions, &meta.id);
        series.push((meta, trend(&editions, config.alert_factor)));
    }
    // Alerts first, then the highest latest rate.
    series.sort_by(|(a, x), (b, y)| {
        let last =
            |points: &[TrendPoint]| points.last().map_or((false, 0.0), |p| (p.alert, p.per_10k));
        let (alert_x, rate_x) = last(x);
        let (alert_y, rate_y) = last(y);
        alert_y
            .cmp(&alert_x)
            .then(rate_y.total_cmp(&rate_x))
            .then(a.id.cmp(&b.id))
    });
    let mut settings = super::settings(&index);
    settings.push(("alert factor".to_string(), config.alert_factor.to_string()));
    let mut table = Table::new(vec![
        Column::new("kind"),
        Column::new("signal"),
        Column::data_only("label"),
        Column::new("edition"),
        Column::new("date"),
        Column::new("mentions"),
        Column::new("tokens"),
        Column::new("per_10k"),
        Column::new("change"),
        Column::new("alert"),
    ])
    .with_empty_message("no mentions to trend")
    .with_settings(settings)
    .with_human_limit(config.limit);
    for (meta, points) in series {
        for point in points {
            table.push(vec![
                meta.kind.clone().into(),
                meta.id.clone().into(),
                meta.label.clone().into(),
                point.edition.into(),
                point.date.into(),
                point.mentions.into(),
                point.tokens.into(),
                Cell::Float(point.per_10k),
                point.change.map_or(Cell::Empty, Cell::Float),
                if point.alert {
                    "alert".into()
                } else {
                    Cell::Empty
                },
            ]);
        }
    }
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}
