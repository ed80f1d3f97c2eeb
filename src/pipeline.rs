//! The whole pipeline from a corpus to an index: corpus -> repair -> structure -> analysis and
//! signals -> index. `horizon ingest`, `horizon evaluate` and the benchmarks all build indexes through
//! here, so they measure and use one and the same path.
//!
//! Documents stream through worker threads (read, decode, repair, structure, match), which hand
//! each document's passages to the index writer; its own threads analyse and index, and its queue
//! bounds how many documents are in memory at a time. An
//! index whose settings match is updated: documents whose file did not change are kept as they are,
//! changed and new ones are re-indexed, removed ones leave.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sha2::{Digest, Sha256};

use crate::analysis::{count_words, Analyzer, Stopwords};
use crate::corpus::{self, hex, Document, EditionDef, Plan, Problem, Source};
use crate::index::scans;
use crate::index::{
    AnalyzerMeta, DocEdition, DocSignal, DocumentMeta, EditionMeta, HorizonIndex, IndexBuilder,
    IndexMeta, IngestLock, LexiconMeta, PassageRecord, Scan, SignalMeta, StoredMention, ThemeMeta,
    FORMAT_VERSION,
};
use crate::signals::matcher::Matcher;
use crate::signals::{Entry, EntryKind, Lexicon, LexiconProblem};
use crate::structure::{Layout, ThemeDef};
use crate::{repair, structure};

/// The stop-word list used when no `--stopwords` is given and `stopwords/nl.txt` is not at hand.
const SHIPPED_STOPWORDS: &str = include_str!("../stopwords/nl.txt");
const DEFAULT_STOPWORDS: &str = "stopwords/nl.txt";

/// tantivy's indexing memory when none is asked for.
pub const DEFAULT_MEMORY: usize = 256 * 1024 * 1024;

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    pub analyzer: Analyzer,
    pub show_progress: bool,
    /// Bytes tantivy may use for its indexing buffers.
    pub memory: usize,
    /// Rebuild everything even where the index could be updated.
    pub full: bool,
    /// Refuse text that is not UTF-8 instead of reading it as Windows-1252.
    pub strict: bool,
}

impl Options {
    pub fn new(analyzer: Analyzer) -> Options {
        Options {
            analyzer,
            show_progress: false,
            memory: DEFAULT_MEMORY,
            full: false,
            strict: false,
        }
    }
}

/// What building an index found and made.
pub struct Built {
    /// What this run brought, as recorded in the index's scans.
    pub scan: Scan,
    pub documents: usize,
    pub editions: Vec<EditionMeta>,
    pub passages: u64,
    pub words: u64,
    /// Bytes of the documents in the index.
    pub bytes: u64,
    /// Pages of the documents that have them (PDFs, text with form feeds), and words whose lost
    /// ligatures were restored.
    pub pages: u64,
    pub ligatures_restored: u64,
    /// Bytes read and indexed in this run (all of them in a full build).
    pub bytes_indexed: u64,
    /// Documents (re)indexed, kept as they were, and removed.
    pub indexed: usize,
    pub kept: usize,
    pub removed: usize,
    /// Documents skipped, and why.
    pub problems: Vec<Problem>,
    /// Lexicon rows skipped, and why.
    pub lexicon_problems: Vec<LexiconProblem>,
}

/// What one worker made of the documents it took.
#[derive(Default)]
struct Done {
    /// New or changed, and indexed.
    indexed: Vec<DocumentMeta>,
    /// Read, and found to be the bytes already indexed.
    kept: Vec<DocumentMeta>,
    /// Could not be read.
    problems: Vec<Problem>,
}

/// Reads `corpus` (a folder or a `.jsonl` file) and writes or updates its index in `index_dir`,
/// reporting each warning and skipped document on standard error as it goes.
pub fn build(
    corpus_dir: &Path,
    index_dir: &Path,
    stopwords: &Stopwords,
    options: &Options,
) -> anyhow::Result<Built> {
    // The shipped word list takes a core 15-19 ms to load (53,544 words, two maps); it loads while
    // the corpus is planned instead of holding up the first document's repair.
    std::thread::spawn(crate::lang::word_list);
    let plan = corpus::plan(corpus_dir)
        .with_context(|| format!("cannot ingest {}", corpus_dir.display()))?;
    for warning in &plan.warnings {
        eprintln!("horizon: warning: {warning}");
    }
    for problem in &plan.problems {
        eprintln!("horizon: skipped: {problem}");
    }
    let lexicon = Lexicon::for_corpus(&plan.root);
    for problem in &lexicon.problems {
        eprintln!("horizon: lexicon row skipped: {problem}");
    }
    let layout = layout(&lexicon, &plan);
    let signals = lexicon.signals();
    let matcher = Matcher::new(&signals);
    let config = config_hash(options.analyzer, stopwords, &lexicon, &plan.editions);
    // One writer per index folder, from the first look at the current index to the switch.
    let _lock = IngestLock::acquire(index_dir)
        .with_context(|| format!("cannot ingest into {}", index_dir.display()))?;

    // The scans so far, and the documents of the current index however it was built: a rebuild
    // keeps each unchanged document's scan, so what is new stays new only once.
    let history = scans::read(index_dir);
    let scan_number = history.last().map_or(1, |s| s.number + 1);
    let current = HorizonIndex::current_meta(index_dir);
    let earlier: HashMap<&str, (&str, u64)> = current
        .iter()
        .flat_map(|(_, meta)| &meta.documents)
        .map(|d| (d.id.as_str(), (d.sha256.as_str(), d.scan)))
        .collect();
    // What the current index already holds, when it was built the same way; a full ingest uses
    // none of it.
    let previous = current
        .as_ref()
        .filter(|(_, meta)| !options.full && meta.config == config);
    let known: HashMap<&str, &DocumentMeta> = previous
        .iter()
        .flat_map(|(_, meta)| meta.documents.iter().map(|d| (d.id.as_str(), d)))
        .collect();
    let mut kept: Vec<DocumentMeta> = Vec::new();
    let mut to_read: Vec<&Source> = Vec::new();
    for source in &plan.sources {
        match known.get(source.id.as_str()) {
            Some(doc)
                if doc.modified == source.modified as u64
                    && doc.bytes == source.size
                    && doc.origin == origin_of(source) =>
            {
                if let Some(warning) = source.unlisted_warning() {
                    eprintln!("horizon: warning: {warning}");
                }
                kept.push((*doc).clone())
            }
            _ => to_read.push(source),
        }
    }
    let present: Vec<&str> = plan.sources.iter().map(|s| s.id.as_str()).collect();
    let removed: Vec<String> = known
        .keys()
        .filter(|id| !present.contains(id))
        .map(|id| id.to_string())
        .collect();
    if let Some((_, meta)) = &previous {
        if to_read.is_empty() && removed.is_empty() && lexicon.source == meta.lexicon.source {
            // Nothing changed: the index answers as it is, and the scan says there is nothing new.
            let scan = Scan::empty(scan_number);
            scans::append(index_dir, &scan)
                .with_context(|| format!("cannot record the scan in {}", index_dir.display()))?;
            return Ok(Built {
                scan,
                documents: meta.documents.len(),
                editions: meta.editions.clone(),
                passages: meta.passages,
                words: meta.words,
                bytes: meta.documents.iter().map(|d| d.bytes).sum(),
                pages: meta.documents.iter().map(|d| d.pages).sum(),
                ligatures_restored: meta.documents.iter().map(|d| d.ligatures_restored).sum(),
                bytes_indexed: 0,
                indexed: 0,
                kept: meta.documents.len(),
                removed: 0,
                problems: plan.problems,
                lexicon_problems: lexicon.problems,
            });
        }
    }
    if plan.sources.is_empty() {
        anyhow::bail!(
            "no document of {} could be read ({} skipped, see above); the index was left as it was",
            corpus_dir.display(),
            plan.problems.len()
        );
    }

    let builder = match &previous {
        Some((generation, _)) => IndexBuilder::update(
            index_dir,
            generation,
            options.analyzer,
            stopwords,
            options.memory,
        ),
        None => IndexBuilder::create(index_dir, options.analyzer, stopwords, options.memory),
    }
    .with_context(|| format!("cannot write an index in {}", index_dir.display()))?;
    for id in &removed {
        builder.delete_document(id);
    }

    let total_bytes: u64 = to_read.iter().map(|s| s.size).sum();
    let progress = progress_bar(total_bytes, options.show_progress);
    // Reading, repair, structure and matching take about a quarter of an ingest's CPU time and
    // tantivy's indexing threads the rest, so a worker per three cores keeps those threads fed
    // without taking turns with them: on two cores one worker spent 4% less CPU time than two
    // (papers and laws) and peaked at 330 MB instead of 415 MB ingesting the 92 MB of both. A PDF
    // turns the other way: reading and laying it out is most of its cost, so where PDFs are most of
    // the bytes to read, a worker per core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pdf_bytes: u64 = to_read
        .iter()
        .filter(|s| s.origin == corpus::Origin::Pdf)
        .map(|s| s.size)
        .sum();
    let workers = if pdf_bytes * 2 > total_bytes {
        cores
    } else {
        cores.div_ceil(3)
    };
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let root = plan.root.as_path();
    let strict = options.strict;
    // Each worker reads, repairs, structures and matches whole documents and hands their passages
    // to tantivy's indexing threads itself: a hop through this thread would wake it per document.
    let done: Vec<Done> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (next, failed, to_read, known, earlier, progress) =
                    (&next, &failed, &to_read, &known, &earlier, &progress);
                let (layout, matcher, signals, editions, builder) =
                    (&layout, &matcher, &signals, &plan.editions, &builder);
                scope.spawn(move || -> anyhow::Result<Done> {
                    let mut done = Done {
                        indexed: Vec::with_capacity(to_read.len() / workers + 1),
                        ..Done::default()
                    };
                    while !failed.load(Ordering::Relaxed) {
                        let Some(source) = to_read.get(next.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        let (document, sha256, warnings) = match source.read(root, strict) {
                            Ok(read) => read,
                            Err(problem) => {
                                eprintln!("horizon: skipped: {problem}");
                                // A document that was indexed and now cannot be read leaves the index.
                                if known.contains_key(source.id.as_str()) {
                                    builder.delete_document(&source.id);
                                }
                                progress.inc(source.size);
                                done.problems.push(problem);
                                continue;
                            }
                        };
                        // A PDF's reading says what it inferred, and from what.
                        let unlisted = source
                            .unlisted_warning()
                            .filter(|_| source.origin != corpus::Origin::Pdf);
                        for warning in warnings.into_iter().chain(unlisted) {
                            eprintln!("horizon: warning: {warning}");
                        }
                        let origin = origin_of(source);
                        match known.get(source.id.as_str()) {
                            Some(doc) if doc.sha256 == sha256 && doc.origin == origin => {
                                let mut same = (*doc).clone();
                                same.modified = source.modified as u64;
                                done.kept.push(same);
                            }
                            indexed_before => {
                                let mut records =
                                    records(&document, layout, editions, matcher, signals);
                                let scan = match earlier.get(source.id.as_str()) {
                                    Some((before, scan)) if *before == sha256 => *scan,
                                    _ => scan_number,
                                };
                                for record in &mut records {
                                    record.scan = scan;
                                }
                                let mut meta =
                                    document_meta(&document, source, sha256, origin, &records);
                                meta.scan = scan;
                                if indexed_before.is_some() {
                                    builder.delete_document(&meta.id);
                                }
                                if let Err(err) = builder.add(&records) {
                                    failed.store(true, Ordering::Relaxed);
                                    return Err(anyhow::Error::new(err)
                                        .context(format!("cannot index {}", meta.file)));
                                }
                                progress.set_message(meta.id.clone());
                                done.indexed.push(meta);
                            }
                        }
                        progress.inc(source.size);
                    }
                    Ok(done)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<anyhow::Result<Vec<Done>>>()
    })?;
    let mut indexed: Vec<DocumentMeta> = Vec::with_capacity(to_read.len());
    let mut unread: Vec<Problem> = Vec::new();
    for worker in done {
        unread.extend(worker.problems);
        indexed.extend(worker.indexed);
        kept.extend(worker.kept);
    }
    // In corpus order, whichever worker met them.
    unread.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    let mut problems = plan.problems.clone();
    problems.extend(unread);
    progress.finish_and_clear();
    if indexed.is_empty() && kept.is_empty() {
        anyhow::bail!(
            "no document of {} could be read ({} skipped, see above); the index was left as it was",
            corpus_dir.display(),
            problems.len()
        );
    }
    let bytes_indexed = indexed.iter().map(|d| d.bytes).sum();
    let (indexed_count, kept_count) = (indexed.len(), kept.len());
    let mut documents = kept;
    documents.extend(indexed);
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let editions = editions_of(&documents);
    let passages = documents.iter().map(|d| d.passages).sum();
    let words = documents.iter().map(|d| d.words).sum();
    let bytes = documents.iter().map(|d| d.bytes).sum();
    let pages = documents.iter().map(|d| d.pages).sum();
    let ligatures_restored = documents.iter().map(|d| d.ligatures_restored).sum();
    let meta = IndexMeta {
        format: FORMAT_VERSION,
        horizon: env!("CARGO_PKG_VERSION").to_string(),
        analyzer: AnalyzerMeta::of(options.analyzer),
        stopwords: stopwords.sorted(),
        corpus: corpus_dir.display().to_string(),
        created: 0,
        config,
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
    let scan = scan_of(
        scan_number,
        &earlier,
        &meta,
        current.as_ref().map(|(_, m)| m),
    );
    let document_count = meta.documents.len();
    builder
        .finish(meta)
        .with_context(|| format!("cannot finish the index in {}", index_dir.display()))?;
    scans::append(index_dir, &scan)
        .with_context(|| format!("cannot record the scan in {}", index_dir.display()))?;
    Ok(Built {
        scan,
        documents: document_count,
        editions,
        passages,
        words,
        bytes,
        pages,
        ligatures_restored,
        bytes_indexed,
        indexed: indexed_count,
        kept: kept_count,
        removed: removed.len(),
        problems,
        lexicon_problems: lexicon.problems,
    })
}

/// What scan `number` brought: documents new to the index, changed and gone; passages of the
/// first two; editions the index did not have. `earlier` maps the documents before to their bytes'
/// SHA-256 and scan.
fn scan_of(
    number: u64,
    earlier: &HashMap<&str, (&str, u64)>,
    meta: &IndexMeta,
    before: Option<&IndexMeta>,
) -> Scan {
    let mut scan = Scan::empty(number);
    for doc in meta.documents.iter().filter(|d| d.scan == number) {
        scan.passages += doc.passages;
        match earlier.get(doc.id.as_str()) {
            Some(_) => scan.changed.push(doc.id.clone()),
            None => scan.added.push(doc.id.clone()),
        }
    }
    let now_present: std::collections::HashSet<&str> =
        meta.documents.iter().map(|d| d.id.as_str()).collect();
    scan.removed = earlier
        .keys()
        .filter(|id| !now_present.contains(*id))
        .map(|id| id.to_string())
        .collect();
    scan.removed.sort();
    scan.editions = meta
        .editions
        .iter()
        .filter(|e| before.is_none_or(|b| b.editions.iter().all(|old| old.name != e.name)))
        .map(|e| e.name.clone())
        .collect();
    scan
}

/// What besides its bytes decides a document's passages: its manifest row, or that it has none.
fn origin_of(source: &Source) -> String {
    match &source.row {
        Some(row) => format!(
            "{}|{}|{}|{}|{}|{}|{}",
            row.file,
            row.series,
            row.edition,
            row.date.as_deref().unwrap_or(""),
            row.title,
            row.publisher,
            row.url
        ),
        None => "unlisted".to_string(),
    }
}

/// A fingerprint of everything besides the documents that shapes the index.
fn config_hash(
    analyzer: Analyzer,
    stopwords: &Stopwords,
    lexicon: &Lexicon,
    editions: &[EditionDef],
) -> String {
    let mut hash = Sha256::new();
    hash.update(format!(
        "{FORMAT_VERSION}|{}|{}|{}|",
        env!("CARGO_PKG_VERSION"),
        analyzer.name(),
        analyzer.version()
    ));
    for word in stopwords.sorted() {
        hash.update(word);
        hash.update("\n");
    }
    for (file, digest) in &lexicon.files {
        hash.update(format!("{file}={digest}\n"));
    }
    for edition in editions {
        hash.update(format!(
            "{}|{}|{}\n",
            edition.series,
            edition.edition,
            edition.date.as_deref().unwrap_or("")
        ));
    }
    hex(&hash.finalize())
}

/// What the structure stage needs to know: the lexicon's themes and sections, and every edition.
fn layout(lexicon: &Lexicon, plan: &Plan) -> Layout {
    let mut editions: Vec<String> = plan.editions.iter().map(|e| e.edition.clone()).collect();
    for source in &plan.sources {
        if let Some(row) = &source.row {
            if !editions.contains(&row.edition) {
                editions.push(row.edition.clone());
            }
        }
    }
    layout_for(lexicon, editions)
}

/// The structure stage's view of a lexicon (themes with their words, section titles) and editions.
pub fn layout_for(lexicon: &Lexicon, editions: Vec<String>) -> Layout {
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
    Layout::new(themes, sections, editions)
}

fn document_meta(
    document: &Document,
    source: &Source,
    sha256: String,
    origin: String,
    records: &[PassageRecord],
) -> DocumentMeta {
    let mut editions: Vec<DocEdition> = Vec::new();
    for record in records {
        let date = (!record.date.is_empty()).then(|| record.date.clone());
        match editions.iter_mut().find(|e| e.name == record.edition) {
            Some(edition) => {
                edition.passages += 1;
                edition.words += record.words;
            }
            None => editions.push(DocEdition {
                name: record.edition.clone(),
                date,
                passages: 1,
                words: record.words,
            }),
        }
    }
    let mut signals: Vec<DocSignal> = Vec::new();
    for record in records {
        for mention in &record.mentions {
            match signals
                .iter_mut()
                .find(|s| s.signal == mention.signal && s.edition == record.edition)
            {
                Some(signal) => signal.mentions += 1,
                None => signals.push(DocSignal {
                    edition: record.edition.clone(),
                    signal: mention.signal.clone(),
                    mentions: 1,
                }),
            }
        }
    }
    DocumentMeta {
        id: document.id.clone(),
        file: document.path.display().to_string(),
        series: document.meta.series.clone(),
        edition: document.meta.edition.clone(),
        date: document.meta.date.clone(),
        title: document.meta.title.clone(),
        publisher: document.meta.publisher.clone(),
        url: document.meta.url.clone(),
        listed: document.meta.listed,
        bytes: source.size,
        passages: records.len() as u64,
        words: records.iter().map(|r| r.words).sum(),
        pages: document.pages.count(document.text.len()),
        ligatures_restored: document.ligatures_restored as u64,
        modified: source.modified as u64,
        sha256,
        origin,
        editions,
        signals,
        scan: 0,
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
            let (page_start, page_end) = document.pages.pages(&passage.span);
            PassageRecord {
                passage: format!("{}#{}", document.id, position + 1),
                doc: document.id.clone(),
                series: document.meta.series.clone(),
                edition: passage.edition,
                date: date.unwrap_or_default(),
                position: position as u64,
                line_start: passage.lines.0 as u64,
                line_end: passage.lines.1 as u64,
                page_start,
                page_end,
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
                scan: 0,
                mentions,
                text: passage.text,
            }
        })
        .collect()
}

/// Editions over all documents, in date order (undated last).
fn editions_of(documents: &[DocumentMeta]) -> Vec<EditionMeta> {
    let mut editions: Vec<EditionMeta> = Vec::new();
    for document in documents {
        for part in &document.editions {
            match editions.iter_mut().find(|e| e.name == part.name) {
                Some(edition) => {
                    edition.documents += 1;
                    edition.passages += part.passages;
                    edition.words += part.words;
                    if part.date.is_some() && (edition.date.is_none() || part.date < edition.date) {
                        edition.date = part.date.clone();
                    }
                }
                None => editions.push(EditionMeta {
                    name: part.name.clone(),
                    series: document.series.clone(),
                    date: part.date.clone(),
                    documents: 1,
                    passages: part.passages,
                    words: part.words,
                }),
            }
        }
    }
    editions.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.name).cmp(&(b.date.is_none(), &b.date, &b.name))
    });
    editions
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
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {msg}")
            .expect("the progress template is valid"),
    );
    bar
}
