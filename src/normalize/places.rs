//! Places: countries, capitals, provinces and cities from the lexicon,
//! wherever they are named (inside organization names too), except words
//! that belong to a person's name.

use rustc_hash::FxHashMap as HashMap;

use crate::model::Place;
use crate::normalize::para::Para;
use crate::text::slug;

/// Find the places named in `paras`.
pub fn resolve(paras: &[Para<'_, '_>], claimed: &[Vec<bool>]) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (pi, p) in paras.iter().enumerate() {
        for tag in &p.tags {
            if claimed[pi][tag.start..tag.end].iter().any(|&c| c) {
                continue;
            }
            let Some((name, kind, country)) = p.place(tag.start) else {
                continue;
            };
            let slot = *index.entry(name).or_insert_with(|| {
                places.push(Place {
                    id: slug(name),
                    name: name.to_string(),
                    kind: kind.to_string(),
                    country: country.map(str::to_string),
                    mentions: vec![],
                });
                places.len() - 1
            });
            places[slot].mentions.push(p.mention(tag.start, tag.end));
        }
    }
    places
}
