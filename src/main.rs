//! The `dateline` binary: parse the command line, run, map the outcome to an
//! exit code (0 all converted, 1 some input failed, 2 usage error).
#![allow(clippy::print_stderr)]

use std::process::ExitCode;

use clap::Parser;
use dateline::cli::{Cli, Outcome, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C and SIGTERM remove what is half written and exit 130 / 143.
    if let Err(e) = dateline::write::safe::on_interrupt() {
        eprintln!("dateline: cannot watch for Ctrl-C: {e}");
    }
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        // A closed pipe (`dateline convert … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "dateline: {}",
                dateline::report::for_terminal(&e.to_string())
            );
            ExitCode::from(1)
        }
    }
}

// The pipeline allocates many small strings per article on every thread;
// mimalloc's thread-local heaps make that markedly cheaper than glibc's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
