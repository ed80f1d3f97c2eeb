//! `horizon serve`: checks the index opens, then serves the workbench until Ctrl-C.

use std::process::ExitCode;

use crate::cli::ServeConfig;

pub fn run(config: &ServeConfig) -> anyhow::Result<ExitCode> {
    // A missing or stale index is one clear line now, not an error page at the first request.
    super::open_index(&config.index)?;
    if !config.addr.ip().is_loopback() {
        eprintln!(
            "horizon: warning: listening on {}: anyone who can reach this machine can read the corpus",
            config.addr.ip()
        );
    }
    crate::serve::run(config, |bound| {
        eprintln!(
            "horizon: serving the index in {} at http://{bound}/ (Ctrl-C stops)",
            config.index.display()
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
