//! The subcommands: each takes its validated config, calls the pipeline's stages in order and hands
//! its table to the export path. One file per subcommand.

mod analyze;
mod candidates;
pub(crate) mod compare;
mod evaluate;
mod ingest;
pub(crate) mod mentions;
pub(crate) mod news;
mod passages;
pub(crate) mod report;
pub(crate) mod search;
mod serve;
pub(crate) mod show;
pub(crate) mod signals;
pub(crate) mod themes;
pub(crate) mod trend;
mod watch;

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Config};
use crate::index::HorizonIndex;

/// Runs the command line; `Ok` carries the exit code of a run that finished (1 when documents were skipped).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.into_config()? {
        Config::Ingest(config) => ingest::run(&config),
        Config::Search(config) => search::run(&config),
        Config::Passages(config) => passages::run(&config),
        Config::Themes(config) => themes::run(&config),
        Config::Signals(config) => signals::run(&config),
        Config::Mentions(config) => mentions::run(&config),
        Config::Candidates(config) => candidates::run(&config),
        Config::Compare(config) => compare::run(&config),
        Config::Trend(config) => trend::run(&config),
        Config::Report(config) => report::run(&config),
        Config::Chart(config) => report::chart(&config),
        Config::Evaluate(config) => evaluate::run(&config),
        Config::Analyze(config) => analyze::run(&config),
        Config::Show(config) => show::run(&config),
        Config::Serve(config) => serve::run(&config),
        Config::News(config) => news::run(&config),
        Config::Watch(config) => watch::run(config),
    }
}

/// How an index's numbers were made, for the settings sheet of a workbook.
pub(crate) fn settings(index: &HorizonIndex) -> Vec<(String, String)> {
    let meta = &index.meta;
    let mut settings = vec![
        (
            "horizon version".to_string(),
            env!("CARGO_PKG_VERSION").to_string(),
        ),
        (
            "command".to_string(),
            std::env::args().collect::<Vec<_>>().join(" "),
        ),
        ("index".to_string(), index.dir.display().to_string()),
        ("index built by horizon".to_string(), meta.horizon.clone()),
        ("index format".to_string(), meta.format.to_string()),
        (
            "analyzer".to_string(),
            format!("{} v{}", meta.analyzer.name, meta.analyzer.version),
        ),
        ("corpus".to_string(), meta.corpus.clone()),
        ("documents".to_string(), meta.documents.len().to_string()),
        ("passages".to_string(), meta.passages.to_string()),
        ("tokens".to_string(), meta.words.to_string()),
    ];
    for edition in &meta.editions {
        settings.push((
            format!("edition {}", edition.name),
            format!(
                "date {}, {} passages, {} tokens",
                edition.date.as_deref().unwrap_or("unknown"),
                edition.passages,
                edition.words
            ),
        ));
    }
    settings.push(("lexicon".to_string(), meta.lexicon.source.clone()));
    for (file, hash) in &meta.lexicon.files {
        settings.push((format!("lexicon file {file}"), format!("sha256 {hash}")));
    }
    settings
}

fn open_index(dir: &std::path::Path) -> anyhow::Result<HorizonIndex> {
    HorizonIndex::open(dir).with_context(|| format!("cannot open the index in {}", dir.display()))
}
