//! `dateline explain`: for each person, the culture of the name, what gave
//! the country, and at each mention the titles, roles and countries read
//! there with the grammar pattern that read them. A debugging aid for users
//! who extend the lexicon.

use std::fmt::Write;

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Mention, Record};
use crate::normalize::grammar::Evidence;

/// How the people of one record were resolved.
#[derive(Debug, Default, Clone)]
pub struct Explanation {
    /// Each person's name culture, by person id.
    pub cultures: HashMap<String, String>,
    /// Each person's facts, the pattern and the mention that gave them, by id.
    pub evidence: HashMap<String, Vec<(Mention, Evidence)>>,
}

/// The explanation as text, one block per person in record order.
pub fn render(record: &Record, ex: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {} people", record.id, record.people.len());
    for person in &record.people {
        let culture = ex
            .cultures
            .get(&person.id)
            .map_or("unknown", String::as_str);
        let _ = writeln!(
            out,
            "\n{} [{}], name culture {culture}",
            person.name, person.id
        );
        match (&person.country, &person.country_source) {
            (Some(c), Some(source)) => {
                let _ = writeln!(out, "  country {c}, from {source}");
            }
            _ => {
                let _ = writeln!(out, "  country unknown");
            }
        }
        let evidence = ex.evidence.get(&person.id).map_or(&[][..], Vec::as_slice);
        for m in &person.mentions {
            let _ = writeln!(
                out,
                "  paragraph {} chars {}..{} {:?}",
                m.paragraph, m.start, m.end, m.text
            );
            for (_, e) in evidence.iter().filter(|(at, _)| at == m) {
                let _ = writeln!(out, "    {} {:?}: {}", e.kind, e.value, e.pattern);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{Options, explain_bytes};
    use crate::read::Input;

    #[test]
    fn explain_names_the_pattern_of_each_fact() {
        let text = " date 2023-12-07 Vietnamese Deputy Minister of Public Security Sen. Lieut. Gen Luong Tam Quang met Gen. Vilay Lakhamphong, the Lao Minister of Public Security, in Vientiane. Quang said so./.";
        let input = Input::Stdin;
        let (record, out) = explain_bytes(&input, text.as_bytes(), &Options::default()).unwrap();
        assert_eq!(record.people.len(), 2);
        for line in [
            "Luong Tam Quang [luong-tam-quang], name culture vietnamese",
            "  country Vietnam, from stated",
            "    title \"Senior Lieutenant General\": rank or honorific before the name",
            "    role \"Deputy Minister of Public Security\": role before the name",
            "    country \"Vietnam\": role before the name",
            "  paragraph 0 chars 157..162 \"Quang\"",
            "    role \"Minister of Public Security\": appositive role after the name",
            "    country \"Laos\": appositive role after the name",
        ] {
            assert!(out.contains(line), "{line:?} not in\n{out}");
        }
    }
}
