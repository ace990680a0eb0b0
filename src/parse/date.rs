//! The one grammar for a written date, used by the header (`28/10/2022`,
//! `October 28, 2022`), the dateline (`VIENTIANE, Dec. 6 (VNA)`) and the
//! lede's event (`on 6 December`).
//!
//! It only recognizes what is written; what a date means (day-first or
//! month-first, which year a yearless date falls in) is for the caller.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{alpha1, char, one_of};
use nom::combinator::{consumed, map_res, not, opt, peek, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::lexicon;

/// A date as written, before interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWritten {
    /// Year, month and day in a fixed order (ISO, or a month name).
    Full(i32, u32, u32),
    /// `a/b/yyyy`: day-first unless the weekday or a number > 12 says otherwise.
    Numeric(u32, u32, i32),
    /// Year and month only (` date 2024-03`).
    Month(i32, u32),
    /// Month and day without a year (`Dec. 6`, `6 December`).
    Yearless(u32, u32),
}

type Res<'a, T> = IResult<&'a str, T>;

/// `min..=max` digits as a number.
pub(super) fn digits<'a>(
    min: usize,
    max: usize,
) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        str::parse,
    )
}

/// `min..=max` digits, not followed by another digit: a date's parts.
fn number<'a>(
    min: usize,
    max: usize,
) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    terminated(digits(min, max), not(peek(one_of("0123456789"))))
}

fn year(i: &str) -> Res<'_, i32> {
    number(4, 4).map(|y| y as i32).parse(i)
}

/// `Dec.`, `October`: a month name or abbreviation in any case.
fn month_word(i: &str) -> Res<'_, u32> {
    map_res(terminated(alpha1, opt(char('.'))), |w: &str| {
        lexicon::month(w).ok_or(())
    })
    .parse(i)
}

/// `6`, `6th`, `21st`.
fn ordinal(i: &str) -> Res<'_, u32> {
    terminated(
        number(1, 2),
        opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
    )
    .parse(i)
}

/// White space between the parts, the no-break space included.
fn gap(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

/// `, 2022` or ` 2022` after the day or month.
fn year_after(i: &str) -> Res<'_, i32> {
    preceded((opt(char(',')), gap), year).parse(i)
}

fn with_year(m: u32, d: u32, y: Option<i32>) -> DateWritten {
    match y {
        Some(y) => DateWritten::Full(y, m, d),
        None => DateWritten::Yearless(m, d),
    }
}

/// `2022-10-28`, `2022/10/28`, or month-only `2024-03`.
pub fn iso_date(i: &str) -> Res<'_, DateWritten> {
    let (i, y) = year(i)?;
    let (i, m) = preceded(one_of("-/"), number(1, 2)).parse(i)?;
    let (i, d) = opt(preceded(one_of("-/"), number(1, 2))).parse(i)?;
    Ok((
        i,
        match d {
            Some(d) => DateWritten::Full(y, m, d),
            None => DateWritten::Month(y, m),
        },
    ))
}

/// `28/10/2022`, `28-10-2022`, `28.10.2022`.
fn numeric_date(i: &str) -> Res<'_, DateWritten> {
    let (i, a) = number(1, 2).parse(i)?;
    let (i, sep) = one_of("/-.").parse(i)?;
    let (i, b) = number(1, 2).parse(i)?;
    let (i, y) = preceded(char(sep), year).parse(i)?;
    Ok((i, DateWritten::Numeric(a, b, y)))
}

/// `October 28, 2022`, `Oct. 28 2022`, `Dec. 6`.
fn month_first(i: &str) -> Res<'_, DateWritten> {
    let (i, m) = terminated(month_word, gap).parse(i)?;
    let (i, d) = ordinal(i)?;
    let (i, y) = opt(year_after).parse(i)?;
    Ok((i, with_year(m, d, y)))
}

/// `28 October 2022`, `28 Oct, 2022`, `6 December`.
fn day_first(i: &str) -> Res<'_, DateWritten> {
    let (i, d) = terminated(ordinal, gap).parse(i)?;
    let (i, m) = month_word(i)?;
    let (i, y) = opt(year_after).parse(i)?;
    Ok((i, with_year(m, d, y)))
}

/// A header's date: every form, with a year.
pub fn calendar_date(i: &str) -> Res<'_, DateWritten> {
    verify(alt((iso_date, numeric_date, month_first, day_first)), |d| {
        !matches!(d, DateWritten::Yearless(..))
    })
    .parse(i)
}

/// A date in running text or a dateline: a capitalized month name with a
/// day, the year optional (`December 6`, `6 Dec.`, `October 25, 2022`),
/// ending at a word boundary.
pub fn prose_date(i: &str) -> Res<'_, DateWritten> {
    // The month is the first word that starts with a letter (`21st October`).
    let capitalized = |s: &str| {
        s.split_whitespace()
            .find_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
            .is_some_and(char::is_uppercase)
    };
    // A day a month can have: `December 45` is a number after a month.
    let day = |d: &DateWritten| match *d {
        DateWritten::Full(_, _, d) | DateWritten::Yearless(_, d) => (1..=31).contains(&d),
        _ => false,
    };
    let (i, (_, date)) = verify(consumed(alt((month_first, day_first))), |(s, d)| {
        capitalized(s) && day(d)
    })
    .parse(i)?;
    let (i, _) = not(peek(verify(nom::character::complete::anychar, |c| {
        c.is_alphanumeric()
    })))
    .parse(i)?;
    Ok((i, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(s: &str) -> Option<DateWritten> {
        prose_date(s).ok().map(|(_, d)| d)
    }

    #[test]
    fn prose_dates_with_and_without_a_year() {
        use DateWritten::*;
        assert_eq!(prose("December 6 in Hanoi"), Some(Yearless(12, 6)));
        assert_eq!(prose("Dec. 6 (VNA)"), Some(Yearless(12, 6)));
        assert_eq!(prose("6 December, the"), Some(Yearless(12, 6)));
        assert_eq!(prose("21st October"), Some(Yearless(10, 21)));
        assert_eq!(prose("October 25, 2022."), Some(Full(2022, 10, 25)));
        assert_eq!(prose("25 October 2022,"), Some(Full(2022, 10, 25)));
        // Hard-wrapped text and the no-break space are white space too.
        assert_eq!(prose("December\n6"), Some(Yearless(12, 6)));
        assert_eq!(prose("December\u{a0}6"), Some(Yearless(12, 6)));
    }

    #[test]
    fn what_is_not_a_prose_date() {
        assert_eq!(prose("may 5"), None, "a month is capitalized in prose");
        assert_eq!(prose("December 2022"), None, "no day");
        assert_eq!(prose("December 123"), None);
        assert_eq!(prose("December 6am"), None);
        assert_eq!(prose("December 45"), None);
        assert_eq!(prose("0 December"), None);
        assert_eq!(prose("Monday 6"), None);
    }

    #[test]
    fn a_calendar_date_has_a_year() {
        assert_eq!(
            calendar_date("28/10/2022").map(|(_, d)| d),
            Ok(DateWritten::Numeric(28, 10, 2022))
        );
        assert!(calendar_date("October 28").is_err());
        assert!(calendar_date("20223-10-28").is_err());
    }
}
