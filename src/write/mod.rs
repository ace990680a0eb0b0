//! Stage 5: serialize records. Writers take any `io::Write` and never print
//! on their own: [`Writer`] streams one format (stdout), [`outdir::OutDir`]
//! writes every table into a folder atomically.

pub mod csv;
pub mod json;
pub mod outdir;
pub mod safe;

use std::io::{self, Write};

use crate::model::Record;

/// Output format for records on a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One compact JSON object per line.
    JsonLines,
    /// One indented JSON array of all records.
    Json,
    /// The articles table as CSV, cells written as [`csv::Cells`] says.
    Csv(csv::Cells),
}

thread_local! {
    /// Each thread's buffer for [`exact`].
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What `render` appends to an empty buffer, in a `Vec` of exactly its
/// length, with what `render` returned. Rendering goes into this thread's
/// scratch buffer (grown once to the largest record) and is then copied:
/// a window of rendered records waiting for the writer holds only their
/// bytes, not the slack of buffers sized for the largest.
pub fn exact<T>(render: impl FnOnce(&mut Vec<u8>) -> io::Result<T>) -> io::Result<(Vec<u8>, T)> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            let made = render(&mut buf)?;
            Ok((buf.to_vec(), made))
        }
        // Only if `render` itself rendered on this thread.
        Err(_) => {
            let mut buf = Vec::new();
            let made = render(&mut buf)?;
            Ok((buf, made))
        }
    })
}

impl Format {
    /// Append what a writer of this format writes for `record` to `buf`: a
    /// JSON line, an indented JSON object (without the array's comma), or
    /// an articles-table row. Needs no writer, so a worker thread can render
    /// while [`Writer::write_rendered`] writes the one before.
    pub fn render(self, record: &Record, buf: &mut Vec<u8>) -> io::Result<()> {
        match self {
            Format::JsonLines => {
                json::to_vec(record, buf)?;
                buf.push(b'\n');
            }
            Format::Json => serde_json::to_writer_pretty(&mut *buf, record)?,
            Format::Csv(cells) => csv::article(record, cells, buf),
        }
        Ok(())
    }
}

enum Sink<W: Write> {
    Json { out: W, count: usize, lines: bool },
    Csv(Box<csv::ArticlesCsv<W>>),
}

/// Writes records one at a time in the chosen format, reusing one buffer.
pub struct Writer<W: Write> {
    sink: Sink<W>,
    format: Format,
    buf: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format) -> io::Result<Self> {
        let sink = match format {
            Format::JsonLines => Sink::Json {
                out,
                count: 0,
                lines: true,
            },
            Format::Json => Sink::Json {
                out,
                count: 0,
                lines: false,
            },
            Format::Csv(_) => Sink::Csv(Box::new(csv::ArticlesCsv::new(out)?)),
        };
        Ok(Writer {
            sink,
            format,
            buf: Vec::with_capacity(16 * 1024),
        })
    }

    /// The format this writer writes.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Write one record.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        self.format.render(record, &mut buf)?;
        let written = self.write_rendered(&buf);
        self.buf = buf;
        written
    }

    /// Write one record as [`Format::render`] rendered it (in this writer's
    /// format).
    pub fn write_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Csv(table) => table.write_rendered(rendered),
            Sink::Json { out, count, lines } => {
                if !*lines {
                    out.write_all(if *count == 0 { b"[\n" } else { b",\n" })?;
                }
                *count += 1;
                out.write_all(rendered)
            }
        }
    }

    /// Flush what was written so far (stream mode flushes per batch).
    pub fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Json { out, .. } => out.flush(),
            Sink::Csv(_) => Ok(()),
        }
    }

    /// Close the output (the JSON array's bracket) and flush.
    pub fn finish(self) -> io::Result<W> {
        match self.sink {
            Sink::Csv(table) => table.finish(),
            Sink::Json {
                mut out,
                count,
                lines,
            } => {
                if !lines {
                    out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
                }
                out.flush()?;
                Ok(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, convert_bytes, read::Input};

    fn record() -> Record {
        let input = Input::file("x/one.txt");
        convert_bytes(
            &input,
            " date 2023-01-02 Lede, \"quoted\".".as_bytes(),
            &Options::default(),
        )
        .unwrap()
    }

    /// `exact` hands back exactly what was rendered, with no leftovers
    /// from the record before, even when rendering renders within it.
    #[test]
    fn exact_is_what_was_rendered() {
        let (long, n) = exact(|buf| {
            buf.extend_from_slice(&[b'x'; 5000]);
            Ok(7)
        })
        .unwrap();
        assert_eq!((long.len(), n), (5000, 7));
        let (nested, ()) = exact(|buf| {
            let (inner, ()) = exact(|b| {
                b.extend_from_slice(b"inner");
                Ok(())
            })?;
            buf.extend_from_slice(b"outer ");
            buf.extend_from_slice(&inner);
            Ok(())
        })
        .unwrap();
        assert_eq!(nested, b"outer inner");
    }

    #[test]
    fn json_lines_json_and_csv_into_a_vec() {
        let r = record();
        let mut w = Writer::new(Vec::new(), Format::JsonLines).unwrap();
        w.write(&r).unwrap();
        w.write(&r).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out.lines().count(), 2);
        let back: Record = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(back, r);

        let w = Writer::new(Vec::new(), Format::Json).unwrap();
        assert_eq!(w.finish().unwrap(), b"[]\n");

        let mut w = Writer::new(Vec::new(), Format::Csv(csv::Cells::Faithful)).unwrap();
        w.write(&r).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert!(out.starts_with("id,path,title,published_date"), "{out}");
        assert!(
            out.contains("one,x/one.txt,,2023-01-02,,+07:00,,1,0,0,0,"),
            "{out}"
        );
    }
}
