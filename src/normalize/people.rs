//! People: name candidates, the titles, roles and country around them, and
//! short mentions linked back to the full name.
//!
//! Pass 1 finds full names (2–4 capitalized words) that the text vouches
//! for: a rank, role or nationality word before them, a role after them as
//! an appositive, or a Vietnamese family name first. Pass 2 links every
//! capitalized run to a person — the same full name, or a one-word short form
//! (`Quang`, `Chairman Hue`, `Lakhamphong`) that names exactly one person.
//! A short form that fits two people is left unresolved, with a warning.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Entry, FunctionClass, Lexicon, RoleClass, Short};
use crate::model::{Mention, Person};
use crate::normalize::para::Para;
use crate::text::slug;

/// What the words around one mention say about the person.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Context {
    /// Ranks and honorifics in full words.
    pub titles: Vec<String>,
    /// Roles as phrases.
    pub roles: Vec<String>,
    /// Country from a nationality word or `of <country>`.
    pub country: Option<String>,
    /// Country from a place or nationality word inside a role (weaker).
    pub inner_country: Option<String>,
}

impl Context {
    fn vouches(&self) -> bool {
        !self.titles.is_empty() || !self.roles.is_empty() || self.country.is_some()
    }
}

/// Token ranges `a..b` of capitalized name-like runs in a paragraph.
fn name_runs(p: &Para<'_, '_>, lex: &Lexicon) -> Vec<(usize, usize)> {
    let name_word = |i: usize| {
        let t = &p.toks[i];
        t.is_word()
            && t.cap
            && p.tag(i).is_none()
            && !p.is_acronym(i)
            && !t.fold.chars().all(|c| c.is_ascii_digit())
            && (!lex.is_stopword(&t.fold) || lex.is_vn_family(&t.fold))
    };
    // Inside a Vietnamese name, a place or nationality word is a name word
    // (`Vuong Dinh Hue`, `Nguyen Hoa Binh`), and so is a stop word (`Pham
    // The Tung`, `Dang Hoang An`): returns where such a word ends.
    let inner = |i: usize| -> Option<usize> {
        let t = &p.toks[i];
        if !(t.is_word() && t.cap) || p.is_acronym(i) {
            return None;
        }
        match p.tag(i) {
            None => Some(i + 1),
            Some(tag)
                if tag.start == i
                    && tag
                        .entries
                        .iter()
                        .all(|e| matches!(e, Entry::Place { .. } | Entry::Demonym(_))) =>
            {
                Some(tag.end)
            }
            Some(_) => None,
        }
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let vn = lex.is_vn_family(&p.toks[i].fold);
        i += 1;
        loop {
            if i >= p.toks.len() {
                break;
            }
            if name_word(i) {
                i += 1;
            } else if p.toks[i].is("-")
                && p.toks[i - 1].end == p.toks[i].start
                && p.toks.get(i + 1).is_some_and(|n| n.start == p.toks[i].end)
                && i + 1 < p.toks.len()
                && name_word(i + 1)
            {
                // `Bahiddha-Nukara`: a hyphenated name is one name.
                i += 2;
            } else if let Some(end) = inner(i).filter(|&end| vn && end - start <= 4) {
                i = end;
            } else {
                break;
            }
        }
        // `Ministers Tran Hong Ha`: a Vietnamese family name inside a run
        // that did not open with one starts the name.
        let start = match (start + 1..i).find(|&k| lex.is_vn_family(&p.toks[k].fold)) {
            Some(k) if !vn => k,
            _ => start,
        };
        if i - start <= 4 {
            runs.push((start, i));
        }
    }
    runs
}

/// One-word places that are also a person's short form (`Chairman Hue`,
/// `Hue said`): a person unless a preposition puts them on the map.
fn place_words_naming_people(
    p: &Para<'_, '_>,
    keys: &HashMap<String, Vec<usize>>,
    names: &[bool],
) -> Vec<(usize, usize)> {
    (0..p.toks.len())
        .filter(|&i| {
            // Cheap tests first: the hash lookup only for one-word places.
            !names[i]
                && p.toks[i].cap
                && p.tag(i).is_some_and(|t| t.end - t.start == 1)
                && p.place(i).is_some()
                && keys.contains_key(p.toks[i].fold.as_str())
                && (i == 0
                    || !p
                        .lex
                        .is_function(&p.toks[i - 1].fold, FunctionClass::PlaceBefore))
        })
        .map(|i| (i, i + 1))
        .collect()
}

/// Read titles and roles before the name at `a` and an appositive after `b`.
/// `names` marks tokens that belong to other names, where a role phrase stops.
pub fn context(p: &Para<'_, '_>, a: usize, b: usize, names: &[bool]) -> Context {
    let mut ctx = Context::default();
    // Ranks and honorifics right before the name.
    let mut j = a.checked_sub(1).and_then(|j| p.back_over_periods(j));
    let mut titles = Vec::new();
    while let Some(k) = j {
        let Some(tag) = p.tag(k).filter(|_| p.is_rank(k)) else {
            break;
        };
        if let Some(Entry::Rank(title)) = tag.entries.iter().find(|e| matches!(e, Entry::Rank(_))) {
            titles.push(title.clone());
        }
        j = tag
            .start
            .checked_sub(1)
            .and_then(|j| p.back_over_periods(j));
    }
    titles.reverse();
    ctx.titles = titles;
    // `Deputy Prime Ministers Tran Hong Ha and Le Minh Khai`: the second
    // name shares a plural role with the first.
    if ctx.titles.is_empty()
        && let Some(k) =
            j.filter(|&k| (p.toks[k].fold == "and" || p.toks[k].is(",")) && k >= 1 && names[k - 1])
    {
        // Back to the list's first name: `A, B and C`.
        let mut first = k - 1;
        loop {
            while first > 0 && names[first - 1] {
                first -= 1;
            }
            let sep = first >= 2
                && (p.toks[first - 1].is(",") || p.toks[first - 1].fold == "and")
                && names[first - 2];
            if !sep {
                break;
            }
            first -= 2;
        }
        let mut first_end = first;
        while first_end < names.len() && names[first_end] {
            first_end += 1;
        }
        let plural = first.checked_sub(1).is_some_and(|h| {
            let (start, _) = role_run_back(p, h, names);
            (start..=h).any(|i| plural_role(p, i))
        });
        if plural {
            let shared = context(p, first, first_end, names);
            ctx.roles = shared.roles;
            ctx.country = shared.country;
            ctx.inner_country = shared.inner_country;
            return ctx;
        }
    }
    // The role phrase before them, walking back; it must touch the name
    // (`Minister of Public Security` vouches for nothing after `of`).
    // `Lao Minister of Health, Assoc Prof Dr. Bounkong Syhavong`: a role,
    // a comma, then the titles.
    let j = match j {
        Some(k) if !ctx.titles.is_empty() && p.toks[k].is(",") && k >= 1 => {
            let (start, _) = role_run_back(p, k - 1, names);
            let has_head = (start..k).any(|i| p.role_class(i) == Some(RoleClass::Head));
            if has_head { Some(k - 1) } else { j }
        }
        _ => j,
    };
    if let Some(end) = j.filter(|&e| !p.is_connector(e) && !p.toks[e].is(",")) {
        let (start, skip) = role_run_back(p, end, names);
        read_roles(p, start, end + 1, &skip, &mut ctx);
    }
    // An appositive: `To Lam, Minister of Public Security, said`, or
    // `Vilay Lakhamphong, the Lao Minister of Public Security, …`.
    let mut r = b + 1;
    if p.toks.get(r).is_some_and(|t| t.fold == "the" && !t.cap) {
        r += 1;
    }
    // `Gen. Prayut Chan-o-cha of Thailand`.
    if p.toks.get(b).is_some_and(|t| t.fold == "of" && !t.cap) {
        let c = if p.toks.get(b + 1).is_some_and(|t| t.fold == "the") {
            b + 2
        } else {
            b + 1
        };
        if let Some((name, "country", _)) = p.place(c) {
            ctx.country.get_or_insert_with(|| name.to_string());
        }
    }
    let opens_role = |i: usize| p.role_class(i).is_some() || p.demonym(i).is_some();
    if p.toks.get(b).is_some_and(|t| t.is(",")) && r < p.toks.len() && opens_role(r) {
        let (end, skip) = role_run_forward(p, r, names);
        // An appositive closes with punctuation or a verb; one that runs into
        // the next name is a list of people (`A, Lao Prime Minister B and …`).
        let closed = p
            .toks
            .get(end)
            .is_none_or(|t| (!t.is_word() && !t.is("'s")) || (!t.cap && !p.is_connector(end)));
        if !closed {
            return ctx;
        }
        let mut after = Context::default();
        read_roles(p, r, end, &skip, &mut after);
        ctx.roles.extend(after.roles);
        ctx.country = ctx.country.or(after.country);
        ctx.inner_country = ctx.inner_country.or(after.inner_country);
    }
    ctx
}

/// A role word written in the plural (`Ministers`, `Directors`): its
/// lexicon row spells out the singular.
fn plural_role(p: &Para<'_, '_>, i: usize) -> bool {
    p.entry(i, |e| match e {
        Entry::Role {
            class: RoleClass::Head,
            expansion: Some(x),
        } => Some(x.to_lowercase() != p.toks[i].fold),
        _ => None,
    })
    .unwrap_or(false)
}

/// Can token `i` be part of a role phrase (apart from `,` and `( X )`)?
fn role_token(p: &Para<'_, '_>, i: usize, names: &[bool]) -> bool {
    let t = &p.toks[i];
    if names[i] {
        return false;
    }
    // `… Deputy Minister of Public Security on March 3`: a date ends it.
    if t.is_word() && crate::lexicon::calendar_word(&t.fold).is_some() {
        return false;
    }
    if let Some(tag) = p.tag(i) {
        return tag.entries.iter().any(|e| {
            matches!(
                e,
                Entry::Role { .. }
                    | Entry::OrgHead(_)
                    | Entry::Org { .. }
                    | Entry::Demonym(_)
                    | Entry::Place { .. }
                    | Entry::Common
            )
        });
    }
    if p.is_connector(i) {
        // A connector joins two parts of a role, never a role and a date.
        return p
            .toks
            .get(i + 1)
            .is_none_or(|n| !(n.is_word() && crate::lexicon::calendar_word(&n.fold).is_some()));
    }
    // `Recently Prime Minister X`: a capitalized stop word opens a sentence,
    // not a role.
    (t.is_word() && t.cap && !p.lex.is_stopword(&t.fold)) || t.is("'s")
}

/// Walk back from `end` (inclusive) over a role phrase. Returns its first
/// token and the tokens of `( ACRONYM )` groups inside it.
fn role_run_back(p: &Para<'_, '_>, end: usize, names: &[bool]) -> (usize, Vec<usize>) {
    let mut skip = Vec::new();
    let mut start = end + 1;
    let mut i = end as isize;
    while i >= 0 {
        let k = i as usize;
        let t = &p.toks[k];
        if t.is(")") && k >= 2 && p.paren_acronym_at(k - 2).is_some() {
            skip.extend([k - 2, k - 1, k]);
            start = k - 2;
            i -= 3;
            continue;
        }
        if t.is(",") {
            // A list of roles (`Politburo member, Deputy Prime Minister`) or
            // a list inside one (`Minister of Labour, Invalids and …`).
            if k >= 1
                && (p.role_class(k - 1).is_some()
                    || role_token(p, k - 1, names) && p.toks[k - 1].cap)
            {
                start = k;
                i -= 1;
                continue;
            }
            break;
        }
        // `King Norodom Sihamoni's envoy and Chinese President Xi`: what
        // follows another person's `'s` up to the first `and` is theirs.
        if t.is("'s") && k >= 1 && names[k - 1] {
            let mut s = k + 1;
            while s <= end && !(p.toks[s].is(",") || p.toks[s].fold == "and") {
                s += 1;
            }
            start = s;
            break;
        }
        if !role_token(p, k, names) {
            break;
        }
        start = k;
        i -= 1;
    }
    // Never start on a connector or a stray comma.
    while start <= end && (p.is_connector(start) || p.toks[start].is(",") || p.toks[start].is("'s"))
    {
        start += 1;
    }
    (start, skip)
}

/// Walk forward from `start` over an appositive role phrase; returns its end.
fn role_run_forward(p: &Para<'_, '_>, start: usize, names: &[bool]) -> (usize, Vec<usize>) {
    let mut skip = Vec::new();
    let mut i = start;
    while i < p.toks.len() {
        if let Some(acr) = p.paren_acronym_at(i) {
            skip.extend([i, acr, acr + 1]);
            i += 3;
            continue;
        }
        if !role_token(p, i, names) {
            break;
        }
        i += 1;
    }
    while i > start && p.is_connector(i - 1) {
        i -= 1;
    }
    (i, skip)
}

/// Split `a..b` into roles at `,`/`and` before a new role word; move
/// nationality words and `of <country>` to the country.
fn read_roles(p: &Para<'_, '_>, a: usize, b: usize, skip: &[usize], ctx: &mut Context) {
    if a >= b {
        return;
    }
    let starts_role = |i: usize| i < b && (p.role_class(i).is_some() || p.demonym(i).is_some());
    let is_sep = |i: usize| p.toks[i].is(",") || (p.toks[i].is_word() && p.toks[i].fold == "and");
    let has_head = |s: usize, e: usize| (s..e).any(|i| p.role_class(i) == Some(RoleClass::Head));
    // Split before a new role word (`… Prime Minister and Minister of …`), or
    // where both sides hold a role (`Party General Secretary and State
    // President`); never inside `Minister of Information and Communications`.
    let mut segments = Vec::new();
    let mut seg_start = a;
    for i in a..b {
        if !is_sep(i) {
            continue;
        }
        let next_sep = (i + 1..b).find(|&k| is_sep(k)).unwrap_or(b);
        if starts_role(i + 1) || (has_head(seg_start, i) && has_head(i + 1, next_sep)) {
            segments.push((seg_start, i));
            seg_start = i + 1;
        }
    }
    segments.push((seg_start, b));
    for (mut s, mut e) in segments {
        while s < e && (p.is_connector(s) || p.toks[s].is(",")) {
            s += 1;
        }
        // Nationality words before the role's head, wherever they stand
        // (`outgoing Japanese Ambassador`), and a country's possessive
        // (`Thailand's Prime Minister`), move to the country.
        let mut skip = skip.to_vec();
        let head = (s..e)
            .find(|&i| p.role_class(i) == Some(RoleClass::Head))
            .unwrap_or(e);
        let mut k = s;
        while k < head {
            let end = p.tag(k).map_or(k + 1, |t| t.end.min(head));
            let possessive = p.toks.get(end).is_some_and(|t| t.is("'s"));
            // A possessive only before a role (`China's Sinopharm vaccine`
            // names no one).
            let country = p
                .demonym(k)
                .map(str::to_string)
                .or_else(|| match p.place(k) {
                    Some((name, "country", _)) if possessive && head < e => Some(name.to_string()),
                    _ => None,
                });
            if let Some(country) = country {
                ctx.country.get_or_insert(country);
                skip.extend(k..end + usize::from(possessive));
                k = end + usize::from(possessive);
            } else {
                k = end;
            }
        }
        while s < e && skip.contains(&s) {
            s += 1;
        }
        // Trailing `of [the] <country>`: `Minister of Public Security of
        // Vietnam`, `President of the Senate of Romania`.
        if e > s
            && let Some((name, "country", _)) = p.place(e - 1)
        {
            let tag_start = p.tag(e - 1).map_or(e - 1, |t| t.start);
            let mut k = tag_start;
            if k > s && p.toks[k - 1].fold == "the" {
                k -= 1;
            }
            if k > s && p.toks[k - 1].fold == "of" {
                ctx.country.get_or_insert_with(|| name.to_string());
                e = k - 1;
            }
        }
        let has_head = (s..e).any(|i| p.role_class(i) == Some(RoleClass::Head));
        if !has_head {
            continue;
        }
        for i in s..e {
            let after_to = i > s && p.toks[i - 1].fold == "to";
            if after_to {
                continue;
            }
            let known_org = p.entry(i, |e| match e {
                Entry::Org { country, .. } => country.as_deref(),
                _ => None,
            });
            if let Some(c) = p
                .demonym(i)
                .or_else(|| {
                    p.place(i)
                        .and_then(|(n, k, c)| if k == "country" { Some(n) } else { c })
                })
                .or(known_org)
            {
                ctx.inner_country.get_or_insert_with(|| c.to_string());
            }
        }
        let role = expand(p, s, e, &skip);
        let role = role.strip_prefix("the ").unwrap_or(&role).to_string();
        if !role.is_empty() {
            ctx.roles.push(role);
        }
    }
}

/// The phrase `s..e` with abbreviations spelled out (`PM` → `Prime Minister`).
fn expand(p: &Para<'_, '_>, s: usize, e: usize, skip: &[usize]) -> String {
    let mut out = String::new();
    let mut i = s;
    let mut from = s;
    while i < e {
        let expansion = p.tag(i).and_then(|t| {
            t.entries.iter().find_map(|en| match en {
                Entry::Role {
                    expansion: Some(x), ..
                } => Some((t.start, t.end, x.as_str())),
                _ => None,
            })
        });
        match expansion {
            Some((ts, te, x)) if ts >= s && te <= e && !skip.contains(&ts) => {
                push_words(&mut out, &p.phrase(from, ts, skip));
                push_words(&mut out, x);
                i = te;
                from = te;
            }
            _ => i += 1,
        }
    }
    push_words(&mut out, &p.phrase(from, e, skip));
    out
}

fn push_words(out: &mut String, s: &str) {
    if s.is_empty() {
        return;
    }
    if !out.is_empty() && !s.starts_with([',', '\'']) {
        out.push(' ');
    }
    out.push_str(s);
}

/// The folded words of tokens `a..b`, the key a full name is known by.
fn run_key(p: &Para<'_, '_>, a: usize, b: usize) -> String {
    (a..b)
        .map(|i| p.toks[i].fold.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

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
}

impl Acc {
    fn absorb(&mut self, ctx: Context) {
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

/// Everything the people pass found.
pub struct People {
    /// People in order of first mention.
    pub people: Vec<Person>,
    /// Per paragraph, tokens that belong to a person mention.
    pub claimed: Vec<Vec<bool>>,
    /// Each person's name culture, by person id, where the name shows one.
    pub cultures: HashMap<String, String>,
}

/// Find and resolve the people in `paras`.
pub fn resolve(paras: &[Para<'_, '_>], lex: &Lexicon, warnings: &mut Vec<String>) -> People {
    let runs: Vec<Vec<(usize, usize)>> = paras.iter().map(|p| name_runs(p, lex)).collect();
    let mut names: Vec<Vec<bool>> = paras.iter().map(|p| vec![false; p.toks.len()]).collect();
    let mut accs: Vec<Acc> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();

    // Pass 1: full names the text vouches for.
    for (pi, p) in paras.iter().enumerate() {
        for &(a, b) in &runs[pi] {
            if b - a < 2 {
                continue;
            }
            let folded = run_key(p, a, b);
            let known = by_name.contains_key(&folded);
            let vn = lex.is_vn_family(&p.toks[a].fold);
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
                    .map(|i| p.toks[i].fold.as_str())
                    .collect();
                lex.name_culture(&words).is_some()
            };
            // `Deputy Prime Ministers A, B and C`: a name right after another
            // name and a comma or `and` continues the list.
            let listed = a >= 2
                && (p.toks[a - 1].is(",") || p.toks[a - 1].fold == "and")
                && names[pi][a - 2];
            if named_thing
                || !(known || vn || listed || cultured() || context(p, a, b, &names[pi]).vouches())
            {
                continue;
            }
            for flag in &mut names[pi][a..b] {
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
        for &(a, b) in &runs[pi] {
            if b - a < 2 {
                continue;
            }
            let folded = run_key(p, a, b);
            if let Some(&idx) = by_name.get(&folded) {
                let ctx = context(p, a, b, &names[pi]);
                accs[idx].absorb(ctx);
                accs[idx].mentions.push(p.mention(a, b));
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
    let mut by_short: HashMap<String, Vec<usize>> = HashMap::default();
    for (idx, acc) in accs.iter().enumerate() {
        for key in short_keys(acc) {
            by_short.entry(key).or_default().push(idx);
        }
    }

    // Pass 2: short forms.
    for (pi, p) in paras.iter().enumerate() {
        let mut singles: Vec<(usize, usize)> = runs[pi]
            .iter()
            .copied()
            .filter(|&(a, b)| !p.slice(a, b).contains(char::is_whitespace))
            .collect();
        singles.extend(place_words_naming_people(p, &by_short, &names[pi]));
        singles.sort_unstable();
        for (a, b) in singles {
            let word = crate::text::fold(p.slice(a, b));
            let Some(owners) = by_short.get(word.as_str()) else {
                continue;
            };
            // `Minister Nguyen Manh Hung … Hung said`: of two people sharing
            // the form, the one already named in this paragraph.
            let here: Vec<usize> = owners
                .iter()
                .copied()
                .filter(|&o| {
                    accs[o]
                        .mentions
                        .iter()
                        .any(|m| m.paragraph == p.index && m.start < p.toks[a].cstart)
                })
                .collect();
            let owners = if owners.len() > 1 && here.len() == 1 {
                &here
            } else {
                owners
            };
            if owners.len() > 1 {
                let who: Vec<String> = owners.iter().map(|&i| accs[i].words.join(" ")).collect();
                warnings.push(format!(
                    "ambiguous-mention: {:?} in paragraph {} could be {}",
                    p.slice(a, b),
                    p.index,
                    who.join(" or ")
                ));
                continue;
            }
            for flag in &mut names[pi][a..b] {
                *flag = true;
            }
            let ctx = context(p, a, b, &names[pi]);
            let acc = &mut accs[owners[0]];
            acc.absorb(Context {
                country: None,
                inner_country: None,
                ..ctx
            });
            acc.mentions.push(p.mention(a, b));
        }
    }

    let mut cultures = HashMap::default();
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
    }
}

/// `Prime Minister Hun Manet received the delegation in Phnom Penh`: the
/// host of a visit or meeting (the subject of a host verb,
/// `function_words.tsv`) is of the country it happens in: the dateline's,
/// else a place after `in` later in the sentence.
pub fn countries_from_hosting(paras: &[Para<'_, '_>], people: &mut [Person], host: Option<&str>) {
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
        let found = person.mentions.iter().find_map(|m| {
            let p = paras.iter().find(|p| p.index == m.paragraph)?;
            let verb = p.toks.iter().position(|t| t.cstart >= m.end)?;
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
                .find_map(|k| {
                    p.place(k).and_then(|(name, kind, country)| {
                        if kind == "country" {
                            Some(name.to_string())
                        } else {
                            country.map(str::to_string)
                        }
                    })
                })
        });
        if found.is_some() {
            person.country = found;
            person.country_source = Some("host".to_string());
        }
    }
}

/// The weakest evidence, for people still without a country: the name's
/// culture (`name`). Of the countries that bear it, the one the article is
/// datelined in (a Chinese name in Singapore), else the most likely.
pub fn countries_from_names(
    people: &mut [Person],
    cultures: &HashMap<String, String>,
    host: Option<&str>,
    lex: &Lexicon,
) {
    for person in people.iter_mut().filter(|x| x.country.is_none()) {
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
pub fn countries_from_delegations(
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
