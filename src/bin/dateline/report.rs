//! Accounting for a run: what was found, converted, failed and ignored, the
//! progress bar, and the closing summary line. The one place (with
//! `main.rs`) allowed to print.
#![allow(clippy::print_stderr)]

use indicatif::{ProgressBar, ProgressStyle};

use dateline::error::Error;

/// Counts for a run. `found = converted + failed` always holds; ignored
/// files are not inputs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Inputs found (files and arguments).
    pub found: usize,
    /// Inputs that became records.
    pub converted: usize,
    /// Inputs that became errors.
    pub failed: usize,
    /// Files a folder walk did not select (`--glob`).
    pub ignored: usize,
    /// Warnings in converted records.
    pub warnings: usize,
}

/// Prints per-file errors as `path: stage: message` on stderr, keeps the
/// counts and drives the progress bar.
#[derive(Debug, Default)]
pub struct Reporter {
    /// The counts so far.
    pub counts: Counts,
    quiet: bool,
    print_errors: bool,
    bar: Option<ProgressBar>,
}

impl Reporter {
    /// A reporter; `progress` shows a counter (use it only when stderr is a
    /// terminal), `quiet` silences counter and summary line. Failures are
    /// printed on stderr as `path: stage: message` unless
    /// [`Reporter::errors_elsewhere`].
    pub fn new(progress: bool, quiet: bool) -> Self {
        let bar = (progress && !quiet).then(|| {
            // The walk is lazy, so the total is unknown: a counter.
            let bar = ProgressBar::new_spinner();
            let style = ProgressStyle::with_template("{spinner} {pos} articles {per_sec}")
                .expect("valid template");
            bar.set_style(style);
            bar
        });
        Reporter {
            counts: Counts::default(),
            quiet,
            print_errors: true,
            bar,
        }
    }

    /// Failures are reported by the caller (as stream error lines): only
    /// count them.
    pub fn errors_elsewhere(mut self) -> Self {
        self.print_errors = false;
        self
    }

    /// Count a converted record with its warnings.
    pub fn converted(&mut self, warnings: usize) {
        self.counts.found += 1;
        self.counts.converted += 1;
        self.counts.warnings += warnings;
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Count and print a failed input.
    pub fn failed(&mut self, error: &Error) {
        self.counts.found += 1;
        self.counts.failed += 1;
        if !self.print_errors {
            return;
        }
        match &self.bar {
            Some(bar) => {
                bar.inc(1);
                bar.suspend(|| eprintln!("{}", for_terminal(&error.to_string())));
            }
            None => eprintln!("{}", for_terminal(&error.to_string())),
        }
    }

    /// Count `n` failures the caller reported itself (stream lines that
    /// never became documents).
    pub fn failed_elsewhere(&mut self, n: usize) {
        self.counts.found += n;
        self.counts.failed += n;
    }

    /// Count a file the walk did not select.
    pub fn ignored(&mut self) {
        self.counts.ignored += 1;
    }

    /// Clear the bar and print the closing summary line unless quiet.
    pub fn summary(&self, seconds: f64) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.quiet {
            return;
        }
        let c = &self.counts;
        let rate = if seconds > 0.0 {
            c.converted as f64 / seconds
        } else {
            0.0
        };
        eprintln!(
            "dateline: {} found, {} converted, {} failed, {} ignored, {} warnings in {:.2}s ({:.0} articles/s)",
            c.found, c.converted, c.failed, c.ignored, c.warnings, seconds, rate
        );
    }
}

/// `text` with every control character (C0, DEL, C1) written as `\u{..}`,
/// so a file name holding terminal escapes cannot retitle, clear or recolor
/// the terminal it is printed on.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::for_terminal;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            for_terminal("a\u{1b}[2J\u{9b}b\tc"),
            "a\\u{1b}[2J\\u{9b}b\\u{9}c"
        );
        assert_eq!(for_terminal("Hà Nội"), "Hà Nội");
    }
}
