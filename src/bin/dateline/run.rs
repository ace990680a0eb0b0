//! The one loop every subcommand runs: convert items in parallel, hand each
//! finished one to a [`Sink`] in input order, and keep the counts.

use std::io::{self, Write};
use std::path::Path;

use dateline::pipeline::{self, Done, Options};
use dateline::read::{Input, Walked};
use dateline::{Error, Record};

use crate::report::Reporter;

/// Where a subcommand puts what the run finishes, in input order. The
/// counts and the stderr lines are [`run`]'s; a sink only writes.
pub trait Sink {
    /// A converted record.
    fn record(&mut self, input: &Input, record: Record) -> io::Result<()>;

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

/// Convert `items` on `pool`, count each outcome in `reporter` and give it
/// to `sink`. Stops early only when the sink fails (a closed pipe, a full
/// disk).
pub fn run(
    items: impl IntoIterator<Item = Walked> + Send,
    opts: &Options,
    pool: &rayon::ThreadPool,
    reporter: &mut Reporter,
    sink: &mut (impl Sink + Send),
) -> io::Result<()> {
    pool.install(|| {
        pipeline::run(items, opts, |done| match done {
            Done::Converted(input, Ok(record)) => {
                reporter.converted(record.warnings.len());
                sink.record(&input, record)
            }
            Done::Converted(input, Err(e)) => {
                reporter.failed(&e);
                sink.failed(Some(&input), &e)
            }
            Done::Failed(e) => {
                reporter.failed(&e);
                sink.failed(None, &e)
            }
            Done::Ignored(path) => {
                reporter.ignored();
                sink.ignored(&path)
            }
        })
    })
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
