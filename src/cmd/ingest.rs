//! `horizon ingest`: corpus -> repair -> structure -> analysis -> index, then a summary.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analysis::{count_words, DutchAnalyzer, Stopwords};
use crate::cli::IngestConfig;
use crate::corpus::{self, Document};
use crate::export::{Cell, Column, Format, Output, Table};
use crate::index::{AnalyzerMeta, DocumentMeta, IndexBuilder, IndexMeta, PassageRecord};
use crate::{repair, structure};

/// The stop-word list used when no `--stopwords` is given and `stopwords/nl.txt` is not at hand.
const SHIPPED_STOPWORDS: &str = include_str!("../../stopwords/nl.txt");
const DEFAULT_STOPWORDS: &str = "stopwords/nl.txt";

pub fn run(config: &IngestConfig) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let stopwords = stopwords(config.stopwords.as_deref())?;
    let loaded = corpus::load(&config.corpus)
        .with_context(|| format!("cannot ingest {}", config.corpus.display()))?;
    for warning in &loaded.warnings {
        eprintln!("horizon: warning: {warning}");
    }
    for problem in &loaded.problems {
        eprintln!("horizon: skipped: {problem}");
    }
    if loaded.documents.is_empty() {
        anyhow::bail!(
            "no document of {} could be read ({} skipped, see above); the index was left as it was",
            config.corpus.display(),
            loaded.problems.len()
        );
    }

    let analyzer = DutchAnalyzer::new(stopwords.clone());
    let mut builder = IndexBuilder::create(&config.index, analyzer)
        .with_context(|| format!("cannot create an index in {}", config.index.display()))?;
    let total_bytes: u64 = loaded.documents.iter().map(|d| d.bytes).sum();
    let progress = progress_bar(total_bytes);
    let mut documents = Vec::with_capacity(loaded.documents.len());
    let mut total_passages = 0u64;
    let mut total_words = 0u64;
    for document in &loaded.documents {
        progress.set_message(document.id.clone());
        let records = records(document);
        let words: u64 = records.iter().map(|r| r.words).sum();
        for record in &records {
            builder
                .add(record)
                .with_context(|| format!("cannot index {}", document.path.display()))?;
        }
        total_passages += records.len() as u64;
        total_words += words;
        documents.push(DocumentMeta {
            id: document.id.clone(),
            file: document.path.display().to_string(),
            series: document.meta.series.clone(),
            edition: document.meta.edition.clone(),
            date: document.meta.date.clone(),
            title: document.meta.title.clone(),
            publisher: document.meta.publisher.clone(),
            url: document.meta.url.clone(),
            listed: document.meta.listed,
            bytes: document.bytes,
            passages: records.len() as u64,
            words,
        });
        progress.inc(document.bytes);
    }
    progress.finish_and_clear();
    let editions = IndexMeta::editions_from(&documents);
    let meta = IndexMeta {
        format: 0,
        horizon: env!("CARGO_PKG_VERSION").to_string(),
        analyzer: AnalyzerMeta::current(),
        stopwords: stopwords.sorted(),
        corpus: config.corpus.display().to_string(),
        created: 0,
        documents,
        editions: editions.clone(),
        passages: total_passages,
        words: total_words,
    };
    let edition_count = editions.len();
    builder
        .finish(meta)
        .with_context(|| format!("cannot finish the index in {}", config.index.display()))?;

    let seconds = started.elapsed().as_secs_f64();
    let megabytes = total_bytes as f64 / 1_000_000.0;
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
        loaded.documents.len().into(),
        edition_count.into(),
        total_passages.into(),
        total_words.into(),
        Cell::Float(megabytes),
        Cell::Float(seconds),
        Cell::Float(if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        }),
        loaded.problems.len().into(),
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
        for edition in editions {
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
    if loaded.problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "horizon: {} document(s) skipped (listed above); fix them and run horizon ingest again",
            loaded.problems.len()
        );
        Ok(ExitCode::FAILURE)
    }
}

/// The passages of one document, ready to index.
fn records(document: &Document) -> Vec<PassageRecord> {
    let paragraphs = repair::paragraphs(&document.text);
    structure::passages(&paragraphs)
        .into_iter()
        .enumerate()
        .map(|(position, passage)| PassageRecord {
            passage: format!("{}#{}", document.id, position + 1),
            doc: document.id.clone(),
            series: document.meta.series.clone(),
            edition: document.meta.edition.clone(),
            date: document.meta.date.clone().unwrap_or_default(),
            position: position as u64,
            line_start: passage.lines.0 as u64,
            line_end: passage.lines.1 as u64,
            words: count_words(&passage.text) as u64,
            footnote: passage.footnote.map_or(0, u64::from),
            notes: passage
                .notes
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(","),
            text: passage.text,
        })
        .collect()
}

fn stopwords(path: Option<&Path>) -> anyhow::Result<Stopwords> {
    match path {
        Some(path) => Ok(Stopwords::read(path)?),
        None if Path::new(DEFAULT_STOPWORDS).is_file() => {
            Ok(Stopwords::read(Path::new(DEFAULT_STOPWORDS))?)
        }
        None => Ok(Stopwords::parse(SHIPPED_STOPWORDS)),
    }
}

fn progress_bar(total_bytes: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg}")
            .expect("the progress template is valid"),
    );
    bar
}
