//! `horizon ingest`: builds the index through [`crate::pipeline`], then prints a summary.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::IngestConfig;
use crate::export::{Cell, Column, Format, Output, Table};
use crate::pipeline::{build, stopwords};
use crate::signals::mentions::{count, GroupBy};

/// How many actors and measures the summary shows per edition.
const TOP_SIGNALS: usize = 5;

/// The most mentioned actors and measures of each edition, from the index just written.
fn top_signals(index: &std::path::Path) -> anyhow::Result<Table> {
    let index = super::open_index(index)?;
    let records = index.passages()?;
    let rows = count(
        &records,
        &index.meta.signals,
        &index.meta.editions,
        GroupBy::Edition,
        |s| s.kind != "theme",
    );
    let mut table = Table::new(vec![
        Column::new("edition"),
        Column::new("top signals"),
        Column::new("kind"),
        Column::new("mentions"),
        Column::new("per_10k"),
    ])
    .with_empty_message("no actors or measures mentioned (is the lexicon empty?)");
    let mut shown: Vec<(String, usize)> = Vec::new();
    for row in rows {
        let per_10k = row.per_10k();
        match shown.iter_mut().find(|(e, _)| *e == row.edition) {
            Some((_, n)) if *n >= TOP_SIGNALS => continue,
            Some((_, n)) => *n += 1,
            None => shown.push((row.edition.clone(), 1)),
        }
        table.push(vec![
            row.edition.into(),
            row.signal.label.into(),
            row.signal.kind.into(),
            row.mentions.into(),
            Cell::Float(per_10k),
        ]);
    }
    Ok(table)
}

pub fn run(config: &IngestConfig) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let stopwords = stopwords(config.stopwords.as_deref())?;
    let built = build(
        &config.corpus,
        &config.index,
        config.analyzer,
        &stopwords,
        true,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = built.bytes as f64 / 1_000_000.0;
    let mut summary = Table::new(vec![
        Column::new("documents"),
        Column::new("editions"),
        Column::new("passages"),
        Column::new("tokens"),
        Column::new("megabytes"),
        Column::new("seconds"),
        Column::new("mb_per_s"),
        Column::new("skipped"),
    ]);
    summary.push(vec![
        built.documents.into(),
        built.editions.len().into(),
        built.passages.into(),
        built.words.into(),
        Cell::Float(megabytes),
        Cell::Float(seconds),
        Cell::Float(if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        }),
        built.problems.len().into(),
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
