//! Helpers shared by the integration tests: run the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate root; tests run the binary from here so paths in records are
/// the relative `fixtures/…` paths users see.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `dateline ARGS…` in `dir`, with `stdin` piped in.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dateline");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for dateline")
}

/// Run `dateline ARGS…` from the crate root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args, b"")
}

/// Stdout parsed as JSON Lines.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
