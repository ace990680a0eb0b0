//! Streams and pipes under hostile use: bad lines mid-stream, huge lines, a
//! stdout closed early. Each test failed before the fix it guards.

use std::process::{Command, Stdio};

use crate::util;

fn doc(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

/// 300 good lines, one line of invalid UTF-8, 300 good lines: 600 records
/// and one error line naming line 301 (it used to end the stream at 256).
#[test]
fn a_line_of_invalid_utf8_is_one_error_and_the_stream_goes_on() {
    let mut input = Vec::new();
    for i in 0..300 {
        input.extend(doc(&format!("a{i}"), "Hanoi (VNA) - Text here./.").into_bytes());
    }
    input.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"caf\xe9\"}\n");
    for i in 0..300 {
        input.extend(doc(&format!("b{i}"), "Hanoi (VNA) - Text here./.").into_bytes());
    }
    let out = util::run_in(
        &util::root(),
        &["convert", "--input", "jsonl", "-q", "-"],
        &input,
    );
    assert_eq!(out.status.code(), Some(1));
    let records = util::records(&out);
    assert_eq!(records.len(), 600);
    assert_eq!(records[300]["id"], "b0");
    let errors: Vec<serde_json::Value> = util::stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["line"], 301);
    assert!(errors[0]["message"].as_str().unwrap().contains("not UTF-8"));
}

/// A line longer than twice --max-bytes is refused as it is read.
#[test]
fn a_line_over_the_cap_is_an_error_line() {
    let big = "x".repeat(5_000);
    let input = format!("{}{}", doc("big", &big), doc("ok", "Hanoi (VNA) - Text./."));
    let out = util::run_in(
        &util::root(),
        &["convert", "--input", "jsonl", "-q", "--max-bytes", "1000"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["ok"]);
    let err = util::stderr(&out);
    assert!(
        err.contains("\"line\":1") && err.contains("over the 2000 byte limit"),
        "{err}"
    );
}

/// `check` and `render` count a malformed stream line as a failure.
#[test]
fn check_and_render_count_malformed_stream_lines() {
    let dir = tempfile::tempdir().unwrap();
    let golden = dir.path().join("golden");
    std::fs::create_dir(&golden).unwrap();
    let out = util::run_in(
        dir.path(),
        &["check", "--input", "jsonl", "--golden", "golden"],
        b"not json\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", util::stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 passed, 1 failed"));
    assert!(util::stderr(&out).contains("-: read: line 1: not a document"));
    let out = util::run_in(
        dir.path(),
        &["render", "--input", "jsonl", "--out-dir", "pages"],
        b"not json\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", util::stderr(&out));
}

/// Run with stdout closed before anything is written; the exit code.
fn exit_with_closed_stdout(args: &[&str]) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(util::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dateline");
    drop(child.stdout.take());
    child.wait().expect("wait for dateline").code()
}

/// `| head` ends the run quietly, but a failure before it still exits 1.
#[test]
fn a_closed_stdout_still_reports_earlier_failures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("aaa_binary.txt"), b"\x00\x01\x02").unwrap();
    for name in ["b01_courtesy_visit.txt", "a01_courtesy_call.txt"] {
        std::fs::copy(
            util::root().join("fixtures/articles").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    assert_eq!(exit_with_closed_stdout(&["convert", "-q", folder]), Some(1));
    let golden = dir.path().join("none");
    let check = ["check", folder, "--golden", golden.to_str().unwrap()];
    assert_eq!(exit_with_closed_stdout(&check), Some(1));
    // Nothing failed: a closed pipe alone is not an error.
    let good = util::root().join("fixtures/articles/a01_courtesy_call.txt");
    assert_eq!(
        exit_with_closed_stdout(&["convert", good.to_str().unwrap()]),
        Some(0)
    );
}

/// A FIFO named `*.txt` in a walked folder is an error line, and the run
/// goes on without opening it (opening it blocked the run forever).
#[cfg(unix)]
#[test]
fn a_fifo_in_a_walked_folder_is_skipped_with_an_error() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Hanoi (VNA) - Text here./.").unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("b.txt"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["convert", "-q", "."])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("dateline blocked on the FIFO");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["a"]);
    let err = util::stderr(&out);
    assert!(err.contains("b.txt") && err.contains("FIFO"), "{err}");
}
