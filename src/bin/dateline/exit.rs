//! How a run ends: its exit code, and the one error type of the shell.

use std::fmt;
use std::io;

/// The exit status of a run. Ctrl-C and SIGTERM end a run with 130 and 143
/// (see `dateline::write::safe::on_interrupt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input converted (or every record valid, every golden matched).
    Success = 0,
    /// Some input failed, or a run stopped on an I/O error; the rest was done.
    SomeFailed = 1,
    /// The command line asks for something that cannot be done, wherever
    /// that is found: by clap, or later (a bad `--lexicon` file).
    Usage = 2,
}

impl Exit {
    /// [`Exit::SomeFailed`] when anything failed.
    pub fn failing_if(failed: usize) -> Self {
        if failed > 0 {
            Exit::SomeFailed
        } else {
            Exit::Success
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

/// Why a run stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// A usage error found after clap (exit 2).
    Usage(String),
    /// Output or an out-dir could not be written (exit 1).
    Io(io::Error),
}

impl Stop {
    /// The exit code this stop gives.
    pub fn exit(&self) -> Exit {
        match self {
            Stop::Usage(_) => Exit::Usage,
            Stop::Io(_) => Exit::SomeFailed,
        }
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Io(e)
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Usage(message) => write!(f, "usage: {message}"),
            Stop::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What a subcommand returns.
pub type Outcome = Result<Exit, Stop>;
