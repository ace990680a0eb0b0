//! Scores people (name, titles, roles, country) over every fixture against
//! the hand-written expectations in tests/eval/people.json — kept apart from
//! the goldens, which only pin what the tool does today.

use std::collections::{BTreeMap, BTreeSet};

use dateline::model::Record;
use dateline::text::slug;
use serde_json::Value;

use crate::util;

/// One checkable fact: (article, person, kind, value).
type Fact = (String, String, &'static str, String);

fn facts(
    article: &str,
    name: &str,
    titles: &[String],
    roles: &[String],
    country: Option<&str>,
) -> Vec<Fact> {
    let person = slug(name);
    let fact = |kind, value: &str| {
        (
            article.to_string(),
            person.clone(),
            kind,
            value.to_lowercase(),
        )
    };
    let mut out = vec![fact("person", "")];
    out.extend(titles.iter().map(|t| fact("title", t)));
    out.extend(roles.iter().map(|r| fact("role", r)));
    out.extend(country.map(|c| fact("country", c)));
    out
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
#[allow(clippy::print_stdout)] // the score is the point of this test
fn people_precision_and_recall_at_least_95_percent() {
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(util::root().join("tests/eval/people.json")).unwrap(),
    )
    .unwrap();
    let articles = doc["articles"].as_object().unwrap();
    let out = util::run(&["convert", "--quiet", "fixtures/articles"]);
    let mut expected = BTreeSet::new();
    let mut got = BTreeSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let r: Record = serde_json::from_str(line).unwrap();
        let exp = articles
            .get(&r.id)
            .unwrap_or_else(|| panic!("{}: no expectations in tests/eval/people.json", r.id));
        for p in exp.as_array().unwrap() {
            expected.extend(facts(
                &r.id,
                p["name"].as_str().unwrap(),
                &strings(&p["titles"]),
                &strings(&p["roles"]),
                p["country"].as_str(),
            ));
        }
        for p in &r.people {
            got.extend(facts(
                &r.id,
                &p.name,
                &p.titles,
                &p.roles,
                p.country.as_deref(),
            ));
        }
    }
    let mut table = BTreeMap::new();
    for kind in ["person", "title", "role", "country", "all"] {
        let pick = |s: &BTreeSet<Fact>| -> BTreeSet<Fact> {
            s.iter()
                .filter(|f| kind == "all" || f.2 == kind)
                .cloned()
                .collect()
        };
        let (e, g) = (pick(&expected), pick(&got));
        let hit = e.intersection(&g).count() as f64;
        let precision = if g.is_empty() {
            1.0
        } else {
            hit / g.len() as f64
        };
        let recall = if e.is_empty() {
            1.0
        } else {
            hit / e.len() as f64
        };
        println!(
            "{kind:>8}: precision {precision:.3} recall {recall:.3} ({} expected, {} found)",
            e.len(),
            g.len()
        );
        table.insert(kind, (precision, recall));
    }
    for f in expected.difference(&got) {
        println!("missed:   {f:?}");
    }
    for f in got.difference(&expected) {
        println!("spurious: {f:?}");
    }
    let (precision, recall) = table["all"];
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "people facts: precision {precision:.3}, recall {recall:.3}"
    );
    let (precision, recall) = table["person"];
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "people: precision {precision:.3}, recall {recall:.3}"
    );
}
