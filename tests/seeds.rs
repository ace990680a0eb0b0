//! The two real seed articles in ../shared/seeds against every fact in their
//! expected.json: layout, people, organizations, places and the event.

use std::path::PathBuf;

use serde_json::Value;

use crate::util;

fn seeds_dir() -> PathBuf {
    util::root().join("../shared/seeds")
}

#[test]
#[allow(clippy::print_stderr)] // the one note when the seeds are absent
fn seed_facts_hold() {
    let dir = seeds_dir();
    if !dir.join("expected.json").exists() {
        // Outside the project's workspace the seeds are not there: say so
        // loudly, and fail where they must be (DATELINE_REQUIRE_SEEDS=1).
        assert!(
            std::env::var_os("DATELINE_REQUIRE_SEEDS").is_none(),
            "DATELINE_REQUIRE_SEEDS is set but {} is missing",
            dir.display()
        );
        eprintln!("SKIPPED seed_facts_hold: ../shared/seeds not present; seed facts not checked");
        return;
    }
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["convert", "--quiet"];
    args.extend(files.iter().map(String::as_str));
    let out = util::run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let records = util::records(&out);
    let mut checked = 0;
    for (id, exp) in expected.as_object().unwrap() {
        if id == "about" {
            continue;
        }
        let r = records
            .iter()
            .find(|r| r["id"] == id.as_str())
            .unwrap_or_else(|| panic!("no record for seed {id}"));
        assert_eq!(r["title"], exp["title"], "{id} title");
        for (k, v) in exp["published"].as_object().unwrap() {
            assert_eq!(&r["published"][k], v, "{id} published.{k}");
        }
        let paras = r["paragraphs"].as_array().unwrap();
        let body: Vec<&Value> = paras.iter().filter(|p| p["kind"] == "body").collect();
        let captions: Vec<&Value> = paras
            .iter()
            .filter(|p| p["kind"] == "caption")
            .map(|p| &p["text"])
            .collect();
        assert_eq!(
            body.len() as u64,
            exp["body_paragraphs"].as_u64().unwrap(),
            "{id}"
        );
        assert_eq!(
            captions,
            exp["captions"]
                .as_array()
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            "{id} captions"
        );
        let first = body[0]["text"].as_str().unwrap();
        assert!(
            first.starts_with(exp["first_paragraph_starts"].as_str().unwrap()),
            "{id}"
        );
        assert_eq!(body[body.len() - 1]["text"], exp["last_paragraph"], "{id}");
        assert_eq!(r["signoff"], exp["signoff"], "{id} signoff");
        assert_eq!(r["dateline"], exp["dateline"], "{id} dateline");
        check_entities(id, r, exp);
        checked += 1;
    }
    assert_eq!(checked, 2, "both seeds checked");
}

/// People (in order, with titles, roles, country and every mention),
/// organizations, places and the event.
fn check_entities(id: &str, r: &Value, exp: &Value) {
    let people = r["people"].as_array().unwrap();
    let names: Vec<&Value> = people.iter().map(|p| &p["name"]).collect();
    let want: Vec<&Value> = exp["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["name"])
        .collect();
    assert_eq!(names, want, "{id} people");
    let paras = r["paragraphs"].as_array().unwrap();
    for (got, want) in people.iter().zip(exp["people"].as_array().unwrap()) {
        for k in ["titles", "roles", "country"] {
            assert_eq!(got[k], want[k], "{id} {} {k}", want["name"]);
        }
        for m in got["mentions"].as_array().unwrap() {
            let text: String = paras[m["paragraph"].as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap()
                .chars()
                .skip(m["start"].as_u64().unwrap() as usize)
                .take((m["end"].as_u64().unwrap() - m["start"].as_u64().unwrap()) as usize)
                .collect();
            assert_eq!(Value::String(text), m["text"], "{id} mention slice");
        }
        if let Some(mentions) = want["mentions"].as_array() {
            let mut got_texts: Vec<&str> = got["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["text"].as_str().unwrap())
                .collect();
            let mut want_texts: Vec<&str> = mentions.iter().map(|m| m.as_str().unwrap()).collect();
            got_texts.sort_unstable();
            want_texts.sort_unstable();
            assert_eq!(got_texts, want_texts, "{id} {} mentions", want["name"]);
        }
    }
    for o in exp["organizations_include"].as_array().unwrap() {
        let found = r["organizations"].as_array().unwrap().iter().any(|g| {
            g["name"] == o["name"] && g["acronym"] == o["acronym"] && g["country"] == o["country"]
        });
        assert!(found, "{id}: no organization {o}");
    }
    let places: Vec<&Value> = r["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["name"])
        .collect();
    for p in exp["places_include"].as_array().unwrap() {
        assert!(places.contains(&p), "{id}: no place {p}");
    }
    let ev = &exp["event"];
    let found = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["date"] == ev["date"] && e["place"] == ev["place"]);
    assert!(found, "{id}: no event {ev}");
}
