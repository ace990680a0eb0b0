//! `--ignore` patterns: the fields `dateline check` does not compare.

use serde_json::Value;

/// One `--ignore` pattern: `source.path`, `people[*].mentions`, `warnings[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore(pub(super) Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
    Any,
}

impl std::str::FromStr for Ignore {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut segs = Vec::new();
        for part in s.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if !key.is_empty() {
                segs.push(Segment::Key(key.to_string()));
            }
            while let Some(r) = rest.strip_prefix('[') {
                let close = r.find(']').ok_or_else(|| format!("unclosed [ in {s:?}"))?;
                let inner = &r[..close];
                segs.push(if inner == "*" {
                    Segment::Any
                } else {
                    Segment::Index(
                        inner
                            .parse()
                            .map_err(|_| format!("bad index {inner:?} in {s:?}"))?,
                    )
                });
                rest = &r[close + 1..];
            }
            if !rest.is_empty() {
                return Err(format!("unexpected {rest:?} in {s:?}"));
            }
        }
        if segs.is_empty() {
            return Err("empty --ignore path".to_string());
        }
        Ok(Ignore(segs))
    }
}

/// Remove what `segs` names from `v`.
pub(super) fn remove(v: &mut Value, segs: &[Segment]) {
    let Some((first, rest)) = segs.split_first() else {
        return;
    };
    match (first, v) {
        (Segment::Key(k), Value::Object(map)) => {
            if rest.is_empty() {
                map.shift_remove(k);
            } else if let Some(child) = map.get_mut(k) {
                remove(child, rest);
            }
        }
        (Segment::Index(i), Value::Array(items)) => {
            if rest.is_empty() {
                if *i < items.len() {
                    items[*i] = Value::Null;
                }
            } else if let Some(child) = items.get_mut(*i) {
                remove(child, rest);
            }
        }
        (Segment::Any, Value::Array(items)) => {
            if rest.is_empty() {
                items.clear();
            } else {
                for child in items {
                    remove(child, rest);
                }
            }
        }
        _ => {}
    }
}
