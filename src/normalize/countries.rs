//! A person's country from the evidence beyond the words around their
//! name, weakest last, each run only for people still without one:
//! context (a delegation they lead, `the Lao side`), host (the subject of
//! `received` in the country the article is set in), and name (the
//! culture of the name). `country_source` records which gave it.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{FunctionClass, Lexicon};
use crate::model::Person;
use crate::normalize::para::Para;

/// `Prime Minister Hun Manet received the delegation in Phnom Penh`: the
/// host of a visit or meeting (the subject of a host verb,
/// `function_words.tsv`) is of the country it happens in: the dateline's,
/// else a place after `in` later in the sentence.
pub fn from_hosting(paras: &[Para<'_, '_>], people: &mut [Person], host: Option<&str>) {
    // Per paragraph, built once when first needed: the country of the first
    // place after `in` from each token to the end of its sentence.
    let mut place_ahead: HashMap<usize, Vec<Option<&str>>> = HashMap::default();
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        let found = person.mentions.iter().find_map(|m| {
            let p = para_of(paras, m.paragraph)?;
            let verb = p.token_from(m.end)?;
            let t = &p.toks[verb];
            if !(t.is_word() && p.lex.is_function(t.fold, FunctionClass::HostVerb)) {
                return None;
            }
            if let Some(h) = host {
                return Some(h.to_string());
            }
            let ahead = place_ahead
                .entry(p.index)
                .or_insert_with(|| places_ahead(p));
            ahead[verb + 1].map(str::to_string)
        });
        if found.is_some() {
            person.country = found;
            person.country_source = Some("host".to_string());
        }
    }
}

/// For each token `k` (and one past the end), the country of the first place
/// right after an `in` at or after `k` in the same sentence: one backward
/// pass instead of a scan to the sentence's end per mention.
fn places_ahead<'l>(p: &Para<'_, 'l>) -> Vec<Option<&'l str>> {
    let n = p.toks.len();
    let mut ahead = vec![None; n + 1];
    for k in (0..n).rev() {
        ahead[k] = if p.toks[k].is(".") || p.toks[k].is(";") {
            None
        } else if k >= 1 && p.toks[k - 1].fold == "in" {
            p.place_country(k).or(ahead[k + 1])
        } else {
            ahead[k + 1]
        };
    }
    ahead
}

/// The paragraph a mention is in (`paras` is indexed by paragraph).
fn para_of<'p, 'a, 'l>(paras: &'p [Para<'a, 'l>], index: usize) -> Option<&'p Para<'a, 'l>> {
    paras.get(index).filter(|p| p.index == index)
}

/// The weakest evidence, for people still without a country: how they are
/// named (`name`): a well-known office holder's full name, an honorific one
/// state confers, else the name's culture. Of the countries that bear it, the one the article is
/// datelined in (a Chinese name in Singapore), else the most likely.
pub fn from_names(
    people: &mut [Person],
    cultures: &HashMap<String, String>,
    host: Option<&str>,
    lex: &Lexicon,
) {
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        // A well-known office holder named in full (`Joe Biden`).
        if let Some(c) = lex.known_person_country(&person.name) {
            person.country = Some(c.to_string());
            person.country_source = Some("name".to_string());
            continue;
        }
        // An honorific one state confers (`Datuk Seri`, `Samdech`) says more
        // than the name's culture (a Malay name may be Indonesian).
        if let Some(c) = person.titles.iter().find_map(|t| lex.title_country(t)) {
            person.country = Some(c.to_string());
            person.country_source = Some("name".to_string());
            continue;
        }
        let Some(culture) = cultures.get(&person.id).and_then(|c| lex.culture(c)) else {
            continue;
        };
        let here = host.and_then(|h| culture.countries.iter().find(|c| *c == h));
        if let Some(country) = here.or(culture.countries.first()) {
            person.country = Some(country.clone());
            person.country_source = Some("name".to_string());
        }
    }
}

/// `a delegation of the Lao Ministry of … led by Deputy Minister X`: X
/// without a country of their own takes the country of the organization
/// named just before `led by` in the same paragraph.
pub fn from_delegations(
    paras: &[Para<'_, '_>],
    people: &mut [Person],
    orgs: &[crate::model::Organization],
) {
    // Organization mentions with a country, by paragraph, in text order.
    let mut org_ends: HashMap<usize, Vec<(usize, &str)>> = HashMap::default();
    for o in orgs {
        let Some(country) = o.country.as_deref() else {
            continue;
        };
        for om in &o.mentions {
            org_ends
                .entry(om.paragraph)
                .or_default()
                .push((om.end, country));
        }
    }
    for ends in org_ends.values_mut() {
        // Stable: of two ending at the same place, the later listed wins,
        // as `max_by_key` over the organizations in order did.
        ends.sort_by_key(|&(end, _)| end);
    }
    let mut sides: HashMap<usize, Vec<Option<&str>>> = HashMap::default();
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        let found = person.mentions.iter().find_map(|m| {
            let p = para_of(paras, m.paragraph)?;
            let mut i = p
                .token_from(m.start)
                .filter(|&i| p.toks[i].cstart == m.start)?;
            // Back over the titles and roles before the name (a chain of
            // any real length; the bound keeps a page of capitals linear).
            let floor = i.saturating_sub(MAX_CHAIN);
            while i > floor {
                let k = i - 1;
                let t = &p.toks[k];
                let determiner = p.lex.is_function(t.fold, FunctionClass::Determiner);
                if t.is(".")
                    || p.tag(k).is_some()
                    || (t.is_word() && t.cap)
                    || p.is_connector(k)
                    || determiner
                {
                    i = k;
                } else {
                    break;
                }
            }
            if i < 2 || p.toks[i - 1].fold != "by" || p.toks[i - 2].fold != "led" {
                let side = sides.entry(p.index).or_insert_with(|| sides_behind(p));
                return side[i].map(str::to_string);
            }
            // `a delegation of Thai police led by …`: a nationality word
            // between the delegation and `led by` is its country.
            let stated = (i.saturating_sub(10)..i - 2)
                .rev()
                .take_while(|&k| !p.toks[k].is(".") && !p.toks[k].is(","))
                .find_map(|k| p.demonym(k));
            if let Some(country) = stated {
                return Some(country.to_string());
            }
            let led_at = p.toks[i - 2].cstart;
            let ends = org_ends.get(&m.paragraph)?;
            let before = ends.partition_point(|&(end, _)| end <= led_at);
            before.checked_sub(1).map(|last| ends[last].1.to_string())
        });
        if found.is_some() {
            person.country = found;
            person.country_source = Some("context".to_string());
        }
    }
}

/// How far back over titles and roles a name's context is read.
const MAX_CHAIN: usize = 64;

/// `On the Russian side were Foreign Minister Sergey Lavrov and …`: for each
/// token `k` (and one past the end), the country of the last `the
/// <nationality> side` before `k` in its sentence: one forward pass instead
/// of a walk back to the sentence's start per mention.
fn sides_behind<'l>(p: &Para<'_, 'l>) -> Vec<Option<&'l str>> {
    let n = p.toks.len();
    let mut behind = Vec::with_capacity(n + 1);
    let mut current = None;
    for k in 0..n {
        behind.push(current);
        if p.toks[k].is(".") || p.toks[k].is(";") {
            current = None;
        } else if k >= 2
            && p.toks[k].fold == "side"
            && p.toks[k - 2].fold == "the"
            && let Some(country) = p.demonym(k - 1)
        {
            current = Some(country);
        }
    }
    behind.push(current);
    behind
}
