//! The command line: clap types, their validation into library [`Options`],
//! and dispatch. The only module that knows clap, and the only one that
//! looks at the environment (is stderr a terminal?).

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lexicon::Lexicon;
use crate::parse::ParseOptions;
use crate::pipeline::{self, Options};
use crate::read;
use crate::report::Reporter;
use crate::schema::{SCHEMA, Schema};
use crate::write::outdir::{OutDir, Summary};
use crate::write::{Format, Writer};

const CONVERT_EXAMPLES: &str = "\
Examples:
  dateline convert fixtures/articles               every *.txt below, as JSON Lines
  dateline convert a.txt b.txt -f json             one indented JSON array
  dateline convert fixtures/articles -f csv        the articles table as CSV
  dateline convert fixtures/articles -o out        JSON Lines, all CSV tables, errors, summary
  cat article.txt | dateline convert -             from standard input
  dateline convert fixtures/articles | jq -c '.people[] | {name, roles}'

Exit status: 0 all converted, 1 some input failed, 2 usage error.
Each failure is reported on stderr as `path: stage: message` (and in
errors.jsonl with --out-dir); the other inputs are still converted.";

const VALIDATE_EXAMPLES: &str = "\
Examples:
  dateline validate out/articles.jsonl
  dateline convert a.txt | dateline validate -

Each invalid record is reported as `file:line: instance-path: message`;
exit status 1 if any record is invalid.";

/// Turn raw news-article text files into structured JSON records.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert articles into records (JSON Lines on stdout, or a folder of tables).
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
    /// Print the JSON Schema every record follows.
    Schema,
    /// Check JSON or JSON Lines records against the schema.
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
}

/// What goes to stdout without --out-dir.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// One JSON object per line.
    Jsonl,
    /// One indented JSON array.
    Json,
    /// The articles table as CSV.
    Csv,
}

#[derive(Debug, clap::Args)]
struct ConvertArgs {
    /// Files, folders (walked recursively for *.txt, sorted by path), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Write articles.jsonl, the CSV tables, errors.jsonl and summary.json into DIR.
    #[arg(short = 'o', long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// Replace the dateline files in a non-empty --out-dir.
    #[arg(long, requires = "out_dir")]
    force: bool,

    /// Output format on stdout (without --out-dir).
    #[arg(
        short,
        long,
        value_enum,
        default_value = "jsonl",
        conflicts_with = "out_dir"
    )]
    format: FormatArg,

    /// Same as -f json.
    #[arg(long, conflicts_with_all = ["format", "out_dir"])]
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

    /// Skip checking each record against the JSON Schema (faster; see README).
    #[arg(long)]
    no_validate: bool,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// No progress bar or summary line on stderr (errors are still reported).
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// JSON or JSON Lines files of records, or - for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
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
    /// Everything converted (or valid).
    Success,
    /// Some input failed (or some record is invalid); the rest was done.
    SomeFailed,
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> io::Result<Outcome> {
    match cli.command {
        Command::Convert(args) => convert(args),
        Command::Schema => {
            let mut out = io::stdout().lock();
            out.write_all(SCHEMA.as_bytes())?;
            out.flush()?;
            Ok(Outcome::Success)
        }
        Command::Validate(args) => validate(&args.files),
    }
}

fn convert(args: ConvertArgs) -> io::Result<Outcome> {
    let started = Instant::now();
    let lexicon = Lexicon::with_files(&args.lexicon)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let opts = Options {
        parse: ParseOptions { timezone: args.tz },
        max_bytes: args.max_bytes,
        lexicon,
        schema: (!args.no_validate).then(Schema::new),
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        pool = pool.num_threads(n.into());
    }
    let pool = pool.build().map_err(io::Error::other)?;
    let found = read::find_inputs(&args.inputs);
    let total = found.inputs.len() + found.errors.len() + found.skipped.len();
    let progress = io::stderr().is_terminal();
    let mut reporter = Reporter::new(total, progress, args.quiet);
    for e in &found.errors {
        reporter.failed(e);
    }
    for _ in &found.skipped {
        reporter.skipped();
    }

    if let Some(dir) = &args.out_dir {
        let mut out = OutDir::create(dir, args.force)?;
        let result = (|| {
            for e in &found.errors {
                out.error(e)?;
            }
            for path in &found.skipped {
                out.skipped(path)?;
            }
            pool.install(|| {
                pipeline::run(&found.inputs, &opts, |_, result| match result {
                    Ok(record) => {
                        reporter.converted(record.warnings.len());
                        out.write(&record)
                    }
                    Err(e) => {
                        reporter.failed(&e);
                        out.error(&e)
                    }
                })
            })
        })();
        if let Err(e) = result {
            out.abandon();
            return Err(e);
        }
        let c = &reporter.counts;
        out.finish(&Summary {
            found: c.found,
            converted: c.converted,
            failed: c.failed,
            skipped: c.skipped,
            warnings: c.warnings,
            schema_version: Schema::version(),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            seconds: started.elapsed().as_secs_f64(),
        })?;
    } else {
        let format = match (args.pretty, args.format) {
            (true, _) | (_, FormatArg::Json) => Format::Json,
            (_, FormatArg::Jsonl) => Format::JsonLines,
            (_, FormatArg::Csv) => Format::Csv,
        };
        let mut writer = Writer::new(io::BufWriter::new(io::stdout()), format)?;
        pool.install(|| {
            pipeline::run(&found.inputs, &opts, |_, result| match result {
                Ok(record) => {
                    reporter.converted(record.warnings.len());
                    writer.write(&record)
                }
                Err(e) => {
                    reporter.failed(&e);
                    Ok(())
                }
            })
        })?;
        writer.finish()?.flush()?;
    }
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(if reporter.counts.failed > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

/// `dateline validate`: every record in JSON (one object or an array) or
/// JSON Lines files, reported as `file:line: instance-path: message`.
fn validate(files: &[PathBuf]) -> io::Result<Outcome> {
    let schema = Schema::new();
    let mut out = io::stdout().lock();
    let mut invalid = 0usize;
    let mut checked = 0usize;
    for file in files {
        let name = file.to_string_lossy();
        let text = if file.as_os_str() == "-" {
            let mut s = String::new();
            for line in io::stdin().lock().lines() {
                s.push_str(&line?);
                s.push('\n');
            }
            s
        } else {
            std::fs::read_to_string(file)
                .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?
        };
        for (line, doc) in documents(&text) {
            checked += 1;
            let problems = match doc {
                Ok(doc) => schema
                    .check(&doc)
                    .into_iter()
                    .map(|v| format!("{}: {}", display_path(&v.instance_path), v.message))
                    .collect(),
                Err(e) => vec![format!("/: not JSON: {e}")],
            };
            if !problems.is_empty() {
                invalid += 1;
            }
            for p in problems {
                writeln!(out, "{name}:{line}: {p}")?;
            }
        }
    }
    writeln!(out, "{} records checked, {} invalid", checked, invalid)?;
    out.flush()?;
    Ok(if invalid > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}

fn display_path(p: &str) -> &str {
    if p.is_empty() { "/" } else { p }
}

/// Split a file into (line number, document): a whole-file JSON value (an
/// array gives its items, all on its first line), else one per JSON Line.
fn documents(text: &str) -> Vec<(usize, Result<serde_json::Value, serde_json::Error>)> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || (trimmed.starts_with('{') && text.trim().lines().count() > 1) {
        let first = text.len() - trimmed.len();
        let line = text[..first].matches('\n').count() + 1;
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            return match value {
                serde_json::Value::Array(items) => {
                    items.into_iter().map(|v| (line, Ok(v))).collect()
                }
                other => vec![(line, Ok(other))],
            };
        }
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, serde_json::from_str(l)))
        .collect()
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

    #[test]
    fn documents_split_json_arrays_and_json_lines() {
        let docs = documents("{\"a\":1}\n\n{\"a\":2}\nnot json\n");
        let lines: Vec<usize> = docs.iter().map(|d| d.0).collect();
        assert_eq!(lines, [1, 3, 4]);
        assert!(docs[2].1.is_err());
        let docs = documents("[\n {\"a\": 1},\n {\"a\": 2}\n]\n");
        assert_eq!(docs.len(), 2);
    }
}
