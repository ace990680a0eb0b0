//! `dateline convert`: records to stdout (JSON Lines, JSON or CSV) or to an
//! out-dir of tables.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use dateline::Error;
use dateline::read::Input;
use dateline::schema::Schema;
use dateline::write::outdir::{OutDir, Rendered, Summary};
use dateline::write::{Format, Writer};

use crate::cli::{ConvertArgs, FormatArg};
use crate::exit::{Exit, Outcome, Stop};
use crate::report::Reporter;
use crate::run::{self, Render, Sink, render_with, stdout_buffered, unless_closed};

/// Records into the out-dir: every table, and each failure in errors.jsonl.
impl Sink for OutDir {
    type Rendered = Rendered;

    fn render(&self) -> Render<Rendered> {
        let renderer = self.renderer();
        Box::new(move |record| renderer.render(&record))
    }

    fn record(&mut self, _: &Input, rendered: Rendered) -> io::Result<()> {
        self.write_rendered(&rendered)
    }

    fn failed(&mut self, _: Option<&Input>, error: &Error) -> io::Result<()> {
        self.error(error)
    }
}

/// Records to stdout; failures are only on stderr.
impl<W: Write + Send> Sink for Writer<W> {
    type Rendered = Vec<u8>;

    fn render(&self) -> Render<Vec<u8>> {
        render_with(self.format())
    }

    fn record(&mut self, _: &Input, rendered: Vec<u8>) -> io::Result<()> {
        self.write_rendered(&rendered)
    }
}

/// Run `dateline convert`.
pub fn run(args: ConvertArgs) -> Outcome {
    let started = Instant::now();
    let opts = args.conv.options(!args.no_validate, args.strict)?;
    let pool = args.conv.pool()?;
    if args.source.input.is_some() {
        let stdin_only = args.inputs.len() <= 1 && args.inputs.iter().all(|i| i.as_os_str() == "-");
        if args.out_dir.is_some() || !stdin_only {
            return Err(Stop::Usage(
                "--input jsonl reads stdin (INPUT `-` or none) and writes JSON Lines to stdout: \
                 no other INPUT, no --out-dir"
                    .to_string(),
            ));
        }
        return super::stream::run(&args, &opts, &pool);
    }
    let items = args
        .source
        .items(&args.inputs, opts.max_bytes, args.out_dir.as_deref())?;
    let mut reporter = Reporter::new(io::stderr().is_terminal(), args.quiet);

    if let Some(dir) = &args.out_dir {
        let mut out = OutDir::create(dir, args.force, args.cells())?;
        if let Err(e) = run::run(items, &opts, &pool, &mut reporter, &mut out) {
            out.abandon();
            return Err(e.into());
        }
        let c = &reporter.counts;
        out.finish(&Summary {
            found: c.found,
            converted: c.converted,
            failed: c.failed,
            ignored: c.ignored,
            warnings: c.warnings,
            schema_version: Schema::version(),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            seconds: started.elapsed().as_secs_f64(),
        })?;
    } else {
        let format = match (args.pretty, args.format) {
            (true, _) | (_, FormatArg::Json) => Format::Json,
            (_, FormatArg::Jsonl) => Format::JsonLines,
            (_, FormatArg::Csv) => Format::Csv(args.cells()),
        };
        let mut writer = Writer::new(stdout_buffered(), format)?;
        let written = run::run(items, &opts, &pool, &mut reporter, &mut writer);
        unless_closed(written.and_then(|()| writer.finish()?.flush()))?;
    }
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(Exit::failing_if(reporter.counts.failed))
}
