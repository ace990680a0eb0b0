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
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        let found = person.mentions.iter().find_map(|m| {
            let p = paras.iter().find(|p| p.index == m.paragraph)?;
            let verb = p.token_from(m.end)?;
            let t = &p.toks[verb];
            if !(t.is_word() && p.lex.is_function(&t.fold, FunctionClass::HostVerb)) {
                return None;
            }
            if let Some(h) = host {
                return Some(h.to_string());
            }
            (verb + 1..p.toks.len())
                .take_while(|&k| !(p.toks[k].is(".") || p.toks[k].is(";")))
                .filter(|&k| k >= 1 && p.toks[k - 1].fold == "in")
                .find_map(|k| p.place_country(k).map(str::to_string))
        });
        if found.is_some() {
            person.country = found;
            person.country_source = Some("host".to_string());
        }
    }
}

/// The weakest evidence, for people still without a country: how they are
/// named (`name`): an honorific one state confers, else the name's culture. Of the countries that bear it, the one the article is
/// datelined in (a Chinese name in Singapore), else the most likely.
pub fn from_names(
    people: &mut [Person],
    cultures: &HashMap<String, String>,
    host: Option<&str>,
    lex: &Lexicon,
) {
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
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
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        let found = person.mentions.iter().find_map(|m| {
            let p = paras.iter().find(|p| p.index == m.paragraph)?;
            let mut i = p.toks.iter().position(|t| t.cstart == m.start)?;
            // Back over the titles and roles before the name.
            while i > 0 {
                let k = i - 1;
                let t = &p.toks[k];
                let determiner = p.lex.is_function(&t.fold, FunctionClass::Determiner);
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
                return side_country(p, i);
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
            orgs.iter()
                .flat_map(|o| o.mentions.iter().map(move |om| (o, om)))
                .filter(|(o, om)| {
                    om.paragraph == m.paragraph && om.end <= led_at && o.country.is_some()
                })
                .max_by_key(|(_, om)| om.end)
                .and_then(|(o, _)| o.country.clone())
        });
        if found.is_some() {
            person.country = found;
            person.country_source = Some("context".to_string());
        }
    }
}

/// `On the Russian side were Foreign Minister Sergey Lavrov and …`: a
/// `the <nationality> side` earlier in the same sentence gives the country.
fn side_country(p: &Para<'_, '_>, before: usize) -> Option<String> {
    for k in (0..before).rev() {
        if p.toks[k].is(".") || p.toks[k].is(";") {
            return None;
        }
        if k >= 2
            && p.toks[k].fold == "side"
            && let Some(country) = p.demonym(k - 1)
            && p.toks[k - 2].fold == "the"
        {
            return Some(country.to_string());
        }
    }
    None
}
