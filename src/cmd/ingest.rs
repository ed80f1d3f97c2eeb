//! `horizon ingest`: builds the index through [`crate::pipeline`], then prints a summary.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::IngestConfig;
use crate::export::{Cell, Column, Format, Output, Table};
use crate::pipeline::{build, stopwords};

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
        Output {
            format: Format::Table,
            path: None,
        }
        .write(&by_edition)?;
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
