//! Dirty input: every case gives the right error or warning class, the rest
//! converts, and every input is accounted for.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util;

/// What each file in fixtures/bad/ must give: `ok:<warning code or ->` or
/// `error:<stage>:<reason>`.
const EXPECTED: &[(&str, &str)] = &[
    ("binary_nul.txt", "error:decode:binary"),
    ("empty.txt", "error:decode:empty"),
    ("header_only.txt", "ok:no-body"),
    ("invalid_utf8.txt", "ok:invalid-bytes"),
    ("nfd.txt", "ok:-"),
    ("utf16be_bom.txt", "ok:-"),
    ("utf16le_bom.txt", "ok:-"),
    ("utf8_bom.txt", "ok:-"),
    ("whitespace_only.txt", "error:decode:empty"),
    ("windows1252.txt", "ok:guessed-encoding"),
    ("windows1258.txt", "ok:guessed-encoding"),
];

fn outcome(file: &Path) -> String {
    let out = util::run(&["convert", "-q", file.to_str().unwrap()]);
    match out.status.code() {
        Some(0) => {
            let r = &util::records(&out)[0];
            let warnings = r["warnings"].as_array().unwrap();
            let code = warnings
                .first()
                .map(|w| w.as_str().unwrap().split(':').next().unwrap().to_string())
                .unwrap_or_else(|| "-".into());
            format!("ok:{code}")
        }
        Some(1) => {
            // path: stage: reason: detail
            let err = util::stderr(&out);
            let line = err.lines().next().unwrap();
            let after_path = &line[file.to_str().unwrap().len() + 2..];
            let mut it = after_path.split(": ");
            format!("error:{}:{}", it.next().unwrap(), it.next().unwrap())
        }
        other => panic!("{}: exit {other:?}", file.display()),
    }
}

#[test]
fn each_dirty_fixture_gives_its_class() {
    let dir = util::root().join("fixtures/bad");
    let mut listed: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    listed.sort();
    let expected: Vec<String> = EXPECTED.iter().map(|e| e.0.to_string()).collect();
    assert_eq!(
        listed, expected,
        "every file in fixtures/bad needs an expectation"
    );
    for (file, want) in EXPECTED {
        assert_eq!(outcome(&dir.join(file)), *want, "{file}");
    }
}

#[test]
fn nfd_and_nfc_give_the_same_people() {
    let nfd = util::run(&["convert", "-q", "fixtures/bad/nfd.txt"]);
    let nfc = util::run(&["convert", "-q", "fixtures/bad/utf8_bom.txt"]);
    let (a, b) = (&util::records(&nfd)[0], &util::records(&nfc)[0]);
    assert_eq!(a["people"], b["people"]);
    assert_eq!(a["paragraphs"][0]["text"], b["paragraphs"][0]["text"]);
}

#[test]
fn strict_turns_warnings_into_failures() {
    let out = util::run(&[
        "convert",
        "-q",
        "--strict",
        "fixtures/bad/windows1258.txt",
        "fixtures/bad/utf8_bom.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        util::stderr(&out)
            .contains("windows1258.txt: validate: strict: 1 warning(s): guessed-encoding"),
        "{}",
        util::stderr(&out)
    );
    assert_eq!(util::records(&out).len(), 1);
}

#[test]
fn max_bytes_refuses_big_files_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, vec![b'a'; 2048]).unwrap();
    let out = util::run(&[
        "convert",
        "-q",
        "--max-bytes",
        "1000",
        big.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        util::stderr(&out)
            .contains("big.txt: read: too large: 2048 bytes exceeds the limit of 1000 bytes")
    );
}

#[cfg(unix)]
fn odd_inputs(dir: &Path) -> Vec<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    // A 50 MB file (over the default 10 MB limit) and a single 1 MB line.
    let big = dir.join("fifty_mb.txt");
    let f = fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let mut line = String::from(" date 2023-01-02 ");
    while line.len() < 1024 * 1024 {
        line.push_str("Minister To Lam met Lao Minister Vilay Lakhamphong in Hanoi. ");
    }
    fs::write(dir.join("one_mb_line.txt"), line).unwrap();
    // A symlink loop, a dangling link (a file that vanished), a non-UTF-8 name.
    fs::create_dir(dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("loop/up")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("vanished.txt")).unwrap();
    let odd = dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    fs::copy(
        util::root().join("fixtures/articles/a01_courtesy_call.txt"),
        &odd,
    )
    .unwrap();
    vec![big, odd]
}

/// The whole case: good and bad together convert with exit 1, every
/// good article present, every bad one named in errors.jsonl with its
/// reason, and found = converted + failed (files not `*.txt` are ignored,
/// not errors).
#[cfg(unix)]
#[test]
fn a_dirty_folder_converts_and_accounts_for_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for sub in ["articles", "bad"] {
        let from = util::root().join("fixtures").join(sub);
        fs::create_dir(corpus.join(sub)).unwrap();
        for e in fs::read_dir(&from).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), corpus.join(sub).join(e.file_name())).unwrap();
        }
    }
    odd_inputs(&corpus);
    let out = tmp.path().join("out");
    let o = util::run(&[
        "convert",
        "-q",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", util::stderr(&o));

    let records: Vec<Value> = fs::read_to_string(out.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for e in fs::read_dir(util::root().join("fixtures/articles")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            ids.contains(&name.trim_end_matches(".txt")),
            "{name} missing"
        );
    }
    assert!(ids.contains(&"one_mb_line"));
    assert!(
        ids.contains(&"caf\u{FFFD}"),
        "non-UTF-8 name converted, shown lossily: {ids:?}"
    );

    let errors: BTreeMap<String, String> = fs::read_to_string(out.join("errors.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let path = v["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (
                name,
                format!(
                    "{}: {}",
                    v["stage"].as_str().unwrap(),
                    v["message"].as_str().unwrap()
                ),
            )
        })
        .collect();
    let reason = |name: &str| {
        errors
            .get(name)
            .unwrap_or_else(|| panic!("{name} not in errors.jsonl: {errors:?}"))
    };
    assert!(reason("binary_nul.txt").starts_with("decode: binary"));
    assert!(reason("empty.txt").starts_with("decode: empty"));
    assert!(reason("whitespace_only.txt").starts_with("decode: empty"));
    assert!(reason("fifty_mb.txt").starts_with("read: too large: 52428800 bytes"));
    assert!(reason("vanished.txt").starts_with("read: "));
    assert!(reason("up").contains("loop"), "{}", reason("up"));
    assert!(!errors.contains_key("notes.md"), "{errors:?}");

    let s: Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(n("found"), n("converted") + n("failed"));
    assert!(n("ignored") >= 1);
    assert_eq!(n("converted") as usize, records.len());
    assert_eq!(n("failed") as usize, errors.len());
}
