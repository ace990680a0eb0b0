//! The record's JSON Schema (draft 2020-12), embedded in the binary and
//! compiled once per run. `is_valid` is the fast path; the full error list is
//! built only for a record that fails.

use serde_json::Value;

use crate::model::Record;

/// The schema text, as `dateline schema` prints it.
pub const SCHEMA: &str = include_str!("../schemas/article.schema.json");

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
    validator: jsonschema::Validator,
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
        let validator = jsonschema::options()
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
        if self.validator.is_valid(doc) {
            return Vec::new();
        }
        self.validator
            .iter_errors(doc)
            .map(|e| Violation {
                instance_path: e.instance_path().to_string(),
                message: e.to_string(),
            })
            .collect()
    }

    /// Check a record as it will be written.
    pub fn check_record(&self, record: &Record) -> Vec<Violation> {
        match serde_json::to_value(record) {
            Ok(doc) => self.check(&doc),
            Err(e) => vec![Violation {
                instance_path: String::new(),
                message: e.to_string(),
            }],
        }
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
    fn version_is_pinned() {
        assert_eq!(Schema::version(), "1.0.0");
    }
}
