//! Stage 4: serialize records. Writers take any `io::Write`; they never
//! print on their own.

use std::io::{self, Write};

use crate::model::Record;

/// Output format for records on a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One compact JSON object per line.
    JsonLines,
    /// One indented JSON array of all records.
    Json,
}

/// Writes records one at a time in the chosen format.
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    count: usize,
    buf: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format) -> Self {
        Writer {
            out,
            format,
            count: 0,
            buf: Vec::with_capacity(16 * 1024),
        }
    }

    /// Write one record.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        self.buf.clear();
        match self.format {
            Format::JsonLines => {
                serde_json::to_writer(&mut self.buf, record)?;
                self.buf.push(b'\n');
            }
            Format::Json => {
                self.buf
                    .extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
                serde_json::to_writer_pretty(&mut self.buf, record)?;
            }
        }
        self.count += 1;
        self.out.write_all(&self.buf)
    }

    /// Close the output (the JSON array's bracket) and flush.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
