//! The subcommands: each takes its validated config, calls the pipeline's stages in order and hands
//! its table to the export path. One file per subcommand.

mod analyze;
mod candidates;
mod evaluate;
mod ingest;
mod mentions;
mod passages;
mod search;
mod signals;
mod themes;

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
        Config::Evaluate(config) => evaluate::run(&config),
        Config::Analyze(config) => analyze::run(&config),
    }
}

fn open_index(dir: &std::path::Path) -> anyhow::Result<HorizonIndex> {
    HorizonIndex::open(dir).with_context(|| format!("cannot open the index in {}", dir.display()))
}
