//! `convert --input jsonl`: documents from stdin, records to stdout in
//! order, flushed per batch; errors as JSON lines on stderr or `--errors`.

use std::io::{self, Write};
use std::time::Instant;

use dateline::Error;
use dateline::pipeline::Options;
use dateline::read::{self, Input, Walked};
use dateline::stream::{self, Reader, StreamError};
use dateline::write::{Format, Writer};

use crate::cli::ConvertArgs;
use crate::exit::{Exit, Outcome};
use crate::report::Reporter;
use crate::run::{self, Render, Sink, render_with, stdout_buffered, unless_closed};

/// One batch's outputs: records to the writer, failures to the batch's
/// error lines (written in line order once the batch is done).
struct Batch<'a, W: Write> {
    writer: &'a mut Writer<W>,
    lines: std::vec::IntoIter<usize>,
    errors: &'a mut Vec<StreamError>,
}

impl<W: Write + Send> Sink for Batch<'_, W> {
    type Rendered = Vec<u8>;

    fn render(&self) -> Render<Vec<u8>> {
        render_with(self.writer.format())
    }

    fn record(&mut self, _: &Input, rendered: Vec<u8>) -> io::Result<()> {
        self.lines.next();
        self.writer.write_rendered(&rendered)
    }

    fn failed(&mut self, input: Option<&Input>, e: &Error) -> io::Result<()> {
        let line = self.lines.next().expect("one line per input");
        self.errors.push(StreamError {
            line,
            id: input.map(Input::id),
            stage: e.stage().as_str().to_string(),
            message: e.message(),
        });
        Ok(())
    }
}

/// Run `convert --input jsonl`.
pub fn run(args: &ConvertArgs, opts: &Options, pool: &rayon::ThreadPool) -> Outcome {
    let started = Instant::now();
    let cap = stream::line_cap(opts.max_bytes);
    let mut reader = Reader::new(io::BufReader::new(io::stdin()), cap);
    let mut errors_out: Box<dyn Write + Send> = match &args.source.errors {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
        )),
        None => Box::new(io::stderr()),
    };
    let mut writer = Writer::new(stdout_buffered(), Format::JsonLines)?;
    let mut reporter = Reporter::new(false, args.quiet).errors_elsewhere();
    let mut ids = read::Ids::default();
    let stream = || -> io::Result<()> {
        loop {
            let mut errors: Vec<StreamError> = Vec::new();
            let Some(batch) = reader.batch(stream::BATCH, &mut errors)? else {
                break;
            };
            // Lines that never became documents are failures too.
            reporter.failed_elsewhere(errors.len());
            let (lines, inputs): (Vec<usize>, Vec<Walked>) = batch
                .into_iter()
                .map(|(n, mut input)| {
                    ids.claim(&mut input);
                    (n, Walked::Input(input))
                })
                .unzip();
            let mut sink = Batch {
                writer: &mut writer,
                lines: lines.into_iter(),
                errors: &mut errors,
            };
            run::run(inputs, opts, pool, &mut reporter, &mut sink)?;
            errors.sort_by_key(|e| e.line);
            for e in &errors {
                serde_json::to_writer(&mut errors_out, e)?;
                errors_out.write_all(b"\n")?;
            }
            writer.flush()?;
            errors_out.flush()?;
        }
        writer.finish()?.flush()
    };
    unless_closed(stream())?;
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(Exit::failing_if(reporter.counts.failed))
}
