//! One error type for every stage. Display is exactly `path: stage: message`,
//! the line users see on stderr and find in `errors.jsonl`.

use std::fmt;
use std::path::{Path, PathBuf};

/// The pipeline stage an error came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Finding inputs and reading bytes.
    Read,
    /// Turning bytes into text.
    Decode,
    /// Splitting text into header, dateline and paragraphs.
    Parse,
    /// Resolving people, organizations, places and events.
    Normalize,
    /// Checking the record against the JSON Schema.
    Validate,
}

impl Stage {
    /// The stage's name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Decode => "decode",
            Stage::Parse => "parse",
            Stage::Normalize => "normalize",
            Stage::Validate => "validate",
        }
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read (missing, permission denied).
    Io(std::io::Error),
    /// The text holds nothing to convert, e.g. an empty or whitespace-only file.
    Empty,
    /// The input looks like binary data (NUL bytes), not text.
    Binary,
    /// The input is larger than `--max-bytes`.
    TooLarge {
        /// The input's size.
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// `--strict`: the record converted but raised warnings.
    Warned(Vec<String>),
    /// The record breaks the JSON Schema (a bug: please report the input),
    /// e.g. a field the schema does not know.
    Schema(Vec<crate::schema::Violation>),
    /// A bug: a stage panicked on this input. The run goes on; please
    /// report the input.
    Internal(String),
    /// A `*.txt` entry of a walked folder that is not a regular file (a
    /// FIFO, socket or device): skipped without opening it, since opening a
    /// FIFO for reading blocks until someone writes to it.
    NotRegular(&'static str),
    /// A line of a JSON Lines stream (`--input jsonl`) that is not a
    /// document: not UTF-8, not JSON, no `text`, or over the line cap.
    BadLine {
        /// 1-based line of the stream.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

#[derive(Debug)]
struct Repr {
    kind: ErrorKind,
    path: PathBuf,
    stage: Stage,
}

/// An error carrying the input path and the stage it came from.
#[derive(Debug)]
pub struct Error {
    repr: Box<Repr>,
}

impl Error {
    /// An error of `kind` at `stage` for the input `path`.
    pub fn new(path: impl AsRef<Path>, stage: Stage, kind: ErrorKind) -> Self {
        Error {
            repr: Box::new(Repr {
                kind,
                path: path.as_ref().to_path_buf(),
                stage,
            }),
        }
    }

    /// The input the error is about.
    pub fn path(&self) -> &Path {
        &self.repr.path
    }

    /// The stage that failed.
    pub fn stage(&self) -> Stage {
        self.repr.stage
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.repr.kind
    }

    /// The message without path and stage.
    pub fn message(&self) -> String {
        match &self.repr.kind {
            ErrorKind::Io(e) => e.to_string(),
            ErrorKind::Empty => "empty: no text to convert".to_string(),
            ErrorKind::Binary => "binary: the input is not text (NUL or control bytes)".to_string(),
            ErrorKind::TooLarge { bytes, limit } => {
                format!("too large: {bytes} bytes exceeds the limit of {limit} bytes (--max-bytes)")
            }
            ErrorKind::NotRegular(what) => {
                format!("not a regular file ({what}): skipped without reading it")
            }
            ErrorKind::BadLine { line, message } => format!("line {line}: {message}"),
            ErrorKind::Warned(w) => format!("strict: {} warning(s): {}", w.len(), w.join("; ")),
            ErrorKind::Schema(v) => {
                let list: Vec<String> = v
                    .iter()
                    .map(|v| format!("{}: {}", v.instance_path, v.message))
                    .collect();
                format!("schema: {}", list.join("; "))
            }
            ErrorKind::Internal(m) => format!("internal error (please report this input): {m}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.repr.path.to_string_lossy(),
            self.repr.stage.as_str(),
            self.message()
        )
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.repr.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_path_stage_message() {
        let e = Error::new("a/b.txt", Stage::Read, ErrorKind::Empty);
        assert_eq!(e.to_string(), "a/b.txt: read: empty: no text to convert");
    }
}
