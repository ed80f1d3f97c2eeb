//! The whole pipeline from a corpus folder to an index: corpus -> repair -> structure -> analysis ->
//! index. `horizon ingest`, `horizon evaluate` and the benchmarks all build indexes through here, so
//! they measure and use one and the same path.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analysis::{count_words, Analyzer, Stopwords};
use crate::corpus::{self, Document, Problem};
use crate::index::{
    AnalyzerMeta, DocumentMeta, EditionMeta, IndexBuilder, IndexMeta, PassageRecord,
};
use crate::{repair, structure};

/// The stop-word list used when no `--stopwords` is given and `stopwords/nl.txt` is not at hand.
const SHIPPED_STOPWORDS: &str = include_str!("../stopwords/nl.txt");
const DEFAULT_STOPWORDS: &str = "stopwords/nl.txt";

/// What building an index found and made.
pub struct Built {
    pub documents: usize,
    pub editions: Vec<EditionMeta>,
    pub passages: u64,
    pub words: u64,
    pub bytes: u64,
    /// Documents skipped, and why.
    pub problems: Vec<Problem>,
}

/// Reads the corpus folder `corpus_dir` and writes its index to `index_dir`, reporting each warning
/// and skipped document on standard error as it goes.
pub fn build(
    corpus_dir: &Path,
    index_dir: &Path,
    analyzer: Analyzer,
    stopwords: &Stopwords,
    show_progress: bool,
) -> anyhow::Result<Built> {
    let loaded = corpus::load(corpus_dir)
        .with_context(|| format!("cannot ingest {}", corpus_dir.display()))?;
    for warning in &loaded.warnings {
        eprintln!("horizon: warning: {warning}");
    }
    for problem in &loaded.problems {
        eprintln!("horizon: skipped: {problem}");
    }
    if loaded.documents.is_empty() {
        anyhow::bail!(
            "no document of {} could be read ({} skipped, see above); the index was left as it was",
            corpus_dir.display(),
            loaded.problems.len()
        );
    }
    let mut builder = IndexBuilder::create(index_dir, analyzer, stopwords)
        .with_context(|| format!("cannot create an index in {}", index_dir.display()))?;
    let total_bytes: u64 = loaded.documents.iter().map(|d| d.bytes).sum();
    let progress = progress_bar(total_bytes, show_progress);
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
    let document_count = documents.len();
    let meta = IndexMeta {
        format: 0,
        horizon: env!("CARGO_PKG_VERSION").to_string(),
        analyzer: AnalyzerMeta::of(analyzer),
        stopwords: stopwords.sorted(),
        corpus: corpus_dir.display().to_string(),
        created: 0,
        documents,
        editions: editions.clone(),
        passages: total_passages,
        words: total_words,
    };
    builder
        .finish(meta)
        .with_context(|| format!("cannot finish the index in {}", index_dir.display()))?;
    Ok(Built {
        documents: document_count,
        editions,
        passages: total_passages,
        words: total_words,
        bytes: total_bytes,
        problems: loaded.problems,
    })
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

/// The stop words: `--stopwords FILE`, else `stopwords/nl.txt`, else the list shipped in the binary.
pub fn stopwords(path: Option<&Path>) -> anyhow::Result<Stopwords> {
    match path {
        Some(path) => Ok(Stopwords::read(path)?),
        None if Path::new(DEFAULT_STOPWORDS).is_file() => {
            Ok(Stopwords::read(Path::new(DEFAULT_STOPWORDS))?)
        }
        None => Ok(Stopwords::parse(SHIPPED_STOPWORDS)),
    }
}

fn progress_bar(total_bytes: u64, show: bool) -> ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg}")
            .expect("the progress template is valid"),
    );
    bar
}
