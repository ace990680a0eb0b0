//! Accounting for a run: what was found, converted, failed and skipped, the
//! progress bar, and the closing summary line. The one place (with
//! `main.rs`) allowed to print.
#![allow(clippy::print_stderr)]

use indicatif::{ProgressBar, ProgressStyle};

use crate::error::Error;

/// Counts for a run. `found = converted + failed + skipped` always holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Inputs found (files and arguments).
    pub found: usize,
    /// Inputs that became records.
    pub converted: usize,
    /// Inputs that became errors.
    pub failed: usize,
    /// Files met while walking folders that are not `*.txt`.
    pub skipped: usize,
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
    bar: Option<ProgressBar>,
}

impl Reporter {
    /// A reporter; `progress` shows a bar of `total` inputs (use it only when
    /// stderr is a terminal), `quiet` silences bar and summary.
    pub fn new(total: usize, progress: bool, quiet: bool) -> Self {
        let bar = (progress && !quiet).then(|| {
            // The walk is lazy, so the total is usually unknown: a counter.
            let (bar, template) = if total > 0 {
                (
                    ProgressBar::new(total as u64),
                    "{bar:40} {pos}/{len} articles {per_sec} eta {eta}",
                )
            } else {
                (
                    ProgressBar::new_spinner(),
                    "{spinner} {pos} articles {per_sec}",
                )
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
            bar
        });
        Reporter {
            counts: Counts::default(),
            quiet,
            bar,
        }
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
        match &self.bar {
            Some(bar) => {
                bar.inc(1);
                bar.suspend(|| eprintln!("{}", for_terminal(&error.to_string())));
            }
            None => eprintln!("{}", for_terminal(&error.to_string())),
        }
    }

    /// Count a skipped file.
    pub fn skipped(&mut self) {
        self.counts.found += 1;
        self.counts.skipped += 1;
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
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
            "dateline: {} found, {} converted, {} failed, {} skipped, {} warnings in {:.2}s ({:.0} articles/s)",
            c.found, c.converted, c.failed, c.skipped, c.warnings, seconds, rate
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
