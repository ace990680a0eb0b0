//! Organizations: names built around a head word (`Ministry`, `Department`,
//! `Embassy`…), known bodies (`ASEAN`), acronyms introduced in parentheses
//! and their later bare uses.
//!
//! `Lao Ministry of Public Security` and `Ministry of Public Security of Laos`
//! are one organization (name without the country, country Laos); an acronym
//! after a leader's role (`Minister of Public Security (MoPS)`) names the
//! body the role leads (the Ministry).

mod acronyms;
mod country;
mod headed;
mod known;
mod name;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::Lexicon;
use crate::model::{Mention, Organization, Person};
use crate::normalize::affiliation::{Named, next_person};
use crate::normalize::para::Para;

struct Found {
    pub(super) name: String,
    pub(super) acronym: Option<String>,
    pub(super) country: Option<String>,
    /// Belongs to a country (everything but an international body).
    pub(super) national: bool,
    pub(super) mention: Option<Mention>,
}

/// Find the organizations in `paras`, given the people found already.
pub fn resolve(
    paras: &[Para<'_, '_>],
    lex: &Lexicon,
    people: &[Person],
    claimed: &[bool],
    host: Option<&str>,
) -> Vec<Organization> {
    let mut found: Vec<Found> = Vec::new();
    let named = Named::new(people, paras.len());
    for p in paras {
        let claimed = p.mine(claimed);
        let mut i = 0;
        while i < p.toks.len() {
            if let Some(next) = known::read(p, i, claimed, &mut found)
                .or_else(|| headed::read(p, i, lex, claimed, &mut found))
            {
                i = next;
                continue;
            }
            // An acronym after a leader's role: `Minister of Public Security (MoPS)`.
            if let Some(k) = p.paren_acronym_at(i)
                && let Some(org) = acronyms::role_acronym(p, i, k, next_person(p, k + 2, &named))
            {
                found.push(org);
                i = k + 2;
                continue;
            }
            i += 1;
        }
    }
    country::settle(&mut found, paras, &named, people, host);
    // Bare uses of acronyms defined anywhere in the article.
    let acronyms: HashMap<String, usize> = found
        .iter()
        .enumerate()
        .filter_map(|(n, f)| f.acronym.clone().map(|a| (a, n)))
        .collect();
    let mut bare = Vec::new();
    for p in paras.iter().filter(|_| !acronyms.is_empty()) {
        for (k, t) in p.toks.iter().enumerate() {
            if !p.is_acronym(k) {
                continue;
            }
            let s = p.slice(k, k + 1);
            let inside_parens = k > 0 && p.toks[k - 1].is("(");
            if t.is_word()
                && !inside_parens
                && let Some(&n) = acronyms.get(s)
                && p.tag(k).is_none()
            {
                bare.push((n, p.mention(k, k + 1)));
            }
        }
    }
    country::assemble(found, bare)
}
