//! The output folder: `articles.jsonl`, the CSV tables, `errors.jsonl` and
//! `summary.json`, replaced as one set.
//!
//! Layout, and why it makes a replacement atomic:
//!
//! ```text
//! DIR/articles.jsonl -> .dateline-current/articles.jsonl   (one per file)
//! DIR/.dateline-current -> .dateline-set-<random>          (the switch)
//! DIR/.dateline-set-<random>/                              (a complete set)
//! DIR/.dateline-lock                                       (held while a run writes)
//! ```
//!
//! A run writes its whole set into a fresh `.dateline-set-<random>` folder
//! (nothing planted can be inside it, and every file in it is created with
//! `create_new`), syncs it, makes sure each top-level name is a link through
//! `.dateline-current`, then renames one new symlink over
//! `.dateline-current`. That rename is the only step a reader can see: a
//! kill before it leaves the old set whole, a kill after it leaves the new
//! one. Old and abandoned sets are removed by the run that holds the lock,
//! so a set left by SIGKILL goes with the next run into the folder.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[cfg(not(unix))]
compile_error!("the output folder's atomic switch uses symlinks: unix only");

use serde::Serialize;

use crate::error::Error;
use crate::model::Record;
use crate::write::csv::{Cells, TABLES, Tables};
use crate::write::json;
use crate::write::safe::{
    Pending, TEMP_PREFIX, at, create_new, fresh_dir, link, link_target, remove,
};

/// A record rendered for every file of the folder: its `articles.jsonl`
/// line, then its rows of each table, in one buffer.
#[derive(Debug, Default)]
pub struct Rendered {
    bytes: Vec<u8>,
    /// Where the JSON line ends, then where each table's rows end.
    ends: [usize; 1 + TABLES.len()],
}

/// Renders records for an [`OutDir`] (see [`OutDir::renderer`]): it holds
/// only the cell style, so workers render in parallel while the folder's
/// files are written.
#[derive(Debug, Clone, Copy)]
pub struct Renderer {
    cells: Cells,
}

impl Renderer {
    /// Render `record` for [`OutDir::write_rendered`].
    pub fn render(&self, record: &Record) -> io::Result<Rendered> {
        let (bytes, ends) = crate::write::exact(|buf| self.render_onto(record, buf))?;
        Ok(Rendered { bytes, ends })
    }

    /// Append `record`'s JSON line and table rows to `buf`; where they end.
    fn render_onto(
        &self,
        record: &Record,
        buf: &mut Vec<u8>,
    ) -> io::Result<[usize; 1 + TABLES.len()]> {
        let mut ends = [0; 1 + TABLES.len()];
        json::to_vec(record, buf)?;
        buf.push(b'\n');
        ends[0] = buf.len();
        ends[1..].copy_from_slice(&crate::write::csv::rows(record, self.cells, buf));
        Ok(ends)
    }
}

/// `errors.jsonl` line: one failed input.
#[derive(Debug, Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    stage: &'a str,
    message: &'a str,
}

/// `summary.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Inputs found: converted + failed.
    pub found: usize,
    /// Inputs converted to records.
    pub converted: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Files a folder walk did not select (`--glob`); not errors.
    pub ignored: usize,
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
const LOCK: &str = ".dateline-lock";
const CURRENT: &str = ".dateline-current";
const SET: &str = ".dateline-set-";
/// Folders and links of earlier versions and of interrupted runs.
const STALE: [&str; 3] = [SET, ".dateline-partial-", TEMP_PREFIX];

/// Every file of the set, in the order they are created.
fn names() -> impl Iterator<Item = &'static str> {
    TABLES
        .iter()
        .map(|t| t.file)
        .chain([JSONL, ERRORS, SUMMARY])
}

/// A moment in [`OutDir::finish`] after which a test can stop the run as a
/// kill would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The new set is complete and synced in its own folder.
    Written,
    /// Every top-level name links through `.dateline-current`.
    Linked,
    /// `.dateline-current` points at the new set.
    Switched,
}

/// An output folder being written.
pub struct OutDir {
    dir: PathBuf,
    set: PathBuf,
    pending: Pending,
    _lock: File,
    jsonl: BufWriter<File>,
    errors: BufWriter<File>,
    tables: Tables<BufWriter<File>>,
    buf: Vec<u8>,
}

fn buffered(file: File) -> BufWriter<File> {
    BufWriter::with_capacity(64 * 1024, file)
}

/// Take `DIR/.dateline-lock` for the run (released when the process ends,
/// however it ends).
fn lock(dir: &Path) -> io::Result<File> {
    let path = dir.join(LOCK);
    if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: not a regular file; remove it", path.display()),
        ));
    }
    let file = File::options()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(at(&path))?;
    file.try_lock().map_err(|e| match e {
        fs::TryLockError::WouldBlock => io::Error::new(
            io::ErrorKind::WouldBlock,
            format!(
                "{}: another dateline run is writing this folder",
                dir.display()
            ),
        ),
        fs::TryLockError::Error(e) => at(&path)(e),
    })?;
    Ok(file)
}

/// The set `.dateline-current` points at.
fn current(dir: &Path) -> Option<std::ffi::OsString> {
    link_target(&dir.join(CURRENT))
}

/// Remove sets and staging folders other than the current set. Only real
/// folders and our own temporary links go: a planted symlink under one of
/// these names is left for the not-empty check to count.
fn sweep(dir: &Path, keep: Option<&std::ffi::OsStr>) -> io::Result<()> {
    for entry in fs::read_dir(dir).map_err(at(dir))? {
        let entry = entry.map_err(at(dir))?;
        let name = entry.file_name();
        let ours = STALE.iter().any(|p| name.to_string_lossy().starts_with(p));
        if !ours || Some(name.as_os_str()) == keep {
            continue;
        }
        let kind = entry.file_type().map_err(at(&entry.path()))?;
        if kind.is_dir() || name.to_string_lossy().starts_with(TEMP_PREFIX) {
            remove(&entry.path()).map_err(at(&entry.path()))?;
        }
    }
    Ok(())
}

impl OutDir {
    /// Prepare `dir` (created if missing). A folder that already holds files
    /// is refused unless `force`, in which case its dateline files are
    /// replaced at the end, all at once. `cells` says how CSV cells are
    /// written.
    pub fn create(dir: &Path, force: bool, cells: Cells) -> io::Result<OutDir> {
        fs::create_dir_all(dir).map_err(at(dir))?;
        let lock = lock(dir)?;
        sweep(dir, current(dir).as_deref())?;
        let occupied = fs::read_dir(dir)
            .map_err(at(dir))?
            .filter_map(Result::ok)
            .any(|e| e.file_name() != LOCK);
        if occupied && !force {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{}: the output folder is not empty (use --force to replace its dateline files)",
                    dir.display()
                ),
            ));
        }
        let (set, pending) = fresh_dir(dir, SET)?;
        let file = |name: &str| create_new(&set.join(name)).map(buffered);
        let outs = TABLES
            .iter()
            .map(|t| file(t.file))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(OutDir {
            dir: dir.to_path_buf(),
            jsonl: file(JSONL)?,
            errors: file(ERRORS)?,
            tables: Tables::new(outs, cells)?,
            set,
            pending,
            _lock: lock,
            buf: Vec::with_capacity(16 * 1024),
        })
    }

    /// Add a record to `articles.jsonl` and every table.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        let mut bytes = std::mem::take(&mut self.buf);
        bytes.clear();
        let ends = self.renderer().render_onto(record, &mut bytes)?;
        let rendered = Rendered { bytes, ends };
        let written = self.write_rendered(&rendered);
        self.buf = rendered.bytes;
        written
    }

    /// What renders records for this folder, on any thread.
    pub fn renderer(&self) -> Renderer {
        Renderer {
            cells: self.tables.cells(),
        }
    }

    /// Add a record [`Renderer::render`] made to `articles.jsonl` and every
    /// table.
    pub fn write_rendered(&mut self, rendered: &Rendered) -> io::Result<()> {
        let (line, rows) = rendered.bytes.split_at(rendered.ends[0]);
        self.jsonl.write_all(line)?;
        let mut ends = [0; TABLES.len()];
        for (end, &at) in ends.iter_mut().zip(&rendered.ends[1..]) {
            *end = at - rendered.ends[0];
        }
        self.tables.write_rendered(rows, &ends)
    }

    /// Add a failed input to `errors.jsonl`.
    pub fn error(&mut self, error: &Error) -> io::Result<()> {
        self.error_line(
            &error.path().to_string_lossy(),
            error.stage().as_str(),
            &error.message(),
        )
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

    /// Flush and sync the new set, write `summary.json`, and switch the
    /// folder to it in one rename.
    pub fn finish(self, summary: &Summary) -> io::Result<()> {
        self.finish_until(summary, |_| false)
    }

    /// [`OutDir::finish`], returning early (as a kill would stop it) after
    /// the first step for which `stop` says so.
    fn finish_until(self, summary: &Summary, mut stop: impl FnMut(Step) -> bool) -> io::Result<()> {
        let OutDir {
            dir,
            set,
            pending,
            jsonl,
            errors,
            tables,
            _lock,
            ..
        } = self;
        let mut files = tables.finish()?;
        files.extend([jsonl, errors]);
        let mut s = buffered(create_new(&set.join(SUMMARY))?);
        serde_json::to_writer_pretty(&mut s, summary)?;
        s.write_all(b"\n")?;
        files.push(s);
        for (mut file, name) in files.into_iter().zip(names()) {
            let path = set.join(name);
            file.flush().map_err(at(&path))?;
            file.get_ref().sync_all().map_err(at(&path))?;
        }
        if stop(Step::Written) {
            return Ok(());
        }
        for name in names() {
            let target = Path::new(CURRENT).join(name);
            if link_target(&dir.join(name)).as_deref() != Some(target.as_os_str()) {
                link(&dir, name, &target)?;
            }
        }
        if stop(Step::Linked) {
            return Ok(());
        }
        let old = current(&dir);
        let name = set.file_name().map(ToOwned::to_owned).unwrap_or_default();
        pending.settle(|| link(&dir, CURRENT, Path::new(&name)))?;
        if stop(Step::Switched) {
            return Ok(());
        }
        if let Some(old) = old.filter(|old| *old != name) {
            let old = dir.join(old);
            if fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) {
                remove(&old).map_err(at(&old))?;
            }
        }
        Ok(())
    }

    /// Give up: remove the new set and everything in it.
    pub fn abandon(self) {
        let _ = remove(&self.set);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::pipeline::{Options, convert_bytes};
    use crate::read::Input;

    /// One complete run into `dir` whose record has id `id`, stopped after
    /// `stop` (as a kill would), or run to the end.
    fn run(dir: &Path, id: &str, stop: Option<Step>) -> BTreeMap<&'static str, Vec<u8>> {
        let record = convert_bytes(
            &Input::file(format!("{id}.txt")),
            b" date 2023-12-07 Ministers meet\n\nHANOI (VNA) - Minister To Lam met them./.",
            &Options::default(),
        )
        .unwrap();
        let mut out = OutDir::create(dir, true, Cells::Faithful).unwrap();
        out.write(&record).unwrap();
        let summary = Summary {
            found: 1,
            converted: 1,
            failed: 0,
            ignored: 0,
            warnings: 0,
            schema_version: id.to_string(),
            tool_version: String::new(),
            seconds: 0.0,
        };
        out.finish_until(&summary, |step| Some(step) == stop)
            .unwrap();
        read_set(dir)
    }

    /// What a reader finds under the final names.
    fn read_set(dir: &Path) -> BTreeMap<&'static str, Vec<u8>> {
        names()
            .filter_map(|n| Some((n, fs::read(dir.join(n)).ok()?)))
            .collect()
    }

    fn sets(dir: &Path) -> usize {
        fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(SET)
            })
            .count()
    }

    #[test]
    fn a_kill_at_any_step_leaves_the_old_set_or_the_new_one() {
        let steps = [Step::Written, Step::Linked, Step::Switched];
        for stop in steps {
            let dir = tempfile::tempdir().unwrap();
            let old = run(dir.path(), "old", None);
            assert_eq!(old.len(), 9);
            let reference = tempfile::tempdir().unwrap();
            let new = run(reference.path(), "new", None);
            assert_ne!(old, new);
            let seen = run(dir.path(), "new", Some(stop));
            assert!(seen == old || seen == new, "a mix after a stop at {stop:?}");
            // The next run removes what the stopped one left.
            let last = run(dir.path(), "new", None);
            assert_eq!(last, new);
            assert_eq!(sets(dir.path()), 1, "stale sets after a stop at {stop:?}");
        }
        // A first run stopped at any step shows nothing or all of it.
        for stop in steps {
            let dir = tempfile::tempdir().unwrap();
            let seen = run(dir.path(), "new", Some(stop));
            assert!(
                seen.is_empty() || seen.len() == 9,
                "{stop:?}: {:?}",
                seen.keys()
            );
        }
    }

    #[test]
    fn a_second_run_into_a_folder_being_written_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = OutDir::create(dir.path(), false, Cells::Faithful).unwrap();
        let second = OutDir::create(dir.path(), true, Cells::Faithful)
            .err()
            .unwrap();
        assert!(
            second.to_string().contains("another dateline run"),
            "{second}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_set_link_counts_as_content_and_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(".dateline-set-0")).unwrap();
        let refused = OutDir::create(dir.path(), false, Cells::Faithful)
            .err()
            .unwrap();
        assert!(refused.to_string().contains("not empty"), "{refused}");
        run(dir.path(), "new", None);
        assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }
}
