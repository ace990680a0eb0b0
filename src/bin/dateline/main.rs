//! The `dateline` binary: the shell around the library. It parses the
//! command line, runs one subcommand and maps how it ended to an exit code
//! (see [`exit::Exit`]).
#![allow(clippy::print_stderr)]

mod cli;
mod commands;
mod exit;
mod golden;
mod render;
mod report;
mod run;
mod source;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Ctrl-C and SIGTERM remove what is half written and exit 130 / 143.
    if let Err(e) = dateline::write::safe::on_interrupt() {
        eprintln!("dateline: cannot watch for Ctrl-C: {e}");
    }
    match cli::run(cli) {
        Ok(exit) => exit.into(),
        // A closed pipe (`dateline convert … | head`) is not an error.
        Err(exit::Stop::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(stop) => {
            eprintln!("dateline: {}", report::for_terminal(&stop.to_string()));
            stop.exit().into()
        }
    }
}

// The pipeline allocates many small strings per article on every thread;
// mimalloc's thread-local heaps make that markedly cheaper than glibc's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
