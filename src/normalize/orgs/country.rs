//! The country of each body found, from the strongest evidence: the person
//! whose role names it, the leader of a body of that name, another mention
//! of the name, then the article's home; and the merge into organizations.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::model::{Mention, Organization, Person};
use crate::normalize::affiliation::{Named, led_bodies, person_beside};
use crate::normalize::para::Para;
use crate::text::{fold, slug};

use super::Found;

/// Give each national body without a country the best country the
/// evidence gives.
pub(super) fn settle(
    found: &mut [Found],
    paras: &[Para<'_, '_>],
    named: &Named<'_>,
    people: &[Person],
    host: Option<&str>,
) {
    // A body named in a person's role (`Chairman of the HCMC People's
    // Committee Phan Van Mai`, `Le Hoai Trung, Head of the Commission for
    // External Relations`) is of that person's country.
    // Else the country of a person who leads a body of that name
    // (`Minister of Public Security To Lam` for the Ministry of Public
    // Security).
    let mut led = None;
    for f in found
        .iter_mut()
        .filter(|f| f.country.is_none() && f.national)
    {
        if let Some(m) = &f.mention
            && let Some(p) = paras.get(m.paragraph).filter(|p| p.index == m.paragraph)
        {
            f.country = person_beside(p, m, named).and_then(|x| x.country.clone());
        }
        if f.country.is_none() {
            let led = led.get_or_insert_with(|| led_bodies(people));
            f.country = led.get(&fold(&f.name)).cloned().flatten();
        }
    }
    // Else the country of the body it belongs to: `the Committee on Armed
    // Services of the US House of Representatives` is the House's.
    // Findings by where they start, to look the owner up.
    let mut starts: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(n, f)| f.mention.as_ref().map(|m| (m.paragraph, m.start, n)))
        .collect();
    starts.sort_unstable();
    for n in (0..found.len()).rev() {
        if found[n].country.is_some() || !found[n].national {
            continue;
        }
        let Some(m) = &found[n].mention else {
            continue;
        };
        let Some(p) = paras.get(m.paragraph).filter(|p| p.index == m.paragraph) else {
            continue;
        };
        let Some(k) = p.token_from(m.end) else {
            continue;
        };
        let of_the = p.toks.get(k).is_some_and(|t| t.fold == "of")
            && p.toks.get(k + 1).is_some_and(|t| t.fold == "the");
        // (`of the US House …`: the House's mention may start after the
        // country word.)
        let Some(owner) = p.toks.get(k + 2).filter(|_| of_the).map(|t| t.cstart) else {
            continue;
        };
        let owner_end = p.toks.get(k + 3).map_or(owner, |t| t.cstart);
        let from = starts.partition_point(|s| (s.0, s.1) < (m.paragraph, owner));
        let to = starts.partition_point(|s| (s.0, s.1) <= (m.paragraph, owner_end));
        // The first finding (in reading order) that starts there.
        let first = starts[from..to].iter().map(|s| s.2).min();
        found[n].country = first.and_then(|g| found[g].country.clone());
    }
    // Else the country another mention of the same name gave (`the Senate
    // Committee on Foreign Relations` again, after its US chairwoman), and
    // only then the article's home.
    let mut named: HashMap<String, Option<String>> = HashMap::default();
    for f in found.iter().filter(|f| f.country.is_some()) {
        let entry = named
            .entry(fold(&f.name))
            .or_insert_with(|| f.country.clone());
        if *entry != f.country {
            *entry = None;
        }
    }
    for f in found
        .iter_mut()
        .filter(|f| f.country.is_none() && f.national)
    {
        f.country = named
            .get(&fold(&f.name))
            .cloned()
            .flatten()
            .or_else(|| host.map(str::to_string));
    }
}

/// Merge findings into organizations: one per (name, country); a finding
/// without a country joins the one organization of that name that has one.
pub(super) fn assemble(mut found: Vec<Found>, bare: Vec<(usize, Mention)>) -> Vec<Organization> {
    // A body named only by its acronym (`ASEAN`) is the one that acronym
    // was introduced for (`Association of Southeast Asian Nations (ASEAN)`).
    let expanded: HashMap<String, (String, Option<String>)> = found
        .iter()
        .filter_map(|f| Some((f.acronym.clone()?, (f.name.clone(), f.country.clone()))))
        .collect();
    for f in &mut found {
        if f.acronym.is_none()
            && let Some((name, country)) = expanded.get(&f.name)
        {
            f.name = name.clone();
            f.country = f.country.take().or_else(|| country.clone());
        }
    }
    // Each finding's folded name, once: findings repeat a few names many
    // times, and every step below groups by it.
    let folds = short_forms(&mut found);
    let mut orgs: Vec<Organization> = Vec::new();
    let mut index: HashMap<(String, Option<String>), usize> = HashMap::default();
    let mut slot_of_found = Vec::with_capacity(found.len());
    // Countries known per name, to place country-less findings.
    let mut countries: HashMap<&str, Vec<Option<&str>>> = HashMap::default();
    for (f, name) in found.iter().zip(&folds) {
        let list = countries.entry(name).or_default();
        if f.country.is_some() && !list.contains(&f.country.as_deref()) {
            list.push(f.country.as_deref());
        }
    }
    let placed: Vec<Option<String>> = found
        .iter()
        .zip(&folds)
        .map(
            |(f, name)| match (&f.country, countries.get(name.as_str())) {
                (None, Some(list)) if list.len() == 1 => list[0].map(str::to_string),
                _ => f.country.clone(),
            },
        )
        .collect();
    drop(countries);
    for ((f, name), country) in found.into_iter().zip(folds).zip(placed) {
        let slot = *index.entry((name, country.clone())).or_insert_with(|| {
            orgs.push(Organization {
                // Country-qualified so Vietnam's and Laos's ministries differ,
                // unless the name says it already (`State Bank of Vietnam`).
                id: match &country {
                    Some(c) if !slug(&f.name).ends_with(&slug(c)) => {
                        format!("{}-{}", slug(&f.name), slug(c))
                    }
                    _ => slug(&f.name),
                },
                name: f.name.clone(),
                acronym: None,
                country: country.clone(),
                mentions: vec![],
            });
            orgs.len() - 1
        });
        if orgs[slot].acronym.is_none() {
            orgs[slot].acronym = f.acronym.clone();
        }
        if let Some(m) = f.mention {
            orgs[slot].mentions.push(m);
        }
        slot_of_found.push(slot);
    }
    for (n, m) in bare {
        orgs[slot_of_found[n]].mentions.push(m);
    }
    for o in &mut orgs {
        o.mentions.sort_by_key(|m| (m.paragraph, m.start));
        o.mentions.dedup();
    }
    orgs.sort_by_key(|o| o.mentions.first().map(|m| (m.paragraph, m.start)));
    orgs
}

/// `the municipal People's Committee` after `the HCMC People's Committee`
/// or `the People's Committee of Ho Chi Minh City` names that body again: a
/// name that is the tail, or the part before `of`, of exactly one fuller
/// name in the article (of a compatible country) becomes that name, and so
/// does a name given elsewhere with a gloss in brackets. Returns each
/// finding's folded name, as it stands after.
fn short_forms(found: &mut [Found]) -> Vec<String> {
    // Words without a joining word. Only such a name is a short form:
    // `Committee on Armed Services` names a body of its own (the House's,
    // beside the Senate Committee on Armed Services).
    let bare = |name: &str| {
        !name
            .split(' ')
            .any(|w| matches!(w, "of" | "the" | "and" | "for" | "on" | "in"))
    };
    let mut folds: Vec<String> = found.iter().map(|f| fold(&f.name)).collect();
    // Every word-boundary tail and every part before ` of ` of each name,
    // with the first findings of the fuller names it belongs to (two are
    // enough to be ambiguous). A name's parts are the same each time it
    // recurs, so each name is read once.
    let mut fuller: HashMap<String, Vec<usize>> = HashMap::default();
    let mut read: FxHashSet<&str> = FxHashSet::default();
    for (n, name) in folds.iter().enumerate() {
        if !read.insert(name) {
            continue;
        }
        // A tail after words that only qualify it (`HCMC`, `Municipal`); not
        // one after `of`, `the`, `and` or a possessive, which names another
        // body (`Standing Committee of the National People's Congress`).
        let tails = name
            .match_indices(' ')
            .filter(|&(i, _)| {
                let before = &name[..i];
                bare(before) && !before.contains(['\'', '\u{2019}', ','])
            })
            .map(|(i, _)| &name[i + 1..]);
        let heads = name.match_indices(" of ").map(|(i, _)| &name[..i]);
        // `Thanh Nien (Young People) Newspaper` without its gloss.
        let unglossed = name.find(" (").and_then(|open| {
            let close = open + name[open..].find(')')?;
            Some(format!("{}{}", &name[..open], &name[close + 1..]))
        });
        let parts = tails.chain(heads).map(str::to_string).chain(unglossed);
        for part in parts {
            let list = fuller.entry(part).or_default();
            if list.len() < 2 && !list.iter().any(|&m| folds[m] == *name) {
                list.push(n);
            }
        }
    }
    // Decided on the names as found, then applied.
    let longer: Vec<Option<usize>> = found
        .iter()
        .zip(&folds)
        .map(|(f, short)| match fuller.get(short).map(Vec::as_slice) {
            Some(&[m])
                if bare(short)
                    && (f.country.is_none()
                        || found[m].country.is_none()
                        || found[m].country == f.country) =>
            {
                Some(m)
            }
            _ => None,
        })
        .collect();
    drop(read);
    let replacements: Vec<Option<(String, Option<String>, String)>> = longer
        .iter()
        .map(|m| {
            m.map(|m| {
                (
                    found[m].name.clone(),
                    found[m].country.clone(),
                    folds[m].clone(),
                )
            })
        })
        .collect();
    for ((f, short), new) in found.iter_mut().zip(&mut folds).zip(replacements) {
        if let Some((name, country, folded)) = new {
            f.name = name;
            f.country = f.country.take().or(country);
            *short = folded;
        }
    }
    folds
}
