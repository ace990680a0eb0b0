//! The command line: clap types, their validation into library [`Options`],
//! and dispatch. The only module that knows clap.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::lexicon::Lexicon;
use crate::parse::ParseOptions;
use crate::pipeline::{self, Options};
use crate::read;
use crate::report::Reporter;
use crate::write::{Format, Writer};

const CONVERT_EXAMPLES: &str = "\
Examples:
  dateline convert fixtures/articles               every *.txt below, as JSON Lines
  dateline convert a.txt b.txt --pretty            one indented JSON array
  cat article.txt | dateline convert -             from standard input
  dateline convert fixtures/articles | jq -r '.published.date + \" \" + (.title // .lede)'

Exit status: 0 all converted, 1 some input failed, 2 usage error.
Each failure is reported on stderr as `path: stage: message`.";

/// Turn raw news-article text files into structured JSON records.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert articles into records (JSON Lines on stdout).
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// Files, folders (walked recursively for *.txt, sorted by path), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Print one indented JSON array instead of JSON Lines.
    #[arg(long)]
    pretty: bool,

    /// UTC offset for published times that state none.
    #[arg(long, default_value = "+07:00", value_parser = parse_tz)]
    tz: String,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: u64,

    /// Extra lexicon rows (`TABLE<TAB>columns…`, tables as in src/lexicon/*.tsv); repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,

    /// No summary line on stderr (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
}

fn parse_tz(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let ok = b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4..6].iter().all(u8::is_ascii_digit);
    ok.then(|| s.to_string())
        .ok_or_else(|| format!("expected an offset like +07:00, got {s:?}"))
}

/// How a run ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything converted.
    Success,
    /// Some input failed; the rest was converted.
    SomeFailed,
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> io::Result<Outcome> {
    match cli.command {
        Command::Convert(args) => convert(args),
    }
}

fn convert(args: ConvertArgs) -> io::Result<Outcome> {
    let started = Instant::now();
    let lexicon = match Lexicon::with_files(&args.lexicon) {
        Ok(l) => l,
        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
    };
    let opts = Options {
        parse: ParseOptions { timezone: args.tz },
        max_bytes: args.max_bytes,
        lexicon,
    };
    if let Some(n) = args.jobs {
        // Only fails if the pool was built before, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let found = read::find_inputs(&args.inputs);
    let mut reporter = Reporter {
        quiet: args.quiet,
        ..Reporter::default()
    };
    for e in &found.errors {
        reporter.failed(e);
    }
    for _ in &found.skipped {
        reporter.skipped();
    }
    let format = if args.pretty {
        Format::Json
    } else {
        Format::JsonLines
    };
    let stdout = io::stdout().lock();
    let mut writer = Writer::new(io::BufWriter::new(stdout), format);
    pipeline::run(&found.inputs, &opts, |_, result| match result {
        Ok(record) => {
            reporter.converted(record.warnings.len());
            writer.write(&record)
        }
        Err(e) => {
            reporter.failed(&e);
            Ok(())
        }
    })?;
    writer.finish()?.flush()?;
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(if reporter.counts.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn tz_must_be_an_offset() {
        assert!(parse_tz("+07:00").is_ok());
        assert!(parse_tz("-05:30").is_ok());
        assert!(parse_tz("GMT+7").is_err());
    }
}
