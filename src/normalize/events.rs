//! Events: the meeting or visit the lede reports, with its date resolved
//! against the publication date (`on December 6` in an article of
//! 2023-12-07 is 2023-12-06; `on December 30` in one of 2024-01-02 is
//! 2023-12-30) and its place (`in Vientiane`, else the dateline's).

use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon::{self, FunctionClass};
use crate::model::{Dateline, Event};
use crate::normalize::para::Para;

/// A date as the lede writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    MonthDay(Option<i32>, u32, u32),
    Weekday(&'static str),
}

fn day_number(p: &Para<'_, '_>, i: usize) -> Option<u32> {
    let t = p.toks.get(i)?;
    let s = p.slice(i, i + 1);
    let s = s.trim_end_matches(|c: char| c.is_alphabetic());
    (t.is_word() && !s.is_empty() && s.len() <= 2)
        .then(|| s.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year_number(p: &Para<'_, '_>, i: usize) -> Option<i32> {
    if i >= p.toks.len() {
        return None;
    }
    let s = p.slice(i, i + 1);
    (s.len() == 4).then(|| s.parse().ok()).flatten()
}

/// The first date in the paragraph: `December 6`, `6 December`,
/// `October 25, 2022`, or `on Thursday`. Returns it and its token.
fn find_date(p: &Para<'_, '_>) -> Option<(Written, usize)> {
    let n = p.toks.len();
    for i in 0..n {
        let t = &p.toks[i];
        if !t.is_word() || !t.cap {
            continue;
        }
        if let Some(m) = lexicon::month(&t.fold) {
            let j = if p.toks.get(i + 1).is_some_and(|t| t.is(".")) {
                i + 2
            } else {
                i + 1
            };
            if let Some(d) = day_number(p, j) {
                let y = (p.toks.get(j + 1).is_some_and(|t| t.is(",")))
                    .then(|| year_number(p, j + 2))
                    .flatten()
                    .or_else(|| year_number(p, j + 1));
                return Some((Written::MonthDay(y, m, d), i));
            }
            if i > 0
                && let Some(d) = day_number(p, i - 1)
            {
                return Some((Written::MonthDay(year_number(p, i + 1), m, d), i));
            }
        }
        if let Some(w) = lexicon::weekday(&t.fold)
            && i > 0
            && p.toks[i - 1].fold == "on"
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
        Written::MonthDay(Some(y), m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Written::MonthDay(None, m, d) => {
            let pubd = published?;
            let y = pubd.year();
            [y - 1, y, y + 1]
                .iter()
                .filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d))
                .min_by_key(|c| (*c - pubd).num_days().abs())
        }
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
            && lexicon::month(&p.toks[k - 1].fold).is_none()
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
    dateline: Option<(&Dateline, &Para<'_, '_>)>,
) -> Vec<Event> {
    let Some(first) = ledes.first() else {
        return Vec::new();
    };
    let dated = ledes.iter().find_map(|l| find_date(l.para).map(|d| (l, d)));
    let lede = dated.as_ref().map_or(first, |(l, _)| l);
    let date = dated
        .map(|(_, d)| d.0)
        .or_else(|| dateline.and_then(|(_, p)| find_date(p)).map(|d| d.0));
    let p = lede.para;
    let places: Vec<(usize, &str, &str)> = p
        .tags
        .iter()
        .filter(|t| !lede.claimed[t.start..t.end].iter().any(|&c| c))
        .filter_map(|t| p.place(t.start).map(|(n, k, _)| (t.start, n, k)))
        .collect();
    let after_in = |i: usize| {
        i > 0
            && p.lex
                .is_function(&p.toks[i - 1].fold, FunctionClass::EventPlace)
    };
    let dateline_place = dateline
        .and_then(|(d, _)| d.place.as_deref())
        .map(|pl| lexicon::place(pl).map_or_else(|| pl.to_string(), |k| k.name.to_string()));
    // `in <city or province>`, the dateline, any city or province, `in <country>`.
    let place = places
        .iter()
        .find(|(i, _, k)| *k != "country" && after_in(*i))
        .map(|(_, n, _)| n.to_string())
        .or(dateline_place)
        .or_else(|| {
            places
                .iter()
                .find(|(_, _, k)| *k != "country")
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

    #[test]
    fn dates_resolve_to_the_nearest_year_and_past_weekday() {
        let md = |m, d| Written::MonthDay(None, m, d);
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
            resolve_date(Written::MonthDay(Some(2020), 2, 29), None),
            Some(d("2020-02-29"))
        );
    }
}
