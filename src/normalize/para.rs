//! One paragraph, tokenized and tagged once; every sub-pass reads it.

use crate::lexicon::{Entry, FunctionClass, Lexicon, RoleClass, Tag};
use crate::model::{Mention, PlaceKind};
use crate::text::{Folds, NO_TAG, Token, tokenize_all};

/// An article's paragraphs tokenized and tagged, in one token vector and one
/// tag vector for them all: a few allocations an article, not four a
/// paragraph. [`Tokens::paras`] views them paragraph by paragraph.
pub struct Tokens<'a, 'l> {
    /// Each paragraph's index into the record's paragraphs, and its text.
    texts: Vec<(usize, &'a str)>,
    toks: Vec<Token<'a>>,
    tags: Vec<Tag<'l>>,
    /// Where each paragraph's tokens and tags end.
    ends: Vec<(usize, usize)>,
    lex: &'l Lexicon,
}

impl<'a, 'l> Tokens<'a, 'l> {
    /// Tokenize and tag `texts` (index and text), keeping changed folds in
    /// `folds`.
    pub fn new(texts: Vec<(usize, &'a str)>, folds: &'a mut Folds, lex: &'l Lexicon) -> Self {
        let (mut toks, tok_ends) = tokenize_all(texts.iter().map(|&(_, t)| t), folds);
        // Room for a phrase every eight tokens; more grows the vector.
        let mut tags = Vec::with_capacity(toks.len() / 8);
        let mut ends = Vec::with_capacity(texts.len());
        let mut from = 0;
        for &to in &tok_ends {
            let first = tags.len();
            lex.tag_onto(&toks[from..to], &mut tags);
            for (k, t) in tags[first..].iter().enumerate() {
                // A paragraph has far fewer than 2^32 tags.
                for tok in &mut toks[from + t.start..from + t.end] {
                    tok.tag = k as u32;
                }
            }
            ends.push((to, tags.len()));
            from = to;
        }
        Tokens {
            texts,
            toks,
            tags,
            ends,
            lex,
        }
    }

    /// The paragraphs, in the order given.
    pub fn paras(&self) -> Vec<Para<'_, 'l>> {
        let mut from = (0, 0);
        self.texts
            .iter()
            .zip(&self.ends)
            .map(|(&(index, text), &to)| {
                let para = Para {
                    index,
                    text,
                    toks: &self.toks[from.0..to.0],
                    base: from.0,
                    tags: &self.tags[from.1..to.1],
                    lex: self.lex,
                };
                from = to;
                para
            })
            .collect()
    }
}

/// A paragraph's tokens and the lexicon phrases among them.
pub struct Para<'a, 'l> {
    /// Index into the record's paragraphs.
    pub index: usize,
    /// The paragraph's text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token<'a>],
    /// Where its tokens start among the article's: its share of a vector
    /// with one item a token of the article is [`Para::mine`].
    pub base: usize,
    /// Lexicon phrases, in order, not overlapping.
    pub tags: &'a [Tag<'l>],
    /// The lexicon the paragraph was tagged with.
    pub lex: &'l Lexicon,
}

impl<'a, 'l> Para<'a, 'l> {
    /// This paragraph's share of `all`, which has one item a token of the
    /// article (say, a flag for each token claimed by a person).
    pub fn mine<'v, T>(&self, all: &'v [T]) -> &'v [T] {
        &all[self.base..self.base + self.toks.len()]
    }

    /// [`Para::mine`], to change.
    pub fn mine_mut<'v, T>(&self, all: &'v mut [T]) -> &'v mut [T] {
        &mut all[self.base..self.base + self.toks.len()]
    }

    /// The tag covering token `i`.
    pub fn tag(&self, i: usize) -> Option<&Tag<'l>> {
        let k = self.toks.get(i)?.tag;
        (k != NO_TAG).then(|| &self.tags[k as usize])
    }

    /// The first entry of the tag at `i` that `f` accepts.
    pub fn entry<T>(&self, i: usize, f: impl Fn(&'l Entry) -> Option<T>) -> Option<T> {
        self.tag(i)?.entries.iter().find_map(f)
    }

    /// Token `i` is in a rank or honorific.
    pub fn is_rank(&self, i: usize) -> bool {
        self.entry(i, |e| matches!(e, Entry::Rank(_)).then_some(()))
            .is_some()
    }

    /// The role class of the tag at `i`.
    pub fn role_class(&self, i: usize) -> Option<RoleClass> {
        self.entry(i, |e| match e {
            Entry::Role { class, .. } => Some(*class),
            _ => None,
        })
    }

    /// The country of a demonym at `i`.
    pub fn demonym(&self, i: usize) -> Option<&'l str> {
        self.entry(i, |e| match e {
            Entry::Demonym(c) => Some(c.as_str()),
            _ => None,
        })
    }

    /// The place entry at `i`: (name, kind, country).
    pub fn place(&self, i: usize) -> Option<(&'l str, PlaceKind, Option<&'l str>)> {
        self.entry(i, |e| match e {
            Entry::Place {
                name,
                kind,
                country,
            } => Some((name.as_str(), *kind, country.as_deref())),
            _ => None,
        })
    }

    /// The country of the place at token `i`: itself for a country, else
    /// the country it is in.
    pub fn place_country(&self, i: usize) -> Option<&'l str> {
        self.place(i).and_then(|(name, kind, country)| {
            if kind == PlaceKind::Country {
                Some(name)
            } else {
                country
            }
        })
    }

    /// The first token that starts at or after character `c` (tokens are in
    /// text order).
    pub fn token_from(&self, c: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.cstart < c);
        (i < self.toks.len()).then_some(i)
    }

    /// Token `i` heads an organization name.
    pub fn is_org_head(&self, i: usize) -> bool {
        self.entry(i, |e| matches!(e, Entry::OrgHead(_)).then_some(()))
            .is_some()
    }

    /// Token `i` opens an organization's name before its head (`Municipal`).
    pub fn is_org_qualifier(&self, i: usize) -> bool {
        self.entry(i, |e| matches!(e, Entry::OrgQualifier { .. }).then_some(()))
            .is_some()
    }

    /// Token `i` makes a body shared by countries (`Joint`, `Intergovernmental`).
    pub fn is_shared_qualifier(&self, i: usize) -> bool {
        self.entry(i, |e| {
            matches!(e, Entry::OrgQualifier { shared: true }).then_some(())
        })
        .is_some()
    }

    /// The leader's role of an organization head at `i` (`Ministry` → `minister`).
    pub fn org_leader(&self, i: usize) -> Option<&'l str> {
        self.entry(i, |e| match e {
            Entry::OrgHead(Some(leader)) => Some(leader.as_str()),
            _ => None,
        })
    }

    /// A lowercase connector inside phrases (`of`, `the`, `and`, …).
    pub fn is_connector(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && !t.cap && self.lex.is_function(t.fold, FunctionClass::Connector)
    }

    /// An acronym-looking word: `MoPS`, `ASEAN`, `CLV` (the tokenizer's
    /// [`Token::acronym`]).
    pub fn is_acronym(&self, i: usize) -> bool {
        self.toks[i].acronym
    }

    /// `( ACRONYM )` starting at token `i`: the acronym's token index.
    pub fn paren_acronym_at(&self, i: usize) -> Option<usize> {
        (self.toks.get(i)?.is("(")
            && self.toks.get(i + 2).is_some_and(|t| t.is(")"))
            && self.is_acronym(i + 1))
        .then_some(i + 1)
    }

    /// Token `i` names a body: an organization's head word or a known
    /// organization.
    pub fn is_body(&self, i: usize) -> bool {
        self.entry(i, |e| {
            matches!(e, Entry::OrgHead(_) | Entry::Org { .. }).then_some(())
        })
        .is_some()
    }

    /// Is the body named by tokens `k..end` (after a nationality word)
    /// generic, so the nationality word is its country rather than part of
    /// its name? `Lao Ministry of …`, `Japanese Embassy`, `Cambodian
    /// Senate`, `Lao National Assembly`, `US Senate Committee on …` are (head
    /// words alone before any complement); `Lao News Agency`, `Lao Front
    /// for National Development`, `Lao National University` are names.
    pub fn generic_body_at(&self, k: usize, end: usize) -> bool {
        let words = (k..end)
            .find(|&j| ["of", "for", "on"].contains(&self.toks[j].fold))
            .unwrap_or(end);
        end > k
            && (self.org_leader(k).is_some()
                // `Japanese Embassy`, `US Senate Committee on Armed Services`.
                || (words > k && (k..words).all(|j| self.is_org_head(j)))
                || (self.toks[k].fold == "national"
                    && self.toks.get(k + 1).is_some_and(|t| t.fold == "assembly")))
    }

    /// Skip period tokens going backwards from `i` (inclusive).
    pub fn back_over_periods(&self, mut i: usize) -> Option<usize> {
        loop {
            if !self.toks.get(i)?.is(".") {
                return Some(i);
            }
            i = i.checked_sub(1)?;
        }
    }

    /// The source text of tokens `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// A mention of tokens `a..b`.
    pub fn mention(&self, a: usize, b: usize) -> Mention {
        Mention {
            paragraph: self.index,
            start: self.toks[a].cstart,
            end: self.toks[b - 1].cend,
            text: self.slice(a, b).to_string(),
        }
    }

    /// Tokens `a..b` as words joined the way text writes them: no space
    /// before `,` `'s` `)` or after `(`; periods dropped.
    pub fn phrase(&self, a: usize, b: usize, skip: &[usize]) -> String {
        let mut out = String::new();
        let mut prev: Option<&Token<'_>> = None;
        for i in a..b {
            let t = &self.toks[i];
            if skip.contains(&i) || t.is(".") {
                continue;
            }
            let glue = t.is(",")
                || t.is("'s")
                || t.is(")")
                || t.is("-")
                || prev.is_some_and(|p| p.is("(") || p.is("-"));
            if !out.is_empty() && !glue {
                out.push(' ');
            }
            out.push_str(&self.text[t.start..t.end]);
            prev = Some(t);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tagged_together_are_each_tagged_alone() {
        let lex = Lexicon::embedded();
        let texts = [
            "Prime Minister Pham Minh Chinh met the Ministry of Public Security.",
            "",
            "Sen. Lieut. Gen To Lam, Deputy Prime Minister, in Hanoi.",
        ];
        let mut folds = Folds::default();
        let tokens = Tokens::new(
            texts.iter().copied().enumerate().collect(),
            &mut folds,
            &lex,
        );
        let paras = tokens.paras();
        assert_eq!(paras.len(), texts.len());
        for (p, text) in paras.iter().zip(texts) {
            let mut alone = Folds::default();
            let toks = crate::text::tokenize(text, &mut alone);
            let tags = lex.tag(&toks);
            assert_eq!(p.text, text);
            assert_eq!(p.toks.len(), toks.len(), "{text}");
            let spans = |t: &[Tag<'_>]| t.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>();
            assert_eq!(spans(p.tags), spans(&tags), "{text}");
            for i in 0..toks.len() {
                let own = tags.iter().find(|t| t.start <= i && i < t.end);
                assert_eq!(
                    p.tag(i).map(|t| (t.start, t.end)),
                    own.map(|t| (t.start, t.end)),
                    "token {i} of {text}"
                );
            }
        }
        assert!(
            paras[2].is_rank(0),
            "`Sen.` opens a rank in the third paragraph"
        );
    }
}
