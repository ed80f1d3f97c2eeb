//! `horizon news`: what is new since the last scan, a date or an edition. Per watch of the watch
//! list, the new passages its query finds; the signals whose newest edition breaks the alert rule
//! of `trend`, and those that vanished from it; and the emerging terms of the new material. One
//! digest, built once and written through the export path (or shown by the workbench).

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::{json, Value};

use crate::cli::NewsConfig;
use crate::compare::emerging::{self, context, Emerging, Reference};
use crate::compare::{trend, Thresholds};
use crate::export::{row_object, Cell, Column, Sections, Table};
use crate::index::{Filter, HorizonIndex, Novelty, PassageRecord, Scan};
use crate::signals::watch::{Watch, WatchList};

/// The exit status when nothing is new, so that cron or CI can tell it from news (0) and from a
/// failure (1).
pub const NOTHING_NEW: u8 = 3;
/// The most new passages shown for one watch.
const WATCH_LIMIT: usize = 200;
/// Rows of the alerts and the terms the table for people shows; the data formats carry all.
const HUMAN_ROWS: usize = 20;
/// Characters of context on each side of an emerging term.
const CONTEXT: usize = 70;

/// What "new" means for this digest.
#[derive(Debug, Clone)]
pub struct Since {
    /// As the user gave it: `last`, a date or an edition.
    pub asked: String,
    /// In words, for the digest's first line.
    pub said: String,
    pub novelty: Novelty,
    /// The scans the new material came in (none when new means editions).
    pub scans: Vec<Scan>,
}

/// One watch and the new passages it finds.
pub struct WatchNews {
    pub watch: Watch,
    pub hits: Table,
}

/// The whole digest.
pub struct News {
    pub since: Since,
    /// Passages of the new material, and passages before it.
    pub new_passages: usize,
    pub earlier_passages: u64,
    /// The watch list the watches came from.
    pub watch_file: std::path::PathBuf,
    pub watches: Vec<WatchNews>,
    pub alerts: Table,
    pub terms: Table,
    /// Watch rows left out (bad query, unknown theme), as `file:line: ...`.
    pub problems: Vec<String>,
}

impl News {
    /// Whether anything is new for the analyst: a watch's passage, an alert or a term.
    pub fn is_empty(&self) -> bool {
        self.watches.iter().all(|w| w.hits.rows.is_empty())
            && self.alerts.rows.is_empty()
            && self.terms.rows.is_empty()
    }
}

pub fn run(config: &NewsConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let news = digest(&index, config)?;
    for problem in &news.problems {
        eprintln!("horizon: watch skipped: {problem}");
    }
    let sections = sections(&news);
    config.output.write_sections(&sections, || json_of(&news))?;
    Ok(if news.is_empty() {
        ExitCode::from(NOTHING_NEW)
    } else {
        ExitCode::SUCCESS
    })
}

/// What `--since` stands for in this index.
pub fn resolve_since(index: &HorizonIndex, asked: &str) -> anyhow::Result<Since> {
    let scans = crate::index::scans::read(&index.dir);
    let asked = asked.trim();
    let from_scan = |first: Option<&Scan>, said: String| {
        let next = scans.last().map_or(1, |s| s.number + 1);
        let number = first.map_or(next, |s| s.number);
        Since {
            asked: asked.to_string(),
            said,
            novelty: Novelty::FromScan(number),
            scans: scans
                .iter()
                .filter(|s| s.number >= number)
                .cloned()
                .collect(),
        }
    };
    if asked.eq_ignore_ascii_case("last") {
        let last = scans.last();
        let said = match last {
            Some(scan) => format!("the last scan (scan {}, {})", scan.number, scan.day()),
            None => "the last scan (none recorded yet)".to_string(),
        };
        return Ok(from_scan(last, said));
    }
    if let Some(number) = asked
        .strip_prefix("scan:")
        .and_then(|n| n.trim().parse::<u64>().ok())
    {
        let first = scans.iter().find(|s| s.number >= number);
        return Ok(from_scan(first, format!("scan {number}")));
    }
    if let Some(edition) = index.meta.edition(asked) {
        let at = index
            .meta
            .editions
            .iter()
            .position(|e| e.name == edition.name)
            .expect("a resolved edition is listed");
        let later: Vec<String> = index.meta.editions[at + 1..]
            .iter()
            .map(|e| e.name.clone())
            .collect();
        return Ok(Since {
            asked: asked.to_string(),
            said: format!(
                "edition {:?}: what the editions after it hold ({})",
                edition.name,
                if later.is_empty() {
                    "none".to_string()
                } else {
                    later.join(", ")
                }
            ),
            novelty: Novelty::Editions(later),
            scans: Vec::new(),
        });
    }
    if is_date(asked) {
        let first = scans.iter().find(|s| s.day().as_str() >= asked);
        return Ok(from_scan(first, format!("{asked} (the scans since)")));
    }
    let editions: Vec<String> = index
        .meta
        .editions
        .iter()
        .map(|e| format!("{:?}", e.name))
        .collect();
    anyhow::bail!(
        "--since {asked:?} is not 'last', a date (2021-03-08, 2021-03 or 2021), a scan (scan:3) or an edition of the index ({})",
        editions.join(", ")
    )
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// The digest of `config` over `index`.
pub fn digest(index: &HorizonIndex, config: &NewsConfig) -> anyhow::Result<News> {
    let since = resolve_since(index, &config.since)?;
    let watch_file = config
        .watch
        .clone()
        .unwrap_or_else(|| corpus_watch_list(index));
    let list = WatchList::read(&watch_file)?;
    let mut problems: Vec<String> = list.problems.iter().map(|p| p.to_string()).collect();
    let new = index
        .new_passages(&since.novelty)
        .context("cannot read the new passages")?;
    let earlier_passages = index.meta.passages.saturating_sub(new.len() as u64);
    let mut watches = Vec::new();
    for watch in list.watches {
        match watch_news(index, &watch, &since.novelty) {
            Ok(hits) => watches.push(WatchNews { watch, hits }),
            Err(why) => problems.push(format!("{}:{}: {why:#}", watch_file.display(), watch.line)),
        }
    }
    let alerts = alerts(index, &new, config.alert_factor);
    let terms = terms(index, &new, &since.novelty, earlier_passages, config.terms)?;
    Ok(News {
        since,
        new_passages: new.len(),
        earlier_passages,
        watch_file,
        watches,
        alerts,
        terms,
        problems,
    })
}

/// The watch list of the corpus the index was built from: `watch.csv` in its folder (beside the
/// file, for a corpus that is one `.jsonl` file).
pub fn corpus_watch_list(index: &HorizonIndex) -> std::path::PathBuf {
    let corpus = std::path::Path::new(&index.meta.corpus);
    let folder = if corpus.extension().is_some_and(|e| e == "jsonl") {
        corpus.parent().unwrap_or(corpus)
    } else {
        corpus
    };
    folder.join(crate::signals::watch::FILE)
}

/// The new passages one watch finds, as `search --format json` shows hits.
fn watch_news(index: &HorizonIndex, watch: &Watch, novelty: &Novelty) -> anyhow::Result<Table> {
    let filter = Filter {
        theme: (!watch.theme.is_empty()).then(|| watch.theme.clone()),
        new: Some(novelty.clone()),
        ..Filter::default()
    };
    let answer = index.search(&watch.query, &filter, WATCH_LIMIT)?;
    // A watch wants its query whole: passages that hold only part of it are no news.
    let hits = if answer.partial.is_some() {
        Vec::new()
    } else {
        answer.hits
    };
    Ok(super::search::hits_table(&watch.query, hits, false, index))
}

/// Signals of the newest edition with new passages: those above the alert rule of `trend`, and
/// those the edition before mentioned and it does not.
fn alerts(index: &HorizonIndex, new: &[PassageRecord], factor: f64) -> Table {
    let mut table = Table::new(vec![
        Column::new("signal"),
        Column::new("kind"),
        Column::new("label"),
        Column::new("edition"),
        Column::new("mentions"),
        Column::new("per_10k"),
        Column::new("before"),
        Column::new("before_per_10k"),
        Column::new("status"),
    ])
    .with_empty_message("no signal breaks the alert rule or vanished in the new material")
    .with_human_limit(HUMAN_ROWS);
    let editions = &index.meta.editions;
    let touched: HashSet<&str> = new.iter().map(|r| r.edition.as_str()).collect();
    // The latest edition the new material reaches; a dated one before an undated one.
    let Some(newest) = editions
        .iter()
        .rposition(|e| e.date.is_some() && touched.contains(e.name.as_str()))
        .or_else(|| {
            editions
                .iter()
                .rposition(|e| touched.contains(e.name.as_str()))
        })
    else {
        return table;
    };
    let mut mentions: HashMap<(&str, &str), u64> = HashMap::new();
    for doc in &index.meta.documents {
        for signal in &doc.signals {
            *mentions
                .entry((signal.signal.as_str(), signal.edition.as_str()))
                .or_default() += signal.mentions;
        }
    }
    let mut rows: Vec<(bool, u64, Vec<Cell>)> = Vec::new();
    for signal in &index.meta.signals {
        let series = super::trend::edition_series(&editions[..=newest], &mentions, &signal.id);
        let points = trend(&series, factor);
        let (Some(now), before) = (
            points.last(),
            points.len().checked_sub(2).map(|i| &points[i]),
        ) else {
            continue;
        };
        let vanished = now.mentions == 0 && before.is_some_and(|b| b.mentions > 0);
        if !now.alert && !vanished {
            continue;
        }
        let weight = if now.alert {
            now.mentions
        } else {
            before.map_or(0, |b| b.mentions)
        };
        rows.push((
            !now.alert,
            weight,
            vec![
                signal.id.clone().into(),
                signal.kind.clone().into(),
                signal.label.clone().into(),
                now.edition.clone().into(),
                now.mentions.into(),
                Cell::Float(now.per_10k),
                before.map_or(Cell::Empty, |b| b.mentions.into()),
                before.map_or(Cell::Empty, |b| Cell::Float(b.per_10k)),
                if now.alert { "alert" } else { "vanished" }.into(),
            ],
        ));
    }
    // Alerts first, then what vanished; the most mentioned first in each.
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    for (_, _, row) in rows {
        table.push(row);
    }
    table
}

/// The emerging terms of the new passages, each with its first occurrence in context.
fn terms(
    index: &HorizonIndex,
    new: &[PassageRecord],
    novelty: &Novelty,
    earlier_passages: u64,
    limit: usize,
) -> anyhow::Result<Table> {
    let mut table = Table::new(vec![
        Column::new("term"),
        Column::data_only("analysed"),
        Column::new("words"),
        Column::new("status"),
        Column::new("new_passages"),
        Column::new("earlier_passages"),
        Column::new("count"),
        Column::new("log_ratio"),
        Column::new("g2"),
        Column::data_only("reference_count"),
        Column::new("reference_g2"),
        Column::new("passage"),
        Column::data_only("edition"),
        Column::new("pages"),
        Column::new("lines"),
        Column::new("context").max_width(90),
    ])
    .with_empty_message("no emerging terms in the new material")
    .with_human_limit(HUMAN_ROWS);
    if new.is_empty() {
        return Ok(table);
    }
    if earlier_passages == 0 {
        // A first scan: with nothing before it every term would be new.
        table.empty_message =
            "no emerging terms: nothing earlier to set the new material against".to_string();
        return Ok(table);
    }
    let mut analyzer = index.analyzer();
    let excluded = lexicon_names(index, &mut analyzer);
    let bodies: Vec<&str> = new.iter().map(|r| r.body()).collect();
    let settings = emerging::Settings {
        limit,
        thresholds: Thresholds::default(),
        ..emerging::Settings::default()
    };
    let words = crate::lang::word_list();
    let count = |word: &str| u64::from(words.count_folded(&crate::lang::fold(word)));
    let reference = Reference {
        count: &count,
        total: words.total(),
    };
    let new_tokens = new.iter().map(|r| r.words).sum();
    let found: Vec<Emerging> = emerging::emerging(
        &bodies,
        new_tokens,
        &mut analyzer,
        &excluded,
        earlier_passages,
        &reference,
        |terms| index.passages_holding(terms, Some(novelty)),
        settings,
    )?;
    for term in found {
        let record = &new[term.first.0];
        table.push(vec![
            term.label.clone().into(),
            term.terms.join(" ").into(),
            term.terms.len().into(),
            term.status().into(),
            term.new_passages.into(),
            term.earlier_passages.into(),
            term.count.into(),
            Cell::Float(term.keyness.log_ratio),
            Cell::Float(term.keyness.g2),
            term.reference_count.into(),
            Cell::Float(term.against_reference.g2),
            record.passage.clone().into(),
            record.edition.clone().into(),
            record.pages().map_or(Cell::Empty, Cell::from),
            record.lines().into(),
            context(bodies[term.first.0], &term.first.1, CONTEXT).into(),
        ]);
    }
    Ok(table)
}

/// The analysed forms of every lexicon name: terms the analyst follows already.
fn lexicon_names(
    index: &HorizonIndex,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
) -> HashSet<Vec<String>> {
    let mut names = HashSet::new();
    for signal in &index.meta.signals {
        for name in std::iter::once(&signal.label).chain(&signal.aliases) {
            let mut tokens = Vec::new();
            analyzer
                .token_stream(name)
                .process(&mut |t| tokens.push(t.clone()));
            let words = crate::analysis::Explained::words(&tokens);
            let terms: Vec<String> = words.iter().map(|w| w.terms[0].clone()).collect();
            if !terms.is_empty() {
                names.insert(terms);
            }
        }
    }
    names
}

/// The digest for people and spreadsheets: a part per watch, then alerts and terms.
pub fn sections(news: &News) -> Sections {
    let mut intro = vec![format!(
        "New since {}: {} passages, against {} before.",
        news.since.said, news.new_passages, news.earlier_passages
    )];
    for scan in &news.since.scans {
        intro.push(format!(
            "Scan {} ({}): {} document(s) added, {} changed, {} removed; {} passages.",
            scan.number,
            scan.day(),
            scan.added.len(),
            scan.changed.len(),
            scan.removed.len(),
            scan.passages
        ));
    }
    if news.is_empty() {
        intro.push("Nothing new.".to_string());
    }
    let mut parts: Vec<(String, &'static str, Table)> = Vec::new();
    let mut watch_rows = Table::new(vec![
        Column::new("watch"),
        Column::new("label"),
        Column::new("query"),
        Column::new("passage"),
        Column::new("edition"),
        Column::new("pages"),
        Column::new("lines"),
        Column::new("snippet"),
    ])
    .with_empty_message(format!(
        "no watch finds a new passage (the watch list is {})",
        news.watch_file.display()
    ));
    for watch in &news.watches {
        let at = |name: &str| watch.hits.columns.iter().position(|c| c.name == name);
        for row in &watch.hits.rows {
            let cell = |name: &str| at(name).map_or(Cell::Empty, |i| row[i].clone());
            watch_rows.push(vec![
                watch.watch.id.clone().into(),
                watch.watch.label.clone().into(),
                watch.watch.query.clone().into(),
                cell("passage"),
                cell("edition"),
                cell("pages"),
                cell("lines"),
                cell("snippet"),
            ]);
        }
    }
    parts.push(("Watches: new passages".to_string(), "watches", watch_rows));
    parts.push((
        "Alerts: signals of the newest edition".to_string(),
        "alerts",
        news.alerts.clone(),
    ));
    parts.push(("Emerging terms".to_string(), "terms", news.terms.clone()));
    Sections {
        title: format!("horizon news since {}", news.since.asked),
        intro,
        parts,
        settings: vec![
            ("since".to_string(), news.since.said.clone()),
            ("new passages".to_string(), news.new_passages.to_string()),
            (
                "earlier passages".to_string(),
                news.earlier_passages.to_string(),
            ),
        ],
    }
}

/// The digest as one JSON object: since, scans, watches (hits as `search --format json`), alerts
/// and terms (rows as their tables write them).
pub fn json_of(news: &News) -> Value {
    let rows = |table: &Table| -> Vec<Value> {
        table
            .rows
            .iter()
            .map(|row| row_object(table, row))
            .collect()
    };
    json!({
        "since": {
            "asked": news.since.asked,
            "said": news.since.said,
            "new_passages": news.new_passages,
            "earlier_passages": news.earlier_passages,
        },
        "scans": news.since.scans.iter().map(|s| json!({
            "number": s.number,
            "date": s.day(),
            "at": s.at,
            "added": s.added,
            "changed": s.changed,
            "removed": s.removed,
            "passages": s.passages,
            "editions": s.editions,
        })).collect::<Vec<_>>(),
        "watches": news.watches.iter().map(|w| json!({
            "id": w.watch.id,
            "label": w.watch.label,
            "query": w.watch.query,
            "theme": w.watch.theme,
            "note": w.watch.note,
            "passages": rows(&w.hits),
        })).collect::<Vec<_>>(),
        "alerts": rows(&news.alerts),
        "terms": rows(&news.terms),
    })
}
