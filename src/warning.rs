//! Doubts about an article that do not stop its conversion. In the code a
//! warning is a [`Code`] and a detail; the record writes it as the string
//! `code: detail`, which is the contract users filter on.

use std::fmt;

/// What kind of doubt a warning reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// Not UTF-8 and no byte-order mark: the encoding was detected.
    GuessedEncoding,
    /// Bytes invalid in the encoding were replaced with U+FFFD.
    InvalidBytes,
    /// No publication date line was found.
    NoHeader,
    /// The date line gives a year and month only.
    MonthOnlyDate,
    /// The date line is not a date in the calendar.
    InvalidDate,
    /// The stated weekday is not the date's.
    WeekdayMismatch,
    /// The article has no body paragraphs.
    NoBody,
    /// An image marker has no caption.
    ImageWithoutCaption,
    /// A repeated image title was taken out of the body.
    ImageTitle,
    /// A short mention could be more than one person.
    AmbiguousMention,
}

impl Code {
    /// Every code, in the order the README lists them.
    pub const ALL: [Code; 10] = [
        Code::NoHeader,
        Code::WeekdayMismatch,
        Code::InvalidDate,
        Code::MonthOnlyDate,
        Code::GuessedEncoding,
        Code::InvalidBytes,
        Code::NoBody,
        Code::ImageWithoutCaption,
        Code::ImageTitle,
        Code::AmbiguousMention,
    ];

    /// The code as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::GuessedEncoding => "guessed-encoding",
            Code::InvalidBytes => "invalid-bytes",
            Code::NoHeader => "no-header",
            Code::MonthOnlyDate => "month-only-date",
            Code::InvalidDate => "invalid-date",
            Code::WeekdayMismatch => "weekday-mismatch",
            Code::NoBody => "no-body",
            Code::ImageWithoutCaption => "image-without-caption",
            Code::ImageTitle => "image-title",
            Code::AmbiguousMention => "ambiguous-mention",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One warning: its code and what the article said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What kind of doubt.
    pub code: Code,
    /// The detail, for a person to read.
    pub detail: String,
}

impl Warning {
    /// A warning with its detail.
    pub fn new(code: Code, detail: impl Into<String>) -> Self {
        Warning {
            code,
            detail: detail.into(),
        }
    }
}

/// `code: detail`, as the record writes it.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_lists_every_code() {
        let readme = include_str!("../README.md");
        let line = readme
            .lines()
            .find(|l| l.starts_with("| `warnings` |"))
            .expect("README's record table has a warnings row");
        for code in Code::ALL {
            assert!(line.contains(&format!("`{code}`")), "README lacks {code}");
        }
        assert_eq!(
            Warning::new(Code::NoBody, "no body").to_string(),
            "no-body: no body"
        );
    }
}
