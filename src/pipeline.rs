//! Runs the stages for many inputs: read → parse → normalize on rayon's pool,
//! results handed back in input order, a bounded window at a time so memory
//! stays flat however many files there are.

use rayon::prelude::*;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use crate::error::{Error, ErrorKind, Stage};
use crate::lexicon::Lexicon;
use crate::model::Record;
use crate::normalize::normalize;
use crate::parse::{ParseOptions, parse_article};
use crate::read::{self, Input, Walked};
use crate::schema::Schema;

/// How many inputs are in flight at once.
const WINDOW: usize = 256;

/// The default of [`Options::max_bytes`]: 10 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Settings for a conversion.
#[derive(Debug)]
pub struct Options {
    /// Parser settings (default time zone).
    pub parse: ParseOptions,
    /// Inputs larger than this many bytes are refused.
    pub max_bytes: u64,
    /// The lexicon, compiled once for the whole run.
    pub lexicon: Lexicon,
    /// The record schema, compiled once; `None` skips validation
    /// (`--no-validate`).
    pub schema: Option<Schema>,
    /// Any warning fails the input (`--strict`).
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            parse: ParseOptions::default(),
            max_bytes: DEFAULT_MAX_BYTES,
            lexicon: Lexicon::embedded(),
            schema: Some(Schema::new()),
            strict: false,
        }
    }
}

/// Convert an article's text, already decoded, under the record id `id`
/// (its `source.path` is `-`).
pub fn convert_text(id: &str, text: &str, opts: &Options) -> Result<Record, Error> {
    let input = Input::Stream {
        id: id.to_string(),
        path: "-".to_string(),
        text: String::new(),
    };
    convert_bytes(&input, text.as_bytes(), opts)
}

/// Convert raw bytes already read from `input`, and validate the record
/// unless validation is off.
pub fn convert_bytes(input: &Input, bytes: &[u8], opts: &Options) -> Result<Record, Error> {
    let text = during(Stage::Decode, || read::decode(input, bytes))?;
    let parsed = during(Stage::Parse, || parse_article(&text, &opts.parse))?;
    let record = during(Stage::Normalize, || normalize(text, parsed, &opts.lexicon));
    if let Some(schema) = &opts.schema {
        let violations = during(Stage::Validate, || schema.check_record(&record));
        if !violations.is_empty() {
            return Err(Error::new(
                input.display(),
                Stage::Validate,
                ErrorKind::Schema(violations),
            ));
        }
    }
    if opts.strict && !record.warnings.is_empty() {
        return Err(Error::new(
            input.display(),
            Stage::Validate,
            ErrorKind::Warned(record.warnings),
        ));
    }
    Ok(record)
}

/// Convert raw bytes like [`convert_bytes`] (no validation), and explain how
/// each person's facts were found (`dateline explain`).
pub fn explain_bytes(
    input: &Input,
    bytes: &[u8],
    opts: &Options,
) -> Result<(Record, String), Error> {
    let text = read::decode(input, bytes)?;
    let parsed = parse_article(&text, &opts.parse)?;
    let (record, explanation) = crate::normalize::normalize_explained(text, parsed, &opts.lexicon);
    let out = crate::normalize::explain::render(&record, &explanation);
    Ok((record, out))
}

thread_local! {
    /// The stage this thread is running, so a panic is labelled with it.
    static STAGE: std::cell::Cell<Stage> = const { std::cell::Cell::new(Stage::Read) };
}

/// Run `f` as `stage` (for the label of a panic inside it).
fn during<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    STAGE.with(|s| s.set(stage));
    f()
}

/// Read and convert one input. A panic in any stage becomes this input's
/// error, so one bad article never takes the run down with it.
pub fn convert_input(input: &Input, opts: &Options) -> Result<Record, Error> {
    let bytes = read::read_bytes(input, opts.max_bytes)?;
    guarded(input, || convert_bytes(input, &bytes, opts))
}

/// `f`, with a panic turned into an `internal error` of `input`, labelled
/// with the stage that panicked.
fn guarded(input: &Input, f: impl FnOnce() -> Result<Record, Error>) -> Result<Record, Error> {
    STAGE.with(|s| s.set(Stage::Read));
    std::panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(Error::new(
            input.display(),
            STAGE.with(|s| s.get()),
            ErrorKind::Internal(message),
        ))
    })
}

/// What became of one item.
#[derive(Debug)]
// Nearly every item is `Converted`; boxing it would add an allocation per article.
#[allow(clippy::large_enum_variant)]
pub enum Done {
    /// An input and its record or error.
    Converted(Input, Result<Record, Error>),
    /// A file a folder walk did not select (see [`crate::read::Select`]).
    Ignored(PathBuf),
    /// A folder entry that could not be read.
    Failed(Error),
}

fn finish(item: Walked, opts: &Options) -> Done {
    match item {
        Walked::Input(input) => {
            let result = convert_input(&input, opts);
            Done::Converted(input, result)
        }
        Walked::Ignored(path) => Done::Ignored(path),
        Walked::Failed(e) => Done::Failed(e),
    }
}

/// Convert every item in parallel and hand each outcome to `sink` in input
/// order. Items are pulled from `items` a window at a time (the walk stays
/// lazy), and windows overlap: while the pool converts one, `sink` takes the
/// one before, so writing never idles the workers. At most two windows are
/// in memory. Stops early only if `sink` fails (e.g. a closed pipe).
pub fn run<E: Send>(
    items: impl IntoIterator<Item = Walked>,
    opts: &Options,
    sink: impl FnMut(Done) -> Result<(), E> + Send,
) -> Result<(), E> {
    run_rendered(items, opts, |done| done, sink)
}

/// [`run`], with each outcome first made into a `T` by `render` on the
/// worker that converted it, in parallel: serializing a record there, where
/// it was built and is still in that core's cache, and dropping it there,
/// leaves `sink` only bytes to copy, so one sink thread does not hold up
/// the pool.
pub fn run_rendered<T: Send, E: Send>(
    items: impl IntoIterator<Item = Walked>,
    opts: &Options,
    render: impl Fn(Done) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E> + Send,
) -> Result<(), E> {
    let mut items = items.into_iter();
    let mut done: Vec<T> = Vec::new();
    loop {
        let window: Vec<Walked> = items.by_ref().take(WINDOW).collect();
        if window.is_empty() {
            break;
        }
        let mut next = Vec::with_capacity(window.len());
        let (written, ()) = rayon::join(
            || done.drain(..).try_for_each(&mut sink),
            || {
                window
                    .into_par_iter()
                    .map(|item| render(finish(item, opts)))
                    .collect_into_vec(&mut next)
            },
        );
        written?;
        done = next;
    }
    done.into_iter().try_for_each(sink)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rendered outcomes reach the sink in input order, one per item,
    /// across more than one window, whichever worker rendered them.
    #[test]
    fn rendered_outcomes_arrive_in_input_order() {
        let n = 2 * WINDOW + 7;
        let items = (0..n).map(|i| {
            Walked::Input(Input::Stream {
                id: format!("doc-{i}"),
                path: "-".to_string(),
                // Every third text fails, so errors and records interleave.
                text: if i % 3 == 0 {
                    String::new()
                } else {
                    format!("Lede {i}.")
                },
            })
        });
        let opts = Options::default();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        pool.install(|| {
            run_rendered(
                items,
                &opts,
                |done| match done {
                    Done::Converted(_, Ok(record)) => (record.id, true),
                    Done::Converted(input, Err(_)) => (input.id(), false),
                    other => panic!("{other:?}"),
                },
                |rendered| {
                    seen.push(rendered);
                    Ok::<(), ()>(())
                },
            )
        })
        .unwrap();
        let expected: Vec<_> = (0..n).map(|i| (format!("doc-{i}"), i % 3 != 0)).collect();
        assert_eq!(seen, expected);
    }

    /// A panic says which stage it came from, not always `normalize`.
    #[test]
    fn a_panic_is_labelled_with_its_stage() {
        let input = Input::file("x.txt");
        for stage in [
            Stage::Decode,
            Stage::Parse,
            Stage::Normalize,
            Stage::Validate,
        ] {
            let err = guarded(&input, || during(stage, || panic!("boom"))).unwrap_err();
            assert_eq!(err.stage(), stage);
            assert!(err.to_string().contains("boom"), "{err}");
        }
    }
}
