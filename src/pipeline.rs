//! The whole pipeline from a corpus folder to an index: corpus -> repair -> structure -> analysis ->
//! index. `horizon ingest`, `horizon evaluate` and the benchmarks all build indexes through here, so
//! they measure and use one and the same path.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analysis::{count_words, Analyzer, Stopwords};
use crate::corpus::{self, Document, EditionDef, LoadedCorpus, Problem};
use crate::index::{
    AnalyzerMeta, DocumentMeta, EditionMeta, IndexBuilder, IndexMeta, LexiconMeta, PassageRecord,
    SignalMeta, StoredMention, ThemeMeta,
};
use crate::signals::matcher::Matcher;
use crate::signals::{Entry, EntryKind, Lexicon, LexiconProblem};
use crate::structure::{Layout, ThemeDef};
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
    /// Lexicon rows skipped, and why.
    pub lexicon_problems: Vec<LexiconProblem>,
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
    let lexicon = Lexicon::for_corpus(corpus_dir);
    for problem in &lexicon.problems {
        eprintln!("horizon: lexicon row skipped: {problem}");
    }
    let layout = layout(&lexicon, &loaded);
    let signals = lexicon.signals();
    let matcher = Matcher::new(&signals);
    let mut builder = IndexBuilder::create(index_dir, analyzer, stopwords)
        .with_context(|| format!("cannot create an index in {}", index_dir.display()))?;
    let total_bytes: u64 = loaded.documents.iter().map(|d| d.bytes).sum();
    let progress = progress_bar(total_bytes, show_progress);
    let mut documents = Vec::with_capacity(loaded.documents.len());
    let mut tally = EditionTally::default();
    for document in &loaded.documents {
        progress.set_message(document.id.clone());
        let records = records(document, &layout, &loaded.editions, &matcher, &signals);
        for record in &records {
            builder
                .add(record)
                .with_context(|| format!("cannot index {}", document.path.display()))?;
            tally.add(record);
        }
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
            words: records.iter().map(|r| r.words).sum(),
        });
        progress.inc(document.bytes);
    }
    progress.finish_and_clear();
    let editions = tally.editions();
    let document_count = documents.len();
    let (passages, words) = (tally.passages, tally.words);
    let meta = IndexMeta {
        format: 0,
        horizon: env!("CARGO_PKG_VERSION").to_string(),
        analyzer: AnalyzerMeta::of(analyzer),
        stopwords: stopwords.sorted(),
        corpus: corpus_dir.display().to_string(),
        created: 0,
        documents,
        editions: editions.clone(),
        themes: layout
            .themes
            .iter()
            .map(|t| ThemeMeta {
                id: t.id.clone(),
                label: t.label.clone(),
            })
            .collect(),
        lexicon: LexiconMeta {
            source: lexicon.source.clone(),
            files: lexicon.files.clone(),
        },
        signals: signals
            .iter()
            .map(|e| SignalMeta {
                id: e.id.clone(),
                kind: e.kind.name().to_string(),
                label: e.label.clone(),
                entry_type: e.entry_type.clone(),
                theme: e.theme.clone(),
                aliases: e.aliases.clone(),
            })
            .collect(),
        passages,
        words,
    };
    builder
        .finish(meta)
        .with_context(|| format!("cannot finish the index in {}", index_dir.display()))?;
    Ok(Built {
        documents: document_count,
        editions,
        passages,
        words,
        bytes: total_bytes,
        problems: loaded.problems,
        lexicon_problems: lexicon.problems,
    })
}

/// What the structure stage needs to know: the lexicon's themes and sections, and every edition.
fn layout(lexicon: &Lexicon, loaded: &LoadedCorpus) -> Layout {
    let themes = lexicon
        .of(EntryKind::Theme)
        .filter(|e| e.entry_type != "section")
        .map(|e| ThemeDef {
            id: e.id.clone(),
            label: e.label.clone(),
            vocabulary: e.aliases.clone(),
        })
        .collect();
    let sections = lexicon
        .of(EntryKind::Theme)
        .filter(|e| e.entry_type == "section")
        .map(|e| e.label.clone())
        .collect();
    let mut editions: Vec<String> = loaded.editions.iter().map(|e| e.edition.clone()).collect();
    for document in &loaded.documents {
        if !editions.contains(&document.meta.edition) {
            editions.push(document.meta.edition.clone());
        }
    }
    Layout {
        themes,
        sections,
        editions,
    }
}

/// The passages of one document, ready to index.
fn records(
    document: &Document,
    layout: &Layout,
    editions: &[EditionDef],
    matcher: &Matcher,
    signals: &[Entry],
) -> Vec<PassageRecord> {
    let paragraphs = repair::paragraphs(&document.text);
    structure::structure(&paragraphs, layout, &document.meta.edition)
        .into_iter()
        .enumerate()
        .map(|(position, passage)| {
            // A passage of another edition (a summary box) carries that edition's date.
            let date = if passage.edition == document.meta.edition {
                document.meta.date.clone()
            } else {
                editions
                    .iter()
                    .find(|e| e.edition == passage.edition)
                    .and_then(|e| e.date.clone())
            };
            let (theme, theme_label) = passage.theme.unwrap_or_default();
            // Headings are searched but not counted: "Korte samenvatting NVS 2019" heads eleven
            // boxes without the boxes saying NVS eleven times.
            let body = &passage.text[passage.heading_len..];
            let mentions = matcher
                .mentions(body)
                .into_iter()
                .map(|m| StoredMention {
                    signal: signals[m.entry].id.clone(),
                    start: passage.heading_len + m.start,
                    end: passage.heading_len + m.end,
                })
                .collect();
            let words = count_words(body) as u64;
            PassageRecord {
                passage: format!("{}#{}", document.id, position + 1),
                doc: document.id.clone(),
                series: document.meta.series.clone(),
                edition: passage.edition,
                date: date.unwrap_or_default(),
                position: position as u64,
                line_start: passage.lines.0 as u64,
                line_end: passage.lines.1 as u64,
                words,
                footnote: passage.footnote.map_or(0, u64::from),
                notes: passage
                    .notes
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                theme,
                theme_label,
                part: passage.part.name().to_string(),
                theme_basis: passage.basis.name().to_string(),
                section: passage.section,
                heading_len: passage.heading_len as u64,
                mentions,
                text: passage.text,
            }
        })
        .collect()
}

/// Passages, words and documents per edition, as the passages come.
#[derive(Default)]
struct EditionTally {
    editions: Vec<EditionMeta>,
    docs: Vec<Vec<String>>,
    passages: u64,
    words: u64,
}

impl EditionTally {
    fn add(&mut self, record: &PassageRecord) {
        self.passages += 1;
        self.words += record.words;
        let index = match self.editions.iter().position(|e| e.name == record.edition) {
            Some(i) => i,
            None => {
                self.editions.push(EditionMeta {
                    name: record.edition.clone(),
                    series: record.series.clone(),
                    date: (!record.date.is_empty()).then(|| record.date.clone()),
                    documents: 0,
                    passages: 0,
                    words: 0,
                });
                self.docs.push(Vec::new());
                self.editions.len() - 1
            }
        };
        let edition = &mut self.editions[index];
        edition.passages += 1;
        edition.words += record.words;
        if !record.date.is_empty() && edition.date.as_ref().is_none_or(|d| record.date < *d) {
            edition.date = Some(record.date.clone());
        }
        if !self.docs[index].contains(&record.doc) {
            self.docs[index].push(record.doc.clone());
            edition.documents += 1;
        }
    }

    /// The editions in date order, undated last.
    fn editions(&self) -> Vec<EditionMeta> {
        let mut editions = self.editions.clone();
        editions.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.name).cmp(&(b.date.is_none(), &b.date, &b.name))
        });
        editions
    }
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
