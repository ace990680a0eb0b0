//! Accounting for a run: what was found, converted, failed and skipped. The
//! one place (with `main.rs`) allowed to print.
#![allow(clippy::print_stderr)]

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

/// Prints per-file errors as `path: stage: message` on stderr.
#[derive(Debug, Default)]
pub struct Reporter {
    /// The counts so far.
    pub counts: Counts,
    /// Silence the summary line.
    pub quiet: bool,
}

impl Reporter {
    /// Count a converted record with its warnings.
    pub fn converted(&mut self, warnings: usize) {
        self.counts.found += 1;
        self.counts.converted += 1;
        self.counts.warnings += warnings;
    }

    /// Count and print a failed input.
    pub fn failed(&mut self, error: &Error) {
        self.counts.found += 1;
        self.counts.failed += 1;
        eprintln!("{error}");
    }

    /// Count a skipped file.
    pub fn skipped(&mut self) {
        self.counts.found += 1;
        self.counts.skipped += 1;
    }

    /// Print the closing summary line unless quiet.
    pub fn summary(&self, seconds: f64) {
        if self.quiet {
            return;
        }
        let c = &self.counts;
        eprintln!(
            "dateline: {} found, {} converted, {} failed, {} skipped, {} warnings in {:.2}s",
            c.found, c.converted, c.failed, c.skipped, c.warnings, seconds
        );
    }
}
