//! Where inputs come from and the settings every converting subcommand
//! shares, validated into the library's [`Options`].

use std::io;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use dateline::lexicon::Lexicon;
use dateline::parse::{Offset, ParseOptions};
use dateline::pipeline::{DEFAULT_MAX_BYTES, Options};
use dateline::read::{self, Select, Walked};
use dateline::schema::Schema;
use dateline::stream;

use crate::exit::Stop;

/// Where inputs come from, besides the INPUT arguments.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Also read input paths from FILE (- for stdin), one per line.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// With --files-from: paths are NUL-separated (as `find -print0` writes them).
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,

    /// Read documents from stdin as JSON Lines `{"id", "text", "path"?}`
    /// instead of files; records leave in the same order, flushed per batch.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "files_from")]
    pub input: Option<InputFormat>,

    /// With --input jsonl: write error lines to FILE instead of stderr.
    #[arg(long, value_name = "FILE", requires = "input")]
    pub errors: Option<PathBuf>,

    /// Which files a folder walk reads, by name (`*.txt`), or by path under
    /// the folder when the pattern has a `/` (`2024/**/*.txt`); repeatable.
    /// Other files are counted as ignored, never errors. Files named on the
    /// command line are always read.
    #[arg(short = 'g', long = "glob", value_name = "GLOB", default_value = "*.txt",
          value_parser = parse_glob)]
    pub globs: Vec<String>,
}

/// Stream input formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// One JSON document per line: {"id": ..., "text": ..., "path": ...}.
    Jsonl,
}

fn parse_glob(s: &str) -> Result<String, String> {
    Select::new([s])
        .map(|_| s.to_string())
        .map_err(|e| format!("not a glob pattern: {e}"))
}

impl InputArgs {
    /// INPUT arguments plus --files-from paths plus, with --input jsonl
    /// (check and render), the documents on stdin: a lazy walk.
    /// A folder walk does not enter `out`, the run's own output folder.
    pub fn items(
        &self,
        args: &[PathBuf],
        max_bytes: u64,
        out: Option<&Path>,
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
        let mut select = Select::new(&self.globs).expect("checked by clap");
        if let Some(out) = out {
            select = select.skip_folder(out);
        }
        let walk = read::walk_raw(paths, &select);
        if self.input.is_some() {
            let stdin = io::BufReader::new(io::stdin());
            let docs = stream::walk(stream::Reader::new(stdin, stream::line_cap(max_bytes)));
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
pub struct ConversionArgs {
    /// UTC offset for published times that state none.
    #[arg(long, default_value_t = Offset::default(), value_name = "OFFSET")]
    pub tz: Offset,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,

    /// Extra lexicon rows (`TABLE<TAB>columns…`, tables as in src/lexicon/*.tsv); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Worker threads, 1 to 256 (default: all cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
}

impl ConversionArgs {
    /// The library's options; a `--lexicon` file that cannot be read or
    /// holds a bad row is a usage error.
    pub fn options(&self, validate: bool, strict: bool) -> Result<Options, Stop> {
        let lexicon = Lexicon::with_files(&self.lexicon).map_err(|e| Stop::Usage(e.to_string()))?;
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

    /// The worker pool (`-j`).
    pub fn pool(&self) -> io::Result<rayon::ThreadPool> {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.jobs {
            pool = pool.num_threads(n.into());
        }
        pool.build().map_err(io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tz_must_be_an_offset() {
        let parse = |s: &str| s.parse::<Offset>();
        for good in ["+07:00", "-05:30", "+14:00", "-12:00"] {
            assert!(parse(good).is_ok(), "{good} refused");
        }
        for bad in ["GMT+7", "+99:99", "+07:60", "+15:00", "-14:30", "+7:00"] {
            assert!(parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn a_bad_glob_is_refused() {
        assert!(parse_glob("*.txt").is_ok());
        assert!(parse_glob("[").is_err());
    }
}
