//! Every fixture article against its golden record, byte for byte.
//!
//! Re-bless after an intended change with `DATELINE_BLESS=1 cargo test`, then
//! read `git diff tests/golden` before committing.

use std::collections::BTreeSet;
use std::fs;

use dateline::model::Record;
use dateline::read::{Input, decode};
use dateline::schema::Schema;

use crate::util;

#[test]
fn fixtures_match_goldens() {
    let out = util::run(&["convert", "--quiet", "fixtures/articles"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let golden_dir = util::root().join("tests/golden");
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    let mut seen = BTreeSet::new();
    let schema = Schema::new();
    let mut failures = Vec::new();
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        // Through the typed record, so goldens keep the contract's key order.
        let record: Record = serde_json::from_str(line).expect("typed record");
        let id = record.id.clone();
        let violations = schema.check_record(&record);
        assert!(violations.is_empty(), "{id}: {violations:?}");
        let pretty = serde_json::to_string_pretty(&record).expect("serialize") + "\n";
        let path = golden_dir.join(format!("{id}.json"));
        if bless {
            fs::write(&path, &pretty).expect("write golden");
        } else {
            match fs::read_to_string(&path) {
                Ok(want) if want == pretty => {}
                Ok(_) => failures.push(format!("{id}: differs from {}", path.display())),
                Err(_) => failures.push(format!("{id}: no golden at {}", path.display())),
            }
        }
        seen.insert(id);
    }
    for entry in fs::read_dir(&golden_dir).expect("tests/golden") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("file type").is_dir() {
            continue; // tests/golden/csv: the CSV goldens (output.rs)
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".json");
        if !seen.contains(stem) {
            failures.push(format!(
                "{name}: orphaned golden (no fixture converts to it)"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nre-bless with DATELINE_BLESS=1 cargo test, then read the diff",
        failures.join("\n")
    );
}

/// Invariants on every record: spans point at their text, indexes count up,
/// the typed model reads the output back.
#[test]
fn spans_trace_back_to_the_decoded_source() {
    let out = util::run(&["convert", "--quiet", "fixtures/articles"]);
    for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
        let record: Record = serde_json::from_str(line).expect("typed record");
        let raw = fs::read(util::root().join(&record.source.path)).expect("fixture");
        let text = decode(&Input::File(record.source.path.clone().into()), &raw)
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
