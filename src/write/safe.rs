//! Writes that cannot be redirected, and clean interruption.
//!
//! Nothing here opens an existing path for writing. New files are created
//! with `create_new` (`O_CREAT | O_EXCL`: never through a symlink, never
//! over anything planted), inside folders created fresh under names nobody
//! can guess, and reach their final names by `rename`, which replaces a
//! symlink at the destination instead of following it.
//!
//! Paths being written are registered as pending; [`on_interrupt`]
//! installs a handler that, on Ctrl-C or SIGTERM, removes every pending
//! path, prints `dateline: interrupted` and exits 130 or 143.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `path: error`, keeping the error's kind: every I/O error says where.
pub fn at(path: &Path) -> impl FnOnce(io::Error) -> io::Error + '_ {
    move |e| io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// A path (file or folder) removed if the run is interrupted while this
/// guard lives. Dropping the guard forgets the path, leaving it in place.
#[derive(Debug)]
pub(crate) struct Pending(PathBuf);

impl Pending {
    fn new(path: PathBuf) -> Pending {
        pending().push(path.clone());
        Pending(path)
    }

    /// Run `commit`, which makes the path permanent (renames it into place),
    /// where no interruption can cut in: an interrupt arriving meanwhile
    /// waits, then finds the path committed (`Ok`) or still pending.
    pub(crate) fn settle<T>(self, commit: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let mut list = pending();
        let out = commit()?;
        forget(&mut list, &self.0);
        drop(list);
        std::mem::forget(self);
        Ok(out)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        forget(&mut pending(), &self.0);
    }
}

fn forget(list: &mut Vec<PathBuf>, path: &Path) {
    if let Some(i) = list.iter().rposition(|p| p == path) {
        list.swap_remove(i);
    }
}

/// Remove a file, symlink or folder without following symlinks.
pub(crate) fn remove(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// On Ctrl-C or SIGTERM: remove every pending path, print `dateline:
/// interrupted` and exit 128 + the signal (130, 143). Call once, from the
/// binary.
pub fn on_interrupt() -> io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("interrupt".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until exit: no commit starts or finishes meanwhile.
                let list = pending();
                for path in list.iter() {
                    let _ = remove(path);
                }
                let _ = writeln!(io::stderr(), "dateline: interrupted");
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// 32 hex digits nobody can predict: std's hasher keys come from the
/// operating system's randomness, fresh per `RandomState`.
fn random_hex() -> String {
    let word = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", word(), word())
}

/// Create a folder `parent/<prefix><random>` that did not exist before (so
/// nothing planted is inside it); pending until settled.
pub(crate) fn fresh_dir(parent: &Path, prefix: &str) -> io::Result<(PathBuf, Pending)> {
    loop {
        let path = parent.join(format!("{prefix}{}", random_hex()));
        match fs::create_dir(&path) {
            Ok(()) => {
                let pending = Pending::new(path.clone());
                return Ok((path, pending));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(at(&path)(e)),
        }
    }
}

/// Create a file that did not exist before: never through a symlink.
pub(crate) fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(at(path))
}

/// How the names of files about to be renamed into place begin.
pub(crate) const TEMP_PREFIX: &str = ".dateline-tmp-";

/// A fresh name in `dir` for a file about to be renamed into place.
fn temp_name(dir: &Path) -> PathBuf {
    dir.join(format!("{TEMP_PREFIX}{}", random_hex()))
}

/// Replace `path` with `bytes`: written to a new file beside it, then
/// renamed over it. A symlink at `path` is replaced, never followed, and a
/// reader sees the old file or the new one, never half of one.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_name(dir);
    let pending = Pending::new(tmp.clone());
    let written = create_new(&tmp).and_then(|mut f| f.write_all(bytes).map_err(at(&tmp)));
    let done = written.and_then(|()| pending.settle(|| fs::rename(&tmp, path).map_err(at(path))));
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    done
}

/// Point `dir/name` at `target` (a relative symlink), replacing whatever
/// was there in one rename.
#[cfg(unix)]
pub(crate) fn link(dir: &Path, name: &str, target: &Path) -> io::Result<()> {
    let tmp = temp_name(dir);
    let path = dir.join(name);
    let done = std::os::unix::fs::symlink(target, &tmp)
        .map_err(at(&tmp))
        .and_then(|()| fs::rename(&tmp, &path).map_err(at(&path)));
    if done.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    done
}

/// Where the symlink `path` points, if it is one.
pub(crate) fn link_target(path: &Path) -> Option<OsString> {
    fs::read_link(path).ok().map(PathBuf::into_os_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn replace_never_writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let path = dir.path().join("page.html");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert!(!fs::symlink_metadata(&path).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        // Nothing left beside it.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn fresh_names_differ_and_pending_paths_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let (a, pa) = fresh_dir(dir.path(), ".x-").unwrap();
        let (b, pb) = fresh_dir(dir.path(), ".x-").unwrap();
        assert_ne!(a, b);
        assert!(pending().contains(&a) && pending().contains(&b));
        drop(pa);
        pb.settle(|| Ok(())).unwrap();
        assert!(!pending().contains(&a) && !pending().contains(&b));
    }
}
