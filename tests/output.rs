//! The output folder, CSV tables, schema and `validate`: what users load into
//! jq, pandas or DuckDB.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use dateline::model::Record;
use dateline::schema::{SCHEMA, Schema};

use crate::util;

fn read_jsonl(path: &Path) -> Vec<Record> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records().map(|r| r.unwrap()).collect()
}

#[test]
fn out_dir_tables_read_back_to_the_record_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = util::run(&[
        "convert",
        "-q",
        "fixtures/articles",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    let records = read_jsonl(&out.join("articles.jsonl"));
    assert!(records.len() > 40);
    let n = |f: fn(&Record) -> usize| records.iter().map(f).sum::<usize>();
    assert_eq!(csv_rows(&out.join("articles.csv")).len(), records.len());
    assert_eq!(
        csv_rows(&out.join("paragraphs.csv")).len(),
        n(|r| r.paragraphs.len())
    );
    assert_eq!(
        csv_rows(&out.join("people.csv")).len(),
        n(|r| r.people.len())
    );
    assert_eq!(
        csv_rows(&out.join("organizations.csv")).len(),
        n(|r| r.organizations.len())
    );
    assert_eq!(
        csv_rows(&out.join("places.csv")).len(),
        n(|r| r.places.len())
    );
    let mentions = n(|r| {
        r.people.iter().map(|p| p.mentions.len()).sum::<usize>()
            + r.organizations
                .iter()
                .map(|o| o.mentions.len())
                .sum::<usize>()
            + r.places.iter().map(|p| p.mentions.len()).sum::<usize>()
    });
    assert_eq!(csv_rows(&out.join("mentions.csv")).len(), mentions);
    // Ids join: every mention's entity is in its table for that article.
    let people: std::collections::BTreeSet<(String, String)> = csv_rows(&out.join("people.csv"))
        .iter()
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    for m in csv_rows(&out.join("mentions.csv")) {
        if &m[1] == "person" {
            assert!(
                people.contains(&(m[0].to_string(), m[2].to_string())),
                "{m:?}"
            );
        }
    }
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["converted"], records.len());
    assert_eq!(summary["found"], records.len());
    assert_eq!(summary["schema_version"], "1.1.0");
    assert_eq!(fs::read_to_string(out.join("errors.jsonl")).unwrap(), "");
}

/// A few fixtures' tables, byte for byte (re-bless with DATELINE_BLESS=1).
#[test]
fn csv_tables_match_goldens() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let inputs = [
        "fixtures/articles/b01_courtesy_visit.txt",
        "fixtures/articles/d13_acronyms.txt",
        "fixtures/articles/c14_nfd_names.txt",
    ];
    let mut args = vec!["convert", "-q", "-o", out.to_str().unwrap()];
    args.extend(inputs);
    let o = util::run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    let golden = util::root().join("tests/golden/csv");
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    for table in dateline::write::csv::TABLES.iter().map(|t| t.file) {
        let got = fs::read_to_string(out.join(table)).unwrap();
        if bless {
            fs::create_dir_all(&golden).unwrap();
            fs::write(golden.join(table), &got).unwrap();
        } else {
            let want = fs::read_to_string(golden.join(table)).unwrap_or_default();
            assert_eq!(got, want, "{table} differs from tests/golden/csv/{table}");
        }
    }
}

#[test]
fn output_is_identical_for_one_and_four_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let mut tables = Vec::new();
    for jobs in ["1", "4"] {
        let out = dir.path().join(format!("j{jobs}"));
        let o = util::run(&[
            "convert",
            "-q",
            "-j",
            jobs,
            "fixtures/articles",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0));
        let files: BTreeMap<String, Vec<u8>> = [
            "articles.jsonl",
            "articles.csv",
            "people.csv",
            "mentions.csv",
        ]
        .iter()
        .map(|f| (f.to_string(), fs::read(out.join(f)).unwrap()))
        .collect();
        tables.push(files);
    }
    assert_eq!(tables[0], tables[1]);
    let one = util::run(&["convert", "-j", "1", "fixtures/articles"]);
    let four = util::run(&["convert", "-j", "4", "fixtures/articles"]);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn a_non_empty_out_dir_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let d = dir.path().to_str().unwrap();
    let o = util::run(&[
        "convert",
        "-q",
        "fixtures/articles/a01_courtesy_call.txt",
        "-o",
        d,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        util::stderr(&o).contains("not empty"),
        "{}",
        util::stderr(&o)
    );
    assert!(!dir.path().join("articles.jsonl").exists());
    let o = util::run(&[
        "convert",
        "-q",
        "fixtures/articles/a01_courtesy_call.txt",
        "-o",
        d,
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(dir.path().join("articles.jsonl").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn schema_command_prints_the_embedded_schema() {
    let o = util::run(&["schema"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), SCHEMA);
    assert_eq!(
        fs::read_to_string(util::root().join("schemas/article.schema.json")).unwrap(),
        SCHEMA
    );
}

#[test]
fn validate_reports_file_line_path_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let good = util::run(&[
        "convert",
        "-q",
        "fixtures/articles/a01_courtesy_call.txt",
        "fixtures/articles/b01_courtesy_visit.txt",
    ]);
    let good_path = dir.path().join("good.jsonl");
    fs::write(&good_path, &good.stdout).unwrap();
    let o = util::run(&["validate", good_path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );

    let text = String::from_utf8(good.stdout).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1] = lines[1].replace("\"timezone\":\"+07:00\"", "\"timezone\":\"ICT\"");
    let bad_path = dir.path().join("bad.jsonl");
    fs::write(&bad_path, lines.join("\n") + "\n{not json}\n").unwrap();
    let o = util::run(&["validate", bad_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(
        report.contains("bad.jsonl:2: /published/timezone: "),
        "{report}"
    );
    assert!(report.contains("bad.jsonl:3: /: not JSON"), "{report}");
    assert!(report.contains("3 records checked, 2 invalid"), "{report}");
}

/// The schema and the serde types agree: a record with every optional
/// field filled validates; goldens validate (checked in golden.rs).
#[test]
fn a_record_with_every_optional_field_filled_validates() {
    let o = util::run(&[
        "convert",
        "-q",
        "fixtures/articles/c02_day_month_year_vientiane.txt",
    ]);
    let mut record: Record = serde_json::from_slice(&o.stdout).unwrap();
    record.title = Some("T".into());
    record.signoff = Some("VNA".into());
    record.trailer = vec!["By A".into()];
    record.paragraphs[0].image_alt = Some("alt".into());
    let p = record.people.first_mut().unwrap();
    p.country = Some("Vietnam".into());
    p.country_source = Some("stated".into());
    let pub_ = record.published.as_mut().unwrap();
    pub_.time = Some("08:06".into());
    record.warnings.push("w: x".into());
    assert!(
        record.dateline.is_some() && !record.events.is_empty() && !record.organizations.is_empty()
    );
    assert_eq!(Schema::new().check_record(&record), []);
}
