//! The command line: clap types, their validation into library [`Options`],
//! and dispatch. The only module that knows clap, and the only one that
//! looks at the environment (is stderr a terminal?).

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lexicon::Lexicon;
use crate::parse::ParseOptions;
use crate::pipeline::Done;
use crate::pipeline::{self, Options};
use crate::read::{self, Input, Walked};
use crate::report::Reporter;
use crate::schema::{SCHEMA, Schema};
use crate::write::csv::Cells;
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
    /// Write HTML pages that show what was extracted, for a browser.
    #[command(after_help = RENDER_EXAMPLES)]
    Render(RenderArgs),
    /// Compare each article's record with its golden file (for CI).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Show how each person's titles, roles and country were found.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
}

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  dateline explain fixtures/articles/a01_courtesy_call.txt
  dateline explain --lexicon mine.tsv article.txt     see what your rows change

For each person: the name's culture (src/lexicon/cultures.tsv), the country
and the evidence that gave it (stated, organization, context, host, name),
and at each mention the titles, roles and countries read there with the
pattern that read them. A debugging aid for extending the lexicon.";

#[derive(Debug, clap::Args)]
struct ExplainArgs {
    /// Article files (or - for stdin).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,

    #[command(flatten)]
    conv: ConversionArgs,
}

const RENDER_EXAMPLES: &str = "\
Examples:
  dateline render fixtures/articles --out-dir pages     then open pages/index.html

Pages work offline from the file system (CSS inline, no scripts, no fonts
fetched). Mentions are highlighted per entity kind (blue persons, orange
organizations, green places; underline style and a P/O/L label too);
hover or focus one to see the resolved entity.";

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// Files, folders (walked for *.txt) or - for stdin, as for convert.
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    inputs: Vec<PathBuf>,

    #[command(flatten)]
    source: InputArgs,

    /// Folder to write index.html and articles/*.html into.
    #[arg(short = 'o', long, value_name = "DIR")]
    out_dir: PathBuf,

    #[command(flatten)]
    conv: ConversionArgs,
}

const CHECK_EXAMPLES: &str = "\
Examples:
  dateline check samples/ --golden samples/golden --bless     write the goldens once
  dateline check samples/ --golden samples/golden             in CI: fail on any change
  dateline check samples/ --golden g --ignore source.path --ignore 'people[*].mentions'

Each difference is printed as `id: json.path: expected X, got Y`; missing and
orphaned goldens are listed; the last line is `N passed, M failed`.
Exit status 1 on any difference, missing golden or failed input.";

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files, folders (walked for *.txt) or - for stdin, as for convert.
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    inputs: Vec<PathBuf>,

    #[command(flatten)]
    source: InputArgs,

    /// Folder of golden records, one `<id>.json` per article.
    #[arg(long, value_name = "DIR")]
    golden: PathBuf,

    /// Write or update the goldens instead of comparing (says which changed).
    #[arg(long)]
    bless: bool,

    /// A field not to compare, e.g. `source.path` or `people[*].mentions`; repeatable.
    #[arg(long, value_name = "PATH")]
    ignore: Vec<crate::check::Ignore>,

    #[command(flatten)]
    conv: ConversionArgs,
}

/// Where inputs come from, besides the INPUT arguments.
#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Also read input paths from FILE (- for stdin), one per line.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,

    /// With --files-from: paths are NUL-separated (as `find -print0` writes them).
    #[arg(short = '0', long = "null", requires = "files_from")]
    null: bool,

    /// Read documents from stdin as JSON Lines `{"id", "text", "path"?}`
    /// instead of files; records leave in the same order, flushed per batch.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "files_from")]
    input: Option<InputFormat>,

    /// With --input jsonl: write error lines to FILE instead of stderr.
    #[arg(long, value_name = "FILE", requires = "input")]
    errors: Option<PathBuf>,
}

/// Stream input formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormat {
    /// One JSON document per line: {"id": ..., "text": ..., "path": ...}.
    Jsonl,
}

impl InputArgs {
    /// INPUT arguments plus --files-from paths plus, with --input jsonl
    /// (check and render), the documents on stdin: a lazy walk.
    fn items(
        &self,
        args: &[PathBuf],
        max_bytes: u64,
    ) -> io::Result<Box<dyn Iterator<Item = Walked> + Send>> {
        let mut paths = args.to_vec();
        if let Some(list) = &self.files_from {
            let text = if list.as_os_str() == "-" {
                let mut buf = Vec::new();
                io::Read::read_to_end(&mut io::stdin(), &mut buf)?;
                buf
            } else {
                std::fs::read(list)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", list.display())))?
            };
            let sep = if self.null { b'\0' } else { b'\n' };
            paths.extend(
                text.split(|&b| b == sep)
                    .map(|p| p.strip_suffix(b"\r").unwrap_or(p))
                    .filter(|p| !p.is_empty())
                    .map(path_from_bytes),
            );
        }
        let walk = read::walk_raw(paths);
        if self.input.is_some() {
            let stdin = io::BufReader::new(io::stdin());
            let cap = crate::stream::line_cap(max_bytes);
            let docs = crate::stream::walk(crate::stream::Reader::new(stdin, cap));
            return Ok(Box::new(read::Ids::unique(walk.chain(docs))));
        }
        Ok(Box::new(read::Ids::unique(walk)))
    }
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// Settings shared by everything that converts.
#[derive(Debug, clap::Args)]
struct ConversionArgs {
    /// UTC offset for published times that state none.
    #[arg(long, default_value = "+07:00", value_parser = parse_tz)]
    tz: String,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: u64,

    /// Extra lexicon rows (`TABLE<TAB>columns…`, tables as in src/lexicon/*.tsv); repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,

    /// Worker threads, 1 to 256 (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
}

impl ConversionArgs {
    fn options(&self, validate: bool, strict: bool) -> io::Result<Options> {
        let lexicon = Lexicon::with_files(&self.lexicon)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        Ok(Options {
            parse: ParseOptions {
                timezone: self.tz.clone(),
            },
            max_bytes: self.max_bytes,
            lexicon,
            schema: validate.then(Schema::new),
            strict,
        })
    }

    fn pool(&self) -> io::Result<rayon::ThreadPool> {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.jobs {
            pool = pool.num_threads(n.into());
        }
        pool.build().map_err(io::Error::other)
    }
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
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    inputs: Vec<PathBuf>,

    #[command(flatten)]
    source: InputArgs,

    /// Write articles.jsonl, the CSV tables, errors.jsonl and summary.json into DIR.
    ///
    /// The set is replaced at once: the names are links through
    /// DIR/.dateline-current, switched in one rename when the run is
    /// complete. Ctrl-C removes the unfinished set (exit 130).
    #[arg(short = 'o', long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// Replace the dateline files in a non-empty --out-dir (other files stay).
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

    /// For CSV opened in Excel or LibreOffice: a cell starting with = + - @,
    /// a tab or a CR gets a leading ' so it is never run as a formula.
    /// Leave it off for pandas, DuckDB and scripts (cells stay exact).
    #[arg(long)]
    csv_safe: bool,

    /// Fail any input whose record has warnings (exit 1), for zero-tolerance CI.
    #[arg(long)]
    strict: bool,

    /// Skip checking each record against the JSON Schema (faster; see README).
    #[arg(long)]
    no_validate: bool,

    /// No progress bar or summary line on stderr (errors are still reported).
    #[arg(short, long)]
    quiet: bool,

    #[command(flatten)]
    conv: ConversionArgs,
}

impl ConvertArgs {
    fn cells(&self) -> Cells {
        if self.csv_safe {
            Cells::SpreadsheetSafe
        } else {
            Cells::Faithful
        }
    }
}

#[derive(Debug, clap::Args)]
struct ValidateArgs {
    /// JSON or JSON Lines files of records, or - for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// An RFC 3339 offset, `+HH:MM` or `-HH:MM`, within the span real zones use
/// (at most 14 hours either side of UTC, minutes under 60).
fn parse_tz(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let d = b.get(i..i + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
    };
    let shape = b.len() == 6 && matches!(b[0], b'+' | b'-') && b[3] == b':';
    let ok = match (shape, two(1), two(4)) {
        (true, Some(h), Some(m)) => m < 60 && h * 60 + m <= 14 * 60,
        _ => false,
    };
    ok.then(|| s.to_string())
        .ok_or_else(|| format!("expected an offset from -14:00 to +14:00 like +07:00, got {s:?}"))
}

/// How a run ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything converted (or valid).
    Success,
    /// Some input failed (or some record is invalid); the rest was done.
    SomeFailed,
}

impl Outcome {
    /// `SomeFailed` when anything failed.
    fn failing_if(failed: usize) -> Self {
        if failed > 0 {
            Outcome::SomeFailed
        } else {
            Outcome::Success
        }
    }
}

/// A closed stdout (`dateline … | head`) ends the run quietly: it is not an
/// error, and the outcome still counts what failed before it.
fn unless_closed(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
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
        Command::Check(args) => check(args),
        Command::Render(args) => render(args),
        Command::Explain(args) => explain(&args),
    }
}

fn explain(args: &ExplainArgs) -> io::Result<Outcome> {
    let opts = args.conv.options(false, false)?;
    let mut out = io::stdout().lock();
    let mut reporter = Reporter::new(0, false, true);
    let mut failed = 0;
    let mut explain_all = || -> io::Result<()> {
        for path in &args.files {
            let input = if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::file(path.clone())
            };
            let explained = read::read_bytes(&input, opts.max_bytes)
                .and_then(|bytes| pipeline::explain_bytes(&input, &bytes, &opts));
            match explained {
                Ok((_, text)) => writeln!(out, "{text}")?,
                Err(e) => {
                    reporter.failed(&e);
                    failed += 1;
                }
            }
        }
        out.flush()
    };
    unless_closed(explain_all())?;
    Ok(Outcome::failing_if(failed))
}

fn convert(args: ConvertArgs) -> io::Result<Outcome> {
    let started = Instant::now();
    let opts = args.conv.options(!args.no_validate, args.strict)?;
    let pool = args.conv.pool()?;
    if args.source.input.is_some() {
        let stdin_only = args.inputs.iter().all(|i| i.as_os_str() == "-") && args.inputs.len() <= 1;
        if args.out_dir.is_some() || !stdin_only {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "--input jsonl reads stdin (INPUT `-` or none) and writes JSON Lines to stdout: no other INPUT, no --out-dir",
            ));
        }
        return convert_stream(&args, &opts, &pool);
    }
    let items = args.source.items(&args.inputs, opts.max_bytes)?;
    let progress = io::stderr().is_terminal();
    let mut reporter = Reporter::new(0, progress, args.quiet);

    if let Some(dir) = &args.out_dir {
        let mut out = OutDir::create(dir, args.force, args.cells())?;
        let result = pool.install(|| {
            pipeline::run(items, &opts, |done| match done {
                Done::Converted(_, Ok(record)) => {
                    reporter.converted(record.warnings.len());
                    out.write(&record)
                }
                Done::Converted(_, Err(e)) | Done::Failed(e) => {
                    reporter.failed(&e);
                    out.error(&e)
                }
                Done::Skipped(path) => {
                    reporter.skipped();
                    out.skipped(&path)
                }
            })
        });
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
            (_, FormatArg::Csv) => Format::Csv(args.cells()),
        };
        let mut writer = Writer::new(stdout_buffered(), format)?;
        let written = pool.install(|| {
            pipeline::run(items, &opts, |done| {
                match done {
                    Done::Converted(_, Ok(record)) => {
                        reporter.converted(record.warnings.len());
                        return writer.write(&record);
                    }
                    Done::Converted(_, Err(e)) | Done::Failed(e) => reporter.failed(&e),
                    Done::Skipped(_) => reporter.skipped(),
                }
                Ok(())
            })
        });
        unless_closed(written.and_then(|()| writer.finish()?.flush()))?;
    }
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(Outcome::failing_if(reporter.counts.failed))
}

/// Standard output behind one large buffer. `Stdout` is line-buffered, so
/// JSON Lines through it cost a `write(2)` per record (a wake-up per record
/// for `| jq`); a duplicate of its file descriptor costs one per 256 KiB.
fn stdout_buffered() -> io::BufWriter<Box<dyn Write + Send>> {
    const CAPACITY: usize = 256 * 1024;
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return io::BufWriter::with_capacity(CAPACITY, Box::new(std::fs::File::from(fd)));
        }
    }
    io::BufWriter::with_capacity(CAPACITY, Box::new(io::stdout()))
}

/// `convert --input jsonl`: documents from stdin, records to stdout in
/// order, flushed per batch; errors as JSON lines on stderr or --errors.
fn convert_stream(
    args: &ConvertArgs,
    opts: &Options,
    pool: &rayon::ThreadPool,
) -> io::Result<Outcome> {
    use crate::stream::{Reader, StreamError};
    let started = Instant::now();
    let cap = crate::stream::line_cap(opts.max_bytes);
    let mut reader = Reader::new(io::BufReader::new(io::stdin()), cap);
    let mut errors_out: Box<dyn Write + Send> = match &args.source.errors {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
        )),
        None => Box::new(io::stderr()),
    };
    let mut writer = Writer::new(stdout_buffered(), Format::JsonLines)?;
    let mut reporter = Reporter::new(0, false, args.quiet);
    let mut failed = 0usize;
    let mut ids = read::Ids::default();
    let stream = || -> io::Result<()> {
        loop {
            let mut errors: Vec<StreamError> = Vec::new();
            let batch = reader.batch(crate::stream::BATCH, &mut errors)?;
            failed += errors.len();
            let more = batch.is_some();
            if let Some(batch) = batch {
                let lines: Vec<usize> = batch.iter().map(|(n, _)| *n).collect();
                let inputs = batch.into_iter().map(|(_, mut input)| {
                    ids.claim(&mut input);
                    Walked::Input(input)
                });
                let mut line = lines.iter();
                pool.install(|| {
                    pipeline::run(inputs, opts, |done| {
                        let n = *line.next().expect("one line per input");
                        match done {
                            Done::Converted(_, Ok(record)) => {
                                reporter.converted(record.warnings.len());
                                writer.write(&record)
                            }
                            Done::Converted(input, Err(e)) => {
                                failed += 1;
                                errors.push(StreamError {
                                    line: n,
                                    id: Some(input.id()),
                                    stage: e.stage().as_str().to_string(),
                                    message: e.message(),
                                });
                                Ok(())
                            }
                            Done::Skipped(_) | Done::Failed(_) => Ok(()),
                        }
                    })
                })?;
            }
            errors.sort_by_key(|e| e.line);
            for e in &errors {
                serde_json::to_writer(&mut errors_out, e)?;
                errors_out.write_all(b"\n")?;
            }
            writer.flush()?;
            errors_out.flush()?;
            if !more {
                break;
            }
        }
        writer.finish()?.flush()
    };
    unless_closed(stream())?;
    reporter.counts.failed = failed;
    reporter.counts.found = reporter.counts.converted + failed;
    reporter.summary(started.elapsed().as_secs_f64());
    Ok(Outcome::failing_if(failed))
}

/// `dateline render`: convert, write one page per article as it comes, then
/// the index (which keeps only small per-article entries).
fn render(args: RenderArgs) -> io::Result<Outcome> {
    use crate::render::{Index, Renderer, page_name};
    let opts = args.conv.options(true, false)?;
    let pool = args.conv.pool()?;
    let items = args.source.items(&args.inputs, opts.max_bytes)?;
    let pages = args.out_dir.join("articles");
    std::fs::create_dir_all(&pages).map_err(crate::write::safe::at(&pages))?;
    let renderer = Renderer::new();
    let mut index = Index::default();
    let mut reporter = Reporter::new(0, false, true);
    let to_io = |e: minijinja::Error| io::Error::other(e.to_string());
    pool.install(|| {
        pipeline::run(items, &opts, |done| {
            match done {
                Done::Converted(_, Ok(record)) => {
                    reporter.converted(record.warnings.len());
                    let html = renderer.article(&record).map_err(to_io)?;
                    crate::write::safe::replace(
                        &pages.join(page_name(&record.id)),
                        html.as_bytes(),
                    )?;
                    index.add(&record);
                }
                Done::Converted(_, Err(e)) | Done::Failed(e) => reporter.failed(&e),
                Done::Skipped(_) => reporter.skipped(),
            }
            Ok::<(), io::Error>(())
        })
    })?;
    crate::write::safe::replace(
        &args.out_dir.join("index.html"),
        renderer.index(&index).map_err(to_io)?.as_bytes(),
    )?;
    Ok(Outcome::failing_if(reporter.counts.failed))
}

/// `dateline check`: convert, then compare each record with its golden (or
/// bless it). Prints differences and a closing `N passed, M failed`.
fn check(args: CheckArgs) -> io::Result<Outcome> {
    use crate::check::{Blessed, Verdict};
    let opts = args.conv.options(true, false)?;
    let pool = args.conv.pool()?;
    let items = args.source.items(&args.inputs, opts.max_bytes)?;
    let mut reporter = Reporter::new(0, false, true);
    let mut out = io::BufWriter::new(io::stdout());
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut seen = std::collections::BTreeSet::new();
    let body = || -> io::Result<()> {
        pool.install(|| {
            pipeline::run(items, &opts, |done| {
                let record = match done {
                    Done::Converted(_, Ok(r)) => r,
                    Done::Converted(_, Err(e)) | Done::Failed(e) => {
                        reporter.failed(&e);
                        failed += 1;
                        return Ok(());
                    }
                    Done::Skipped(_) => return Ok(()),
                };
                seen.insert(crate::check::safe_stem(&record.id));
                if args.bless {
                    match crate::check::bless(&args.golden, &record)? {
                        Blessed::New => writeln!(out, "{}: blessed (new)", record.id)?,
                        Blessed::Changed => writeln!(out, "{}: blessed (changed)", record.id)?,
                        Blessed::Unchanged => {}
                    }
                    passed += 1;
                    return Ok(());
                }
                match crate::check::check(&args.golden, &record, &args.ignore) {
                    Verdict::Pass => passed += 1,
                    Verdict::Missing => {
                        failed += 1;
                        writeln!(
                            out,
                            "{}: no golden at {} (run with --bless to write it)",
                            record.id,
                            crate::check::golden_path(&args.golden, &record.id).display()
                        )?;
                    }
                    Verdict::Unreadable(e) => {
                        failed += 1;
                        writeln!(out, "{}: golden is not JSON: {e}", record.id)?;
                    }
                    Verdict::Differs(diffs) => {
                        failed += 1;
                        for d in diffs {
                            let path = if d.path.is_empty() {
                                "(record)"
                            } else {
                                &d.path
                            };
                            writeln!(
                                out,
                                "{}: {path}: expected {}, got {}",
                                record.id, d.expected, d.got
                            )?;
                        }
                    }
                }
                Ok::<(), io::Error>(())
            })
        })?;
        if args.golden.is_dir() {
            for orphan in crate::check::orphans(&args.golden, &seen)? {
                if args.bless {
                    writeln!(
                        out,
                        "{}: orphaned golden (no input gives it; not removed)",
                        orphan.display()
                    )?;
                } else {
                    failed += 1;
                    writeln!(
                        out,
                        "{}: orphaned golden (no input gives it)",
                        orphan.display()
                    )?;
                }
            }
        }
        writeln!(out, "{passed} passed, {failed} failed")?;
        out.flush()
    };
    unless_closed(body())?;
    Ok(Outcome::failing_if(failed))
}

/// `dateline validate`: every record in JSON (one object or an array) or
/// JSON Lines files, reported as `file:line: instance-path: message`.
fn validate(files: &[PathBuf]) -> io::Result<Outcome> {
    let schema = Schema::new();
    let mut out = io::stdout().lock();
    let mut invalid = 0usize;
    let mut checked = 0usize;
    let mut body = || -> io::Result<()> {
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
        out.flush()
    };
    unless_closed(body())?;
    Ok(Outcome::failing_if(invalid))
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
        assert!(parse_tz("+14:00").is_ok());
        assert!(parse_tz("-12:00").is_ok());
        for bad in ["+99:99", "+07:60", "+15:00", "-14:30"] {
            assert!(parse_tz(bad).is_err(), "{bad} accepted");
        }
    }

    /// A thread count past what any machine has is a usage error (clap's
    /// exit 2), not a run that spawns 65,535 threads.
    #[test]
    fn jobs_are_bounded() {
        let parse = |j: &str| Cli::try_parse_from(["dateline", "convert", "-j", j, "x"]);
        assert!(parse("2").is_ok());
        assert!(parse("256").is_ok());
        for bad in ["0", "257", "65535"] {
            let err = parse(bad).expect_err(bad);
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
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
