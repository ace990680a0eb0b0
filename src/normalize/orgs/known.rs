//! A known organization (`organizations.tsv`): its row's name and country,
//! the body words after it and, for a national body, its complement.

use crate::lexicon::Entry;
use crate::normalize::para::Para;

use super::Found;
use super::acronyms::spelled_out;
use super::name::{
    after_credit_label, complements, country_before, in_closing_credit, strip_country,
};

/// The known organization at token `i`, pushed to `found`; returns the
/// token to read on from, or `None` when no known body starts here.
// One caller, once per token: the guard at the top must not cost a call.
#[inline]
pub(super) fn read(
    p: &Para<'_, '_>,
    i: usize,
    claimed: &[bool],
    found: &mut Vec<Found>,
) -> Option<usize> {
    let tag = p.tag(i)?;
    let (name, country, national) = tag.entries.iter().find_map(|e| match e {
        Entry::Org {
            name,
            country,
            national,
        } => Some((name.clone(), country.clone(), *national)),
        _ => None,
    })?;
    // `WHO` the body, not `who` the pronoun (`Asean` is ASEAN).
    let written = p.slice(tag.start, tag.end);
    if name.chars().all(|c| !c.is_lowercase()) && !written.starts_with(char::is_uppercase) {
        return Some(tag.end);
    }
    // `… the ministry said. (Yonhap)`, `(Xinhua/Liu Weibing)`: a
    // credit names the outlet that took the photo or filed the
    // story, not a body of the article.
    if in_closing_credit(p, tag.start, tag.end) || after_credit_label(p, tag.start) {
        return Some(tag.end);
    }
    // `Vietnam Fatherland Front Central Committee`: capitalized
    // words up to another head word make a body of the body.
    let mut end = tag.end;
    while end < p.toks.len()
        && !claimed[end]
        && p.toks[end].is_word()
        && p.toks[end].cap
        && p.role_class(end).is_none()
    {
        end += 1;
    }
    while end > tag.end && !p.is_org_head(end - 1) {
        end -= 1;
    }
    let mut name = if end > tag.end {
        format!("{name} {}", p.phrase(tag.end, end, &[]))
    } else {
        name
    };
    // `National Assembly of People's Power`, `Vietnam Fatherland
    // Front of HCMC`; `the National Assembly of Laos` is Laos's.
    let mut country = country;
    // (`National Assembly's Committee for …` is two bodies.)
    let possessive = p.toks.get(end).is_some_and(|t| t.is("'s"));
    if national && !possessive && !in_closing_credit(p, tag.start, tag.end) {
        let b = complements(p, tag.start, end, claimed);
        if b > end {
            let (_, e, stated) = strip_country(p, tag.start, b);
            if e > end {
                name = format!("{name} {}", p.phrase(end, e, &[]));
            }
            country = country.or(stated);
            end = b;
        }
    }
    let acronym = p
        .paren_acronym_at(end)
        .map(|k| p.slice(k, k + 1).to_string());
    // `Asia-Pacific Economic Cooperation (APEC)`: the text spells
    // the acronym out; the spelled-out name is the body's.
    if let Some(s) = spelled_out(p, tag.start, tag.end) {
        found.push(Found {
            name: p.phrase(s, tag.start - 1, &[]),
            acronym: Some(written.to_string()),
            country,
            national,
            mention: Some(p.mention(s, tag.start - 1)),
        });
        return Some(tag.end + 1);
    }
    // `the Lao National Assembly`, `Vietnam's National Assembly`.
    let country = country.or_else(|| national.then(|| country_before(p, tag.start)).flatten());
    found.push(Found {
        name,
        acronym,
        country,
        national,
        mention: Some(p.mention(tag.start, end)),
    });
    Some(end)
}
