//! Golden-file comparison for `dateline check`: each record against
//! `DIR/<id>.json`, field by field, with JSON paths users can read
//! (`people[1].roles[2]`), and `--bless` to write what the tool now says.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use dateline::model::Record;

mod ignore;

pub use ignore::Ignore;

/// One difference between a golden and the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// `people[1].roles[2]`; empty for the whole record.
    pub path: String,
    /// What the golden holds (`absent` when missing).
    pub expected: String,
    /// What the record holds (`absent` when missing).
    pub got: String,
}

/// The longest file stem [`safe_stem`] gives before its hash suffix.
const STEM_BYTES: usize = 200;

/// A file name stem for an id that may come from untrusted input, one to one:
/// letters, digits, `-`, `_` and `.` (but not a leading one) stand for
/// themselves; every other byte is `%XX`, so no separator, control character
/// or `..` survives and two ids never share a file name (`a/b` is `a%2Fb`,
/// `a_b` stays `a_b`). A stem that would pass 200 bytes is cut there and ends
/// with `~` and the first 128 bits of the id's SHA-256 (`~` is otherwise
/// always escaped, so such names collide with no other).
pub fn safe_stem(id: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(id.len());
    for (i, c) in id.char_indices() {
        let plain = c.is_alphanumeric() || c == '-' || c == '_' || (c == '.' && i > 0);
        if plain {
            out.push(c);
        } else {
            let mut utf8 = [0u8; 4];
            for b in c.encode_utf8(&mut utf8).bytes() {
                write!(out, "%{b:02X}").expect("writing to a String");
            }
        }
    }
    if out.is_empty() {
        out.push('~'); // the empty id: no other id escapes to this
    }
    if out.len() > STEM_BYTES {
        let mut end = STEM_BYTES;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        // Never cut a `%XX` in two.
        if let Some(cut) = out[end.saturating_sub(2)..end].rfind('%') {
            end = end.saturating_sub(2) + cut;
        }
        out.truncate(end);
        let digest = Sha256::digest(id.as_bytes());
        out.push('~');
        for b in &digest[..16] {
            write!(out, "{b:02x}").expect("writing to a String");
        }
    }
    out
}

/// The golden file of a record id.
pub fn golden_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{}.json", safe_stem(id)))
}

/// A record as its golden file holds it: pretty JSON in contract key order.
pub fn golden_text(record: &Record) -> String {
    let mut s = serde_json::to_string_pretty(record).expect("records serialize");
    s.push('\n');
    s
}

fn show(v: Option<&Value>) -> String {
    v.map_or_else(|| "absent".to_string(), |v| v.to_string())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn diff_into(path: &str, expected: Option<&Value>, got: Option<&Value>, out: &mut Vec<Difference>) {
    match (expected, got) {
        (Some(Value::Object(e)), Some(Value::Object(g))) => {
            for (k, ev) in e {
                diff_into(&join(path, k), Some(ev), g.get(k), out);
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    diff_into(&join(path, k), None, Some(gv), out);
                }
            }
        }
        (Some(Value::Array(e)), Some(Value::Array(g))) => {
            for i in 0..e.len().max(g.len()) {
                diff_into(&format!("{path}[{i}]"), e.get(i), g.get(i), out);
            }
        }
        (e, g) if e != g => out.push(Difference {
            path: path.to_string(),
            expected: show(e),
            got: show(g),
        }),
        _ => {}
    }
}

/// Field-level differences between a golden document and a record, after
/// dropping the ignored paths from both.
pub fn diff(expected: &Value, record: &Record, ignore: &[Ignore]) -> Vec<Difference> {
    let mut e = expected.clone();
    let mut g = serde_json::to_value(record).expect("records serialize");
    for pattern in ignore {
        ignore::remove(&mut e, &pattern.0);
        ignore::remove(&mut g, &pattern.0);
    }
    let mut out = Vec::new();
    diff_into("", Some(&e), Some(&g), &mut out);
    out
}

/// What checking one record found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Equal to its golden.
    Pass,
    /// No golden file for it.
    Missing,
    /// The golden is not a JSON document.
    Unreadable(String),
    /// Field differences.
    Differs(Vec<Difference>),
}

/// Compare a record with its golden in `dir`.
pub fn check(dir: &Path, record: &Record, ignore: &[Ignore]) -> Verdict {
    let path = golden_path(dir, &record.id);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) => return Verdict::Missing,
    };
    let expected: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return Verdict::Unreadable(e.to_string()),
    };
    let d = diff(&expected, record, ignore);
    if d.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Differs(d)
    }
}

/// How blessing changed a golden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blessed {
    /// Written for the first time.
    New,
    /// Rewritten with different content.
    Changed,
    /// Already equal.
    Unchanged,
}

/// Write a record's golden; say whether it was new or changed.
pub fn bless(dir: &Path, record: &Record) -> io::Result<Blessed> {
    fs::create_dir_all(dir).map_err(dateline::write::safe::at(dir))?;
    let path = golden_path(dir, &record.id);
    let text = golden_text(record);
    let before = fs::read_to_string(&path).ok();
    if before.as_deref() == Some(text.as_str()) {
        return Ok(Blessed::Unchanged);
    }
    dateline::write::safe::replace(&path, text.as_bytes())?;
    Ok(if before.is_some() {
        Blessed::Changed
    } else {
        Blessed::New
    })
}

/// Golden files in `dir` that no checked record claimed.
pub fn orphans(dir: &Path, seen: &BTreeSet<String>) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let is_json = path.extension().is_some_and(|x| x == "json") && path.is_file();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if is_json && !seen.contains(&stem) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::ignore::{Segment, remove};
    use super::*;
    use serde_json::json;

    #[test]
    fn stems_cannot_escape_the_folder() {
        assert_eq!(safe_stem("../../etc/passwd"), "%2E.%2F..%2Fetc%2Fpasswd");
        assert_eq!(safe_stem("a/b\\c\u{0}d"), "a%2Fb%5Cc%00d");
        assert_eq!(safe_stem(""), "~");
        assert_eq!(safe_stem(".hidden"), "%2Ehidden");
        assert_eq!(safe_stem("003_3b7b"), "003_3b7b");
        assert_eq!(safe_stem("Hà Nội"), "Hà%20Nội");
    }

    #[test]
    fn distinct_ids_get_distinct_file_names() {
        let long = |tail: &str| format!("{}{tail}", "x".repeat(250));
        let ids = [
            "a/b".to_string(),
            "a_b".to_string(),
            "a\0b".to_string(),
            "a\\b".to_string(),
            "a:b".to_string(),
            "a%2Fb".to_string(),
            "a~".to_string(),
            String::new(),
            "~".to_string(),
            long("1"),
            long("2"),
            "é".repeat(300),
            format!("{}/", "é".repeat(300)),
        ];
        let stems: BTreeSet<String> = ids.iter().map(|id| safe_stem(id)).collect();
        assert_eq!(stems.len(), ids.len(), "{stems:?}");
        for stem in &stems {
            // Room for `.html` within the 255 bytes file systems allow.
            assert!(stem.len() <= 240, "{stem}");
            assert!(!stem.contains(['/', '\\', '\0']) && !stem.starts_with('.'));
        }
    }

    #[test]
    fn ignore_patterns_parse_and_remove() {
        let p: Ignore = "people[*].mentions".parse().unwrap();
        let mut v = json!({"people": [{"name": "A", "mentions": [1]}, {"name": "B", "mentions": [2]}], "id": "x"});
        remove(&mut v, &p.0);
        assert_eq!(
            v,
            json!({"people": [{"name": "A"}, {"name": "B"}], "id": "x"})
        );
        let p: Ignore = "source.path".parse().unwrap();
        assert_eq!(
            p.0,
            [Segment::Key("source".into()), Segment::Key("path".into())]
        );
        assert!("people[x]".parse::<Ignore>().is_err());
        assert!("people[".parse::<Ignore>().is_err());
    }

    #[test]
    fn differences_name_json_paths() {
        let mut out = Vec::new();
        diff_into(
            "",
            Some(&json!({"people": [{"roles": ["A", "Minister of Public Security"]}], "id": "x"})),
            Some(&json!({"people": [{"roles": ["A", "Minister"]}], "id": "x", "new": 1})),
            &mut out,
        );
        assert_eq!(
            out,
            [
                Difference {
                    path: "people[0].roles[1]".into(),
                    expected: "\"Minister of Public Security\"".into(),
                    got: "\"Minister\"".into()
                },
                Difference {
                    path: "new".into(),
                    expected: "absent".into(),
                    got: "1".into()
                },
            ]
        );
    }
}
