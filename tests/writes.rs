//! Writes that cannot be redirected, and clean interruption: planted
//! symlinks, kills and signals mid-run, hostile names on stderr.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::util;

const SET_NAMES: [&str; 5] = [
    "articles.jsonl",
    "articles.csv",
    "people.csv",
    "summary.json",
    "errors.jsonl",
];

/// The folders under `out` whose names start with `prefix`.
fn entries(out: &Path, prefix: &str) -> Vec<PathBuf> {
    fs::read_dir(out)
        .map(|d| {
            d.filter_map(|e| {
                let e = e.ok()?;
                e.file_name()
                    .to_string_lossy()
                    .starts_with(prefix)
                    .then(|| e.path())
            })
            .collect()
        })
        .unwrap_or_default()
}

/// Start a long `convert -o OUT`, wait until its set holds output, then
/// send `signal` (`KILL`, `INT`, `TERM`). Returns the exit status, stderr
/// and the folder the run was staging in.
fn interrupt(work: &Path, out: &Path, signal: &str) -> (ExitStatus, String, PathBuf) {
    let corpus = work.join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text =
        fs::read_to_string(util::root().join("fixtures/articles/d23_leaders_many_countries.txt"))
            .unwrap();
    for i in 0..20_000 {
        fs::write(corpus.join(format!("{i:05}.txt")), &text).unwrap();
    }
    let child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["convert", "-q", "-j", "1"])
        .arg(&corpus)
        .arg("-o")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let staging = loop {
        let staged = entries(out, ".dateline-set-")
            .into_iter()
            .find(|p| fs::metadata(p.join("articles.jsonl")).is_ok_and(|m| m.len() > 0));
        if let Some(p) = staged {
            break p;
        }
        assert!(Instant::now() < deadline, "no staged output in time");
        std::thread::sleep(Duration::from_millis(5));
    };
    let killed = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    (
        done.status,
        String::from_utf8_lossy(&done.stderr).into_owned(),
        staging,
    )
}

#[test]
fn a_killed_run_leaves_no_final_name_and_the_next_run_sweeps_it() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let (status, _, staging) = interrupt(work.path(), &out, "KILL");
    assert_eq!(status.code(), None, "killed by a signal");
    assert!(staging.exists(), "SIGKILL leaves the staging folder");
    for name in SET_NAMES {
        assert!(!out.join(name).exists(), "{name} after a killed run");
    }
    // The next run into the folder (no --force: a dead run's staging is not
    // content) removes it.
    let o = util::run(&[
        "convert",
        "-q",
        "fixtures/articles/a01_courtesy_call.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    assert!(!staging.exists(), "stale staging folder left");
    assert_eq!(entries(&out, ".dateline-set-").len(), 1);
    for name in SET_NAMES {
        assert!(out.join(name).is_file(), "{name} missing");
    }
}

#[test]
fn ctrl_c_and_sigterm_say_interrupted_remove_staging_and_exit_130_143() {
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let work = tempfile::tempdir().unwrap();
        let out = work.path().join("out");
        let (status, stderr, staging) = interrupt(work.path(), &out, signal);
        assert_eq!(status.code(), Some(code), "SIG{signal}: {stderr}");
        assert!(stderr.contains("interrupted"), "SIG{signal}: {stderr}");
        assert!(!staging.exists(), "SIG{signal} left {}", staging.display());
        for name in SET_NAMES {
            assert!(!out.join(name).exists(), "{name} after SIG{signal}");
        }
    }
}

#[test]
fn planted_symlinks_at_pages_and_goldens_are_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let pages = dir.path().join("pages");
    fs::create_dir_all(pages.join("articles")).unwrap();
    symlink(&victim, pages.join("articles/a01_courtesy_call.html")).unwrap();
    symlink(&victim, pages.join("index.html")).unwrap();
    let golden = dir.path().join("golden");
    fs::create_dir(&golden).unwrap();
    symlink(&victim, golden.join("a01_courtesy_call.json")).unwrap();

    let article = "fixtures/articles/a01_courtesy_call.txt";
    let o = util::run(&["render", article, "--out-dir", pages.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    let o = util::run(&[
        "check",
        article,
        "--golden",
        golden.to_str().unwrap(),
        "--bless",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));

    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    for written in [
        pages.join("articles/a01_courtesy_call.html"),
        pages.join("index.html"),
        golden.join("a01_courtesy_call.json"),
    ] {
        let meta = fs::symlink_metadata(&written).unwrap();
        assert!(meta.is_file(), "{} is still a link", written.display());
    }
}

#[test]
fn a_planted_staging_link_is_not_ignored_and_not_followed() {
    // `.dateline-partial-<pid>` was the old staging name, skipped by the
    // not-empty check; a link under it redirected the whole run.
    for name in [".dateline-partial-1", ".dateline-set-1"] {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        symlink(&elsewhere, out.join(name)).unwrap();
        let article = "fixtures/articles/a01_courtesy_call.txt";
        let o = util::run(&["convert", "-q", article, "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(
            util::stderr(&o).contains("not empty"),
            "{}",
            util::stderr(&o)
        );
        let o = util::run(&[
            "convert",
            "-q",
            article,
            "-o",
            out.to_str().unwrap(),
            "--force",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0, "{name}");
        assert!(out.join("articles.jsonl").is_file());
    }
}

#[test]
fn out_dir_errors_name_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let out = file.join("out");
    let article = "fixtures/articles/a01_courtesy_call.txt";
    let o = util::run(&["convert", "-q", article, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        util::stderr(&o).contains(out.to_str().unwrap()),
        "{}",
        util::stderr(&o)
    );
}

#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}]0;owned\u{7}\u{1b}[2J.txt";
    fs::write(dir.path().join(name), b"\x00\x01\x02").unwrap();
    let o = util::run(&["convert", "-q", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = util::stderr(&o);
    assert!(err.contains("binary"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains(r"\u{1b}]0;owned"), "{err:?}");
}
