//! The one loop every subcommand runs: convert items in parallel, hand each
//! finished one to a [`Sink`] in input order, and keep the counts.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use dateline::pipeline::{self, Done, Options};
use dateline::read::{Input, Walked};
use dateline::write::{self, Format};
use dateline::{Error, Record};

use crate::report::Reporter;

/// How a worker makes a record ready for a [`Sink`], on its own thread.
pub type Render<T> = Box<dyn Fn(Record) -> io::Result<T> + Send + Sync>;

/// Where a subcommand puts what the run finishes, in input order. The
/// counts and the stderr lines are [`run`]'s; a sink only writes.
pub trait Sink {
    /// A record made ready to write (its bytes, for most sinks).
    type Rendered: Send;

    /// How workers render records for this sink: in parallel, each on the
    /// thread that converted it, so the sink is left only the writing.
    fn render(&self) -> Render<Self::Rendered>;

    /// A converted record, as rendered.
    fn record(&mut self, input: &Input, record: Self::Rendered) -> io::Result<()>;

    /// An input that failed (`None`: a folder entry or stream line that
    /// never became an input).
    fn failed(&mut self, _input: Option<&Input>, _error: &Error) -> io::Result<()> {
        Ok(())
    }

    /// A file the folder walk did not select.
    fn ignored(&mut self, _path: &Path) -> io::Result<()> {
        Ok(())
    }
}

/// What a worker hands the sink.
enum Ready<T> {
    /// A record, rendered, with its count of warnings.
    Record(Input, usize, io::Result<T>),
    /// An input that failed, or a folder entry or stream line that never
    /// became one.
    Failed(Option<Input>, Error),
    /// A file the folder walk did not select.
    Ignored(PathBuf),
}

/// Convert `items` on `pool`, count each outcome in `reporter` and give it
/// to `sink`. Stops early only when the sink fails (a closed pipe, a full
/// disk).
pub fn run<S: Sink + Send>(
    items: impl IntoIterator<Item = Walked> + Send,
    opts: &Options,
    pool: &rayon::ThreadPool,
    reporter: &mut Reporter,
    sink: &mut S,
) -> io::Result<()> {
    let render = sink.render();
    let render = |done| match done {
        Done::Converted(input, Ok(record)) => {
            let warnings = record.warnings.len();
            Ready::Record(input, warnings, render(record))
        }
        Done::Converted(input, Err(e)) => Ready::Failed(Some(input), e),
        Done::Failed(e) => Ready::Failed(None, e),
        Done::Ignored(path) => Ready::Ignored(path),
    };
    pool.install(|| {
        pipeline::run_rendered(items, opts, render, |ready| match ready {
            Ready::Record(input, warnings, rendered) => {
                reporter.converted(warnings);
                sink.record(&input, rendered?)
            }
            Ready::Failed(input, e) => {
                reporter.failed(&e);
                sink.failed(input.as_ref(), &e)
            }
            Ready::Ignored(path) => {
                reporter.ignored();
                sink.ignored(&path)
            }
        })
    })
}

/// Records rendered for a [`Writer`](dateline::write::Writer) of `format`.
pub fn render_with(format: Format) -> Render<Vec<u8>> {
    Box::new(move |record| Ok(write::exact(|buf| format.render(&record, buf))?.0))
}

/// A closed stdout (`dateline … | head`) ends the run quietly: it is not an
/// error, and the exit code still counts what failed before it.
pub fn unless_closed(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Standard output behind one large buffer. `Stdout` is line-buffered, so
/// JSON Lines through it cost a `write(2)` per record (a wake-up per record
/// for `| jq`); a duplicate of its file descriptor costs one per 256 KiB.
pub fn stdout_buffered() -> io::BufWriter<Box<dyn Write + Send>> {
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
