//! Reading an organization's name in the tokens: its complements, glosses,
//! the country words around it, and the credits that name no body.

use crate::lexicon::RoleClass;
use crate::model::PlaceKind;
use crate::normalize::para::Para;

/// Extend right from `i` over `of|for|on [the] Capitalized…` complements of
/// the name that starts at `a`.
pub(super) fn complements(p: &Para<'_, '_>, a: usize, mut i: usize, claimed: &[bool]) -> usize {
    // `… Police Department on November 20`: a date is no part of a name.
    let cap_word = |k: usize| {
        k < p.toks.len()
            && !claimed[k]
            && p.toks[k].is_word()
            && p.toks[k].cap
            && crate::lexicon::calendar_word(p.toks[k].fold).is_none()
            && !p.is_rank(k)
            && p.role_class(k)
                .is_none_or(|c| c != RoleClass::Head && c != RoleClass::Modifier)
    };
    loop {
        let mut k = i;
        // `Women's Union` is one name; `Party Central Committee's Commission
        // for Organisation` two bodies: a head word owns the one after it.
        if k < p.toks.len() && p.toks[k].is("'s") && cap_word(k + 1) && !p.is_org_head(k - 1) {
            k += 1;
        } else if k < p.toks.len()
            && ["of", "for", "on"].contains(&p.toks[k].fold)
            && !p.toks[k].cap
        {
            k += 1;
            if k < p.toks.len() && p.toks[k].fold == "the" && !p.toks[k].cap {
                k += 1;
            }
        } else {
            return i;
        }
        if !cap_word(k) {
            return i;
        }
        let from = k;
        // `Covid-19`: a hyphen between two words with no space around it.
        let hyphenated = |k: usize| {
            k > from
                && k + 1 < p.toks.len()
                && p.toks[k].is("-")
                && p.toks[k - 1].end == p.toks[k].start
                && p.toks[k].end == p.toks[k + 1].start
                && p.toks[k + 1].is_word()
                && !claimed[k + 1]
        };
        loop {
            if hyphenated(k) {
                k += 2;
            } else if cap_word(k)
                || (k + 1 < p.toks.len()
                    && (p.toks[k].is(",") || p.toks[k].fold == "and" || p.toks[k].is("'s"))
                    && cap_word(k + 1))
            {
                k += 1;
            } else {
                break;
            }
        }
        // `National Assembly of Mozambique Esperanca Bias`: after a country
        // only a body's words go on (`Communist Party of Vietnam Central
        // Committee`); a name that follows is a person's.
        if let Some((_, PlaceKind::Country, _)) = p.place(from) {
            let country_end = p.tag(from).map_or(from + 1, |t| t.end);
            if !(country_end..k).any(|j| p.is_body(j)) {
                k = country_end.min(k);
            }
        }
        // `Commission for Propaganda of the HCMC Party Committee`: a
        // complement `of the …` with a head of its own is another
        // organization (`Communist Party of Vietnam Central Committee` is one).
        // A name of generic words alone (`Standing Committee`, `Office`)
        // is named by its complement: `Office of the Party Central
        // Committee`.
        if !generic_name(p, a, i)
            && from >= 2
            && p.toks[from - 1].fold == "the"
            && (from..k).any(|j| p.is_body(j))
        {
            return i;
        }
        i = k;
    }
}

/// `( Youth )` closing at token `close`: one to three capitalized words in
/// parentheses, not an acronym. Returns the `(`.
pub(super) fn gloss_before(p: &Para<'_, '_>, close: usize) -> Option<usize> {
    if !p.toks[close].is(")") {
        return None;
    }
    let open = (close.saturating_sub(4)..close)
        .rev()
        .find(|&j| !p.toks[j].is_word())?;
    let words = open + 1..close;
    (p.toks[open].is("(")
        && !words.is_empty()
        && words.clone().all(|j| p.toks[j].cap && !p.is_acronym(j)))
    .then_some(open)
}

/// Tokens `a..b` are generic words alone (`Standing Committee`, `Office`),
/// a name only with its complement.
pub(super) fn generic_name(p: &Para<'_, '_>, a: usize, b: usize) -> bool {
    (a..b).all(|j| p.is_org_head(j) || p.is_org_qualifier(j) || !p.toks[j].is_word())
}

/// Split a leading nationality word and a trailing `of [the] <country>` off
/// tokens `a..b`; returns the kept range and the country.
pub(super) fn strip_country(
    p: &Para<'_, '_>,
    mut a: usize,
    mut b: usize,
) -> (usize, usize, Option<String>) {
    let mut country = None;
    // `Singapore's Ministry of Foreign Affairs`.
    if let Some((name, PlaceKind::Country, _)) = p.place(a) {
        let end = p.tag(a).map_or(a + 1, |t| t.end);
        if end + 1 < b && p.toks[end].is("'s") {
            country = Some(name.to_string());
            a = end + 1;
        }
    }
    if let Some(c) = p.demonym(a).filter(|_| country.is_none()) {
        let end = p.tag(a).map_or(a + 1, |t| t.end);
        country = Some(c.to_string());
        // `Lao Ministry of …` is the Ministry of Laos and `the Japanese
        // Embassy` Japan's Embassy, but `Lao People's Revolutionary Party`
        // keeps the word its name is made of.
        // Only a generic body loses the word (`Para::generic_body_at`).
        if p.generic_body_at(end, b) {
            a = end;
        }
    }
    if b > a
        && let Some((name, PlaceKind::Country, _)) = p.place(b - 1)
    {
        let mut k = p.tag(b - 1).map_or(b - 1, |t| t.start);
        if k > a && p.toks[k - 1].fold == "the" {
            k -= 1;
        }
        // `Ministry of X of Laos` is Laos's Ministry of X, `Senate of
        // Romania` Romania's Senate; a name the text gives an acronym
        // (`State Bank of Vietnam (SBV)`) keeps it.
        if k > a + 1 && p.toks[k - 1].fold == "of" && p.paren_acronym_at(b).is_none() {
            country.get_or_insert_with(|| name.to_string());
            b = k - 1;
        }
    }
    if country.is_none() {
        country = (a..b).find_map(|i| {
            p.demonym(i)
                .or_else(|| p.place_country(i))
                .map(str::to_string)
        });
    }
    (a, b, country)
}

/// The country stated right before token `a`: a nationality word (`Lao`)
/// or a country's possessive (`Vietnam's`).
pub(super) fn country_before(p: &Para<'_, '_>, a: usize) -> Option<String> {
    let k = a.checked_sub(1)?;
    if let Some(c) = p.demonym(k) {
        return Some(c.to_string());
    }
    if p.toks[k].is("'s")
        && let Some((name, PlaceKind::Country, _)) = k.checked_sub(1).and_then(|j| p.place(j))
    {
        return Some(name.to_string());
    }
    None
}

/// Token `a` follows a credit label and its colon: `Photo: VNA`,
/// `Source: Ministry of Foreign Affairs` (`trailer_labels.tsv`).
pub(super) fn after_credit_label(p: &Para<'_, '_>, a: usize) -> bool {
    a >= 2
        && p.toks[a - 1].is(":")
        && crate::lexicon::trailer_label(&format!("{}:", p.toks[a - 2].fold))
            .is_some_and(|(follow, _, _)| follow == crate::lexicon::TrailerFollow::Text)
}

/// Tokens `a..b` sit in a parenthesis that closes the paragraph and holds
/// only a credit: `(Yonhap)`, `(Xinhua/Liu Weibing)`, `(Photo: VNA)`.
pub(super) fn in_closing_credit(p: &Para<'_, '_>, a: usize, b: usize) -> bool {
    let credit = |t: &crate::text::Token<'_>| t.is_word() || t.is("/") || t.is(":");
    let Some(open) = (0..a).rev().take(3).find(|&k| !credit(&p.toks[k])) else {
        return false;
    };
    let Some(close) = (b..p.toks.len()).take(6).find(|&k| !credit(&p.toks[k])) else {
        return false;
    };
    p.toks[open].is("(") && p.toks[close].is(")") && p.toks[close + 1..].iter().all(|t| t.is("."))
}
