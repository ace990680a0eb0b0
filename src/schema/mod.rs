//! The record's JSON Schema (draft 2020-12), embedded in the binary and
//! compiled once per run. Documents are validated on a tape, a flat view
//! filled straight from the record (no `serde_json::Value` tree); `is_valid`
//! is the fast path, and the full error list is built only for a record that
//! fails.

mod tape;

use std::cell::RefCell;

use serde::Serialize;
use serde_json::Value;

use crate::model::Record;
use tape::{Tape, TapeJson};

/// The schema text, as `dateline schema` prints it.
pub const SCHEMA: &str = include_str!("../../schemas/article.schema.json");

thread_local! {
    /// One tape per worker thread, reused for every record it validates.
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
}

/// One way a document breaks the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON Pointer to the offending value (`/people/0/roles`).
    pub instance_path: String,
    /// What is wrong there.
    pub message: String,
}

/// A compiled validator for article records.
pub struct Schema {
    validator: jsonschema::Validator<TapeJson>,
}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Schema")
    }
}

impl Default for Schema {
    fn default() -> Self {
        Self::new()
    }
}

impl Schema {
    /// Compile the embedded schema (with `format` checks on).
    pub fn new() -> Self {
        let schema: Value = serde_json::from_str(SCHEMA).expect("embedded schema is JSON");
        let validator = jsonschema::options_for::<TapeJson>()
            .should_validate_formats(true)
            .build(&schema)
            .expect("embedded schema compiles");
        Schema { validator }
    }

    /// The schema's `version`.
    pub fn version() -> String {
        let schema: Value = serde_json::from_str(SCHEMA).expect("embedded schema is JSON");
        schema["version"].as_str().unwrap_or("unknown").to_string()
    }

    /// Check any JSON document; every violation, in the validator's order.
    pub fn check(&self, doc: &Value) -> Vec<Violation> {
        self.check_serialize(doc)
    }

    /// Check a record as it will be written.
    pub fn check_record(&self, record: &Record) -> Vec<Violation> {
        self.check_serialize(record)
    }

    fn check_serialize<T: Serialize + ?Sized>(&self, value: &T) -> Vec<Violation> {
        TAPE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut tape) => self.check_on(&mut tape, value),
            // Only if validation re-entered itself on this thread.
            Err(_) => self.check_on(&mut Tape::default(), value),
        })
    }

    fn check_on<T: Serialize + ?Sized>(&self, tape: &mut Tape, value: &T) -> Vec<Violation> {
        if let Err(e) = tape.fill(value) {
            return vec![Violation {
                instance_path: String::new(),
                message: e.to_string(),
            }];
        }
        let root = tape.root();
        if self.validator.is_valid(root) {
            return Vec::new();
        }
        self.validator
            .iter_errors(root)
            .map(|e| Violation {
                instance_path: e.instance_path().to_string(),
                message: e.to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "id": "a", "source": {"path": "a.txt", "bytes": 3, "sha256": "0".repeat(64), "encoding": "UTF-8"},
            "title": null, "published": null, "dateline": null, "lede": null, "signoff": null,
            "trailer": [], "paragraphs": [], "people": [], "organizations": [], "places": [],
            "events": [], "warnings": []
        })
    }

    #[test]
    fn a_minimal_record_is_valid_and_broken_ones_say_where() {
        let schema = Schema::new();
        assert_eq!(schema.check(&minimal()), []);
        let mut extra = minimal();
        extra["colour"] = json!("red");
        assert!(!schema.check(&extra).is_empty());
        let mut wrong = minimal();
        wrong["published"] = json!({"date": "2022-02-31", "time": "25:00", "weekday": "friday", "timezone": "+07:00", "raw": ""});
        let v = schema.check(&wrong);
        assert!(!v.is_empty());
        assert!(
            v.iter().all(|v| v.instance_path.starts_with("/published")),
            "{v:?}"
        );
        let mut missing = minimal();
        missing.as_object_mut().unwrap().remove("people");
        assert!(!schema.check(&missing).is_empty());
    }

    #[test]
    fn the_tape_reports_what_a_serde_json_validator_reports() {
        // The same schema compiled for jsonschema's own representation is
        // the reference: same verdicts, same paths, same messages.
        let reference = jsonschema::options()
            .should_validate_formats(true)
            .build(&serde_json::from_str(SCHEMA).unwrap())
            .unwrap();
        let schema = Schema::new();
        let mut docs = vec![minimal()];
        for (path, value) in [
            ("/id", json!(7)),
            ("/source/bytes", json!(-1)),
            ("/source/sha256", json!("xyz")),
            (
                "/published",
                json!({"date": "2022-13-01", "time": "7:00", "weekday": null, "timezone": "+07:00", "raw": ""}),
            ),
            (
                "/paragraphs",
                json!([{"index": 0, "kind": "poem", "text": "", "span": [3, 1], "x": 1}]),
            ),
            ("/people", json!([{"id": "", "name": 5}])),
            ("/warnings", json!([null, "a", 2.5, true])),
            ("/colour", json!({"nested": [1, [2]]})),
        ] {
            let mut doc = minimal();
            let (parent, key) = path.rsplit_once('/').unwrap();
            doc.pointer_mut(parent).unwrap()[key] = value;
            docs.push(doc);
        }
        docs.push(json!([]));
        docs.push(json!("text"));
        for doc in &docs {
            let expected: Vec<Violation> = reference
                .iter_errors(doc)
                .map(|e| Violation {
                    instance_path: e.instance_path().to_string(),
                    message: e.to_string(),
                })
                .collect();
            assert_eq!(schema.check(doc), expected, "{doc}");
            assert_eq!(reference.is_valid(doc), expected.is_empty());
        }
        assert!(docs.iter().skip(1).all(|d| !schema.check(d).is_empty()));
    }

    #[test]
    fn version_is_pinned() {
        assert_eq!(Schema::version(), "1.1.0");
    }
}
