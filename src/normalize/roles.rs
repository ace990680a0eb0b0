//! One role phrase, read: stacked roles split at `,`/`and` before a new
//! role, nationality words, a country's possessive and `of <country>` moved
//! to the country (unless they are part of a body's name), and
//! abbreviations spelled out (`PM` → `Prime Minister`). `grammar` finds
//! where the phrase is; this module reads it.

use crate::lexicon::{Entry, RoleClass};
use crate::model::PlaceKind;
use crate::normalize::grammar::Context;
use crate::normalize::para::Para;

/// Split `a..b` into roles at `,`/`and` before a new role word; move
/// nationality words and `of <country>` to the country.
pub(crate) fn read_roles(p: &Para<'_, '_>, a: usize, b: usize, skip: &[usize], ctx: &mut Context) {
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
                    Some((name, PlaceKind::Country, _)) if possessive && head < e => {
                        Some(name.to_string())
                    }
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
        // `Commander-in-Chief of Myanmar's Defense Services`: a country's
        // possessive after `of` is the body's country.
        for k in head..e.saturating_sub(1) {
            if k >= 1
                && p.toks[k - 1].fold == "of"
                && let Some((name, PlaceKind::Country, _)) = p.place(k)
            {
                let end = p.tag(k).map_or(k + 1, |t| t.end);
                if p.toks.get(end).is_some_and(|t| t.is("'s")) && end + 1 < e {
                    ctx.country.get_or_insert_with(|| name.to_string());
                    skip.extend(k..=end);
                }
            }
        }
        // `Chairman of the Lao National Assembly`: a nationality word after
        // `of the` inside the role is the body's country, not its name.
        for k in head..e {
            let after_the = k >= 1 && matches!(p.toks[k - 1].fold, "the" | "of");
            let mut run_end = k + 1;
            while run_end < e
                && (p.toks[run_end].cap
                    || (p.is_connector(run_end) && p.toks.get(run_end + 1).is_some_and(|t| t.cap)))
            {
                run_end += 1;
            }
            if after_the
                && p.generic_body_at(k + 1, run_end)
                && let Some(country) = p.demonym(k)
                && p.tag(k).is_some_and(|t| t.end == k + 1)
            {
                ctx.country.get_or_insert_with(|| country.to_string());
                skip.push(k);
            }
        }
        while s < e && skip.contains(&s) {
            s += 1;
        }
        // `Ambassador of Japan to Laos`: `of <country>` before `to`.
        for k in s..e {
            if p.toks[k].fold != "of" {
                continue;
            }
            let c = if p.toks.get(k + 1).is_some_and(|t| t.fold == "the") {
                k + 2
            } else {
                k + 1
            };
            if let Some((name, PlaceKind::Country, _)) = p.place(c) {
                let end = p.tag(c).map_or(c + 1, |t| t.end);
                if end < e && p.toks[end].fold == "to" {
                    ctx.country.get_or_insert_with(|| name.to_string());
                    skip.extend(k..end);
                }
            }
        }
        // Trailing `of [the] <country>`: `Minister of Public Security of
        // Vietnam`, `President of the Senate of Romania`.
        if e > s
            && let Some((name, PlaceKind::Country, _)) = p.place(e - 1)
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
            if let Some(c) = p.demonym(i).or_else(|| p.place_country(i)).or(known_org) {
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
