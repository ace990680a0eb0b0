//! `dateline check`: convert, then compare each record with its golden (or
//! bless it). Prints differences and a closing `N passed, M failed`.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;

use dateline::Record;
use dateline::read::Input;

use crate::cli::CheckArgs;
use crate::exit::{Exit, Outcome};
use crate::golden::{self, Blessed, Ignore, Verdict};
use crate::report::Reporter;
use crate::run::{self, Render, Sink, unless_closed};

/// Compares (or blesses) each record and prints what differs.
struct Goldens<W: Write> {
    dir: PathBuf,
    bless: bool,
    ignore: Vec<Ignore>,
    out: W,
    passed: usize,
    /// Records that differ or have no golden (failed inputs are the
    /// reporter's count).
    differ: usize,
    seen: BTreeSet<String>,
}

impl<W: Write + Send> Sink for Goldens<W> {
    type Rendered = Record;

    fn render(&self) -> Render<Record> {
        Box::new(Ok)
    }

    fn record(&mut self, _: &Input, record: Record) -> io::Result<()> {
        let (id, out) = (&record.id, &mut self.out);
        self.seen.insert(golden::safe_stem(id));
        if self.bless {
            match golden::bless(&self.dir, &record)? {
                Blessed::New => writeln!(out, "{id}: blessed (new)")?,
                Blessed::Changed => writeln!(out, "{id}: blessed (changed)")?,
                Blessed::Unchanged => {}
            }
            self.passed += 1;
            return Ok(());
        }
        match golden::check(&self.dir, &record, &self.ignore) {
            Verdict::Pass => {
                self.passed += 1;
                return Ok(());
            }
            Verdict::Missing => writeln!(
                out,
                "{id}: no golden at {} (run with --bless to write it)",
                golden::golden_path(&self.dir, id).display()
            )?,
            Verdict::Unreadable(e) => writeln!(out, "{id}: golden is not JSON: {e}")?,
            Verdict::Differs(diffs) => {
                for d in diffs {
                    let path = if d.path.is_empty() {
                        "(record)"
                    } else {
                        &d.path
                    };
                    writeln!(out, "{id}: {path}: expected {}, got {}", d.expected, d.got)?;
                }
            }
        }
        self.differ += 1;
        Ok(())
    }
}

impl<W: Write> Goldens<W> {
    /// Goldens no input gave: a failure, except when blessing (they are
    /// listed, never removed).
    fn orphans(&mut self) -> io::Result<()> {
        if !self.dir.is_dir() {
            return Ok(());
        }
        for orphan in golden::orphans(&self.dir, &self.seen)? {
            if self.bless {
                let note = "orphaned golden (no input gives it; not removed)";
                writeln!(self.out, "{}: {note}", orphan.display())?;
            } else {
                self.differ += 1;
                writeln!(
                    self.out,
                    "{}: orphaned golden (no input gives it)",
                    orphan.display()
                )?;
            }
        }
        Ok(())
    }
}

/// Run `dateline check`.
pub fn run(args: CheckArgs) -> Outcome {
    let opts = args.conv.options(true, false)?;
    let pool = args.conv.pool()?;
    let items = args.source.items(&args.inputs, opts.max_bytes, None)?;
    let mut reporter = Reporter::new(false, true);
    let mut goldens = Goldens {
        dir: args.golden,
        bless: args.bless,
        ignore: args.ignore,
        out: io::BufWriter::new(io::stdout()),
        passed: 0,
        differ: 0,
        seen: BTreeSet::new(),
    };
    let body = || -> io::Result<()> {
        run::run(items, &opts, &pool, &mut reporter, &mut goldens)?;
        goldens.orphans()?;
        let failed = goldens.differ + reporter.counts.failed;
        writeln!(goldens.out, "{} passed, {failed} failed", goldens.passed)?;
        goldens.out.flush()
    };
    unless_closed(body())?;
    Ok(Exit::failing_if(goldens.differ + reporter.counts.failed))
}
