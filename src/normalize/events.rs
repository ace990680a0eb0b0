//! Events: the meeting or visit the lede reports, with its date resolved
//! against the publication date (`on December 6` in an article of
//! 2023-12-07 is 2023-12-06; `on December 30` in one of 2024-01-02 is
//! 2023-12-30) and its place (`in Vientiane`, else the dateline's).

use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon::{self, FunctionClass};
use crate::model::{Dateline, Event, PlaceKind};
use crate::normalize::para::Para;
use crate::parse::date::{DateWritten, prose_date};

/// A date as the lede writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Date(DateWritten),
    Weekday(&'static str),
}

/// The first date in the paragraph: `December 6`, `6 December`,
/// `October 25, 2022` (the date grammar's [`prose_date`]), or `on Thursday`.
/// Returns it and its first token.
fn find_date(p: &Para<'_, '_>) -> Option<(Written, usize)> {
    for (i, t) in p.toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let may_start = t.fold.starts_with(|c: char| c.is_ascii_digit())
            || (t.cap && lexicon::month(t.fold).is_some());
        if may_start && let Ok((_, d)) = prose_date(&p.text[t.start..]) {
            return Some((Written::Date(d), i));
        }
        if i > 0
            && p.toks[i - 1].fold == "on"
            && let Some(w) = lexicon::weekday(t.fold)
        {
            return Some((Written::Weekday(w), i));
        }
    }
    None
}

/// Resolve a written date against the publication date: the year that puts
/// it nearest; a weekday is the latest such day on or before publication.
fn resolve_date(written: Written, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match written {
        Written::Date(DateWritten::Full(y, m, d)) => NaiveDate::from_ymd_opt(y, m, d),
        Written::Date(DateWritten::Yearless(m, d)) => {
            let pubd = published?;
            let y = pubd.year();
            [y - 1, y, y + 1]
                .iter()
                .filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d))
                .min_by_key(|c| (*c - pubd).num_days().abs())
        }
        // Not written in prose or datelines.
        Written::Date(DateWritten::Numeric(..) | DateWritten::Month(..)) => None,
        Written::Weekday(w) => {
            let pubd = published?;
            (0..7)
                .map(|k| pubd - Duration::days(k))
                .find(|d| lexicon::weekday_name(*d) == w)
        }
    }
}

/// The sentence of the paragraph around token `i`.
fn sentence(p: &Para<'_, '_>, i: usize) -> String {
    let is_end = |k: usize| {
        p.toks[k].is(".")
            && k > 0
            && !p.is_rank(k - 1)
            && lexicon::month(p.toks[k - 1].fold).is_none()
            && p.toks[k - 1].fold.chars().count() > 1
            && p.toks.get(k + 1).is_some_and(|t| t.cap)
    };
    let start = (0..i).rev().find(|&k| is_end(k)).map_or(0, |k| k + 1);
    let end = (i..p.toks.len())
        .find(|&k| is_end(k))
        .map_or(p.toks.len(), |k| k + 1);
    crate::text::collapse(p.slice(start, end))
}

/// The paragraphs that may state the event: the first two body paragraphs
/// (a dateline may open the second), each with its person-name tokens.
pub struct Lede<'p, 'a, 'l> {
    /// The paragraph.
    pub para: &'p Para<'a, 'l>,
    /// Tokens that belong to people's names (`Hue` in `Vuong Dinh Hue`).
    pub claimed: &'p [bool],
}

/// The event the lede reports, if it states a date or a place. Falls back to
/// the dateline's date (`VIENTIANE, Dec. 6 (VNA)`) and place.
pub fn resolve(
    ledes: &[Lede<'_, '_, '_>],
    published: Option<NaiveDate>,
    dateline: Option<(&Dateline, Option<DateWritten>)>,
) -> Vec<Event> {
    let Some(first) = ledes.first() else {
        return Vec::new();
    };
    let dated = ledes.iter().find_map(|l| find_date(l.para).map(|d| (l, d)));
    let lede = dated.as_ref().map_or(first, |(l, _)| l);
    let date = dated
        .map(|(_, d)| d.0)
        .or_else(|| dateline.and_then(|(_, d)| d).map(Written::Date));
    let p = lede.para;
    let places: Vec<(usize, &str, PlaceKind)> = p
        .tags
        .iter()
        .filter(|t| !lede.claimed[t.start..t.end].iter().any(|&c| c))
        .filter_map(|t| p.place(t.start).map(|(n, k, _)| (t.start, n, k)))
        .collect();
    let after_in = |i: usize| {
        i > 0
            && p.lex
                .is_function(p.toks[i - 1].fold, FunctionClass::EventPlace)
    };
    let dateline_place = dateline
        .and_then(|(d, _)| d.place.as_deref())
        .map(|pl| lexicon::place(pl).map_or_else(|| pl.to_string(), |k| k.name.to_string()));
    // `in <city or province>`, the dateline, any city or province, `in <country>`.
    let place = places
        .iter()
        .find(|(i, _, k)| *k != PlaceKind::Country && after_in(*i))
        .map(|(_, n, _)| n.to_string())
        .or(dateline_place)
        .or_else(|| {
            places
                .iter()
                .find(|(_, _, k)| *k != PlaceKind::Country)
                .map(|(_, n, _)| n.to_string())
        })
        .or_else(|| {
            places
                .iter()
                .find(|(i, _, _)| after_in(*i))
                .map(|(_, n, _)| n.to_string())
        });
    let date = date.and_then(|w| resolve_date(w, published));
    if date.is_none() && place.is_none() {
        return Vec::new();
    }
    let at = dated.map_or(0, |(_, (_, i))| i);
    vec![Event {
        date: date.map(|d| d.format("%Y-%m-%d").to_string()),
        place,
        text: sentence(p, at),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn first_date(text: &str) -> Option<(Written, String)> {
        let lex = crate::lexicon::Lexicon::embedded();
        let mut folds = crate::text::Folds::default();
        let tokens = crate::normalize::para::Tokens::new(vec![(0, text)], &mut folds, &lex);
        let p = &tokens.paras()[0];
        find_date(p).map(|(w, i)| (w, p.slice(i, i + 1).to_string()))
    }

    #[test]
    fn the_first_date_in_a_lede() {
        let date = |m, d| Written::Date(DateWritten::Yearless(m, d));
        assert_eq!(
            first_date("They met in Hanoi on 6 December to sign it."),
            Some((date(12, 6), "6".into()))
        );
        assert_eq!(
            first_date("The 2023 plan, agreed on Dec. 6, may 5 times grow."),
            Some((date(12, 6), "Dec".into()))
        );
        assert_eq!(
            first_date("It opened on October 25, 2022 in Vientiane."),
            Some((
                Written::Date(DateWritten::Full(2022, 10, 25)),
                "October".into()
            ))
        );
        assert_eq!(
            first_date("The leaders met on Thursday."),
            Some((Written::Weekday("thursday"), "Thursday".into()))
        );
        assert_eq!(first_date("In December 2022 and may 5 more."), None);
    }

    #[test]
    fn dates_resolve_to_the_nearest_year_and_past_weekday() {
        let md = |m, d| Written::Date(DateWritten::Yearless(m, d));
        assert_eq!(
            resolve_date(md(12, 6), Some(d("2023-12-07"))),
            Some(d("2023-12-06"))
        );
        assert_eq!(
            resolve_date(md(12, 30), Some(d("2024-01-02"))),
            Some(d("2023-12-30"))
        );
        assert_eq!(
            resolve_date(md(1, 3), Some(d("2023-12-30"))),
            Some(d("2024-01-03"))
        );
        assert_eq!(
            resolve_date(Written::Weekday("thursday"), Some(d("2021-04-22"))),
            Some(d("2021-04-22"))
        );
        assert_eq!(
            resolve_date(Written::Weekday("tuesday"), Some(d("2021-04-22"))),
            Some(d("2021-04-20"))
        );
        assert_eq!(resolve_date(md(12, 6), None), None);
        assert_eq!(
            resolve_date(Written::Date(DateWritten::Full(2020, 2, 29)), None),
            Some(d("2020-02-29"))
        );
    }
}
