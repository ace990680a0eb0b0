//! Acronyms: spelled out before them (`Asia-Pacific Economic Cooperation
//! (APEC)`), and after a leader's role (`Minister of Public Security (MoPS)`
//! names the Ministry).

use crate::lexicon::RoleClass;
use crate::model::Person;
use crate::normalize::para::Para;

use super::Found;

/// Words joining the words of a name an acronym spells out.
const ACRONYM_JOINERS: &[&str] = &["-", "and", "for", "of", "on", "the", "&"];

/// `Asia-Pacific Economic Cooperation (APEC)`: the acronym at `a..b`, in
/// parentheses, spelled out by the capitalized words before them (each word
/// gives the acronym one or more of its first letters: IPU from
/// `Inter-Parliamentary Union`). Returns the first word.
pub(super) fn spelled_out(p: &Para<'_, '_>, a: usize, b: usize) -> Option<usize> {
    if b != a + 1 || a < 2 || !p.toks[a - 1].is("(") || !p.toks.get(b).is_some_and(|t| t.is(")")) {
        return None;
    }
    let letters: Vec<char> = p.slice(a, b).chars().flat_map(char::to_lowercase).collect();
    let mut words: Vec<&str> = Vec::new();
    let mut s = a - 1;
    while s > 0 && words.len() < 12 {
        let t = &p.toks[s - 1];
        let joiner = ACRONYM_JOINERS.contains(&t.fold) && !t.cap;
        if !(joiner || (t.is_word() && t.cap)) {
            break;
        }
        s -= 1;
        if joiner {
            continue;
        }
        words.insert(0, t.fold);
        if spells(&letters, &words) {
            return Some(s);
        }
    }
    None
}

/// Each word gives a prefix of itself, in order, and together they make
/// `letters`.
fn spells(letters: &[char], words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let prefix = first
        .chars()
        .zip(letters)
        .take_while(|(w, l)| w == *l)
        .count();
    (1..=prefix).rev().any(|k| spells(&letters[k..], rest))
}

/// `Minister of X (ACR)` → `Ministry of X`, acronym ACR.
pub(super) fn role_acronym(
    p: &Para<'_, '_>,
    open: usize,
    acr: usize,
    person: Option<&Person>,
) -> Option<Found> {
    // Find the role head before the complement.
    let mut h = open;
    while h > 0 {
        h -= 1;
        if p.role_class(h) == Some(RoleClass::Head) {
            break;
        }
        let t = &p.toks[h];
        if !(t.is_word() && (t.cap || p.is_connector(h))) && !t.is("'s") && !t.is(",") {
            return None;
        }
    }
    if p.role_class(h) != Some(RoleClass::Head) || p.toks.get(h + 1).is_none_or(|t| t.fold != "of")
    {
        return None;
    }
    // `Director of the Vietnam News Agency (VNA)`: the acronym is the Agency's.
    if (h + 1..open).any(|k| p.is_body(k)) {
        return None;
    }
    let head = crate::lexicon::org_for_leader(p.toks[h].fold)?;
    let complement = p.phrase(h + 1, open, &[]);
    let mut country = None;
    let mut d = h;
    while d > 0 && p.role_class(d - 1) == Some(RoleClass::Modifier) {
        d -= 1;
    }
    if d > 0 {
        country = p.demonym(d - 1).map(str::to_string);
    }
    let country = country.or_else(|| person.and_then(|x| x.country.clone()));
    Some(Found {
        name: format!("{head} {complement}"),
        acronym: Some(p.slice(acr, acr + 1).to_string()),
        country,
        national: true,
        mention: None,
    })
}

#[cfg(test)]
mod tests {
    use super::spells;

    #[test]
    fn an_acronym_is_spelled_by_word_prefixes() {
        let letters = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(spells(
            &letters("apec"),
            &["asia", "pacific", "economic", "cooperation"]
        ));
        assert!(spells(
            &letters("ipu"),
            &["inter", "parliamentary", "union"]
        ));
        assert!(!spells(
            &letters("apec"),
            &["pacific", "economic", "cooperation"]
        ));
        assert!(!spells(&letters("who"), &["world", "health"]));
        assert!(!spells(&letters("un"), &["united", "nations", "office"]));
    }
}
