//! `horizon evaluate`: search quality of horizon's analyzer beside tantivy's stock Dutch analyzer,
//! measured in the same run on the same corpus and query set.

use std::process::ExitCode;

use anyhow::Context;

use crate::analysis::Analyzer;
use crate::cli::{EvaluateBy, EvaluateConfig};
use crate::export::{Cell, Column, Table};
use crate::index::quality::{self, QueryCase};
use crate::index::HorizonIndex;

/// Hits looked at per query: the depth of the reciprocal rank.
const DEPTH: usize = 10;
/// The cut-off of "success".
const SUCCESS_AT: usize = 5;

pub fn run(config: &EvaluateConfig) -> anyhow::Result<ExitCode> {
    let cases = quality::read_cases(&config.queries)?;
    let stopwords = crate::pipeline::stopwords(None)?;
    let scratch = tempfile::Builder::new()
        .prefix("horizon-evaluate-")
        .tempdir()
        .context("cannot make a temporary folder for the evaluation indexes")?;
    // ranks[analyzer][case]
    let mut ranks: Vec<Vec<Option<usize>>> = Vec::new();
    for analyzer in Analyzer::ALL {
        let dir = scratch.path().join(analyzer.name());
        crate::pipeline::build(
            &config.corpus,
            &dir,
            &stopwords,
            &crate::pipeline::Options::new(analyzer),
        )?;
        let index = HorizonIndex::open(&dir)?;
        let mut found = Vec::with_capacity(cases.len());
        for case in &cases {
            let rank = quality::rank(&index, case, DEPTH)
                .with_context(|| format!("query {} ({:?}) failed", case.id, case.query))?;
            found.push(rank);
        }
        ranks.push(found);
    }
    let table = match config.by {
        EvaluateBy::Phenomenon => by_phenomenon(&cases, &ranks),
        EvaluateBy::Query => by_query(&cases, &ranks),
    };
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

fn by_phenomenon(cases: &[QueryCase], ranks: &[Vec<Option<usize>>]) -> Table {
    let mut columns = vec![Column::new("phenomenon"), Column::new("queries")];
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
        let mut row = vec![Cell::Text(name), members.len().into()];
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

fn by_query(cases: &[QueryCase], ranks: &[Vec<Option<usize>>]) -> Table {
    let mut columns = vec![
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
