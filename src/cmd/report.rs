//! `horizon report` and `horizon chart`: the numbers of `signals`, `compare` and `mentions`, drawn.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{ChartArgs, ChartFormat, ReportArgs};
use crate::compare::{keyness, Status, Thresholds};
use crate::index::{HorizonIndex, PassageRecord};
use crate::report::{self, svg, ChangeRow, ContextLine, EditionRow, PassageRow, Report};
use crate::signals::mentions::{count, in_context, GroupBy, SignalCount};

/// Actors and measures drawn as trends, and shown in context.
const TOP: usize = 6;
/// Rows of each kind of change.
const CHANGES: usize = 8;
/// Context lines per signal.
const LINES: usize = 3;

pub fn run(config: &ReportArgs) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let records = index.passages()?;
    let html = report::render(&gather(&index, &records));
    std::fs::write(&config.out, html)
        .with_context(|| format!("cannot write {}", config.out.display()))?;
    eprintln!("horizon: report written to {}", config.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn chart(config: &ChartArgs) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let drawing = signal_chart(&index, &config.signal)?;
    let bytes = match config.format {
        ChartFormat::Svg => drawing.into_bytes(),
        ChartFormat::Png => {
            svg::png(&drawing).map_err(|why| anyhow::anyhow!("cannot draw the PNG: {why}"))?
        }
    };
    match &config.out {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The SVG line chart of one signal's rate per edition: `horizon chart` and the workbench's
/// signal page draw the same.
pub(crate) fn signal_chart(index: &HorizonIndex, name: &str) -> anyhow::Result<String> {
    let signal = super::mentions::resolve_signal(index, name)?.clone();
    let rows = per_edition(index, |s| s.id == signal.id)?;
    let editions: Vec<String> = index.meta.editions.iter().map(|e| e.name.clone()).collect();
    let rates = rates_per_edition(index, &rows, &signal.id);
    Ok(svg::line_chart(
        &format!("{} per editie", signal.label),
        &editions,
        &[(signal.label.clone(), rates)],
        "vermeldingen per 10.000 woorden",
    ))
}

/// The report's heat map of themes by edition, for the workbench's themes page.
pub(crate) fn theme_heat_map(index: &HorizonIndex) -> anyhow::Result<String> {
    let rows = per_edition(index, |s| s.kind == "theme")?;
    let editions: Vec<String> = index.meta.editions.iter().map(|e| e.name.clone()).collect();
    let themes: Vec<String> = index.meta.themes.iter().map(|t| t.label.clone()).collect();
    Ok(svg::heat_map(
        "Thema's per editie (per 10.000 woorden)",
        &themes,
        &editions,
        &theme_rates(index, &rows),
        "vermeldingen per 10.000 woorden",
    ))
}

/// Mentions per edition of the signals `wanted` lets through, counted from the index's summaries.
fn per_edition(
    index: &HorizonIndex,
    wanted: impl Fn(&crate::index::SignalMeta) -> bool,
) -> anyhow::Result<Vec<SignalCount>> {
    let records = index.summaries()?;
    Ok(count(
        records.iter(),
        &index.meta.signals,
        &index.meta.editions,
        GroupBy::Edition,
        wanted,
    ))
}

/// A signal's rate per 10,000 words in every edition of the index, 0 where it is not mentioned.
fn rates_per_edition(index: &HorizonIndex, rows: &[SignalCount], signal: &str) -> Vec<f64> {
    index
        .meta
        .editions
        .iter()
        .map(|e| {
            rows.iter()
                .find(|r| r.signal.id == signal && r.edition == e.name)
                .map_or(0.0, SignalCount::per_10k)
        })
        .collect()
}

/// Every theme's rate per edition, in the lexicon's order of themes.
fn theme_rates(index: &HorizonIndex, rows: &[SignalCount]) -> Vec<Vec<f64>> {
    index
        .meta
        .themes
        .iter()
        .map(|t| rates_per_edition(index, rows, &t.id))
        .collect()
}

fn gather(index: &HorizonIndex, records: &[PassageRecord]) -> Report {
    let meta = &index.meta;
    let rows = count(
        records,
        &meta.signals,
        &meta.editions,
        GroupBy::Edition,
        |_| true,
    );
    let theme_rates = theme_rates(index, &rows);

    let mut totals: HashMap<&str, u64> = HashMap::new();
    for row in rows.iter().filter(|r| r.signal.kind != "theme") {
        *totals.entry(row.signal.id.as_str()).or_default() += row.mentions;
    }
    let mut top: Vec<(&str, u64)> = totals.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    top.truncate(TOP);
    let label = |id: &str| {
        meta.signals
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_string(), |s| s.label.clone())
    };
    let trends = top
        .iter()
        .map(|(id, _)| (label(id), rates_per_edition(index, &rows, id)))
        .collect();

    let (compared, changes) = changes(index, records, &rows);

    let latest = meta.editions.last().map(|e| e.name.clone());
    let mut contexts = Vec::new();
    let mut linked: BTreeSet<String> = BTreeSet::new();
    for (id, _) in &top {
        let lines: Vec<ContextLine> = in_context(records, id, latest.as_deref(), 50)
            .into_iter()
            .chain(in_context(records, id, None, 50))
            .take(LINES)
            .map(|l| ContextLine {
                passage: l.passage,
                edition: l.edition,
                pages: l.pages,
                left: l.left,
                matched: l.matched,
                right: l.right,
            })
            .collect();
        linked.extend(lines.iter().map(|l| l.passage.clone()));
        contexts.push((label(id), lines));
    }
    let passages_shown = records
        .iter()
        .filter(|r| linked.contains(&r.passage))
        .map(|r| PassageRow {
            passage: r.passage.clone(),
            edition: r.edition.clone(),
            theme: r.theme_label.clone(),
            pages: r.pages(),
            lines: r.lines(),
            text: r.text.clone(),
        })
        .collect();
    Report {
        title: "Horizonscan nationale veiligheid".to_string(),
        corpus: meta.corpus.clone(),
        documents: meta.documents.len() as u64,
        passages: meta.passages,
        words: meta.words,
        editions: meta
            .editions
            .iter()
            .map(|e| EditionRow {
                name: e.name.clone(),
                date: e.date.clone().unwrap_or_default(),
                documents: e.documents,
                passages: e.passages,
                words: e.words,
            })
            .collect(),
        themes: meta.themes.iter().map(|t| t.label.clone()).collect(),
        theme_rates,
        trends,
        compared,
        changes,
        contexts,
        passages_shown,
        settings: super::settings(index),
    }
}

/// New, rising and falling signals between the two latest editions, as `horizon compare` gives them.
fn changes(
    index: &HorizonIndex,
    records: &[PassageRecord],
    rows: &[SignalCount],
) -> (Option<(String, String)>, Vec<ChangeRow>) {
    let editions = &index.meta.editions;
    let [.., a, b] = editions.as_slice() else {
        return (None, Vec::new());
    };
    let tokens = |edition: &str| {
        records
            .iter()
            .filter(|r| r.edition == edition)
            .map(|r| r.words)
            .sum::<u64>()
    };
    let (tokens_a, tokens_b) = (tokens(&a.name), tokens(&b.name));
    let mut found: Vec<ChangeRow> = Vec::new();
    for signal in &index.meta.signals {
        let mentions = |edition: &str| {
            rows.iter()
                .find(|r| r.signal.id == signal.id && r.edition == edition)
                .map_or(0, |r| r.mentions)
        };
        let (ca, cb) = (mentions(&a.name), mentions(&b.name));
        if ca + cb == 0 {
            continue;
        }
        let k = keyness(ca, cb, tokens_a, tokens_b, Thresholds::default());
        if matches!(k.status, Status::New | Status::Rising | Status::Falling) {
            found.push(ChangeRow {
                kind: signal.kind.clone(),
                signal: signal.id.clone(),
                label: signal.label.clone(),
                count_a: ca,
                count_b: cb,
                log_ratio: k.log_ratio,
                g2: k.g2,
                status: k.status.name().to_string(),
            });
        }
    }
    let mut out = Vec::new();
    for status in ["new", "rising", "falling"] {
        let mut of: Vec<ChangeRow> = found
            .iter()
            .filter(|c| c.status == status)
            .cloned()
            .collect();
        of.sort_by(|x, y| {
            y.g2.abs()
                .total_cmp(&x.g2.abs())
                .then(x.signal.cmp(&y.signal))
        });
        out.extend(of.into_iter().take(CHANGES));
    }
    (Some((a.name.clone(), b.name.clone())), out)
}
