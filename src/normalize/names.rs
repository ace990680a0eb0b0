//! Name candidates: runs of capitalized name-like words in a paragraph, the
//! one-word places that can be a person's short form, and the key a full
//! name is known by. Which runs are people is `people`'s decision.

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{Entry, FunctionClass, Lexicon};
use crate::normalize::para::Para;

/// Push the token ranges `a..b` of a paragraph's capitalized name-like
/// runs onto `runs`.
pub(crate) fn name_runs(p: &Para<'_, '_>, lex: &Lexicon, runs: &mut Vec<(usize, usize)>) {
    let name_word = |i: usize| {
        let t = &p.toks[i];
        t.is_word()
            && t.cap
            && p.tag(i).is_none()
            && !p.is_acronym(i)
            && !t.fold.chars().all(|c| c.is_ascii_digit())
            && (!lex.is_stopword(t.fold) || lex.is_vn_family(t.fold))
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
    let mut i = 0;
    while i < p.toks.len() {
        // Most tokens are lowercase words or punctuation: tested here, not
        // through a call.
        if !p.toks[i].cap || !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let vn = lex.is_vn_family(p.toks[i].fold);
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
        let start = match (start + 1..i).find(|&k| lex.is_vn_family(p.toks[k].fold)) {
            Some(k) if !vn => k,
            _ => start,
        };
        if i - start <= 4 {
            runs.push((start, i));
        }
    }
}

/// One-word places that are also a person's short form (`Chairman Hue`,
/// `Hue said`): a person unless a preposition puts them on the map. Pushed
/// onto `out`.
pub(crate) fn place_words_naming_people(
    p: &Para<'_, '_>,
    keys: &HashMap<String, Vec<usize>>,
    names: &[bool],
    out: &mut Vec<(usize, usize)>,
) {
    // A one-word place is a one-token tag: the tags, not every token, are
    // read. Cheap tests first: the hash lookup only for one-word places.
    for tag in p.tags {
        let i = tag.start;
        let t = &p.toks[i];
        if tag.end - i != 1 || names[i] || !t.cap {
            continue;
        }
        if p.place(i).is_some()
            && keys.contains_key(t.fold)
            && (i == 0
                || !p
                    .lex
                    .is_function(p.toks[i - 1].fold, FunctionClass::PlaceBefore))
        {
            out.push((i, i + 1));
        }
    }
}

/// The folded words of tokens `a..b`, the key a full name is known by.
pub(crate) fn run_key(p: &Para<'_, '_>, a: usize, b: usize) -> String {
    let words = &p.toks[a..b];
    let mut key = String::with_capacity(words.iter().map(|t| t.fold.len() + 1).sum());
    for (k, t) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(t.fold);
    }
    key
}
