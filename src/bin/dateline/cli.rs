//! The command line: clap's types and the dispatch to each subcommand. The
//! only module (with [`crate::source`]) that knows clap.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use dateline::write::csv::Cells;

use crate::commands;
use crate::exit::{Exit, Outcome};
use crate::source::{ConversionArgs, InputArgs};

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
pub struct ExplainArgs {
    /// Article files (or - for stdin).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub conv: ConversionArgs,
}

const RENDER_EXAMPLES: &str = "\
Examples:
  dateline render fixtures/articles --out-dir pages     then open pages/index.html

Pages work offline from the file system (CSS inline, no scripts, no fonts
fetched). Mentions are highlighted per entity kind (blue persons, orange
organizations, green places; underline style and a P/O/L label too);
hover or focus one to see the resolved entity.";

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Files, folders (walked for *.txt) or - for stdin, as for convert.
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub source: InputArgs,

    /// Folder to write index.html and articles/*.html into.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub out_dir: PathBuf,

    #[command(flatten)]
    pub conv: ConversionArgs,
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
pub struct CheckArgs {
    /// Files, folders (walked for *.txt) or - for stdin, as for convert.
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub source: InputArgs,

    /// Folder of golden records, one `<id>.json` per article.
    #[arg(long, value_name = "DIR")]
    pub golden: PathBuf,

    /// Write or update the goldens instead of comparing (says which changed).
    #[arg(long)]
    pub bless: bool,

    /// A field not to compare, e.g. `source.path` or `people[*].mentions`; repeatable.
    #[arg(long, value_name = "PATH")]
    pub ignore: Vec<crate::golden::Ignore>,

    #[command(flatten)]
    pub conv: ConversionArgs,
}

/// What goes to stdout without --out-dir.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// One JSON object per line.
    Jsonl,
    /// One indented JSON array.
    Json,
    /// The articles table as CSV.
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Files, folders (walked recursively for *.txt, sorted by path), or - for stdin.
    #[arg(value_name = "INPUT", required_unless_present_any = ["files_from", "input"])]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub source: InputArgs,

    /// Write articles.jsonl, the CSV tables, errors.jsonl and summary.json into DIR.
    ///
    /// The set is replaced at once: the names are links through
    /// DIR/.dateline-current, switched in one rename when the run is
    /// complete. Ctrl-C removes the unfinished set (exit 130). A folder
    /// walk does not enter DIR, so `convert . -o out` never reads its output.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace the dateline files in a non-empty --out-dir (other files stay).
    #[arg(long, requires = "out_dir")]
    pub force: bool,

    /// Output format on stdout (without --out-dir).
    #[arg(
        short,
        long,
        value_enum,
        default_value = "jsonl",
        conflicts_with = "out_dir"
    )]
    pub format: FormatArg,

    /// Same as -f json.
    #[arg(long, conflicts_with_all = ["format", "out_dir"])]
    pub pretty: bool,

    /// For CSV opened in Excel or LibreOffice: a cell starting with = + - @,
    /// a tab or a CR gets a leading ' so it is never run as a formula.
    /// Leave it off for pandas, DuckDB and scripts (cells stay exact).
    #[arg(long)]
    pub csv_safe: bool,

    /// Fail any input whose record has warnings (exit 1), for zero-tolerance CI.
    #[arg(long)]
    pub strict: bool,

    /// Skip checking each record against the JSON Schema (faster; see README).
    #[arg(long)]
    pub no_validate: bool,

    /// No progress bar or summary line on stderr (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub conv: ConversionArgs,
}

impl ConvertArgs {
    /// How CSV cells are written (`--csv-safe`).
    pub fn cells(&self) -> Cells {
        if self.csv_safe {
            Cells::SpreadsheetSafe
        } else {
            Cells::Faithful
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// JSON or JSON Lines files of records, or - for stdin.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Convert(args) => commands::convert::run(args),
        Command::Schema => {
            let mut out = std::io::stdout().lock();
            out.write_all(dateline::schema::SCHEMA.as_bytes())?;
            out.flush()?;
            Ok(Exit::Success)
        }
        Command::Validate(args) => commands::validate::run(&args.files),
        Command::Check(args) => commands::check::run(args),
        Command::Render(args) => commands::render::run(args),
        Command::Explain(args) => commands::explain::run(&args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
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
}
