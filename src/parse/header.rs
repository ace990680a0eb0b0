//! The header: format A's ` date YYYY-MM-DD ` prefix, and the date lines of
//! format B and its relatives (`Thứ Sáu, 28/10/2022, 08:06`,
//! `Friday, October 28, 2022 08:06`, `April 22, 2021 | 20:39 (GMT+7)`,
//! `Published: 2022-09-16 14:24:08`, …).
//!
//! The nom grammar only recognizes what is written; [`resolve`] then decides
//! what it means (day-first, weekday checks, impossible dates) and says so in
//! warnings.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1};
use nom::character::complete::{alpha1, char, line_ending, multispace0, one_of, space0, space1};
use nom::combinator::{all_consuming, consumed, eof, map, map_res, opt, recognize};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::date::{DateWritten, calendar_date, digits, iso_date};
use crate::lexicon;
use crate::model::Published;
use crate::warning::{Code, Warning};

/// A date line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The date.
    pub date: DateWritten,
    /// Hour and minute.
    pub time: Option<(u32, u32)>,
    /// The stated weekday, lowercase English.
    pub weekday: Option<&'static str>,
    /// The stated UTC offset as `+HH:MM`.
    pub timezone: Option<String>,
}

type Res<'a, T> = IResult<&'a str, T>;

/// `08:06`, `8:06 AM`, `14:24:08`.
fn time(i: &str) -> Res<'_, (u32, u32)> {
    let (i, h) = digits(1, 2).parse(i)?;
    let (i, m) = preceded(char(':'), digits(2, 2)).parse(i)?;
    let (i, _) = opt(preceded(char(':'), digits(2, 2))).parse(i)?;
    let (i, ampm) = opt(preceded(
        space0,
        alt((tag_no_case("am"), tag_no_case("pm"))),
    ))
    .parse(i)?;
    let h = match ampm.map(str::to_ascii_lowercase).as_deref() {
        Some("pm") if h < 12 => h + 12,
        Some("am") if h == 12 => 0,
        _ => h,
    };
    if h > 23 || m > 59 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((i, (h, m)))
}

/// `GMT+07:00`, `UTC+7`, `+07:00`, `ICT` → `+HH:MM`.
fn zone(i: &str) -> Res<'_, String> {
    let offset = map(
        (
            opt(alt((tag_no_case("gmt"), tag_no_case("utc")))),
            one_of("+-"),
            digits(1, 2),
            opt(preceded(opt(char(':')), digits(2, 2))),
        ),
        |(_, sign, h, m)| format!("{sign}{h:02}:{:02}", m.unwrap_or(0)),
    );
    alt((offset, map(tag_no_case("ict"), |_| "+07:00".to_string()))).parse(i)
}

/// A zone, bare or in parentheses: `(GMT+7)`.
fn timezone(i: &str) -> Res<'_, String> {
    alt((delimited(char('('), zone, char(')')), zone)).parse(i)
}

/// `Thứ Sáu, ` / `Friday, ` / `Fri ` before the date.
fn weekday_prefix(i: &str) -> Res<'_, &'static str> {
    let with_comma = terminated(
        map_res(take_till1(|c| c == ',' || c == '|'), |w: &str| {
            lexicon::weekday(w).ok_or(())
        }),
        (one_of(",|"), space0),
    );
    let bare = terminated(
        map_res(alpha1, |w: &str| lexicon::weekday(w).ok_or(())),
        (opt(char('.')), space1),
    );
    alt((with_comma, bare)).parse(i)
}

/// Separator between date and time: `, `, ` | `, ` - `, `T`, ` at `.
fn date_time_sep(i: &str) -> Res<'_, &str> {
    alt((
        recognize((space0, one_of(",|-–"), space0)),
        recognize((space1, tag_no_case("at"), space1)),
        tag("T"),
        space1,
    ))
    .parse(i)
}

fn label(i: &str) -> Res<'_, &str> {
    terminated(
        alt((
            tag_no_case("published"),
            tag_no_case("updated"),
            tag_no_case("posted"),
            tag_no_case("date"),
        )),
        (space0, opt(char(':')), space0),
    )
    .parse(i)
}

fn date_line_inner(i: &str) -> Res<'_, DateLine> {
    let (i, _) = opt(label).parse(i)?;
    let (i, weekday) = opt(weekday_prefix).parse(i)?;
    // Some sites put the time first: `20:18 01/03/2017`.
    let (i, time_first) = opt(terminated(time, space1)).parse(i)?;
    let (i, date) = calendar_date(i)?;
    let (i, time) = match time_first {
        Some(t) => (i, Some(t)),
        None => opt(preceded(date_time_sep, time)).parse(i)?,
    };
    let (i, timezone) = opt(preceded(space0, timezone)).parse(i)?;
    let (i, _) = space0(i)?;
    Ok((
        i,
        DateLine {
            date,
            time,
            weekday,
            timezone,
        },
    ))
}

/// Parse a whole line as a date line; `None` unless all of it is one.
pub fn date_line(line: &str) -> Option<DateLine> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    all_consuming(date_line_inner)
        .parse(line)
        .ok()
        .map(|(_, d)| d)
}

/// Format A's opening: ` date 2023-12-07 ` (or ` date 2024-03 `). Returns the
/// date, the date as written, and the number of bytes the prefix takes, so
/// the lede starts after it.
pub fn format_a_prefix(text: &str) -> Option<(DateLine, &str, usize)> {
    let (rest, (_, _, _, (raw, date), _)) = (
        multispace0,
        tag_no_case("date"),
        space1,
        consumed(iso_date),
        alt((space1, line_ending, eof)),
    )
        .parse(text)
        .ok()?;
    let line = DateLine {
        date,
        time: None,
        weekday: None,
        timezone: None,
    };
    Some((line, raw, text.len() - rest.len()))
}

/// Interpret a date line: pick day-first or month-first, check the weekday,
/// refuse impossible dates. Doubts go to `warnings`.
pub fn resolve(
    line: &DateLine,
    raw: &str,
    default_tz: &str,
    warnings: &mut Vec<Warning>,
) -> Published {
    let candidates: Vec<(i32, u32, u32)> = match line.date {
        DateWritten::Full(y, m, d) => vec![(y, m, d)],
        // Vietnamese sites write day first; month first only as a fallback.
        DateWritten::Numeric(a, b, y) => vec![(y, b, a), (y, a, b)],
        // `calendar_date` never gives a date without a year.
        DateWritten::Yearless(..) => vec![],
        DateWritten::Month(y, m) => {
            warnings.push(Warning::new(
                Code::MonthOnlyDate,
                format!("{raw:?} gives {y}-{m:02} without a day"),
            ));
            vec![]
        }
    };
    let valid: Vec<NaiveDate> = candidates
        .iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    let chosen = match line.weekday {
        Some(w) => valid
            .iter()
            .copied()
            .find(|d| lexicon::weekday_name(*d) == w)
            .or(valid.first().copied()),
        None => valid.first().copied(),
    };
    if chosen.is_none() && !candidates.is_empty() {
        warnings.push(Warning::new(
            Code::InvalidDate,
            format!("{raw:?} is not a date in the calendar"),
        ));
    }
    if let (Some(d), Some(w)) = (chosen, line.weekday)
        && lexicon::weekday_name(d) != w
    {
        warnings.push(Warning::new(
            Code::WeekdayMismatch,
            format!("{raw:?} says {w} but {d} is a {}", lexicon::weekday_name(d)),
        ));
    }
    Published {
        date: chosen.map(|d| d.format("%Y-%m-%d").to_string()),
        time: line.time.map(|(h, m)| format!("{h:02}:{m:02}")),
        weekday: chosen
            .map(lexicon::weekday_name)
            .or(line.weekday)
            .map(str::to_string),
        timezone: line
            .timezone
            .clone()
            .unwrap_or_else(|| default_tz.to_string()),
        raw: raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(line: &str) -> (Published, Vec<Warning>) {
        let d = date_line(line).unwrap_or_else(|| panic!("not a date line: {line:?}"));
        let mut w = Vec::new();
        let p = resolve(&d, line.trim(), "+07:00", &mut w);
        (p, w)
    }

    fn date_time(line: &str) -> (Option<String>, Option<String>) {
        let (p, _) = published(line);
        (p.date, p.time)
    }

    fn some(d: &str, t: Option<&str>) -> (Option<String>, Option<String>) {
        (Some(d.to_string()), t.map(str::to_string))
    }

    #[test]
    fn vietnamese_weekday_lines_in_any_case_and_accent() {
        for line in [
            "Thứ Sáu, 28/10/2022, 08:06",
            "THỨ SÁU, 28/10/2022, 08:06",
            "thu sau, 28/10/2022, 08:06",
            "Thu Sau, 28/10/2022 08:06",
        ] {
            let (p, w) = published(line);
            assert_eq!(p.date.as_deref(), Some("2022-10-28"), "{line}");
            assert_eq!(p.time.as_deref(), Some("08:06"), "{line}");
            assert_eq!(p.weekday.as_deref(), Some("friday"), "{line}");
            assert!(w.is_empty(), "{line}: {w:?}");
        }
        assert_eq!(
            published("Chủ Nhật, 30/10/2022, 10:00")
                .0
                .weekday
                .as_deref(),
            Some("sunday")
        );
    }

    #[test]
    fn time_before_the_date() {
        assert_eq!(
            date_time("20:18 01/03/2017"),
            some("2017-03-01", Some("20:18"))
        );
        assert_eq!(
            date_time("September 26, 2018 4:56 PM GMT+7"),
            some("2018-09-26", Some("16:56"))
        );
    }

    #[test]
    fn english_and_other_site_formats() {
        assert_eq!(
            date_time("Friday, October 28, 2022 08:06"),
            some("2022-10-28", Some("08:06"))
        );
        assert_eq!(date_time("28 October 2022"), some("2022-10-28", None));
        assert_eq!(date_time("2022-10-28"), some("2022-10-28", None));
        assert_eq!(
            date_time("10/01/2022, 08:44"),
            some("2022-01-10", Some("08:44"))
        );
        assert_eq!(
            date_time("Published: 2022-09-16 14:24:08"),
            some("2022-09-16", Some("14:24"))
        );
        let (p, _) = published("April 22, 2021 | 20:39 (GMT+7)");
        assert_eq!(p.date.as_deref(), Some("2021-04-22"));
        assert_eq!(p.time.as_deref(), Some("20:39"));
        assert_eq!(p.timezone, "+07:00");
        assert_eq!(
            date_time("Dec. 6, 2023 8:15 PM"),
            some("2023-12-06", Some("20:15"))
        );
    }

    #[test]
    fn ambiguous_numeric_dates_are_day_first_unless_told_otherwise() {
        assert_eq!(date_time("09/10/2017").0.as_deref(), Some("2017-10-09"));
        // Month > 12 decides.
        assert_eq!(date_time("12/25/2017").0.as_deref(), Some("2017-12-25"));
        // The weekday decides: 2017-09-10 was a Sunday, 2017-10-09 a Monday.
        assert_eq!(
            date_time("Sunday, 09/10/2017").0.as_deref(),
            Some("2017-09-10")
        );
    }

    #[test]
    fn contradicting_weekday_warns_and_impossible_date_is_null() {
        let (p, w) = published("Thứ Hai, 28/10/2022, 08:06");
        assert_eq!(p.date.as_deref(), Some("2022-10-28"));
        assert_eq!(w[0].code, Code::WeekdayMismatch, "{w:?}");
        let (p, w) = published("31/02/2022");
        assert_eq!(p.date, None);
        assert_eq!(w[0].code, Code::InvalidDate, "{w:?}");
    }

    #[test]
    fn sentences_are_not_date_lines() {
        for line in [
            "October 28, 2022 was a good day.",
            "Hanoi, October 25 – The minister said",
            "2023 Cooperation Plan",
            "Friday",
        ] {
            assert_eq!(date_line(line), None, "{line}");
        }
    }

    #[test]
    fn format_a_prefix_and_month_only() {
        let (d, raw, len) = format_a_prefix(" date 2023-12-07 Vietnamese Deputy").unwrap();
        assert_eq!(d.date, DateWritten::Full(2023, 12, 7));
        assert_eq!(raw, "2023-12-07");
        assert_eq!(len, " date 2023-12-07 ".len());
        let (d, _, _) = format_a_prefix(" date 2024-03 Text").unwrap();
        let mut w = Vec::new();
        let p = resolve(&d, "2024-03", "+07:00", &mut w);
        assert_eq!(p.date, None);
        assert_eq!(p.raw, "2024-03");
        assert_eq!(w[0].code, Code::MonthOnlyDate);
        assert_eq!(format_a_prefix("dated 2023-12-07 x"), None);
    }
}
