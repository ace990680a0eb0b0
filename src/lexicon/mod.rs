//! Knowledge as data: the `*.tsv` tables beside this file, embedded in the
//! binary. Code asks questions ("is this a month?"); the answers live in the
//! tables, each documented by its header comment.
//!
//! Shared by the parser (calendar words, agencies, places for datelines) and
//! the normalizer, which is why it is a top-level module rather than part of
//! `normalize/`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::model::PlaceKind;
use crate::text::fold;

mod cultures;
mod phrases;

pub use cultures::{Culture, Short};
use phrases::table_rows;
pub use phrases::{Entry, FunctionClass, Lexicon, LexiconError, NameOrder, RoleClass, Tag};

const CALENDAR: &str = include_str!("calendar.tsv");
const AGENCIES: &str = include_str!("agencies.tsv");
const PLACES: &str = include_str!("places.tsv");
const TRAILER_LABELS: &str = include_str!("trailer_labels.tsv");
const CAPTION_CUES: &str = include_str!("caption_cues.tsv");

/// A calendar word's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    /// Month number 1–12.
    Month(u32),
    /// Lowercase English weekday name.
    Weekday(&'static str),
}

static CALENDAR_MAP: LazyLock<HashMap<&'static str, CalendarWord>> = LazyLock::new(|| {
    table_rows(CALENDAR)
        .map(|r| {
            let word = match r[1] {
                "month" => CalendarWord::Month(r[2].parse().expect("month number")),
                _ => CalendarWord::Weekday(r[2]),
            };
            (r[0], word)
        })
        .collect()
});

/// Look up a month or weekday word in any case, with or without diacritics.
pub fn calendar_word(word: &str) -> Option<CalendarWord> {
    if let Some(w) = CALENDAR_MAP.get(word) {
        return Some(*w);
    }
    // Most callers pass folded tokens: when folding would change nothing,
    // the lookup above was the only one.
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'')
    {
        return None;
    }
    let folded = fold(word);
    let key = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    CALENDAR_MAP.get(key.as_str()).copied()
}

/// The month number of a month name or abbreviation (`Dec.`, `October`).
pub fn month(word: &str) -> Option<u32> {
    match calendar_word(word)? {
        CalendarWord::Month(m) => Some(m),
        CalendarWord::Weekday(_) => None,
    }
}

/// The lowercase English weekday of a weekday name (`Thứ Sáu`, `Fri`).
pub fn weekday(word: &str) -> Option<&'static str> {
    match calendar_word(word)? {
        CalendarWord::Weekday(w) => Some(w),
        CalendarWord::Month(_) => None,
    }
}

/// The lowercase English weekday of a date.
pub fn weekday_name(d: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    NAMES[d.weekday().num_days_from_monday() as usize]
}

/// A news agency or outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    /// As listed, e.g. `VNA`.
    pub name: &'static str,
    /// Whether it closes articles as a sign-off.
    pub signoff: bool,
    /// The outlet's country.
    pub country: Option<&'static str>,
}

static AGENCY_MAP: LazyLock<HashMap<String, Agency>> = LazyLock::new(|| {
    table_rows(AGENCIES)
        .map(|r| {
            let agency = Agency {
                name: r[0],
                signoff: r[1] == "yes",
                country: (r[2] != "-").then_some(r[2]),
            };
            (r[0].to_lowercase(), agency)
        })
        .collect()
});

/// Look up an agency or outlet name, case-insensitively.
pub fn agency(name: &str) -> Option<Agency> {
    AGENCY_MAP.get(&name.trim().to_lowercase()).copied()
}

/// What may follow a trailer label (`trailer_labels.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrailerFollow {
    /// A short list of names: `By Minh Anh and Thu Hang`.
    Name,
    /// Any text after a colon: `Source: VNA`.
    Text,
    /// Nothing: the label is the whole line (`By staff writers`).
    Nothing,
    /// A date: `Broadcast on March 25, 2015`.
    Date,
}

static TRAILER_MAP: LazyLock<Vec<(&'static str, TrailerFollow)>> = LazyLock::new(|| {
    let mut rows: Vec<_> = table_rows(TRAILER_LABELS)
        .map(|r| {
            let follow = match r[1] {
                "name" => TrailerFollow::Name,
                "nothing" => TrailerFollow::Nothing,
                "date" => TrailerFollow::Date,
                _ => TrailerFollow::Text,
            };
            (r[0], follow)
        })
        .collect();
    // Longest label first: `photo by` before `photo`.
    rows.sort_by_key(|(label, _)| std::cmp::Reverse(label.len()));
    rows
});

/// The trailer label opening `line` (any case), what it expects after it,
/// and the rest of the line after the label and an optional colon.
pub fn trailer_label(line: &str) -> Option<(TrailerFollow, bool, &str)> {
    let opened = line.trim_start().starts_with('(');
    let line = line.trim_start_matches(['(', '*', '-', '=', ' ']);
    let line = if opened {
        line.trim_end().strip_suffix(')').unwrap_or(line)
    } else {
        line
    };
    TRAILER_MAP.iter().find_map(|&(label, follow)| {
        let head = line.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = &line[label.len()..];
        let colon = rest.trim_start().starts_with(':');
        if !(colon || rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        let rest = rest.trim_start().trim_start_matches(':').trim();
        Some((follow, colon, rest))
    })
}

/// What a caption cue marks (`caption_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionCue {
    /// A word of a position note: `(R)`, `(second from left)`.
    Position,
    /// The words a caption opens with: `Overview of`.
    Opener,
    /// A present-tense verb after a caption's subject: `speaks`.
    Verb,
}

static CAPTION_MAP: LazyLock<HashMap<&'static str, CaptionCue>> = LazyLock::new(|| {
    table_rows(CAPTION_CUES)
        .map(|r| {
            let cue = match r[1] {
                "position" => CaptionCue::Position,
                "opener" => CaptionCue::Opener,
                _ => CaptionCue::Verb,
            };
            (r[0], cue)
        })
        .collect()
});

static OPENER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = CAPTION_MAP
        .iter()
        .filter(|(_, c)| **c == CaptionCue::Opener)
        .filter_map(|(phrase, _)| phrase.split(' ').next())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// Can `word` (any case) open a caption opener phrase? A cheap test before
/// the phrase is built.
pub fn is_caption_opener_word(word: &str) -> bool {
    OPENER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The caption cue a lowercase word or phrase is, if any.
pub fn caption_cue(words: &str) -> Option<CaptionCue> {
    CAPTION_MAP.get(words).copied()
}

static LEADER_MAP: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    table_rows(include_str!("org_heads.tsv"))
        .filter(|r| r[1] != "-")
        .map(|r| {
            let mut head = r[0].to_string();
            head[..1].make_ascii_uppercase();
            (r[1], head)
        })
        .collect()
});

/// The organization a leader's role heads, capitalized: `minister` → `Ministry`.
pub fn org_for_leader(role: &str) -> Option<&'static str> {
    LEADER_MAP.get(role).map(String::as_str)
}

/// A known place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownPlace {
    /// Canonical name, e.g. `Hanoi` for `Hà Nội`.
    pub name: &'static str,
    /// What the place is.
    pub kind: PlaceKind,
    /// The country it belongs to, if any.
    pub country: Option<&'static str>,
}

static PLACE_MAP: LazyLock<HashMap<&'static str, KnownPlace>> = LazyLock::new(|| {
    table_rows(PLACES)
        .map(|r| {
            let place = KnownPlace {
                name: r[1],
                kind: r[2].parse().expect("places.tsv: place kind"),
                country: (r[3] != "-").then_some(r[3]),
            };
            (r[0], place)
        })
        .collect()
});

/// Look up a place in any case, with or without diacritics (`HÀ NỘI`).
pub fn place(name: &str) -> Option<KnownPlace> {
    let folded = fold(name);
    let key = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    PLACE_MAP.get(key.as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table: rows have the documented number of fields, first fields
    /// sorted and unique (so additions land in one obvious place).
    #[test]
    fn tables_are_well_formed_sorted_and_unique() {
        for (name, table, fields) in [
            ("calendar", CALENDAR, 3),
            ("agencies", AGENCIES, 3),
            ("trailer_labels", TRAILER_LABELS, 2),
            ("caption_cues", CAPTION_CUES, 2),
        ] {
            let keys: Vec<String> = table_rows(table)
                .map(|r| {
                    assert_eq!(r.len(), fields, "{name}: bad row {r:?}");
                    r[0].to_lowercase()
                })
                .collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} not sorted or not unique", w);
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_diacritics() {
        assert_eq!(weekday("THỨ SÁU"), Some("friday"));
        assert_eq!(weekday("Chủ Nhật"), Some("sunday"));
        assert_eq!(weekday("thu  bay"), Some("saturday"));
        assert_eq!(month("Dec."), Some(12));
        assert_eq!(month("friday"), None);
        assert_eq!(place("HÀ NỘI").map(|p| p.name), Some("Hanoi"));
        assert!(agency("vna").unwrap().signoff);
        assert!(!agency("Vientiane Times").unwrap().signoff);
        assert_eq!(fold("Đà Nẵng"), "da nang");
    }
}
