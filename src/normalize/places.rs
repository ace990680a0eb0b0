//! Places: countries, capitals, provinces and cities from the lexicon,
//! wherever they are named (inside organization names too), except words
//! that belong to a person's name.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Mention, Organization, Place, PlaceKind};
use crate::normalize::para::Para;
use crate::text::slug;

/// Find the places named in `paras`; the dateline's place is one too (with
/// no mention: the dateline is not a paragraph).
pub fn resolve(paras: &[Para<'_, '_>], claimed: &[bool], dateline: Option<&str>) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for p in paras {
        for tag in p.tags {
            if p.mine(claimed)[tag.start..tag.end].iter().any(|&c| c) {
                continue;
            }
            // `US` the country, not `us` the pronoun: places are written
            // with a capital.
            if !p.toks[tag.start].cap {
                continue;
            }
            let Some((name, kind, country)) = p.place(tag.start) else {
                continue;
            };
            let slot = *index.entry(name).or_insert_with(|| {
                places.push(Place {
                    id: slug(name),
                    name: name.to_string(),
                    kind,
                    country: country.map(str::to_string),
                    mentions: vec![],
                });
                places.len() - 1
            });
            places[slot].mentions.push(p.mention(tag.start, tag.end));
        }
    }
    if let Some(written) = dateline {
        let known = crate::lexicon::place(written);
        let name = known.map_or_else(|| title_case(written), |k| k.name.to_string());
        if !places.iter().any(|x| x.name == name) {
            places.push(Place {
                id: slug(&name),
                kind: known.map_or(PlaceKind::City, |k| k.kind),
                country: known.and_then(|k| k.country).map(str::to_string),
                name,
                mentions: vec![],
            });
        }
    }
    places
}

/// `PHNOM PENH` → `Phnom Penh`; a name in mixed case stays as written.
fn title_case(written: &str) -> String {
    if written.chars().any(char::is_lowercase) {
        return written.to_string();
    }
    written
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The country that more than half of the article's place mentions are in
/// (a country counts as itself); `None` when no country has a majority.
pub fn dominant_country(places: &[Place]) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut total = 0;
    for place in places {
        let Some(c) = place.country.as_deref() else {
            continue;
        };
        total += place.mentions.len();
        match counts.iter_mut().find(|(name, _)| *name == c) {
            Some((_, n)) => *n += place.mentions.len(),
            None => counts.push((c, place.mentions.len())),
        }
    }
    counts
        .into_iter()
        .find(|&(_, n)| 2 * n > total)
        .map(|(c, _)| c)
}

/// Drop the place mentions that lie inside an organization's mention
/// (`Asia` in `Asia-Pacific Economic Cooperation`), and the places left with
/// none (the dateline's place, which has none of its own, stays). A country
/// keeps its mentions: `the Senate of Romania` is Romania's Senate.
pub fn outside_organizations(places: &mut Vec<Place>, orgs: &[Organization]) {
    let inside = |m: &Mention| {
        orgs.iter()
            .flat_map(|o| &o.mentions)
            .any(|o| o.paragraph == m.paragraph && o.start <= m.start && m.end <= o.end)
    };
    places.retain_mut(|place| {
        if place.kind == PlaceKind::Country {
            return true;
        }
        let had = !place.mentions.is_empty();
        place.mentions.retain(|m| !inside(m));
        !had || !place.mentions.is_empty()
    });
}
