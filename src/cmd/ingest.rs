//! `horizon ingest`: builds the index through [`crate::pipeline`], then prints a summary.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::IngestConfig;
use crate::export::{Cell, Column, Format, Output, Table};
use crate::pipeline::{build, stopwords, Options};
use std::collections::HashMap;

/// How many actors and measures the summary shows per edition.
const TOP_SIGNALS: usize = 5;

/// The most memory this process has held, in megabytes (Linux; elsewhere unknown).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The most mentioned actors and measures of each edition, from the metadata of the index just
/// written (the counts it keeps per document), without reading every passage again.
fn top_signals(index: &std::path::Path) -> anyhow::Result<Table> {
    let index = super::open_index(index)?;
    let meta = &index.meta;
    let mut totals: HashMap<(&str, &str), u64> = HashMap::new();
    for document in &meta.documents {
        for signal in &document.signals {
            *totals
                .entry((signal.edition.as_str(), signal.signal.as_str()))
                .or_default() += signal.mentions;
        }
    }
    let mut table = Table::new(vec![
        Column::new("edition"),
        Column::new("top signals"),
        Column::new("kind"),
        Column::new("mentions"),
        Column::new("per_10k"),
    ])
    .with_empty_message("no actors or measures mentioned (is the lexicon empty?)");
    for edition in &meta.editions {
        let mut top: Vec<(&crate::index::SignalMeta, u64)> = meta
            .signals
            .iter()
            .filter(|s| s.kind != "theme")
            .filter_map(|s| {
                totals
                    .get(&(edition.name.as_str(), s.id.as_str()))
                    .map(|n| (s, *n))
            })
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
        for (signal, mentions) in top.into_iter().take(TOP_SIGNALS) {
            let per_10k = if edition.words == 0 {
                0.0
            } else {
                mentions as f64 / edition.words as f64 * 10_000.0
            };
            table.push(vec![
                edition.name.clone().into(),
                signal.label.clone().into(),
                signal.kind.clone().into(),
                mentions.into(),
                Cell::Float(per_10k),
            ]);
        }
    }
    Ok(table)
}

pub fn run(config: &IngestConfig) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let stopwords = stopwords(config.stopwords.as_deref())?;
    let options = Options {
        analyzer: config.analyzer,
        show_progress: true,
        memory: config.memory,
        full: config.full,
        strict: config.strict,
    };
    let built = build(&config.corpus, &config.index, &stopwords, &options)?;
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = built.bytes as f64 / 1_000_000.0;
    let mut summary = Table::new(vec![
        Column::new("documents"),
        Column::new("editions"),
        Column::new("passages"),
        Column::new("tokens"),
        Column::new("pages"),
        Column::new("ligatures"),
        Column::new("megabytes"),
        Column::new("seconds"),
        Column::new("mb_per_s"),
        Column::new("skipped"),
        Column::new("indexed"),
        Column::new("kept"),
        Column::new("removed"),
        Column::new("peak_mb"),
    ]);
    summary.push(vec![
        built.documents.into(),
        built.editions.len().into(),
        built.passages.into(),
        built.words.into(),
        built.pages.into(),
        built.ligatures_restored.into(),
        Cell::Float(megabytes),
        Cell::Float(seconds),
        // The rate of what this run read and indexed: an update that kept everything is not fast.
        Cell::Float(if seconds > 0.0 {
            built.bytes_indexed as f64 / 1_000_000.0 / seconds
        } else {
            0.0
        }),
        built.problems.len().into(),
        built.indexed.into(),
        built.kept.into(),
        built.removed.into(),
        peak_memory_mb().map_or(Cell::Empty, Cell::Float),
    ]);
    config.output.write(&summary)?;
    if config.output.format == Format::Table && config.output.path.is_none() {
        println!();
        let mut by_edition = Table::new(vec![
            Column::new("edition"),
            Column::new("date"),
            Column::new("documents"),
            Column::new("passages"),
            Column::new("tokens"),
        ]);
        for edition in built.editions {
            by_edition.push(vec![
                edition.name.into(),
                edition.date.into(),
                edition.documents.into(),
                edition.passages.into(),
                edition.words.into(),
            ]);
        }
        let human = Output {
            format: Format::Table,
            path: None,
            excel_nl: false,
        };
        human.write(&by_edition)?;
        println!();
        human.write(&top_signals(&config.index)?)?;
    }
    eprintln!(
        "horizon: indexed {} into {}",
        config.corpus.display(),
        config.index.display()
    );
    let scan = &built.scan;
    eprintln!(
        "horizon: scan {}: {} document(s) added, {} changed, {} removed{}",
        scan.number,
        scan.added.len(),
        scan.changed.len(),
        scan.removed.len(),
        if scan.is_empty() {
            "; nothing new"
        } else {
            "; `horizon news` shows what is new"
        }
    );
    if !built.lexicon_problems.is_empty() {
        eprintln!(
            "horizon: {} lexicon row(s) skipped (listed above); fix them and run horizon ingest again",
            built.lexicon_problems.len()
        );
    }
    if !built.problems.is_empty() {
        eprintln!(
            "horizon: {} document(s) skipped (listed above); fix them and run horizon ingest again",
            built.problems.len()
        );
    }
    Ok(
        if built.problems.is_empty() && built.lexicon_problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
}
