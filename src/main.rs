//! The `horizon` binary: parse the command line, run the command, print the error chain, set the exit code.

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

/// Indexing allocates and frees many small strings on several threads at once; mimalloc does
/// that with far less time in the allocator than the system's (see docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A bug must still end in one line a user can act on, not a backtrace. A panic inside the PDF
    // reader's thread is caught and reported as that file's one-line error, so it says nothing here.
    std::panic::set_hook(Box::new(|info| {
        if std::thread::current().name() == Some(horizon::corpus::pdf::THREAD) {
            return;
        }
        eprintln!(
            "horizon: internal error ({info}); the index on disk is unchanged; please report this with the command you ran"
        );
    }));
    let cli = horizon::cli::Cli::parse();
    match horizon::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`horizon passages | head`) is the reader's choice, not a failure.
            let broken_pipe = |io: &std::io::Error| io.kind() == ErrorKind::BrokenPipe;
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(broken_pipe)
                    || cause.downcast_ref::<csv::Error>().is_some_and(
                        |e| matches!(e.kind(), csv::ErrorKind::Io(io) if broken_pipe(io)),
                    )
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("horizon: {err:#}");
            ExitCode::FAILURE
        }
    }
}
