//! The stream protocol (`--input jsonl`): documents arrive as JSON Lines
//! `{"id": …, "text": …, "path": …}` (path optional), are converted in
//! batches, and leave as records in the same order. A bad line is an error
//! line, never the end of the stream.

use std::io::{self, BufRead};

use serde::{Deserialize, Serialize};

use crate::read::Input;

#[derive(Deserialize)]
struct DocLine {
    id: Option<String>,
    text: String,
    path: Option<String>,
}

/// An error line of the stream protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreamError {
    /// 1-based line of the input stream.
    pub line: usize,
    /// The document's id, when known.
    pub id: Option<String>,
    /// The stage that failed.
    pub stage: String,
    /// What went wrong.
    pub message: String,
}

/// Reads documents in batches.
pub struct Reader<R: BufRead> {
    inner: R,
    line: usize,
    buf: String,
}

impl<R: BufRead> Reader<R> {
    /// A reader over JSON Lines documents.
    pub fn new(inner: R) -> Self {
        Reader {
            inner,
            line: 0,
            buf: String::new(),
        }
    }

    /// The next batch of up to `max` documents, each with its line number;
    /// malformed lines go to `errors`. `None` at the end of the stream.
    pub fn batch(
        &mut self,
        max: usize,
        errors: &mut Vec<StreamError>,
    ) -> io::Result<Option<Vec<(usize, Input)>>> {
        let mut docs = Vec::new();
        let mut any = false;
        while docs.len() < max {
            self.buf.clear();
            if self.inner.read_line(&mut self.buf)? == 0 {
                break;
            }
            any = true;
            self.line += 1;
            let line = self.buf.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<DocLine>(line) {
                Ok(doc) => {
                    let id = doc
                        .id
                        .filter(|i| !i.is_empty())
                        .unwrap_or_else(|| format!("line-{}", self.line));
                    let path = doc.path.unwrap_or_else(|| "-".to_string());
                    docs.push((
                        self.line,
                        Input::Stream {
                            id,
                            path,
                            text: doc.text,
                        },
                    ));
                }
                Err(e) => errors.push(StreamError {
                    line: self.line,
                    id: serde_json::from_str::<serde_json::Value>(line)
                        .ok()
                        .and_then(|v| v["id"].as_str().map(str::to_string)),
                    stage: "read".to_string(),
                    message: format!("not a document {{\"id\", \"text\"}}: {e}"),
                }),
            }
        }
        Ok((any || !docs.is_empty()).then_some(docs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_documents_and_reports_bad_lines() {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\n{\"id\":\"b\"}\n{\"text\":\"y\",\"path\":\"p.txt\"}\n";
        let mut r = Reader::new(input.as_bytes());
        let mut errors = Vec::new();
        let first = r.batch(2, &mut errors).unwrap().unwrap();
        assert_eq!(first.len(), 2);
        assert_eq!(first[0].1.id(), "a");
        assert_eq!((first[1].0, first[1].1.id()), (5, "line-5".to_string()));
        assert_eq!(first[1].1.display(), "p.txt");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4]);
        assert_eq!(errors[1].id.as_deref(), Some("b"));
        assert!(r.batch(2, &mut errors).unwrap().is_none());
    }
}
