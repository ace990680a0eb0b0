//! The grammar around a name: ranks and honorifics before it, the role
//! phrase before it (stacked roles split at `,`/`and`, a plural role shared
//! by a list), an appositive role after it, and the country these state
//! (nationality words, a country's possessive, `of <country>`, the country of
//! an organization in the role).
//!
//! Reads one paragraph's tokens and lexicon tags; knows nothing of other
//! mentions or people except which tokens belong to names.

use crate::lexicon::{Entry, RoleClass};
use crate::model::PlaceKind;
use crate::normalize::para::Para;
use crate::normalize::roles::read_roles;

/// The longest role phrase read on either side of a name, in tokens. Real
/// stacked roles (`Politburo member, Secretary of the Party Central
/// Committee, Chairman of …`) stay far below it; without a bound, a page of
/// capitalized words made every candidate walk the whole page (quadratic).
const MAX_ROLE_TOKENS: usize = 96;

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
    /// Which pattern gave each title, role and country (`dateline explain`).
    pub evidence: Vec<Evidence>,
}

/// One fact about a person and the grammar pattern that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The pattern, in words: `role before the name`.
    pub pattern: &'static str,
    /// `title`, `role` or `country`.
    pub kind: &'static str,
    /// The fact.
    pub value: String,
}

impl Context {
    pub(crate) fn vouches(&self) -> bool {
        !self.titles.is_empty() || !self.roles.is_empty() || self.country.is_some()
    }

    /// Note what `pattern` added since the roles numbered `roles_before`
    /// and while the countries were `country_before`/`inner_before`.
    fn note(
        &mut self,
        pattern: &'static str,
        roles_before: usize,
        country_before: bool,
        inner_before: bool,
    ) {
        for role in &self.roles[roles_before..] {
            self.evidence.push(Evidence {
                pattern,
                kind: "role",
                value: role.clone(),
            });
        }
        if let (false, Some(c)) = (country_before, &self.country) {
            self.evidence.push(Evidence {
                pattern,
                kind: "country",
                value: c.clone(),
            });
        }
        if let (false, Some(c)) = (inner_before, &self.inner_country) {
            self.evidence.push(Evidence {
                pattern: "an organization or place inside the role",
                kind: "country",
                value: c.clone(),
            });
        }
    }

    fn snapshot(&self) -> (usize, bool, bool) {
        (
            self.roles.len(),
            self.country.is_some(),
            self.inner_country.is_some(),
        )
    }
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
    ctx.evidence.extend(titles.iter().map(|t| Evidence {
        pattern: "rank or honorific before the name",
        kind: "title",
        value: t.clone(),
    }));
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
            ctx.note("plural role shared by a list of names", 0, false, false);
            return ctx;
        }
    }
    // The role phrase before them, walking back; it must touch the name
    // (`Minister of Public Security` vouches for nothing after `of`).
    // `Lao Minister of Health, Assoc Prof Dr. Bounkong Syhavong`: a role,
    // a comma, then the titles.
    let j = match j {
        // `on Prime Minister, Nguyen Xuan Phuc`: a capitalized role head
        // right before the comma reads as the role even without titles.
        // (A full name only: `…, chairman of the Office, Hong noted` is a
        // clause, not a role.)
        Some(k) if p.toks[k].is(",") && k >= 1 && p.toks[k - 1].cap && b - a >= 2 => {
            let (start, _) = role_run_back(p, k - 1, names);
            let has_head = (start..k).any(|i| p.role_class(i) == Some(RoleClass::Head));
            if has_head { Some(k - 1) } else { j }
        }
        _ => j,
    };
    if let Some(end) = j.filter(|&e| !p.is_connector(e) && !p.toks[e].is(",")) {
        let (start, skip) = role_run_back(p, end, names);
        let (r, c, i) = ctx.snapshot();
        read_roles(p, start, end + 1, &skip, &mut ctx);
        ctx.note("role before the name", r, c, i);
    }
    // An appositive: `To Lam, Minister of Public Security, said`, or
    // `Vilay Lakhamphong, the Lao Minister of Public Security, …`.
    let mut r = b + 1;
    // `…, the Lao Minister of …`, `…, a member of the Politburo, …`.
    if p.toks
        .get(r)
        .is_some_and(|t| matches!(t.fold, "the" | "a" | "an") && !t.cap)
    {
        r += 1;
    }
    // `Gen. Prayut Chan-o-cha of Thailand`.
    if p.toks.get(b).is_some_and(|t| t.fold == "of" && !t.cap) {
        let c = if p.toks.get(b + 1).is_some_and(|t| t.fold == "the") {
            b + 2
        } else {
            b + 1
        };
        if let Some((name, PlaceKind::Country, _)) = p.place(c) {
            let (r, had, i) = ctx.snapshot();
            ctx.country.get_or_insert_with(|| name.to_string());
            ctx.note("`of <country>` after the name", r, had, i);
        }
    }
    let opens_role = |i: usize| p.role_class(i).is_some() || p.demonym(i).is_some();
    // `Pham Binh Minh, who is also Minister of Foreign Affairs`.
    let mut pattern = "appositive role after the name";
    if p.toks.get(b).is_some_and(|t| t.is(","))
        && p.toks.get(b + 1).is_some_and(|t| t.fold == "who")
        && p.toks
            .get(b + 2)
            .is_some_and(|t| matches!(t.fold, "is" | "was"))
    {
        r = b + 3;
        while p
            .toks
            .get(r)
            .is_some_and(|t| matches!(t.fold, "also" | "currently" | "now" | "the"))
        {
            r += 1;
        }
        pattern = "role in a relative clause after the name";
    }
    if p.toks.get(b).is_some_and(|t| t.is(",")) && r < p.toks.len() && opens_role(r) {
        let (end, skip) = role_run_forward(p, r, names);
        // An appositive closes with punctuation or a verb; one that runs into
        // the next name is a list of people (`A, Lao Prime Minister B and …`).
        // `Prak Sokhonn, Minister of …, and His Excellency X`: `and` before
        // a title opens the next person; `… of China on Thursday` a date
        // closes the role.
        let calendar = |k: usize| {
            p.toks
                .get(k)
                .is_some_and(|t| t.cap && crate::lexicon::calendar_word(t.fold).is_some())
        };
        // `To Lam, Minister of Public Security (MPS) and his aides worked`:
        // `and` before a plain lowercase word joins the clause, not a name.
        let lowercase_clause = |k: usize| {
            p.toks.get(k).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && t.fold != "the"
                    && !p.is_connector(k)
                    && p.role_class(k).is_none()
            })
        };
        let closed = p.toks.get(end).is_none_or(|t| {
            (!t.is_word() && !t.is("'s"))
                || (!t.cap && !p.is_connector(end))
                || (t.fold == "and" && p.is_rank(end + 1))
                || (p.is_connector(end) && calendar(end + 1))
                || (p.is_connector(end) && lowercase_clause(end + 1))
        });
        if !closed {
            return ctx;
        }
        let mut after = Context::default();
        read_roles(p, r, end, &skip, &mut after);
        let (n, c, i) = ctx.snapshot();
        ctx.roles.extend(after.roles);
        ctx.country = ctx.country.or(after.country);
        ctx.inner_country = ctx.inner_country.or(after.inner_country);
        ctx.note(pattern, n, c, i);
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
    if t.is_word() && t.cap && crate::lexicon::calendar_word(t.fold).is_some() {
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
        return p.toks.get(i + 1).is_none_or(|n| {
            !(n.is_word() && n.cap && crate::lexicon::calendar_word(n.fold).is_some())
        });
    }
    // `Vice-Premier`, `Commander-in-Chief`, `Covid-19`: a hyphen glued to
    // the words on both sides, and a number glued to a hyphen, stay inside.
    let glued = |a: usize, b: usize| p.toks[a].end == p.toks[b].start;
    if t.is("-") {
        return i >= 1 && i + 1 < p.toks.len() && glued(i - 1, i) && glued(i, i + 1);
    }
    if t.fold.bytes().all(|b| b.is_ascii_digit()) {
        return i >= 1 && p.toks[i - 1].is("-") && glued(i - 1, i);
    }
    // `Recently Prime Minister X`: a capitalized stop word opens a sentence,
    // not a role.
    (t.is_word() && t.cap && !p.lex.is_stopword(t.fold)) || t.is("'s")
}

/// Walk back from `end` (inclusive) over a role phrase. Returns its first
/// token and the tokens of `( ACRONYM )` groups inside it.
pub(crate) fn role_run_back(p: &Para<'_, '_>, end: usize, names: &[bool]) -> (usize, Vec<usize>) {
    let mut skip = Vec::new();
    let mut start = end + 1;
    let mut i = end as isize;
    let floor = end.saturating_sub(MAX_ROLE_TOKENS) as isize;
    while i >= floor {
        let k = i as usize;
        let t = &p.toks[k];
        if t.is(")") && k >= 2 && p.paren_acronym_at(k - 2).is_some() {
            skip.extend([k - 2, k - 1, k]);
            start = k - 2;
            i -= 3;
            continue;
        }
        // `…, and the Commander-in-Chief of …`: `and the` starts another
        // noun phrase (another person's role), not a role of this list.
        if t.fold == "the"
            && !t.cap
            && k >= 1
            && (p.toks[k - 1].fold == "and" || p.toks[k - 1].is(","))
        {
            break;
        }
        // `Consul General in HCMC`: `in` after a role's head, before a place.
        if t.fold == "in"
            && k >= 1
            && p.role_class(k - 1) == Some(RoleClass::Head)
            && p.place(k + 1).is_some()
        {
            start = k;
            i -= 1;
            continue;
        }
        if t.is(",") {
            // `In Singapore, Minister X`: a place after a preposition opens
            // the sentence; it is no role of the name.
            let scene = k >= 1
                && p.place(k - 1).is_some()
                && p.tag(k - 1)
                    .and_then(|tag| tag.start.checked_sub(1))
                    .is_some_and(|s| matches!(p.toks[s].fold, "in" | "at" | "from"));
            if scene {
                break;
            }
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
    let ceiling = p.toks.len().min(start + MAX_ROLE_TOKENS);
    while i < ceiling {
        if let Some(acr) = p.paren_acronym_at(i) {
            skip.extend([i, acr, acr + 1]);
            i += 3;
            continue;
        }
        // `X, Politburo member, Minister of National Defence;`: a comma
        // before another role continues the list of roles.
        let next_role =
            |k: usize| k < p.toks.len() && (p.role_class(k).is_some() || p.demonym(k).is_some());
        if p.toks[i].is(",") && next_role(i + 1) {
            i += 1;
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
