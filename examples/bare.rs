//! The bare converter: the work any converter of a folder of articles must
//! do, and nothing clever. `bench/run` times dateline against it in the same
//! rounds, so the ratio says what dateline's extraction costs.
//!
//! ```text
//! cargo run --release --example bare -- DIR [-jN] > out.jsonl
//! ```
//!
//! It walks DIR for `*.txt` (sorted), reads each file, splits it into
//! paragraphs on blank lines, collapses white space, and prints one JSON line
//! per file (`{"id", "paragraphs"}`), in input order, converting on rayon's
//! threads in batches.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

// The allocator dateline uses, so the comparison is of the work alone.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Serialize)]
struct Doc<'a> {
    id: &'a str,
    paragraphs: Vec<String>,
}

fn convert(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let id = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut line = serde_json::to_vec(&Doc {
        id: &id,
        paragraphs,
    })
    .expect("a document serializes");
    line.push(b'\n');
    line
}

fn main() -> io::Result<()> {
    let mut dir = None;
    let mut jobs = 0;
    for arg in std::env::args().skip(1) {
        match arg.strip_prefix("-j") {
            Some(n) => jobs = n.parse().expect("-jN takes a number"),
            None => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.expect("usage: bare DIR [-jN]");
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build_global()
        .expect("one thread pool");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension() == Some("txt".as_ref()))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    for batch in files.chunks(1024) {
        let lines: Vec<Vec<u8>> = batch.par_iter().map(|p| convert(p)).collect();
        for line in lines {
            out.write_all(&line)?;
        }
    }
    out.flush()
}
