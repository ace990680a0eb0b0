//! The stream protocol (`--input jsonl`): documents arrive as JSON Lines
//! `{"id": …, "text": …, "path": …}` (path optional), are converted in
//! batches, and leave as records in the same order. A bad line is an error
//! line, never the end of the stream.

use std::io::{self, BufRead, Read};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Stage};
use crate::read::{Input, Walked};

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
    max_line: u64,
    buf: Vec<u8>,
}

/// What one physical line of the stream held.
enum Line {
    /// The end of the stream.
    End,
    /// A line within the cap (its newline stripped).
    Read,
    /// A line over the cap: skipped to its newline without being kept.
    TooLong(u64),
}

impl<R: BufRead> Reader<R> {
    /// A reader over JSON Lines documents whose lines may be at most
    /// `max_line` bytes long; a longer line is skipped as it is read (never
    /// held whole) and reported as an error line.
    pub fn new(inner: R, max_line: u64) -> Self {
        Reader {
            inner,
            line: 0,
            max_line,
            buf: Vec::new(),
        }
    }

    /// Read one line into `buf`, keeping at most `max_line` bytes of it.
    fn next_line(&mut self) -> io::Result<Line> {
        self.buf.clear();
        let cap = self.max_line.saturating_add(1);
        let n = (&mut self.inner)
            .take(cap)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(Line::End);
        }
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            return Ok(Line::Read);
        }
        if (n as u64) < cap {
            return Ok(Line::Read); // the last line, without a newline
        }
        // Over the cap: drop the rest of the line as it streams past.
        let mut total = n as u64;
        loop {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    total += i as u64;
                    self.inner.consume(i + 1);
                    break;
                }
                None => {
                    let len = chunk.len();
                    total += len as u64;
                    self.inner.consume(len);
                }
            }
        }
        self.buf.clear();
        Ok(Line::TooLong(total))
    }

    /// The next batch of up to `max` documents, each with its line number
    /// and the id its line gave (the caller makes ids unique with
    /// [`crate::read::Ids`]); malformed lines go to `errors`. `None` at the
    /// end of the stream.
    pub fn batch(
        &mut self,
        max: usize,
        errors: &mut Vec<StreamError>,
    ) -> io::Result<Option<Vec<(usize, Input)>>> {
        let mut docs = Vec::new();
        let mut any = false;
        while docs.len() < max {
            let read = self.next_line()?;
            if matches!(read, Line::End) {
                break;
            }
            any = true;
            self.line += 1;
            let error = |message: String| StreamError {
                line: self.line,
                id: None,
                stage: "read".to_string(),
                message,
            };
            if let Line::TooLong(bytes) = read {
                errors.push(error(format!(
                    "line of {bytes} bytes is over the {} byte limit (twice --max-bytes); skipped",
                    self.max_line
                )));
                continue;
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(line) => line,
                Err(e) => {
                    errors.push(error(format!(
                        "line is not UTF-8 (invalid byte at offset {}); skipped",
                        e.valid_up_to()
                    )));
                    continue;
                }
            };
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
                    let input = Input::Stream {
                        id,
                        path,
                        text: doc.text,
                    };
                    docs.push((self.line, input));
                }
                Err(e) => errors.push(StreamError {
                    id: serde_json::from_str::<serde_json::Value>(line)
                        .ok()
                        .and_then(|v| v["id"].as_str().map(str::to_string)),
                    ..error(format!("not a document {{\"id\", \"text\"}}: {e}"))
                }),
            }
        }
        Ok((any || !docs.is_empty()).then_some(docs))
    }
}

/// The longest stream line read for `--max-bytes`: twice the text limit,
/// room for JSON escapes and the other fields.
pub fn line_cap(max_bytes: u64) -> u64 {
    max_bytes.saturating_mul(2)
}

/// A stream's documents as a lazy walk, one batch in memory at a time; a bad
/// line becomes a failed item (path `-`, stage `read`) in line order.
pub fn walk<R: BufRead + Send>(mut reader: Reader<R>) -> impl Iterator<Item = Walked> + Send {
    let mut pending = std::collections::VecDeque::new();
    let mut done = false;
    std::iter::from_fn(move || {
        while pending.is_empty() && !done {
            let mut errors = Vec::new();
            match reader.batch(BATCH, &mut errors) {
                Ok(Some(docs)) => {
                    let mut items: Vec<(usize, Walked)> = docs
                        .into_iter()
                        .map(|(line, input)| (line, Walked::Input(input)))
                        .collect();
                    items.extend(errors.into_iter().map(|e| {
                        let kind = ErrorKind::BadLine {
                            line: e.line,
                            message: e.message,
                        };
                        (e.line, Walked::Failed(Error::new("-", Stage::Read, kind)))
                    }));
                    items.sort_by_key(|(line, _)| *line);
                    pending.extend(items.into_iter().map(|(_, item)| item));
                }
                Ok(None) => done = true,
                Err(e) => {
                    done = true;
                    let failed = Error::new("-", Stage::Read, ErrorKind::Io(e));
                    pending.push_back(Walked::Failed(failed));
                }
            }
        }
        pending.pop_front()
    })
}

/// Documents per batch in stream mode.
pub const BATCH: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_documents_and_reports_bad_lines() {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\n{\"id\":\"b\"}\n{\"text\":\"y\",\"path\":\"p.txt\"}\n";
        let mut r = Reader::new(input.as_bytes(), 1 << 20);
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

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_and_the_stream_goes_on() {
        let mut input = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf".to_vec();
        input.extend_from_slice(b"\xe9\"}\r\n{\"id\":\"c\",\"text\":\"ok\"}");
        let mut r = Reader::new(&input[..], 1 << 20);
        let mut errors = Vec::new();
        let docs = r.batch(10, &mut errors).unwrap().unwrap();
        let ids: Vec<String> = docs.iter().map(|(_, d)| d.id()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(docs[1].0, 3);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(
            errors[0].message.contains("not UTF-8"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn a_line_over_the_cap_is_skipped_without_being_kept() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "x".repeat(5000));
        let input = format!("{long}\n{{\"id\":\"small\",\"text\":\"ok\"}}\n{long}");
        let mut r = Reader::new(input.as_bytes(), 100);
        let mut errors = Vec::new();
        let docs = r.batch(10, &mut errors).unwrap().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!((docs[0].0, docs[0].1.id()), (2, "small".to_string()));
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 3]);
        assert!(errors[0].message.contains(&format!("{} bytes", long.len())));
        assert!(r.buf.capacity() < 1000, "kept {} bytes", r.buf.capacity());
    }

    #[test]
    fn a_walk_turns_bad_lines_into_failed_items_in_line_order() {
        let input = "not json\n{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}\n";
        let kinds: Vec<String> = walk(Reader::new(input.as_bytes(), 1 << 20))
            .map(|w| match w {
                Walked::Input(i) => i.id(),
                Walked::Failed(e) => e.to_string(),
                Walked::Ignored(p) => p.display().to_string(),
            })
            .collect();
        assert_eq!(kinds.len(), 3);
        assert!(
            kinds[0].starts_with("-: read: line 1: not a document"),
            "{}",
            kinds[0]
        );
        assert_eq!(kinds[1], "a");
        assert!(kinds[2].starts_with("-: read: line 3: "), "{}", kinds[2]);
    }
}
