//! The output folder: `articles.jsonl`, the CSV tables, `errors.jsonl` and
//! `summary.json`. Everything is written into a hidden staging folder inside
//! DIR and renamed into place only when the run is complete, so an
//! interrupted run never leaves a half file under a final name.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Error;
use crate::model::Record;
use crate::write::csv::{Cells, TABLES, Tables};

/// `errors.jsonl` line: one failed or skipped input.
#[derive(Debug, Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    stage: &'a str,
    message: &'a str,
}

/// `summary.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Inputs found.
    pub found: usize,
    /// Inputs converted to records.
    pub converted: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Files skipped while walking folders.
    pub skipped: usize,
    /// Warnings in converted records.
    pub warnings: usize,
    /// The record schema's version.
    pub schema_version: String,
    /// dateline's version.
    pub tool_version: String,
    /// Wall-clock seconds.
    pub seconds: f64,
}

const JSONL: &str = "articles.jsonl";
const ERRORS: &str = "errors.jsonl";
const SUMMARY: &str = "summary.json";

/// An output folder being written.
pub struct OutDir {
    dir: PathBuf,
    staging: PathBuf,
    jsonl: BufWriter<File>,
    errors: BufWriter<File>,
    tables: Tables<BufWriter<File>>,
    buf: Vec<u8>,
}

fn create(path: &Path) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(64 * 1024, File::create(path)?))
}

impl OutDir {
    /// Prepare `dir` (created if missing). A folder that already holds files
    /// is refused unless `force`, in which case its dateline files are
    /// replaced at the end. `cells` says how CSV cells are written.
    pub fn create(dir: &Path, force: bool, cells: Cells) -> io::Result<OutDir> {
        fs::create_dir_all(dir)?;
        let occupied = fs::read_dir(dir)?.filter_map(Result::ok).any(|e| {
            !e.file_name()
                .to_string_lossy()
                .starts_with(".dateline-partial")
        });
        if occupied && !force {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{}: the output folder is not empty (use --force to replace its dateline files)",
                    dir.display()
                ),
            ));
        }
        let staging = dir.join(format!(".dateline-partial-{}", std::process::id()));
        fs::create_dir_all(&staging)?;
        let outs = TABLES
            .iter()
            .map(|t| create(&staging.join(t.file)))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(OutDir {
            dir: dir.to_path_buf(),
            jsonl: create(&staging.join(JSONL))?,
            errors: create(&staging.join(ERRORS))?,
            tables: Tables::new(outs, cells)?,
            staging,
            buf: Vec::with_capacity(16 * 1024),
        })
    }

    /// Add a record to `articles.jsonl` and every table.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, record)?;
        self.buf.push(b'\n');
        self.jsonl.write_all(&self.buf)?;
        self.tables.write(record)
    }

    /// Add a failed input to `errors.jsonl`.
    pub fn error(&mut self, error: &Error) -> io::Result<()> {
        self.error_line(
            &error.path().to_string_lossy(),
            error.stage().as_str(),
            &error.message(),
        )
    }

    /// Add a skipped file to `errors.jsonl`.
    pub fn skipped(&mut self, path: &Path) -> io::Result<()> {
        self.error_line(&path.to_string_lossy(), "read", "skipped: not a .txt file")
    }

    fn error_line(&mut self, path: &str, stage: &str, message: &str) -> io::Result<()> {
        serde_json::to_writer(
            &mut self.errors,
            &ErrorLine {
                path,
                stage,
                message,
            },
        )?;
        self.errors.write_all(b"\n")
    }

    /// Flush everything, write `summary.json`, and move every file into
    /// place.
    pub fn finish(mut self, summary: &Summary) -> io::Result<()> {
        self.jsonl.flush()?;
        self.errors.flush()?;
        for mut w in self.tables.finish()? {
            w.flush()?;
        }
        let mut s = create(&self.staging.join(SUMMARY))?;
        serde_json::to_writer_pretty(&mut s, summary)?;
        s.write_all(b"\n")?;
        s.flush()?;
        drop(s);
        let names = TABLES
            .iter()
            .map(|t| t.file)
            .chain([JSONL, ERRORS, SUMMARY]);
        for name in names {
            fs::rename(self.staging.join(name), self.dir.join(name))?;
        }
        fs::remove_dir(&self.staging)
    }

    /// Give up: remove the staging folder and everything in it.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}
