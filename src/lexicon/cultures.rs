//! Name cultures (`cultures.tsv`) and the words that reveal them
//! (`name_words.tsv`): where a name's family name sits, which word a short
//! mention uses, and which countries bear the culture. Nationality never
//! decides a culture; the name's own words do.

use rustc_hash::FxHashMap as HashMap;

/// Which word of a full name a short mention uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Short {
    /// The first word (`Wang` for Wang Yi).
    First,
    /// The last word (`Quang` for Luong Tam Quang).
    Last,
    /// Either end (`Thongloun`, `Lakhamphong`).
    Either,
}

/// How names of one culture are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Culture {
    /// Its name, as in `cultures.tsv` (`vietnamese`).
    pub name: String,
    /// The family name comes first.
    pub family_first: bool,
    /// The word short mentions use.
    pub short: Short,
    /// Countries whose people bear it, the most likely first.
    pub countries: Vec<String>,
    /// Given names are written hyphenated (`Jae-in`).
    pub hyphenated_given: bool,
}

/// Where a word of `name_words.tsv` must stand in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    First,
    Any,
}

/// The culture tables.
#[derive(Debug, Default)]
pub(crate) struct Cultures {
    cultures: HashMap<String, Culture>,
    words: HashMap<String, Vec<(String, Place)>>,
    suffixes: Vec<(String, String)>,
}

impl Cultures {
    /// Add a `cultures` row.
    pub(crate) fn add_culture(&mut self, cols: &[&str]) -> Result<(), String> {
        let family_first = match cols[1] {
            "family-first" => true,
            "given-first" => false,
            o => return Err(format!("unknown name order {o:?}")),
        };
        let short = match cols[2] {
            "first" => Short::First,
            "last" => Short::Last,
            "either" => Short::Either,
            o => return Err(format!("unknown short form {o:?} (first, last or either)")),
        };
        let culture = Culture {
            name: cols[0].to_string(),
            family_first,
            short,
            countries: cols[3].split(',').map(|c| c.trim().to_string()).collect(),
            hyphenated_given: cols[4] == "hyphenated",
        };
        self.cultures.insert(culture.name.clone(), culture);
        Ok(())
    }

    /// Add a `name_words` row.
    pub(crate) fn add_word(&mut self, cols: &[&str]) -> Result<(), String> {
        if !self.cultures.contains_key(cols[1]) {
            return Err(format!(
                "unknown culture {:?} (add it to cultures)",
                cols[1]
            ));
        }
        let word = crate::text::fold(cols[0]);
        let place = match cols[2] {
            "first" => Place::First,
            "any" => Place::Any,
            "suffix" => {
                let suffix = word.trim_start_matches('-').to_string();
                self.suffixes.push((suffix, cols[1].to_string()));
                return Ok(());
            }
            o => return Err(format!("unknown place {o:?} (first, any or suffix)")),
        };
        let list = self.words.entry(word).or_default();
        list.push((cols[1].to_string(), place));
        Ok(())
    }

    /// A culture by name.
    pub(crate) fn get(&self, name: &str) -> Option<&Culture> {
        self.cultures.get(name)
    }

    /// The culture of a full name given as folded words. Every word votes:
    /// a word listed for the first position (in its place), a word listed
    /// for anywhere, a word ending as listed. The culture with the most
    /// votes wins (`Wan Azizah Wan Ismail` is Malay although `Wan` opens
    /// Chinese names too); a tie is settled by the name's shape (a hyphenated
    /// last word: the culture that writes given names so, so `Lee Hsien Loong`
    /// is Chinese and `Lee Jae-myung` Korean), else the culture stays unknown
    /// rather than guessed (`Sun Chanthol`: Chinese or Khmer).
    pub(crate) fn of_name(&self, words: &[&str]) -> Option<&Culture> {
        let mut votes: Vec<(&str, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let listed = self.words.get(*w).map(Vec::as_slice).unwrap_or_default();
            let mut cultures: Vec<&str> = listed
                .iter()
                .filter(|(_, place)| *place == Place::Any || i == 0)
                .map(|(c, _)| c.as_str())
                .collect();
            if cultures.is_empty() {
                cultures.extend(
                    self.suffixes
                        .iter()
                        .filter(|(s, _)| w.len() > s.len() + 2 && w.ends_with(s.as_str()))
                        .map(|(_, c)| c.as_str()),
                );
            }
            cultures.sort_unstable();
            cultures.dedup();
            for c in cultures {
                match votes.iter_mut().find(|(v, _)| *v == c) {
                    Some((_, n)) => *n += 1,
                    None => votes.push((c, 1)),
                }
            }
        }
        let best = votes.iter().map(|(_, n)| *n).max()?;
        let leaders: Vec<&Culture> = votes
            .iter()
            .filter(|(_, n)| *n == best)
            .filter_map(|(c, _)| self.get(c))
            .collect();
        if leaders.len() == 1 {
            return leaders.first().copied();
        }
        let hyphenated = words.len() >= 2 && words.last().is_some_and(|w| w.contains('-'));
        let shaped: Vec<&Culture> = leaders
            .into_iter()
            .filter(|c| c.hyphenated_given == hyphenated)
            .collect();
        (shaped.len() == 1).then(|| shaped[0])
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    fn culture(lex: &Lexicon, name: &str) -> Option<String> {
        let folded: Vec<String> = name.split(' ').map(crate::text::fold).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        lex.name_culture(&words).map(|c| c.name.clone())
    }

    #[test]
    fn names_vote_for_their_culture_and_shape_breaks_ties() {
        let lex = Lexicon::embedded();
        for (name, want) in [
            ("Luong Tam Quang", Some("vietnamese")),
            ("Hun Manet", Some("khmer")),
            ("Wan Azizah Wan Ismail", Some("malay")),
            ("Min Aung Hlaing", Some("myanmar")),
            ("Lee Hsien Loong", Some("chinese")),
            ("Lee Jae-myung", Some("korean")),
            ("Kikeo Khaykhamphithoune", Some("lao")),
            ("Bounleua Sinxayvoravong", Some("lao")),
            ("Sun Chanthol", None),
            ("Susan Burns", None),
        ] {
            assert_eq!(culture(&lex, name).as_deref(), want, "{name}");
        }
    }
}
