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
            let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
                Box::new(io::stdin().lock())
            } else {
                let f = std::fs::File::open(file)
                    .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
                Box::new(io::BufReader::new(f))
            };
            let mut each = |line: usize, doc: serde_json::Result<serde_json::Value>| {
                checked += 1;
                let problems: Vec<String> = match doc {
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
                problems
                    .iter()
                    .try_for_each(|p| writeln!(out, "{name}:{line}: {p}"))
            };
            documents(reader, &mut each)
                .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
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

type Doc = serde_json::Result<serde_json::Value>;

/// Hand each document of a file to `each` with its line number, reading as
/// it goes: JSON Lines one line at a time, so memory is bounded by the
/// longest line. A file that opens with `[` (an array: its items, all on its
/// first line) or with a `{` that does not close on its line (one indented
/// object) is one JSON value and is read whole; if it does not parse as
/// one, its lines are taken as JSON Lines.
fn documents(
    mut reader: impl BufRead,
    each: &mut impl FnMut(usize, Doc) -> io::Result<()>,
) -> io::Result<()> {
    let mut line = String::new();
    let mut n = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        n += 1;
        let doc = line.trim();
        if doc.is_empty() {
            continue;
        }
        let parsed = serde_json::from_str(doc);
        let whole = doc.starts_with('[') || (doc.starts_with('{') && parsed.is_err());
        if !whole {
            each(n, parsed)?;
            break;
        }
        let first = n;
        let mut text = std::mem::take(&mut line);
        reader.read_to_string(&mut text)?;
        return match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(items)) => {
                items.into_iter().try_for_each(|v| each(first, Ok(v)))
            }
            Ok(other) => each(first, Ok(other)),
            Err(_) => json_lines(io::Cursor::new(text), first - 1, each),
        };
    }
    json_lines(reader, n, each)
}

/// One document per non-empty line, the first numbered `after + 1`.
fn json_lines(
    reader: impl BufRead,
    after: usize,
    each: &mut impl FnMut(usize, Doc) -> io::Result<()>,
) -> io::Result<()> {
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if !line.trim().is_empty() {
            each(after + i + 1, serde_json::from_str(&line))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str) -> Vec<(usize, Option<serde_json::Value>)> {
        let mut all = Vec::new();
        documents(text.as_bytes(), &mut |n, d: Doc| {
            all.push((n, d.ok()));
            Ok(())
        })
        .unwrap();
        all
    }

    #[test]
    fn documents_split_json_arrays_and_json_lines() {
        let d = docs("\n{\"a\":1}\n\n{\"a\":2}\nnot json\n{\"a\":3}\n");
        let lines: Vec<usize> = d.iter().map(|d| d.0).collect();
        assert_eq!(lines, [2, 4, 5, 6]);
        assert!(d[2].1.is_none() && d[3].1.is_some());
        let d = docs("\n[\n {\"a\": 1},\n {\"a\": 2}\n]\n");
        assert_eq!(d.iter().map(|d| d.0).collect::<Vec<_>>(), [2, 2]);
        let d = docs("{\n  \"a\": 1\n}\n");
        assert_eq!(d, [(1, Some(serde_json::json!({"a": 1})))]);
        // An unclosed object is not one value: its lines are JSON Lines.
        let d = docs("{\n{\"a\":1}\n");
        assert_eq!(
            d.iter().map(|d| d.1.is_some()).collect::<Vec<_>>(),
            [false, true]
        );
    }
}
