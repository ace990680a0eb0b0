//! `dateline validate`: check JSON or JSON Lines records against the schema.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use dateline::schema::Schema;

use crate::exit::{Exit, Outcome};
use crate::run::unless_closed;

/// `dateline validate`: every record in JSON (one object or an array) or
/// JSON Lines files, reported as `file:line: instance-path: message`.
pub fn run(files: &[PathBuf]) -> Outcome {
    let schema = Schema::new();
    let mut out = io::stdout().lock();
    let mut invalid = 0usize;
    let mut checked = 0usize;
    let mut body = || -> io::Result<()> {
        for file in files {
            let name = file.to_string_lossy();
            let text = if file.as_os_str() == "-" {
                let mut s = String::new();
                for line in io::stdin().lock().lines() {
                    s.push_str(&line?);
                    s.push('\n');
                }
                s
            } else {
                std::fs::read_to_string(file)
                    .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?
            };
            for (line, doc) in documents(&text) {
                checked += 1;
                let problems = match doc {
                    Ok(doc) => schema
                        .check(&doc)
                        .into_iter()
                        .map(|v| format!("{}: {}", display_path(&v.instance_path), v.message))
                        .collect(),
                    Err(e) => vec![format!("/: not JSON: {e}")],
                };
                if !problems.is_empty() {
                    invalid += 1;
                }
                for p in problems {
                    writeln!(out, "{name}:{line}: {p}")?;
                }
            }
        }
        writeln!(out, "{} records checked, {} invalid", checked, invalid)?;
        out.flush()
    };
    unless_closed(body())?;
    Ok(Exit::failing_if(invalid))
}

fn display_path(p: &str) -> &str {
    if p.is_empty() { "/" } else { p }
}

/// Split a file into (line number, document): a whole-file JSON value (an
/// array gives its items, all on its first line), else one per JSON Line.
fn documents(text: &str) -> Vec<(usize, Result<serde_json::Value, serde_json::Error>)> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || (trimmed.starts_with('{') && text.trim().lines().count() > 1) {
        let first = text.len() - trimmed.len();
        let line = text[..first].matches('\n').count() + 1;
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            return match value {
                serde_json::Value::Array(items) => {
                    items.into_iter().map(|v| (line, Ok(v))).collect()
                }
                other => vec![(line, Ok(other))],
            };
        }
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, serde_json::from_str(l)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_split_json_arrays_and_json_lines() {
        let docs = documents("{\"a\":1}\n\n{\"a\":2}\nnot json\n");
        let lines: Vec<usize> = docs.iter().map(|d| d.0).collect();
        assert_eq!(lines, [1, 3, 4]);
        assert!(docs[2].1.is_err());
        let docs = documents("[\n {\"a\": 1},\n {\"a\": 2}\n]\n");
        assert_eq!(docs.len(), 2);
    }
}
