//! Ids under hostile naming: colliding stems, repeated stream ids, ids that
//! look alike once made into file names. Each test failed before its fix.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util;

const TEXT: &str = " date 2023-01-02 Text here./.";

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// `2023/x/index.txt` and `2024/y/index.txt` were both `index`: one id twice
/// in articles.csv, one golden and one page for two articles.
#[test]
fn files_with_the_same_stem_get_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["corpus/2023/x", "corpus/2024/y"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("index.txt"), TEXT).unwrap();
    }
    std::fs::write(dir.path().join("corpus/index~2.txt"), TEXT).unwrap();
    let out = util::run_in(
        dir.path(),
        &["convert", "corpus", "corpus/2023/x/index.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    // Walk order: 2023/x/index, 2024/y/index, index~2; then the file named
    // again: its stem (its only id) and `index~2` are taken.
    assert_eq!(ids, ["index", "2024/y/index", "index~2", "index~3"]);

    let out = util::run_in(
        dir.path(),
        &["check", "--bless", "--golden", "golden", "corpus"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(names(&dir.path().join("golden")).len(), 3);
    let out = util::run_in(dir.path(), &["check", "--golden", "golden", "corpus"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 passed, 0 failed"));

    let out = util::run_in(dir.path(), &["render", "--out-dir", "pages", "corpus"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(names(&dir.path().join("pages/articles")).len(), 3);
}

/// Stream ids repeat or differ only in characters a file name cannot hold:
/// every record keeps an id of its own, and every id its own golden and page.
#[test]
fn stream_ids_are_unique_and_map_to_distinct_files() {
    let dir = tempfile::tempdir().unwrap();
    let long = "n".repeat(300);
    let ids = [
        "a",
        "a",
        "a/b",
        "a_b",
        "a\u{0}b",
        &format!("{long}1"),
        &format!("{long}2"),
    ];
    let stream: String = ids
        .iter()
        .map(|id| format!("{}\n", serde_json::json!({"id": id, "text": TEXT})))
        .collect();
    let out = util::run_in(
        dir.path(),
        &["convert", "--input", "jsonl"],
        stream.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let got: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(got[..5], ["a", "a~2", "a/b", "a_b", "a\u{0}b"]);
    assert_eq!(
        got.iter()
            .map(|v| v.to_string())
            .collect::<BTreeSet<_>>()
            .len(),
        ids.len()
    );

    let bless = ["check", "--input", "jsonl", "--bless", "--golden", "golden"];
    let out = util::run_in(dir.path(), &bless, stream.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(names(&dir.path().join("golden")).len(), ids.len());
    let out = util::run_in(
        dir.path(),
        &["render", "--input", "jsonl", "--out-dir", "pages"],
        stream.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(names(&dir.path().join("pages/articles")).len(), ids.len());
}
