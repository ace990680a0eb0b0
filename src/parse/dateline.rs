//! Datelines opening a paragraph: `Hanoi (VNA) – `, `VIENTIANE, Dec. 6 (VNA) -`,
//! `Hanoi, October 25 –`, `HÀ NỘI — `; and outlet tags that name no place:
//! `VNA – ` or `(VNA)` glued to the first word.
//!
//! A bare `Place – ` (no agency, no date) is accepted only for a known city
//! or province, or an all-capitals name, so `Vietnam – Laos relations …` stays text.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, space0, space1};
use nom::combinator::{opt, peek, recognize, verify};
use nom::multi::many_m_n;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::date::{DateWritten, prose_date};
use crate::lexicon;
use crate::model::{Dateline, PlaceKind};

type Res<'a, T> = IResult<&'a str, T>;

/// Hyphen, en dash, em dash or a wire service's `--`, with the spaces
/// around it.
fn dash(i: &str) -> Res<'_, char> {
    delimited(
        space0,
        alt((tag("--").map(|_| '-'), one_of("-–—―"))),
        space1,
    )
    .parse(i)
}

/// `(VNA)`, `(VNA/VNS)`, `(Xinhua)`: every part a listed agency, or 2–6 capitals.
fn agency(i: &str) -> Res<'_, &str> {
    let name = verify(
        take_while1(|c: char| c.is_alphabetic() || c == '/' || c == ' '),
        |s: &str| s.len() <= 30 && s.split('/').all(is_agency),
    );
    delimited(char('('), name, char(')')).parse(i)
}

fn is_agency(s: &str) -> bool {
    let s = s.trim();
    lexicon::agency(s).is_some()
        || ((2..=6).contains(&s.chars().count()) && s.chars().all(|c| c.is_uppercase()))
}

/// A word shaped like an outlet's short name rather than a place: a capital
/// after its first letter (`PSNews`, `MPS`, `QĐND`, `VnExpress`), and not a
/// known place (`HANOI`, `HUẾ` stay places).
fn is_outlet_abbreviation(w: &str) -> bool {
    let n = w.chars().count();
    (2..=12).contains(&n)
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).any(char::is_uppercase)
        && !(n > 6 && w.chars().all(char::is_uppercase))
        && lexicon::place(w).is_none()
}

/// One word of a place name: capitalized letters, maybe with `-` or `'`.
fn place_word(i: &str) -> Res<'_, &str> {
    verify(
        take_while1(|c: char| c.is_alphabetic() || c == '-' || c == '\'' || c == '’'),
        |w: &str| w.chars().next().is_some_and(char::is_uppercase),
    )
    .parse(i)
}

/// Up to four words: `Hanoi`, `Ho Chi Minh City`, `HÀ NỘI`.
fn place(i: &str) -> Res<'_, &str> {
    recognize((place_word, many_m_n(0, 3, preceded(char(' '), place_word)))).parse(i)
}

/// `, Dec. 6` / `, October 25` / `, 25 October` after the place.
fn date_part(i: &str) -> Res<'_, DateWritten> {
    preceded((char(','), space1), prose_date).parse(i)
}

struct Found<'a> {
    place: Option<&'a str>,
    agency: Option<&'a str>,
    date: Option<DateWritten>,
}

/// `, Philippines` after a city: a known country.
fn country_part(i: &str) -> Res<'_, &str> {
    preceded(
        (char(','), space1),
        verify(place, |p: &str| {
            lexicon::place(p).is_some_and(|k| k.kind == PlaceKind::Country)
        }),
    )
    .parse(i)
}

/// `Place[, Country][, Date] [(AGENCY)] – `: needs an agency or a dash; a
/// place in capitals may end with a colon instead (`KUALA LUMPUR: `).
fn classic(i: &str) -> Res<'_, Found<'_>> {
    let (i, place) = place(i)?;
    let capitals = place
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let (i, _) = opt(country_part).parse(i)?;
    let (i, date) = opt(date_part).parse(i)?;
    let (i, agency) = opt(preceded(space0, agency)).parse(i)?;
    let colon = |i| -> Res<'_, char> { terminated(char(':'), space1).parse(i) };
    let (i, dashed) = match agency {
        Some(_) => opt(dash).parse(i).map(|(i, d)| (i, d.is_some()))?,
        None if capitals => alt((dash, colon)).parse(i).map(|(i, _)| (i, true))?,
        None => dash(i).map(|(i, _)| (i, true))?,
    };
    let bare = agency.is_none() && date.is_none();
    let trusted = lexicon::place(place).is_some_and(|p| p.kind != PlaceKind::Country) || capitals;
    if (bare && !trusted) || (!dashed && agency.is_none()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    // After an agency without a dash, the lede must follow a space.
    let (i, _) = space0(i)?;
    Ok((
        i,
        Found {
            place: Some(place),
            agency,
            date,
        },
    ))
}

/// `VNA – `, `PSNews - ` or `(VNA)` glued to the lede's first word.
fn outlet_tag(i: &str) -> Res<'_, Found<'_>> {
    let listed = verify(take_while1(char::is_alphanumeric), |w: &str| {
        lexicon::agency(w).is_some() || is_outlet_abbreviation(w)
    });
    let dashed = terminated(listed, dash);
    // `(VNA)Prime Minister` or `(KPL) Prime Minister`.
    let glued = terminated(
        agency,
        (
            opt(char(' ')),
            peek(take_while_m_n(1, 1, char::is_uppercase)),
        ),
    );
    let (i, agency) = alt((dashed, glued)).parse(i)?;
    Ok((
        i,
        Found {
            place: None,
            agency: Some(agency),
            date: None,
        },
    ))
}

/// Recognize a dateline at the start of `text` (a paragraph's source slice).
/// Returns it, the date it states, and the number of bytes it takes, spaces
/// after it included.
pub fn dateline(text: &str) -> Option<(Dateline, Option<DateWritten>, usize)> {
    let (rest, found) = alt((outlet_tag, classic)).parse(text).ok()?;
    let len = text.len() - rest.len();
    let raw = text[..len].split_whitespace().collect::<Vec<_>>().join(" ");
    Some((
        Dateline {
            place: found.place.map(str::to_string),
            agency: found.agency.map(str::to_string),
            raw,
        },
        found.date,
        len,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(text: &str) -> Option<(Option<String>, Option<String>, String)> {
        dateline(text).map(|(d, _, len)| (d.place, d.agency, text[len..].to_string()))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn classic_datelines_with_every_dash() {
        assert_eq!(
            dl("Hanoi (VNA) – Prime Minister"),
            Some((s("Hanoi"), s("VNA"), "Prime Minister".into()))
        );
        assert_eq!(
            dl("VIENTIANE, Dec. 6 (VNA) - The Lao"),
            Some((s("VIENTIANE"), s("VNA"), "The Lao".into()))
        );
        assert_eq!(
            dl("Hanoi, October 25 — Vietnam"),
            Some((s("Hanoi"), None, "Vietnam".into()))
        );
        assert_eq!(
            dl("HÀ NỘI — Deputy"),
            Some((s("HÀ NỘI"), None, "Deputy".into()))
        );
        assert_eq!(
            dl("Ho Chi Minh City (VNA) – The"),
            Some((s("Ho Chi Minh City"), s("VNA"), "The".into()))
        );
        assert_eq!(
            dl("Hanoi (VNA) Party chief"),
            Some((s("Hanoi"), s("VNA"), "Party chief".into()))
        );
    }

    #[test]
    fn the_date_a_dateline_states_is_kept() {
        let date = |t: &str| dateline(t).and_then(|(_, d, _)| d);
        assert_eq!(
            date("VIENTIANE, Dec. 6 (VNA) – The"),
            Some(DateWritten::Yearless(12, 6))
        );
        assert_eq!(
            date("Hanoi, 25 October – The"),
            Some(DateWritten::Yearless(10, 25))
        );
        assert_eq!(
            date("Hanoi, Dec. 6, 2023 (VNA) – The"),
            Some(DateWritten::Full(2023, 12, 6)),
            "the shared grammar reads a year too"
        );
        assert_eq!(date("Hanoi (VNA) – The"), None);
    }

    #[test]
    fn outlet_tags_have_no_place() {
        assert_eq!(
            dl("VNA – The Ministry"),
            Some((None, s("VNA"), "The Ministry".into()))
        );
        assert_eq!(
            dl("(VNS)Deputy Prime Minister"),
            Some((None, s("VNS"), "Deputy Prime Minister".into()))
        );
        assert_eq!(
            dl("(KPL) Prime Minister"),
            Some((None, s("KPL"), "Prime Minister".into()))
        );
        assert_eq!(
            dl("PSNews - Minister of Public Security"),
            Some((None, s("PSNews"), "Minister of Public Security".into()))
        );
        assert_eq!(
            dl("MPS - General To Lam"),
            Some((None, s("MPS"), "General To Lam".into()))
        );
        assert_eq!(
            dl("HUẾ – The city"),
            Some((s("HUẾ"), None, "The city".into()))
        );
        assert_eq!(
            dl("VIENTIANE – The Lao"),
            Some((s("VIENTIANE"), None, "The Lao".into()))
        );
    }

    #[test]
    fn datelines_with_a_colon_or_a_country() {
        assert_eq!(
            dl("KUALA LUMPUR: Prime Minister"),
            Some((s("KUALA LUMPUR"), None, "Prime Minister".into()))
        );
        assert_eq!(
            dl("MANILA, Philippines — President"),
            Some((s("MANILA"), None, "President".into()))
        );
        assert_eq!(dl("Note: the plan"), None);
        assert_eq!(dl("Hanoi: the plan"), None);
    }

    #[test]
    fn wire_datelines_with_double_dashes() {
        assert_eq!(
            dl("PHNOM PENH, March 3 (Xinhua) -- Cambodian"),
            Some((s("PHNOM PENH"), s("Xinhua"), "Cambodian".into()))
        );
        assert_eq!(
            dl("Vientiane (KPL) -- The"),
            Some((s("Vientiane"), s("KPL"), "The".into()))
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "Vietnam – Laos relations are strong.",
            "Vietnam, Laos agree to cooperate",
            "Minister To Lam – who chaired – said",
            "Politburo member and Minister of Public Security",
            "Quang conveyed the best wishes",
            "The 2023 plan (MoPS) - text",
        ] {
            assert_eq!(dl(text), None, "{text}");
        }
    }
}
