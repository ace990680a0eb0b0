//! People: name candidates, the titles, roles and country around them, and
//! short mentions linked back to the full name.
//!
//! Pass 1 finds full names (2–4 capitalized words) that the text vouches
//! for: a rank, role or nationality word before them, a role after them as
//! an appositive, or a Vietnamese family name first. Pass 2 links every
//! capitalized run to a person — the same full name, or a one-word short form
//! (`Quang`, `Chairman Hue`, `Lakhamphong`) that names exactly one person.
//! A short form that fits two people is left unresolved, with a warning.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{Entry, Lexicon, Short};
use crate::model::{Mention, Person};
use crate::normalize::grammar::{Context, Evidence, context};
use crate::normalize::names::{name_runs, place_words_naming_people, run_key};
use crate::normalize::para::Para;
use crate::text::slug;
use crate::warning::{Code, Warning};

/// A person being assembled from mentions.
struct Acc {
    words: Vec<String>,
    folded: String,
    titles: Vec<String>,
    roles: Vec<String>,
    country: Option<String>,
    inner_country: Option<String>,
    /// What gave `country`.
    country_source: Option<&'static str>,
    /// The name's culture (`cultures.tsv`).
    culture: Option<String>,
    mentions: Vec<Mention>,
    /// Each fact, the pattern that gave it and the mention it was read at.
    evidence: Vec<(Mention, Evidence)>,
}

impl Acc {
    /// Take what the words around `mention` say, and the mention itself;
    /// with `explain`, what gave each fact.
    fn absorb(&mut self, ctx: Context, mention: Mention, explain: bool) {
        if explain {
            for e in ctx.evidence {
                self.evidence.push((mention.clone(), e));
            }
        }
        self.mentions.push(mention);
        self.titles.extend(ctx.titles);
        self.roles.extend(ctx.roles);
        if self.country.is_none() {
            self.country = ctx.country;
        }
        if self.inner_country.is_none() {
            self.inner_country = ctx.inner_country;
        }
    }
}

/// Keep the first of equal items, and drop an item that another one spells
/// out more fully (`Minister` beside `Minister of Public Security`,
/// `General` beside `Senior Lieutenant General`).
fn merge_phrases(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            continue;
        }
        out.push(item.clone());
    }
    let subsumed = |a: &str, b: &str| {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        a != b && (b.starts_with(&format!("{a} ")) || b.ends_with(&format!(" {a}")))
    };
    out.iter()
        .filter(|a| !out.iter().any(|b| subsumed(a, b)))
        .cloned()
        .collect()
}

/// The people already mentioned in the paragraph being read, by short
/// form: how many share it and the first of them. Kept as the paragraph is
/// read, so telling `Hung` apart costs the same at the 1st mention and the
/// 10,000th.
#[derive(Default)]
struct Seen<'k> {
    people: HashSet<usize>,
    by_key: HashMap<&'k str, (usize, usize)>,
}

impl<'k> Seen<'k> {
    fn add(&mut self, idx: usize, keys: &'k [String]) {
        if !self.people.insert(idx) {
            return;
        }
        for key in keys {
            self.by_key.entry(key).or_insert((0, idx)).0 += 1;
        }
    }

    /// Forget every mention, keeping the tables' capacity.
    fn clear(&mut self) {
        self.people.clear();
        self.by_key.clear();
    }

    /// The one person with short form `key` mentioned so far, if only one is.
    fn only(&self, key: &str) -> Option<usize> {
        match self.by_key.get(key) {
            Some(&(1, idx)) => Some(idx),
            _ => None,
        }
    }
}

/// Short forms left unresolved, one entry per form, in order of first use.
#[derive(Default)]
struct Ambiguous {
    forms: Vec<(String, usize, usize, Vec<String>)>,
    at: HashMap<String, usize>,
}

/// How many candidates an `ambiguous-mention` warning names.
const MAX_CANDIDATES: usize = 5;

impl Ambiguous {
    fn add(&mut self, key: &str, form: &str, paragraph: usize, who: impl FnOnce() -> Vec<String>) {
        match self.at.get(key) {
            Some(&i) => self.forms[i].2 += 1,
            None => {
                self.at.insert(key.to_string(), self.forms.len());
                self.forms.push((form.to_string(), paragraph, 1, who()));
            }
        }
    }

    /// One warning per form: `"Hung" in paragraph 1 could be A or B`, or
    /// with a count, `"Hung" (50 mentions, first in paragraph 7) …`; at
    /// most five candidates are named, then `or N others`.
    fn warnings(self) -> impl Iterator<Item = Warning> {
        self.forms.into_iter().map(|(form, paragraph, count, who)| {
            let place = if count == 1 {
                format!("in paragraph {paragraph}")
            } else {
                format!("({count} mentions, first in paragraph {paragraph})")
            };
            let mut names = who[..who.len().min(MAX_CANDIDATES)].join(" or ");
            if who.len() > MAX_CANDIDATES {
                names.push_str(&format!(" or {} others", who.len() - MAX_CANDIDATES));
            }
            Warning::new(
                Code::AmbiguousMention,
                format!("{form:?} {place} could be {names}"),
            )
        })
    }
}

/// Everything the people pass found.
pub struct People {
    /// People in order of first mention.
    pub people: Vec<Person>,
    /// The article's tokens that belong to a person mention (a paragraph's
    /// share: [`Para::mine`]).
    pub claimed: Vec<bool>,
    /// Each person's name culture, by person id, where the name shows one.
    pub cultures: HashMap<String, String>,
    /// Each person's facts with the pattern and mention that gave them, by
    /// person id (`dateline explain`; empty unless asked for).
    pub evidence: HashMap<String, Vec<(Mention, Evidence)>>,
}

/// Find and resolve the people in `paras`.
pub fn resolve(
    paras: &[Para<'_, '_>],
    lex: &Lexicon,
    warnings: &mut Vec<Warning>,
    explain: bool,
) -> People {
    // Each paragraph's name runs, one vector for the article.
    let mut all_runs: Vec<(usize, usize)> = Vec::new();
    let mut run_ends: Vec<usize> = Vec::with_capacity(paras.len() + 1);
    run_ends.push(0);
    for p in paras {
        name_runs(p, lex, &mut all_runs);
        run_ends.push(all_runs.len());
    }
    let runs = |pi: usize| &all_runs[run_ends[pi]..run_ends[pi + 1]];
    let tokens = paras
        .iter()
        .map(|p| p.base + p.toks.len())
        .max()
        .unwrap_or(0);
    let mut names: Vec<bool> = vec![false; tokens];
    let mut accs: Vec<Acc> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();

    // Pass 1: full names the text vouches for.
    for (pi, p) in paras.iter().enumerate() {
        for &(a, b) in runs(pi) {
            if b - a < 2 {
                continue;
            }
            let folded = run_key(p, a, b);
            let known = by_name.contains_key(&folded);
            let vn = lex.is_vn_family(p.toks[a].fold);
            // `Ho Chi Minh Mausoleum`, `Nguyen Du Street`: a name inside a
            // proper noun is no mention of a person.
            // `Mai Chau district` too: a common noun in any case.
            let named_thing = b < p.toks.len()
                && p.tag(b).is_some_and(|t| {
                    t.entries.iter().any(|e| match e {
                        Entry::Common => true,
                        Entry::OrgHead(_) => p.toks[b].cap,
                        _ => false,
                    })
                });
            // A name whose words show its culture (`Xu Tiyi`, `Kim
            // Jung-sook`, `Sonexay Siphandone`) vouches for itself.
            let cultured = || {
                let words: Vec<&str> = (a..b)
                    .filter(|&i| p.toks[i].is_word())
                    .map(|i| p.toks[i].fold)
                    .collect();
                lex.name_culture(&words).is_some()
            };
            // `Deputy Prime Ministers A, B and C`: a name right after another
            // name and a comma or `and` continues the list.
            let listed = a >= 2
                && (p.toks[a - 1].is(",") || p.toks[a - 1].fold == "and")
                && p.mine(&names)[a - 2];
            if named_thing
                || !(known
                    || vn
                    || listed
                    || cultured()
                    || context(p, a, b, p.mine(&names)).vouches())
            {
                continue;
            }
            for flag in &mut p.mine_mut(&mut names)[a..b] {
                *flag = true;
            }
            // Words as written: `Bahiddha-Nukara` is one word.
            let words: Vec<String> = p.slice(a, b).split_whitespace().map(String::from).collect();
            let idx = *by_name.entry(folded.clone()).or_insert_with(|| {
                accs.push(Acc {
                    words: words.clone(),
                    folded,
                    titles: vec![],
                    roles: vec![],
                    country: None,
                    inner_country: None,
                    country_source: None,
                    culture: None,
                    mentions: vec![],
                    evidence: vec![],
                });
                accs.len() - 1
            });
            // Prefer the spelling with diacritics.
            let acc = &mut accs[idx];
            if words.iter().any(|w| !w.is_ascii()) && acc.words.iter().all(|w| w.is_ascii()) {
                acc.words = words;
            }
        }
    }

    // Countries first, so short forms follow each country's name order.
    for (pi, p) in paras.iter().enumerate() {
        for &(a, b) in runs(pi) {
            if b - a < 2 {
                continue;
            }
            let folded = run_key(p, a, b);
            if let Some(&idx) = by_name.get(&folded) {
                let ctx = context(p, a, b, p.mine(&names));
                accs[idx].absorb(ctx, p.mention(a, b), explain);
            }
        }
    }
    for acc in &mut accs {
        let folded: Vec<String> = acc.words.iter().map(|w| crate::text::fold(w)).collect();
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        acc.culture = lex.name_culture(&folded).map(|c| c.name.clone());
        if acc.country.is_some() {
            acc.country_source = Some("stated");
        } else if acc.inner_country.is_some() {
            acc.country = acc.inner_country.clone();
            acc.country_source = Some("organization");
        }
    }
    // Short forms follow the name's culture (`cultures.tsv`): Vietnamese
    // names by the given name (last), Chinese by the family name (first),
    // Lao by either (`President Thongloun`, `Lakhamphong`). A name of no
    // known culture follows its country's order, else either end.
    let short_keys = |acc: &Acc| {
        let first = crate::text::fold(&acc.words[0]);
        let last = crate::text::fold(&acc.words[acc.words.len() - 1]);
        let short = match acc.culture.as_deref().and_then(|c| lex.culture(c)) {
            Some(c) => c.short,
            None => {
                let order = lex.name_order(acc.country.as_deref());
                match (order.short_first, order.family_first) {
                    (true, _) => Short::First,
                    (false, true) => Short::Last,
                    (false, false) => Short::Either,
                }
            }
        };
        match short {
            Short::First => vec![first],
            Short::Last => vec![last],
            Short::Either if first == last => vec![last],
            Short::Either => vec![first, last],
        }
    };
    let keys: Vec<Vec<String>> = accs.iter().map(short_keys).collect();
    let mut by_short: HashMap<String, Vec<usize>> = HashMap::default();
    for (idx, keys) in keys.iter().enumerate() {
        for key in keys {
            by_short.entry(key.clone()).or_default().push(idx);
        }
    }
    // Full-name mentions by paragraph, in text order, for `seen` below.
    let mut full: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paras.len()];
    for (idx, acc) in accs.iter().enumerate() {
        for m in &acc.mentions {
            if let Some(bucket) = full.get_mut(m.paragraph) {
                bucket.push((m.start, idx));
            }
        }
    }
    let mut ambiguous = Ambiguous::default();

    // Pass 2: short forms. One `seen`, emptied per paragraph, keeps its
    // tables' room.
    let mut seen = Seen::default();
    let mut singles: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        singles.clear();
        singles.extend(
            runs(pi)
                .iter()
                .copied()
                .filter(|&(a, b)| !p.slice(a, b).contains(char::is_whitespace)),
        );
        place_words_naming_people(p, &by_short, p.mine(&names), &mut singles);
        singles.sort_unstable();
        seen.clear();
        let full_here = full
            .get_mut(p.index)
            .map(std::mem::take)
            .unwrap_or_default();
        let mut full_here = {
            let mut f = full_here;
            f.sort_unstable();
            f.into_iter().peekable()
        };
        for &(a, b) in &singles {
            let at = p.toks[a].cstart;
            while let Some(&(start, idx)) = full_here.peek() {
                if start >= at {
                    break;
                }
                seen.add(idx, &keys[idx]);
                full_here.next();
            }
            // A one-token word's fold is the token's.
            let word: Cow<'_, str> = if b == a + 1 && p.toks[a].is_word() {
                Cow::Borrowed(p.toks[a].fold)
            } else {
                Cow::Owned(crate::text::fold(p.slice(a, b)))
            };
            let Some(owners) = by_short.get(&*word) else {
                continue;
            };
            // `Minister Nguyen Manh Hung … Hung said`: of two people sharing
            // the form, the one already named in this paragraph.
            let owner = match (owners.as_slice(), seen.only(&word)) {
                ([one], _) => *one,
                (_, Some(here)) => here,
                _ => {
                    ambiguous.add(&word, p.slice(a, b), p.index, || {
                        owners.iter().map(|&i| accs[i].words.join(" ")).collect()
                    });
                    continue;
                }
            };
            for flag in &mut p.mine_mut(&mut names)[a..b] {
                *flag = true;
            }
            let ctx = context(p, a, b, p.mine(&names));
            let acc = &mut accs[owner];
            // A short form says nothing of the country (`Lao` before
            // `Lakhamphong` may be an adjective of something else).
            let mut ctx = ctx;
            ctx.evidence.retain(|e| e.kind != "country");
            acc.absorb(
                Context {
                    country: None,
                    inner_country: None,
                    ..ctx
                },
                p.mention(a, b),
                explain,
            );
            seen.add(owner, &keys[owner]);
        }
    }
    warnings.extend(ambiguous.warnings());

    let mut cultures = HashMap::default();
    let mut evidence = HashMap::default();
    let people = accs
        .into_iter()
        .filter(|acc| !acc.mentions.is_empty())
        .map(|mut acc| {
            acc.mentions.sort_by_key(|m| (m.paragraph, m.start));
            let culture = acc.culture.as_deref().and_then(|c| lex.culture(c));
            let (family_first, short_first) = match culture {
                Some(c) => (c.family_first, c.short == Short::First),
                None => {
                    let order = lex.name_order(acc.country.as_deref());
                    (order.family_first, order.short_first)
                }
            };
            let n = acc.words.len();
            let (family, given) = if family_first && short_first {
                (acc.words[0].clone(), acc.words[1..].join(" "))
            } else if family_first {
                (acc.words[0].clone(), acc.words[n - 1].clone())
            } else {
                (acc.words[n - 1].clone(), acc.words[..n - 1].join(" "))
            };
            let name = acc.words.join(" ");
            let id = slug(&acc.folded);
            if let Some(c) = acc.culture {
                cultures.insert(id.clone(), c);
            }
            if explain {
                evidence.insert(id.clone(), acc.evidence);
            }
            Person {
                id,
                name,
                family_name: Some(family),
                given_name: Some(given),
                titles: merge_phrases(&acc.titles),
                roles: merge_phrases(&acc.roles),
                country: acc.country,
                country_source: acc.country_source.map(str::to_string),
                mentions: acc.mentions,
            }
        })
        .collect();
    let mut people: Vec<Person> = people;
    people.sort_by_key(|p| p.mentions.first().map(|m| (m.paragraph, m.start)));
    People {
        people,
        claimed: names,
        cultures,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_drops_what_a_fuller_phrase_spells_out() {
        let items: Vec<String> = [
            "Minister",
            "Deputy Prime Minister",
            "Minister of Public Security",
            "Minister",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            merge_phrases(&items),
            ["Deputy Prime Minister", "Minister of Public Security"]
        );
        let titles: Vec<String> = ["Senior Lieutenant General", "General"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(merge_phrases(&titles), ["Senior Lieutenant General"]);
    }
}

#[cfg(test)]
mod bounded {
    use crate::read::Input;
    use crate::{Options, convert_bytes};

    fn warnings(text: &str) -> Vec<String> {
        let input = Input::file("w.txt");
        let record = convert_bytes(&input, text.as_bytes(), &Options::default()).unwrap();
        record.warnings
    }

    /// One warning per ambiguous short form, however often it recurs, and
    /// a bounded list of candidates: a page of `Hung said.` once took
    /// gigabytes of warnings.
    #[test]
    fn ambiguous_mentions_are_one_warning_per_short_form() {
        let families = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"];
        let mut text = String::from(" date 2023-08-09 ");
        for f in families {
            text.push_str(&format!("Deputy Minister {f} Van Hung attended.\n\n"));
        }
        for _ in 0..50 {
            text.push_str("Hung said.\n\nLam agreed.\n\n");
        }
        let all = warnings(&text);
        let ambiguous: Vec<&String> = all
            .iter()
            .filter(|w| w.starts_with("ambiguous-mention"))
            .collect();
        assert_eq!(ambiguous.len(), 1, "{ambiguous:?}");
        let w = ambiguous[0];
        assert!(
            w.contains("\"Hung\" (50 mentions, first in paragraph 7)"),
            "{w}"
        );
        assert!(w.contains("Nguyen Van Hung or Tran Van Hung"), "{w}");
        assert!(w.ends_with("or 2 others"), "{w}");
    }
}
