//! `horizon compare A B`: keyness of every signal (or analysed word) between two editions.

use std::collections::HashMap;
use std::process::ExitCode;

use crate::cli::{CompareConfig, CompareKind};
use crate::compare::keyness;
use crate::export::{Cell, Column, Table};
use crate::index::{HorizonIndex, PassageRecord};
use crate::signals::mentions::{count, GroupBy};

/// (kind, signal, label) -> (count in A, count in B)
type Counts = HashMap<(String, String, String), (u64, u64)>;

pub fn run(config: &CompareConfig) -> anyhow::Result<ExitCode> {
    let index = super::open_index(&config.index)?;
    let table = table(&index, config)?;
    config.output.write(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// The command's table, for the command line and the workbench alike.
pub(crate) fn table(index: &HorizonIndex, config: &CompareConfig) -> anyhow::Result<Table> {
    let a = index.resolve_edition(&config.a)?;
    let b = index.resolve_edition(&config.b)?;
    if a == b {
        anyhow::bail!(
            "both editions are {a:?}; compare two different editions (`horizon themes` lists them)"
        );
    }
    // Words need the text; signals only the counts every table page shares.
    let records = match config.kind {
        CompareKind::Terms => std::sync::Arc::new(index.passages()?),
        _ => index.summaries()?,
    };
    let tokens = |edition: &str| -> u64 {
        records
            .iter()
            .filter(|r| r.edition == edition)
            .map(|r| r.words)
            .sum()
    };
    let (tokens_a, tokens_b) = (tokens(&a), tokens(&b));
    let counts = match config.kind {
        CompareKind::Terms => term_counts(index, &records, &a, &b),
        kind => signal_counts(index, &records, &a, &b, kind),
    };
    let mut rows: Vec<_> = counts
        .into_iter()
        .map(|((kind, signal, label), (ca, cb))| {
            (
                kind,
                signal,
                label,
                keyness(ca, cb, tokens_a, tokens_b, config.thresholds),
            )
        })
        .collect();
    rows.sort_by(|x, y| {
        y.3.g2
            .abs()
            .total_cmp(&x.3.g2.abs())
            .then_with(|| x.1.cmp(&y.1))
    });
    let mut settings = super::settings(index);
    settings.extend([
        ("edition A".to_string(), a.clone()),
        ("edition B".to_string(), b.clone()),
        (
            "kind".to_string(),
            format!("{:?}", config.kind).to_lowercase(),
        ),
        (
            "rising/falling: |g2| at least".to_string(),
            config.thresholds.g2.to_string(),
        ),
        (
            "rising/falling: |log2 ratio| at least".to_string(),
            config.thresholds.log_ratio.to_string(),
        ),
    ]);
    let mut table = Table::new(
        [
            "kind",
            "signal",
            "label",
            "count_a",
            "count_b",
            "tokens_a",
            "tokens_b",
            "per10k_a",
            "per10k_b",
            "log_ratio",
            "g2",
            "p_value",
            "status",
        ]
        .into_iter()
        .map(|name| match name {
            "label" | "tokens_a" | "tokens_b" => Column::data_only(name),
            _ => Column::new(name),
        })
        .collect(),
    )
    .with_empty_message(format!("nothing to compare between {a:?} and {b:?}"))
    .with_settings(settings)
    .with_human_limit(config.limit);
    for (kind, signal, label, k) in rows {
        table.push(vec![
            kind.into(),
            signal.into(),
            label.into(),
            k.count_a.into(),
            k.count_b.into(),
            k.tokens_a.into(),
            k.tokens_b.into(),
            Cell::Float(k.per10k_a),
            Cell::Float(k.per10k_b),
            Cell::Float(k.log_ratio),
            Cell::Float(k.g2),
            Cell::Float(k.p_value),
            k.status.name().into(),
        ]);
    }
    Ok(table)
}

/// Mentions of the lexicon's signals in the two editions.
fn signal_counts(
    index: &HorizonIndex,
    records: &[PassageRecord],
    a: &str,
    b: &str,
    kind: CompareKind,
) -> Counts {
    let wanted = match kind {
        CompareKind::Theme => Some("theme"),
        CompareKind::Actor => Some("actor"),
        CompareKind::Measure => Some("measure"),
        CompareKind::All | CompareKind::Terms => None,
    };
    let mut counts = Counts::new();
    for row in count(
        records,
        &index.meta.signals,
        &index.meta.editions,
        GroupBy::Edition,
        |s| wanted.is_none_or(|k| s.kind == k),
    ) {
        let entry = counts
            .entry((
                row.signal.kind.clone(),
                row.signal.id.clone(),
                row.signal.label.clone(),
            ))
            .or_default();
        if row.edition == a {
            entry.0 += row.mentions;
        } else if row.edition == b {
            entry.1 += row.mentions;
        }
    }
    counts.retain(|_, (ca, cb)| *ca + *cb > 0);
    counts
}

/// Every analysed term of the two editions (as the index's analyzer makes them: stems, compound
/// parts, no stop words), labelled with the word it most often stands for.
fn term_counts(index: &HorizonIndex, records: &[PassageRecord], a: &str, b: &str) -> Counts {
    let mut analyzer = index.analyzer();
    let mut tally: HashMap<String, (u64, u64)> = HashMap::new();
    let mut words: HashMap<String, HashMap<String, u64>> = HashMap::new();
    for record in records {
        let side = if record.edition == a {
            0
        } else if record.edition == b {
            1
        } else {
            continue;
        };
        let body = record.body();
        let mut stream = analyzer.token_stream(body);
        while let Some(token) = stream.next() {
            let entry = tally.entry(token.text.clone()).or_default();
            if side == 0 {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
            let word = body[token.offset_from..token.offset_to].to_lowercase();
            *words
                .entry(token.text.clone())
                .or_default()
                .entry(word)
                .or_default() += 1;
        }
    }
    tally
        .into_iter()
        .map(|(term, counts)| {
            let label = words[&term]
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(w, _)| w.clone())
                .unwrap_or_default();
            (("term".to_string(), term, label), counts)
        })
        .collect()
}
