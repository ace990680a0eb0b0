//! An organization around a capitalized head word (`Ministry`, `Committee`,
//! `Police`): the capitalized run before and after it, its complements, and
//! the country words it carries.

use crate::lexicon::{Lexicon, RoleClass};
use crate::normalize::para::Para;

use super::Found;
use super::name::{after_credit_label, complements, generic_name, gloss_before, strip_country};

/// The organization headed at token `i`, pushed to `found`; returns the
/// token to read on from, or `None` when no head word starts here.
// One caller, once per token: the guard at the top must not cost a call.
#[inline]
pub(super) fn read(
    p: &Para<'_, '_>,
    i: usize,
    lex: &Lexicon,
    claimed: &[bool],
    found: &mut Vec<Found>,
) -> Option<usize> {
    if !(p.is_org_head(i) && p.toks[i].cap && !claimed[i]) {
        return None;
    }
    let org_word = |k: usize| {
        !claimed[k]
            && p.toks[k].is_word()
            && p.toks[k].cap
            && p.role_class(k).is_none()
            && !p.is_rank(k)
    };
    let mut a = p.tag(i).map_or(i, |t| t.start);
    while a > 0 {
        let k = a - 1;
        if org_word(k) || (p.is_org_qualifier(k) && p.toks[k].cap && !claimed[k]) {
            a = p.tag(k).map_or(k, |t| t.start);
        } else if p.toks[k].is("-")
            && k > 0
            && p.toks[k - 1].end == p.toks[k].start
            && p.toks[k].end == p.toks[k + 1].start
            && (org_word(k - 1) || p.toks[k - 1].cap)
        {
            // `Inter-Parliamentary Union`, `Japan-Vietnam
            // Friendship Parliamentary Alliance`.
            a = k - 1;
        } else if let Some(open) = gloss_before(p, k)
            && open > 0
            && org_word(open - 1)
        {
            // `Tuoi Tre (Youth) Newspaper`: a translation in
            // parentheses inside the name.
            a = open;
        } else if p.toks[k].fold == "and" && k > 0 && org_word(k - 1) && !p.is_body(k - 1) {
            // `Fire Prevention and Fighting Police`; `Municipal
            // Police and Fire Police` are two bodies.
            a = k;
        } else if p.toks[k].is("'s") && k > 0 && org_word(k - 1) && !(p.is_org_head(k - 1) && i > k)
        {
            // `Party Central Committee's Commission for …` is
            // two bodies; `Women's Union` one.
            a = k;
        } else if p.role_class(k) == Some(RoleClass::Modifier)
            && !p.toks[k].cap
            && k > 0
            && p.place(k - 1).is_some()
        {
            // `Quang Tri provincial Party Committee`.
            a = k;
        } else {
            break;
        }
    }
    let mut head_end = p.tag(i).map_or(i + 1, |t| t.end);
    while head_end < p.toks.len() && org_word(head_end) {
        head_end = p.tag(head_end).map_or(head_end + 1, |t| t.end);
    }
    // `National Assembly Chairman`, `HCMC Party Committee
    // Secretary`: the body names a role, and is named itself
    // (`Party Secretary` names no body: a lone generic head).
    if p.role_class(head_end) == Some(RoleClass::Head) {
        let (s, e, country) = strip_country(p, a, head_end);
        if e - s > 1 || !p.is_org_head(s) {
            found.push(Found {
                name: p.phrase(s, e, &[]),
                acronym: None,
                country,
                national: true,
                mention: Some(p.mention(a, head_end)),
            });
        }
        return Some(head_end);
    }
    // `PHOTO: MINISTRY OF FOREIGN AFFAIRS, SINGAPORE` credits the
    // photo; it names no body of the article.
    if after_credit_label(p, a) {
        return Some(head_end);
    }
    // Sentence openers (`The`, `After`) are not part of the name.
    while a < i && p.toks[a].cap && p.toks[a].is_word() && lex.is_stopword(p.toks[a].fold) {
        a += 1;
    }
    let b = complements(p, a, head_end, claimed);
    let (s, e, country) = strip_country(p, a, b);
    // A lone generic head (`the Government`, `the Party`) names
    // nothing on its own; `the Vietnamese Government` and `the
    // Party Central Committee's Secretariat` do.
    let qualified = country.is_some() || (a > 0 && p.toks[a - 1].is("'s"));
    if e - s == 1 && p.is_org_head(s) && p.paren_acronym_at(b).is_none() && !qualified {
        return Some(b);
    }
    let acronym = p.paren_acronym_at(b).map(|k| p.slice(k, k + 1).to_string());
    // `the Intergovernmental Committee`, `the two countries' Joint
    // Committee`: a body of both sides is of neither, unless stated.
    // (The word right before the head only: `Joint Stock Company` is one
    // country's.)
    let head = p.tag(i).map_or(i, |t| t.start);
    let shared = head > a && p.is_shared_qualifier(head - 1);
    // `the Vietnam-Laos Intergovernmental Committee` names both sides.
    let mut sides: Vec<&str> = (a..b)
        .filter_map(|k| p.demonym(k).or_else(|| p.place_country(k)))
        .collect();
    sides.sort_unstable();
    sides.dedup();
    let country = country.filter(|_| !(shared && sides.len() > 1));
    found.push(Found {
        name: p.phrase(s, e, &[]),
        acronym,
        country,
        national: !shared,
        mention: Some(p.mention(a, b)),
    });
    // `Standing Committee of the National People's Congress`
    // holds the Congress too: read on inside the name (`the`
    // marks a body of its own; `Department of Criminal Police`
    // names one body).
    let nested = generic_name(p, a, head_end)
        && p.toks.get(head_end + 1).is_some_and(|t| t.fold == "the")
        && (head_end..b).any(|j| p.is_body(j));
    Some(match p.paren_acronym_at(b) {
        Some(k) => k + 2,
        None if nested => head_end,
        None => b,
    })
}
