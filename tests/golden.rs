//! Every fixture article against its golden record, byte for byte.
//!
//! Re-bless after an intended change with `DATELINE_BLESS=1 cargo test`, then
//! read `git diff tests/golden` before committing.

use std::fs;

use dateline::model::Record;
use dateline::read::{Input, decode};
use dateline::schema::Schema;

use crate::util;

/// The project's goldens go through `dateline check`, the same command users
/// run in their CI (`--bless` when DATELINE_BLESS is set).
#[test]
fn fixtures_match_goldens() {
    let mut args = vec!["check", "fixtures/articles", "--golden", "tests/golden"];
    if std::env::var_os("DATELINE_BLESS").is_some() {
        args.push("--bless");
    }
    let out = util::run(&args);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{report}{}\nre-bless with DATELINE_BLESS=1 cargo test, then read the diff",
        util::stderr(&out)
    );
    assert!(report.trim_end().ends_with(" passed, 0 failed"), "{report}");
}

/// Every golden satisfies the schema (the schema and serde types agree).
#[test]
fn goldens_validate_against_the_schema() {
    let schema = Schema::new();
    let mut n = 0;
    for entry in fs::read_dir(util::root().join("tests/golden")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let record: Record = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(schema.check_record(&record), [], "{}", path.display());
            n += 1;
        }
    }
    assert!(n > 40);
}

/// Invariants on every record: spans point at their text, indexes count up,
/// the typed model reads the output back.
#[test]
fn spans_trace_back_to_the_decoded_source() {
    let out = util::run(&["convert", "--quiet", "fixtures/articles"]);
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        let record: Record = serde_json::from_str(line).expect("typed record");
        let raw = fs::read(util::root().join(&record.source.path)).expect("fixture");
        let text = decode(&Input::file(record.source.path.clone()), &raw)
            .expect("decode")
            .text;
        for (i, p) in record.paragraphs.iter().enumerate() {
            assert_eq!(p.index, i, "{}", record.id);
            let slice = &text[p.span[0]..p.span[1]];
            let collapsed = slice.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapsed, p.text, "{} paragraph {i}", record.id);
        }
        if let Some(lede) = &record.lede {
            assert!(record.paragraphs.iter().any(|p| &p.text == lede));
        }
    }
}
