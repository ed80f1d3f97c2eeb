//! `horizon evaluate`: search quality of horizon's analyzer beside tantivy's stock Dutch analyzer,
//! measured in the same run on the same corpus and query set.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::analysis::Analyzer;
use crate::cli::{EvaluateBy, EvaluateConfig};
use crate::export::{Cell, Column, Table};
use crate::index::quality::{self, QueryCase, QuerySet};
use crate::index::HorizonIndex;

/// Hits looked at per query: the depth of the reciprocal rank.
const DEPTH: usize = 10;
/// The cut-off of "success".
const SUCCESS_AT: usize = 5;

pub fn run(config: &EvaluateConfig) -> anyhow::Result<ExitCode> {
    let stopwords = crate::pipeline::stopwords(None)?;
    let scratch = tempfile::Builder::new()
        .prefix("horizon-evaluate-")
        .tempdir()
        .context("cannot make a temporary folder for the evaluation indexes")?;
    let mut table: Option<Table> = None;
    for path in &config.queries {
        let set = quality::read_set(path)?;
        let sources: Vec<PathBuf> = match (&config.corpus, set.corpus.is_empty()) {
            (Some(corpus), _) => vec![corpus.clone()],
            (None, true) => vec![PathBuf::from("corpus")],
            (None, false) => set.corpus.clone(),
        };
        if let Some(absent) = sources.iter().find(|s| !s.exists()) {
            eprintln!(
                "horizon: skipping the {} set: its corpus {} is absent",
                set.name,
                absent.display()
            );
            continue;
        }
        let work = scratch.path().join(&set.name);
        let corpus = gather(&sources, &work.join("corpus"))?;
        // ranks[analyzer][case]
        let mut ranks: Vec<Vec<Option<usize>>> = Vec::new();
        for analyzer in Analyzer::ALL {
            let dir = work.join(analyzer.name());
            crate::pipeline::build(
                &corpus,
                &dir,
                &stopwords,
                &crate::pipeline::Options::new(analyzer),
            )?;
            let index = HorizonIndex::open(&dir)?;
            let mut found = Vec::with_capacity(set.cases.len());
            for case in &set.cases {
                let rank = quality::rank(&index, case, DEPTH).with_context(|| {
                    format!(
                        "query {} ({:?}) of {} failed",
                        case.id,
                        case.query,
                        path.display()
                    )
                })?;
                found.push(rank);
            }
            ranks.push(found);
        }
        let part = match config.by {
            EvaluateBy::Phenomenon => by_phenomenon(&set, &ranks),
            EvaluateBy::Query => by_query(&set, &ranks),
        };
        match &mut table {
            Some(table) => table.rows.extend(part.rows),
            None => table = Some(part),
        }
    }
    let table =
        table.context("no query set could be evaluated: the corpus of every set is absent")?;
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The folder to index for `sources`: the folder itself when it is one, else a folder of links to
/// each (so a set can search files and folders kept in several places).
fn gather(sources: &[PathBuf], at: &Path) -> anyhow::Result<PathBuf> {
    if let [only] = sources {
        if only.is_dir() {
            return Ok(only.clone());
        }
    }
    std::fs::create_dir_all(at).with_context(|| format!("cannot make {}", at.display()))?;
    for source in sources {
        let target = source
            .canonicalize()
            .with_context(|| format!("cannot find {}", source.display()))?;
        let name = target
            .file_name()
            .context("a corpus path names no file or folder")?;
        let link = at.join(name);
        link_to(&target, &link)
            .with_context(|| format!("cannot link {} into {}", target.display(), at.display()))?;
    }
    Ok(at.to_path_buf())
}

#[cfg(unix)]
fn link_to(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn link_to(target: &Path, link: &Path) -> std::io::Result<()> {
    if target.is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    }
}

fn by_phenomenon(set: &QuerySet, ranks: &[Vec<Option<usize>>]) -> Table {
    let cases = &set.cases;
    let mut columns = vec![
        Column::new("set"),
        Column::new("phenomenon"),
        Column::new("queries"),
    ];
    for analyzer in Analyzer::ALL {
        columns.push(Column::new(metric_name(analyzer, "success_at_5")));
        columns.push(Column::new(metric_name(analyzer, "mrr_at_10")));
    }
    let mut table = Table::new(columns);
    let mut groups: Vec<&str> = Vec::new();
    for case in cases {
        if !groups.contains(&case.phenomenon.as_str()) {
            groups.push(&case.phenomenon);
        }
    }
    let all: Vec<usize> = (0..cases.len()).collect();
    let mut rows: Vec<(String, Vec<usize>)> = groups
        .iter()
        .map(|g| {
            let members = (0..cases.len())
                .filter(|&i| cases[i].phenomenon == *g)
                .collect();
            (g.to_string(), members)
        })
        .collect();
    rows.push(("all".to_string(), all));
    for (name, members) in rows {
        let mut row = vec![
            Cell::Text(set.name.clone()),
            Cell::Text(name),
            members.len().into(),
        ];
        for analyzer_ranks in ranks {
            let picked: Vec<Option<usize>> = members.iter().map(|&i| analyzer_ranks[i]).collect();
            let (success, mrr) = quality::measures(&picked, SUCCESS_AT);
            row.push(Cell::Float(success));
            row.push(Cell::Float(mrr));
        }
        table.push(row);
    }
    table
}

fn by_query(set: &QuerySet, ranks: &[Vec<Option<usize>>]) -> Table {
    let cases: &[QueryCase] = &set.cases;
    let mut columns = vec![
        Column::new("set"),
        Column::new("id"),
        Column::new("phenomenon"),
        Column::new("query"),
    ];
    for analyzer in Analyzer::ALL {
        columns.push(Column::new(metric_name(analyzer, "rank")));
    }
    columns.push(Column::data_only("quote"));
    let mut table = Table::new(columns);
    for (i, case) in cases.iter().enumerate() {
        let mut row = vec![
            set.name.clone().into(),
            case.id.clone().into(),
            case.phenomenon.clone().into(),
            case.query.clone().into(),
        ];
        for analyzer_ranks in ranks {
            row.push(analyzer_ranks[i].map_or(Cell::Empty, Cell::from));
        }
        row.push(case.quote.clone().into());
        table.push(row);
    }
    table
}

/// "horizon_success_at_5", "plain_rank": one column per analyzer and measure.
fn metric_name(analyzer: Analyzer, metric: &str) -> String {
    let name = match analyzer {
        Analyzer::Horizon => "horizon",
        Analyzer::Plain => "plain",
    };
    format!("{name}_{metric}")
}
