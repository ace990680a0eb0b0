//! Organizations: names built around a head word (`Ministry`, `Department`,
//! `Embassy`…), known bodies (`ASEAN`), acronyms introduced in parentheses
//! and their later bare uses.
//!
//! `Lao Ministry of Public Security` and `Ministry of Public Security of Laos`
//! are one organization (name without the country, country Laos); an acronym
//! after a leader's role (`Minister of Public Security (MoPS)`) names the
//! body the role leads (the Ministry).

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Entry, Lexicon, RoleClass};
use crate::model::{Mention, Organization, Person};
use crate::normalize::affiliation::{led_bodies, next_person, person_beside};
use crate::normalize::para::Para;
use crate::text::{fold, slug};

struct Found {
    name: String,
    acronym: Option<String>,
    country: Option<String>,
    /// Belongs to a country (everything but an international body).
    national: bool,
    mention: Option<Mention>,
}

/// Extend right from `i` over `of|for|on [the] Capitalized…` complements of
/// the name that starts at `a`.
fn complements(p: &Para<'_, '_>, a: usize, mut i: usize, claimed: &[bool]) -> usize {
    // `… Police Department on November 20`: a date is no part of a name.
    let cap_word = |k: usize| {
        k < p.toks.len()
            && !claimed[k]
            && p.toks[k].is_word()
            && p.toks[k].cap
            && crate::lexicon::calendar_word(&p.toks[k].fold).is_none()
            && !p.is_rank(k)
            && p.role_class(k)
                .is_none_or(|c| c != RoleClass::Head && c != RoleClass::Modifier)
    };
    loop {
        let mut k = i;
        if k < p.toks.len() && p.toks[k].is("'s") && cap_word(k + 1) {
            k += 1;
        } else if k < p.toks.len()
            && ["of", "for", "on"].contains(&p.toks[k].fold.as_str())
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
        if let Some((_, "country", _)) = p.place(from) {
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
fn gloss_before(p: &Para<'_, '_>, close: usize) -> Option<usize> {
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
fn generic_name(p: &Para<'_, '_>, a: usize, b: usize) -> bool {
    (a..b).all(|j| p.is_org_head(j) || p.is_org_qualifier(j) || !p.toks[j].is_word())
}

/// Split a leading nationality word and a trailing `of [the] <country>` off
/// tokens `a..b`; returns the kept range and the country.
fn strip_country(p: &Para<'_, '_>, mut a: usize, mut b: usize) -> (usize, usize, Option<String>) {
    let mut country = None;
    // `Singapore's Ministry of Foreign Affairs`.
    if let Some((name, "country", _)) = p.place(a) {
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
        && let Some((name, "country", _)) = p.place(b - 1)
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

/// Words joining the words of a name an acronym spells out.
const ACRONYM_JOINERS: &[&str] = &["-", "and", "for", "of", "on", "the", "&"];

/// `Asia-Pacific Economic Cooperation (APEC)`: the acronym at `a..b`, in
/// parentheses, spelled out by the capitalized words before them (each word
/// gives the acronym one or more of its first letters: IPU from
/// `Inter-Parliamentary Union`). Returns the first word.
fn spelled_out(p: &Para<'_, '_>, a: usize, b: usize) -> Option<usize> {
    if b != a + 1 || a < 2 || !p.toks[a - 1].is("(") || !p.toks.get(b).is_some_and(|t| t.is(")")) {
        return None;
    }
    let letters: Vec<char> = p.slice(a, b).chars().flat_map(char::to_lowercase).collect();
    let mut words: Vec<&str> = Vec::new();
    let mut s = a - 1;
    while s > 0 && words.len() < 12 {
        let t = &p.toks[s - 1];
        let joiner = ACRONYM_JOINERS.contains(&t.fold.as_str()) && !t.cap;
        if !(joiner || (t.is_word() && t.cap)) {
            break;
        }
        s -= 1;
        if joiner {
            continue;
        }
        words.insert(0, t.fold.as_str());
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

/// The country stated right before token `a`: a nationality word (`Lao`)
/// or a country's possessive (`Vietnam's`).
fn country_before(p: &Para<'_, '_>, a: usize) -> Option<String> {
    let k = a.checked_sub(1)?;
    if let Some(c) = p.demonym(k) {
        return Some(c.to_string());
    }
    if p.toks[k].is("'s")
        && let Some((name, "country", _)) = k.checked_sub(1).and_then(|j| p.place(j))
    {
        return Some(name.to_string());
    }
    None
}

/// Token `a` follows a credit label and its colon: `Photo: VNA`,
/// `Source: Ministry of Foreign Affairs` (`trailer_labels.tsv`).
fn after_credit_label(p: &Para<'_, '_>, a: usize) -> bool {
    a >= 2
        && p.toks[a - 1].is(":")
        && crate::lexicon::trailer_label(&format!("{}:", p.toks[a - 2].fold))
            .is_some_and(|(follow, _, _)| follow == crate::lexicon::TrailerFollow::Text)
}

/// Tokens `a..b` sit in a parenthesis that closes the paragraph and holds
/// only a credit: `(Yonhap)`, `(Xinhua/Liu Weibing)`, `(Photo: VNA)`.
fn in_closing_credit(p: &Para<'_, '_>, a: usize, b: usize) -> bool {
    let credit = |t: &crate::text::Token| t.is_word() || t.is("/") || t.is(":");
    let Some(open) = (0..a).rev().take(3).find(|&k| !credit(&p.toks[k])) else {
        return false;
    };
    let Some(close) = (b..p.toks.len()).take(6).find(|&k| !credit(&p.toks[k])) else {
        return false;
    };
    p.toks[open].is("(") && p.toks[close].is(")") && p.toks[close + 1..].iter().all(|t| t.is("."))
}

/// Find the organizations in `paras`, given the people found already.
pub fn resolve(
    paras: &[Para<'_, '_>],
    lex: &Lexicon,
    people: &[Person],
    claimed: &[Vec<bool>],
    host: Option<&str>,
) -> Vec<Organization> {
    let mut found: Vec<Found> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let claimed = &claimed[pi];
        let mut i = 0;
        while i < p.toks.len() {
            // A known organization.
            if let Some(tag) = p.tag(i)
                && let Some((name, country, national)) = tag.entries.iter().find_map(|e| match e {
                    Entry::Org {
                        name,
                        country,
                        national,
                    } => Some((name.clone(), country.clone(), *national)),
                    _ => None,
                })
            {
                // `WHO` the body, not `who` the pronoun (`Asean` is ASEAN).
                let written = p.slice(tag.start, tag.end);
                if name.chars().all(|c| !c.is_lowercase())
                    && !written.starts_with(char::is_uppercase)
                {
                    i = tag.end;
                    continue;
                }
                // `… the ministry said. (Yonhap)`, `(Xinhua/Liu Weibing)`: a
                // credit names the outlet that took the photo or filed the
                // story, not a body of the article.
                if in_closing_credit(p, tag.start, tag.end) || after_credit_label(p, tag.start) {
                    i = tag.end;
                    continue;
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
                    i = tag.end + 1;
                    continue;
                }
                // `the Lao National Assembly`, `Vietnam's National Assembly`.
                let country =
                    country.or_else(|| national.then(|| country_before(p, tag.start)).flatten());
                found.push(Found {
                    name,
                    acronym,
                    country,
                    national,
                    mention: Some(p.mention(tag.start, end)),
                });
                i = end;
                continue;
            }
            // A capitalized head word: take the capitalized run around it
            // (`Party Central Committee`, `Cambodian National Police`).
            if p.is_org_head(i) && p.toks[i].cap && !claimed[i] {
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
                    } else if p.toks[k].fold == "and"
                        && k > 0
                        && org_word(k - 1)
                        && !p.is_body(k - 1)
                    {
                        // `Fire Prevention and Fighting Police`; `Municipal
                        // Police and Fire Police` are two bodies.
                        a = k;
                    } else if p.toks[k].is("'s")
                        && k > 0
                        && org_word(k - 1)
                        && !(p.is_org_head(k - 1) && i > k)
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
                    i = head_end;
                    continue;
                }
                // `PHOTO: MINISTRY OF FOREIGN AFFAIRS, SINGAPORE` credits the
                // photo; it names no body of the article.
                if after_credit_label(p, a) {
                    i = head_end;
                    continue;
                }
                // Sentence openers (`The`, `After`) are not part of the name.
                while a < i
                    && p.toks[a].cap
                    && p.toks[a].is_word()
                    && lex.is_stopword(&p.toks[a].fold)
                {
                    a += 1;
                }
                let b = complements(p, a, head_end, claimed);
                let (s, e, country) = strip_country(p, a, b);
                // A lone generic head (`the Government`, `the Party`) names
                // nothing on its own; `the Vietnamese Government` and `the
                // Party Central Committee's Secretariat` do.
                let qualified = country.is_some() || (a > 0 && p.toks[a - 1].is("'s"));
                if e - s == 1 && p.is_org_head(s) && p.paren_acronym_at(b).is_none() && !qualified {
                    i = b;
                    continue;
                }
                let acronym = p.paren_acronym_at(b).map(|k| p.slice(k, k + 1).to_string());
                found.push(Found {
                    name: p.phrase(s, e, &[]),
                    acronym,
                    country,
                    national: true,
                    mention: Some(p.mention(a, b)),
                });
                // `Standing Committee of the National People's Congress`
                // holds the Congress too: read on inside the name (`the`
                // marks a body of its own; `Department of Criminal Police`
                // names one body).
                let nested = generic_name(p, a, head_end)
                    && p.toks.get(head_end + 1).is_some_and(|t| t.fold == "the")
                    && (head_end..b).any(|j| p.is_body(j));
                i = match p.paren_acronym_at(b) {
                    Some(k) => k + 2,
                    None if nested => head_end,
                    None => b,
                };
                continue;
            }
            // An acronym after a leader's role: `Minister of Public Security (MoPS)`.
            if let Some(k) = p.paren_acronym_at(i)
                && let Some(org) = role_acronym(p, i, k, next_person(p, k + 2, people))
            {
                found.push(org);
                i = k + 2;
                continue;
            }
            i += 1;
        }
    }
    // A body named in a person's role (`Chairman of the HCMC People's
    // Committee Phan Van Mai`, `Le Hoai Trung, Head of the Commission for
    // External Relations`) is of that person's country.
    // Else the country of a person who leads a body of that name
    // (`Minister of Public Security To Lam` for the Ministry of Public
    // Security), else the country the article is datelined in.
    let mut led = None;
    for f in found
        .iter_mut()
        .filter(|f| f.country.is_none() && f.national)
    {
        if let Some(m) = &f.mention
            && let Some(p) = paras.iter().find(|p| p.index == m.paragraph)
        {
            f.country = person_beside(p, m, people).and_then(|x| x.country.clone());
        }
        if f.country.is_none() {
            let led = led.get_or_insert_with(|| led_bodies(people));
            f.country = led.get(&fold(&f.name)).cloned().flatten();
        }
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
    assemble(found, bare)
}

/// `Minister of X (ACR)` → `Ministry of X`, acronym ACR.
fn role_acronym(
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
    let head = crate::lexicon::org_for_leader(&p.toks[h].fold)?;
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

/// Merge findings into organizations: one per (name, country); a finding
/// without a country joins the one organization of that name that has one.
fn assemble(mut found: Vec<Found>, bare: Vec<(usize, Mention)>) -> Vec<Organization> {
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
    let key = |name: &str, country: &Option<String>| (fold(name), country.clone());
    let mut orgs: Vec<Organization> = Vec::new();
    let mut index: HashMap<(String, Option<String>), usize> = HashMap::default();
    let mut slot_of_found = Vec::with_capacity(found.len());
    // Countries known per name, to place country-less findings.
    let mut countries: HashMap<String, Vec<Option<String>>> = HashMap::default();
    for f in &found {
        let list = countries.entry(fold(&f.name)).or_default();
        if f.country.is_some() && !list.contains(&f.country) {
            list.push(f.country.clone());
        }
    }
    for f in found {
        let mut country = f.country.clone();
        if country.is_none()
            && let Some(list) = countries.get(&fold(&f.name))
            && list.len() == 1
        {
            country = list[0].clone();
        }
        let k = key(&f.name, &country);
        let slot = *index.entry(k).or_insert_with(|| {
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
