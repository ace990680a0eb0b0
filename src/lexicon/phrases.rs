//! The normalizer's lexicon: every phrase table compiled into one trie over
//! folded words, built once per run, plus the single-word sets (Vietnamese
//! family names, stop words) and name order.
//!
//! Users extend it with `--lexicon FILE`: lines `TABLE<TAB>columns…` with
//! the columns of the embedded table of that name (see `src/lexicon/*.tsv`),
//! `#` comments and blank lines allowed.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

#[cfg(test)]
use aho_corasick::MatchKind;
use rustc_hash::FxHashMap;

use super::cultures::{Culture, Cultures};
use crate::model::PlaceKind;
use crate::text::{Token, fold_phrase};

/// What a lexicon phrase means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A rank or honorific, with its title in full words.
    Rank(String),
    /// A word of a role.
    Role {
        /// How it takes part in a role phrase.
        class: RoleClass,
        /// Full words for an abbreviation (`PM` → `Prime Minister`).
        expansion: Option<String>,
    },
    /// The head word of an organization name, and the role that leads it.
    OrgHead(Option<String>),
    /// A word that opens an organization's name before its head
    /// (`Municipal` Police Department, `Standing` Committee).
    OrgQualifier {
        /// The body belongs to two or more countries (`Joint` Committee).
        shared: bool,
    },
    /// A known organization.
    Org {
        /// Its name.
        name: String,
        /// Its country, when the lexicon knows it.
        country: Option<String>,
        /// It belongs to some country (`National Assembly`), unlike an
        /// international body (`ASEAN`).
        national: bool,
    },
    /// A nationality word and its country.
    Demonym(String),
    /// A capitalized common word that is never part of a name.
    Common,
    /// A known place.
    Place {
        /// Canonical name.
        name: String,
        /// What the place is.
        kind: PlaceKind,
        /// The country it is in.
        country: Option<String>,
    },
}

/// The part a word plays in a role phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleClass {
    /// The position itself: `Minister`, `member`.
    Head,
    /// Opens a role before its head: `Deputy`, `Vice`.
    Modifier,
    /// An institution opening a role: `Politburo` (member).
    Body,
}

/// How names are written in a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameOrder {
    /// Family name first (Vietnamese, Chinese).
    pub family_first: bool,
    /// Short mentions use the first token (Chinese `Wang`), else the last.
    pub short_first: bool,
}

/// A lexicon phrase found in a token slice: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'l> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Everything the phrase means.
    pub entries: &'l [Entry],
}

/// An error in a `--lexicon` file, shown as `path: line N: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number (0 when the file could not be read).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: line {}: {}",
            self.path.display(),
            self.line,
            self.message
        )
    }
}

impl std::error::Error for LexiconError {}

/// The embedded tables: (name, text, number of columns).
pub const TABLES: &[(&str, &str, usize)] = &[
    ("common_words", include_str!("common_words.tsv"), 1),
    ("cultures", include_str!("cultures.tsv"), 5),
    ("demonyms", include_str!("demonyms.tsv"), 2),
    ("function_words", include_str!("function_words.tsv"), 2),
    ("known_people", include_str!("known_people.tsv"), 2),
    ("name_order", include_str!("name_order.tsv"), 3),
    ("name_words", include_str!("name_words.tsv"), 3),
    ("org_heads", include_str!("org_heads.tsv"), 2),
    ("org_qualifiers", include_str!("org_qualifiers.tsv"), 2),
    ("organizations", include_str!("organizations.tsv"), 3),
    ("places", include_str!("places.tsv"), 4),
    ("ranks", include_str!("ranks.tsv"), 2),
    ("roles", include_str!("roles.tsv"), 3),
    ("stopwords", include_str!("stopwords.tsv"), 1),
    ("title_countries", include_str!("title_countries.tsv"), 2),
    ("vn_family_names", include_str!("vn_family_names.tsv"), 1),
];

/// Ends every word of the reference tagger's patterns (tests only).
#[cfg(test)]
const TOKEN_END: char = '\u{1}';
#[cfg(test)]
const TOKEN_END_STR: &str = "\u{1}";

/// A set of words as a 64 Kbit bitmap of hashes: "no" is certain, "maybe"
/// is wrong for about one word in 150 (the lexicon has ~400 first words).
/// One multiply per lookup, and 8 KB that stays in the L1 cache, where a
/// hash set of strings cost 5% of a run.
struct WordFilter(Box<[u64; 1024]>);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter(Box::new([0; 1024]))
    }
}

impl WordFilter {
    fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        // The first eight bytes, little-endian, without a call to memcpy.
        let head = b
            .iter()
            .take(8)
            .rev()
            .fold(0u64, |h, &c| (h << 8) | u64::from(c));
        let x = head ^ (b.len() as u64).rotate_left(56);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    fn insert(&mut self, word: &str) {
        let i = Self::slot(word);
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn may_contain(&self, word: &str) -> bool {
        let i = Self::slot(word);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The phrases as a trie over whole words: a phrase is found a word at a
/// time, one hash lookup for the word and one for the step. (An
/// aho-corasick DFA over the folded bytes did the same a byte at a time,
/// through a megabyte of states that missed the cache, and took about 5 ms to
/// build per process.)
#[derive(Default)]
struct WordTrie {
    /// Every word of every phrase, numbered.
    words: FxHashMap<Box<str>, u32>,
    /// (node, word) → the node after it; node 0 is the root.
    steps: FxHashMap<(u32, u32), u32>,
    /// Per node, the phrase (index into `entries`) that ends there, if any.
    ends: Vec<Option<u32>>,
}

impl WordTrie {
    /// Add a phrase (its words) as phrase number `phrase`.
    fn insert<'w>(&mut self, words: impl Iterator<Item = &'w str>, phrase: u32) {
        if self.ends.is_empty() {
            self.ends.push(None);
        }
        let mut node = 0;
        for word in words {
            let next_word = self.words.len() as u32;
            let word = *self.words.entry(word.into()).or_insert(next_word);
            let next_node = self.ends.len() as u32;
            node = *self.steps.entry((node, word)).or_insert(next_node);
            if node == next_node {
                self.ends.push(None);
            }
        }
        self.ends[node as usize] = Some(phrase);
    }

    /// The node after `node` on `word`.
    fn step(&self, node: u32, word: &str) -> Option<u32> {
        let word = *self.words.get(word)?;
        self.steps.get(&(node, word)).copied()
    }
}

/// The compiled lexicon.
pub struct Lexicon {
    trie: WordTrie,
    /// The first words of all phrases: only tokens that pass start a search.
    first_words: WordFilter,
    /// The phrases framed for the reference tagger in the tests.
    #[cfg(test)]
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
    vn_family: HashSet<String>,
    stopwords: HashSet<String>,
    function: HashMap<String, u8>,
    name_order: HashMap<String, NameOrder>,
    cultures: Cultures,
    title_countries: HashMap<String, String>,
    known_people: HashMap<String, String>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("phrases", &self.entries.len())
            .finish_non_exhaustive()
    }
}

fn dash(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

/// The classes of `function_words.tsv`, in the order of their bits.
const FUNCTION_CLASSES: &[&str] = &[
    "connector",
    "determiner",
    "event-place",
    "place-before",
    "host-verb",
];

/// What a small function word does in a phrase (`function_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionClass {
    /// Sits inside role and organization names: `of`, `and`, `the`.
    Connector,
    /// `its`, `his`: `led by its President X`.
    Determiner,
    /// Introduces where an event took place: `in`, `at`, `visited`.
    EventPlace,
    /// Puts the next word on the map: `in Hue`.
    PlaceBefore,
    /// Says its subject is the host of a visit or meeting: `received`.
    HostVerb,
}

impl FunctionClass {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    fn bit_of(name: &str) -> Option<u8> {
        FUNCTION_CLASSES
            .iter()
            .position(|c| *c == name)
            .map(|i| 1 << i)
    }
}

#[derive(Default)]
struct Builder {
    phrases: BTreeMap<String, Vec<Entry>>,
    vn_family: HashSet<String>,
    stopwords: HashSet<String>,
    function: HashMap<String, u8>,
    name_order: HashMap<String, NameOrder>,
    cultures: Cultures,
    title_countries: HashMap<String, String>,
    known_people: HashMap<String, String>,
}

impl Builder {
    /// Add one row of `table`; `Err` says what is wrong with it.
    fn row(&mut self, table: &str, cols: &[&str]) -> Result<(), String> {
        let want = TABLES
            .iter()
            .find(|t| t.0 == table)
            .map(|t| t.2)
            .ok_or_else(|| {
                let names: Vec<&str> = TABLES.iter().map(|t| t.0).collect();
                format!("unknown table {table:?} (one of {})", names.join(", "))
            })?;
        if cols.len() != want || cols.iter().any(|c| c.trim().is_empty()) {
            return Err(format!(
                "table {table} takes {want} non-empty column(s), found {}",
                cols.len()
            ));
        }
        let entry = match table {
            "ranks" => Entry::Rank(cols[1].to_string()),
            "common_words" => Entry::Common,
            "roles" => Entry::Role {
                class: match cols[1] {
                    "head" => RoleClass::Head,
                    "modifier" => RoleClass::Modifier,
                    "body" => RoleClass::Body,
                    other => return Err(format!("unknown role class {other:?}")),
                },
                expansion: dash(cols[2]),
            },
            "org_heads" => Entry::OrgHead(dash(cols[1])),
            "org_qualifiers" => Entry::OrgQualifier {
                shared: match cols[1] {
                    "national" => false,
                    "shared" => true,
                    other => return Err(format!("unknown scope {other:?}")),
                },
            },
            "organizations" => Entry::Org {
                name: cols[1].to_string(),
                country: dash(cols[2]).filter(|c| c != "*"),
                national: cols[2] != "-",
            },
            "demonyms" => Entry::Demonym(cols[1].to_string()),
            "places" => Entry::Place {
                name: cols[1].to_string(),
                kind: cols[2].parse()?,
                country: dash(cols[3]),
            },
            "cultures" => return self.cultures.add_culture(cols),
            "title_countries" => {
                self.title_countries
                    .insert(cols[0].to_string(), cols[1].to_string());
                return Ok(());
            }
            "known_people" => {
                self.known_people
                    .insert(crate::text::fold(cols[0]), cols[1].to_string());
                return Ok(());
            }
            "name_words" => return self.cultures.add_word(cols),
            "vn_family_names" => {
                self.vn_family.insert(crate::text::fold(cols[0]));
                return Ok(());
            }
            "stopwords" => {
                self.stopwords.insert(crate::text::fold(cols[0]));
                return Ok(());
            }
            "function_words" => {
                if !FUNCTION_CLASSES.contains(&cols[1]) {
                    return Err(format!(
                        "unknown function word class {:?} (one of {})",
                        cols[1],
                        FUNCTION_CLASSES.join(", ")
                    ));
                }
                let bit = FunctionClass::bit_of(cols[1]).expect("checked above");
                *self.function.entry(crate::text::fold(cols[0])).or_default() |= bit;
                return Ok(());
            }
            _ => {
                let order = NameOrder {
                    family_first: match cols[1] {
                        "family-first" => true,
                        "given-first" => false,
                        o => return Err(format!("unknown name order {o:?}")),
                    },
                    short_first: match cols[2] {
                        "first" => true,
                        "last" => false,
                        o => return Err(format!("unknown short form {o:?}")),
                    },
                };
                self.name_order.insert(cols[0].to_string(), order);
                return Ok(());
            }
        };
        let key = fold_phrase(cols[0]);
        if key.is_empty() {
            return Err("empty phrase".to_string());
        }
        // Text splits `Senior-General` at a hyphen before a capital but keeps
        // `senior-general` whole: a hyphenated row matches both spellings.
        let capitalized = fold_phrase(&capitalize_after_hyphens(cols[0]));
        for key in [key, capitalized] {
            let list = self.phrases.entry(key).or_default();
            if !list.contains(&entry) {
                list.push(entry.clone());
            }
        }
        Ok(())
    }

    fn build(self) -> Lexicon {
        let mut trie = WordTrie::default();
        let mut first_words = WordFilter::default();
        #[cfg(test)]
        let mut patterns = Vec::new();
        let mut entries = Vec::with_capacity(self.phrases.len());
        for (phrase, list) in self.phrases {
            trie.insert(phrase.split(' '), entries.len() as u32);
            if let Some(word) = phrase.split(' ').next() {
                first_words.insert(word);
            }
            #[cfg(test)]
            patterns.push(
                phrase
                    .split(' ')
                    .flat_map(|w| [" ", w, TOKEN_END_STR])
                    .collect::<String>(),
            );
            entries.push(list);
        }
        Lexicon {
            trie,
            first_words,
            #[cfg(test)]
            patterns,
            entries,
            vn_family: self.vn_family,
            stopwords: self.stopwords,
            function: self.function,
            name_order: self.name_order,
            cultures: self.cultures,
            title_countries: self.title_countries,
            known_people: self.known_people,
        }
    }
}

/// `senior-general` → `senior-General`: how text that capitalizes the words
/// of a hyphenated phrase tokenizes it.
fn capitalize_after_hyphens(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut after_hyphen = false;
    for c in phrase.chars() {
        if after_hyphen {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        after_hyphen = c == '-';
    }
    out
}

/// Data rows of an embedded table.
pub(crate) fn table_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

impl Lexicon {
    /// The embedded lexicon alone.
    pub fn embedded() -> Lexicon {
        Self::with_files(&[]).expect("embedded lexicon is valid")
    }

    /// The embedded lexicon plus users' `--lexicon` files.
    pub fn with_files(paths: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        for (name, text, _) in TABLES {
            for row in table_rows(text) {
                b.row(name, &row).expect("embedded row is valid");
            }
        }
        for path in paths {
            load_user_file(&mut b, path)?;
        }
        Ok(b.build())
    }

    /// Find lexicon phrases in `tokens`: at each position the longest phrase
    /// wins; phrases never overlap. Periods are skipped, so `Sen. Lieut. Gen`
    /// matches `sen lieut gen`.
    pub fn tag(&self, tokens: &[Token<'_>]) -> Vec<Tag<'_>> {
        // Room for a phrase every eight tokens; more grows the vector.
        let mut tags = Vec::with_capacity(tokens.len() / 8);
        self.tag_onto(tokens, &mut tags);
        tags
    }

    /// [`Lexicon::tag`], pushing onto `tags` (token positions are
    /// `tokens`' own).
    pub fn tag_onto<'l>(&'l self, tokens: &[Token<'_>], tags: &mut Vec<Tag<'l>>) {
        // Leftmost-longest, non-overlapping: from each word in turn, the
        // longest phrase starting there, then on past its end. Most words
        // start no phrase, and the filter rules them out without a lookup.
        let mut k = 0;
        while k < tokens.len() {
            let t = &tokens[k];
            if !t.is(".")
                && self.first_words.may_contain(t.fold)
                && let Some((last, phrase)) = self.longest_at(&tokens[k..])
            {
                tags.push(Tag {
                    start: k,
                    end: k + last + 1,
                    entries: &self.entries[phrase],
                });
                k += last + 1;
            } else {
                k += 1;
            }
        }
    }

    /// The longest phrase that starts at `tokens[0]`, periods skipped: the
    /// index of its last token, and its phrase number.
    fn longest_at(&self, tokens: &[Token<'_>]) -> Option<(usize, usize)> {
        let mut node = 0;
        let mut best = None;
        for (j, t) in tokens.iter().enumerate() {
            if t.is(".") {
                continue;
            }
            let Some(next) = self.trie.step(node, t.fold) else {
                break;
            };
            node = next;
            if let Some(phrase) = self.trie.ends[node as usize] {
                best = Some((j, phrase as usize));
            }
        }
        best
    }

    /// Is this folded word a Vietnamese family name?
    pub fn is_vn_family(&self, folded: &str) -> bool {
        self.vn_family.contains(folded)
    }

    /// Does this folded word play `class` (`function_words.tsv`)?
    pub fn is_function(&self, folded: &str, class: FunctionClass) -> bool {
        self.function
            .get(folded)
            .is_some_and(|bits| bits & class.bit() != 0)
    }

    /// Is this folded word a stop word (never opens a name)?
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// The culture of a full name, from its folded words (`name_words.tsv`;
    /// a Vietnamese family name first says `vietnamese`).
    pub fn name_culture(&self, words: &[&str]) -> Option<&Culture> {
        if words.len() >= 2
            && self.is_vn_family(words[0])
            && let Some(vn) = self.cultures.get("vietnamese")
        {
            return Some(vn);
        }
        self.cultures.of_name(words)
    }

    /// The state a well-known office holder serves (`known_people.tsv`),
    /// by their full name in any case, with or without diacritics.
    pub fn known_person_country(&self, name: &str) -> Option<&str> {
        self.known_people
            .get(crate::text::fold(name).as_str())
            .map(String::as_str)
    }

    /// The state that confers an honorific (`title_countries.tsv`).
    pub fn title_country(&self, title: &str) -> Option<&str> {
        self.title_countries.get(title).map(String::as_str)
    }

    /// A culture of `cultures.tsv` by name.
    pub fn culture(&self, name: &str) -> Option<&Culture> {
        self.cultures.get(name)
    }

    /// How names are ordered in `country` (given-first, last token short
    /// when the country is unknown or unlisted).
    pub fn name_order(&self, country: Option<&str>) -> NameOrder {
        country
            .and_then(|c| self.name_order.get(c).copied())
            .unwrap_or(NameOrder {
                family_first: false,
                short_first: false,
            })
    }
}

fn load_user_file(b: &mut Builder, path: &Path) -> Result<(), LexiconError> {
    let err = |line, message: String| LexiconError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(0, e.to_string()))?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        b.row(cols[0], &cols[1..]).map_err(|m| err(n + 1, m))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The first tagger: every paragraph folded into one string and scanned
    /// by an unanchored leftmost-longest automaton. Plainly right, so the
    /// fast tagger must agree with it.
    fn reference_tags(lex: &Lexicon, tokens: &[Token<'_>]) -> Vec<(usize, usize, usize)> {
        static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        let ac = AC.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&lex.patterns)
                .unwrap()
        });
        let (mut folded, mut starts, mut ends, mut index) = (String::new(), vec![], vec![], vec![]);
        for (i, t) in tokens.iter().enumerate().filter(|(_, t)| !t.is(".")) {
            starts.push(folded.len());
            folded.push(' ');
            folded.push_str(t.fold);
            folded.push(TOKEN_END);
            ends.push(folded.len());
            index.push(i);
        }
        ac.find_iter(&folded)
            .filter_map(|m| {
                let first = starts.binary_search(&m.start()).ok()?;
                let last = ends.binary_search(&m.end()).ok()?;
                Some((index[first], index[last] + 1, m.pattern().as_usize()))
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn the_tagger_agrees_with_an_unanchored_scan(
            picks in proptest::collection::vec((0usize..10_000, 0usize..8), 0..40)
        ) {
            // Text made of lexicon phrases, their first words, and filler,
            // so that phrases touch, overlap and break off part way.
            static LEX: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::embedded);
            let lex = &*LEX;
            let filler = ["the", "of", "and", "Mr.", ".", "’s", "visited", "Deputy", "Minister"];
            let mut text = String::new();
            for (n, how) in picks {
                let phrase = lex.patterns[n % lex.patterns.len()].replace(TOKEN_END, " ");
                let piece = match how {
                    0..=3 => phrase.trim().to_string(),
                    4 => phrase.split_whitespace().next().unwrap_or("").to_string(),
                    5 => phrase.split_whitespace().rev().skip(1).collect::<Vec<_>>().join(" "),
                    _ => filler[n % filler.len()].to_string(),
                };
                text.push_str(&piece);
                text.push(' ');
            }
            let mut folds = crate::text::Folds::default();
            let toks = tokenize(&text, &mut folds);
            let fast: Vec<_> = lex
                .tag(&toks)
                .iter()
                .map(|t| {
                    let pattern = lex.entries.iter().position(|e| std::ptr::eq(e.as_slice(), t.entries)).unwrap();
                    (t.start, t.end, pattern)
                })
                .collect();
            proptest::prop_assert_eq!(fast, reference_tags(lex, &toks));
        }
    }

    fn tags(lex: &Lexicon, text: &str) -> Vec<String> {
        let mut folds = crate::text::Folds::default();
        let toks = tokenize(text, &mut folds);
        lex.tag(&toks)
            .iter()
            .map(|t| text[toks[t.start].start..toks[t.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn embedded_tables_are_sorted_unique_and_well_formed() {
        for (name, text, cols) in TABLES {
            // function_words lists a word once per class: whole rows are the key.
            let keys: Vec<String> = table_rows(text)
                .map(|r| {
                    assert_eq!(r.len(), *cols, "{name}: bad row {r:?}");
                    if *name == "function_words" || *name == "name_words" {
                        r.join("\t")
                    } else {
                        r[0].to_lowercase()
                    }
                })
                .collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{name}: {w:?} not sorted or not unique");
            }
        }
    }

    #[test]
    fn well_known_office_holders_have_a_known_country() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.known_person_country("Miguel Diaz-Canel"), Some("Cuba"));
        assert_eq!(lex.known_person_country("PENNY WONG"), Some("Australia"));
        assert_eq!(lex.known_person_country("Penny"), None);
        for row in table_rows(include_str!("known_people.tsv")) {
            assert!(
                crate::lexicon::place(row[1]).is_some_and(|p| p.name == row[1]),
                "known_people: {row:?} names no country of places.tsv"
            );
        }
    }

    #[test]
    fn longest_phrase_wins_across_periods() {
        let lex = Lexicon::embedded();
        assert_eq!(
            tags(
                &lex,
                "Vietnamese Deputy Minister of Public Security Sen. Lieut. Gen Luong"
            ),
            [
                "Vietnamese",
                "Deputy",
                "Minister",
                "Public",
                "Security",
                "Sen. Lieut. Gen"
            ]
        );
        assert_eq!(
            tags(&lex, "State Auditor General Ngo"),
            ["State Auditor General"]
        );
        assert_eq!(tags(&lex, "Sen.Lieut.Gen Luong"), ["Sen.Lieut.Gen"]);
        assert_eq!(
            tags(&lex, "the Lao People's Democratic Republic"),
            ["Lao People's Democratic Republic"]
        );
    }

    #[test]
    fn hyphenated_rows_match_either_capitalization() {
        let lex = Lexicon::embedded();
        assert_eq!(tags(&lex, "Senior-General Min"), ["Senior-General"]);
        assert_eq!(tags(&lex, "senior-general Min"), ["senior-general"]);
        assert_eq!(tags(&lex, "Lt-Gen Somsak"), ["Lt-Gen"]);
    }

    #[test]
    fn user_files_add_rows_and_report_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.tsv");
        std::fs::write(
            &good,
            "# mine\nranks\tflight lieutenant\tFlight Lieutenant\n",
        )
        .unwrap();
        let lex = Lexicon::with_files(&[good]).unwrap();
        assert_eq!(tags(&lex, "Flight Lieutenant Smith"), ["Flight Lieutenant"]);
        let bad = dir.path().join("bad.tsv");
        std::fs::write(&bad, "ranks\tair marshal\tAir Marshal\nrnaks\tx\ty\n").unwrap();
        let e = Lexicon::with_files(std::slice::from_ref(&bad)).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string()
                .contains("bad.tsv: line 2: unknown table \"rnaks\""),
            "{e}"
        );
        std::fs::write(&bad, "places\tatlantis\tAtlantis\tisland\t-\n").unwrap();
        let e = Lexicon::with_files(std::slice::from_ref(&bad)).unwrap_err();
        assert!(
            e.to_string()
                .contains("line 1: unknown place kind \"island\""),
            "{e}"
        );
    }
}
