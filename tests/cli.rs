//! The command line as users meet it: exit codes, error lines, stdin,
//! formats, determinism, and the README's examples.

use crate::util;

#[test]
fn a_failed_file_is_reported_and_the_rest_converted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), " date 2023-01-02 Text here./.").unwrap();
    std::fs::write(dir.path().join("empty.txt"), " \n\n").unwrap();
    let out = util::run_in(
        dir.path(),
        &["convert", "good.txt", "missing.txt", "empty.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = util::stderr(&out);
    assert!(err.contains("missing.txt: read: "), "{err}");
    assert!(
        err.contains("empty.txt: decode: empty: no text to convert"),
        "{err}"
    );
    assert!(err.contains("3 found, 1 converted, 2 failed"), "{err}");
    let records = util::records(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "good");
}

#[test]
fn folders_are_walked_for_txt_files_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for name in ["b.txt", "a.txt", "sub/c.txt", "notes.md"] {
        std::fs::write(dir.path().join(name), " date 2023-01-02 Text./.").unwrap();
    }
    let out = util::run_in(dir.path(), &["convert", "."], b"");
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(util::stderr(&out).contains("3 found, 3 converted, 0 failed, 1 ignored"));
}

/// A folder with a README and `.json` sidecars: the sidecars are not
/// errors (errors.jsonl stays empty, exit 0), only counted as ignored;
/// `--glob` chooses other files, and a file named outright is always read.
#[test]
fn files_a_walk_does_not_select_are_ignored_not_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    for name in ["a.txt", "a.json", "README.md", "b.json"] {
        std::fs::write(dir.join(name), " date 2023-01-02 Text./.").unwrap();
    }
    let out = util::run_in(tmp.path(), &["convert", "in", "-o", "out"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let errors = std::fs::read_to_string(tmp.path().join("out/errors.jsonl")).unwrap();
    assert_eq!(errors, "");
    let summary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("out/summary.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(summary["found"], 1);
    assert_eq!(summary["ignored"], 3);
    assert!(summary.get("skipped").is_none());

    let out = util::run_in(&dir, &["convert", ".", "-g", "*.md", "-g", "a.*"], b"");
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["README", "a", "a~2"], "{}", util::stderr(&out));

    let out = util::run_in(&dir, &["convert", "README.md"], b"");
    assert_eq!(util::records(&out).len(), 1);
    assert_eq!(
        util::run_in(&dir, &["convert", ".", "-g", "["], b"")
            .status
            .code(),
        Some(2)
    );
}

/// A run that writes into the folder it reads does not read its own output,
/// whatever it holds; the out-dir is still read when it is the folder named.
#[test]
fn a_walk_does_not_enter_its_own_out_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(tmp.path().join("a.txt"), " date 2023-01-02 Text./.").unwrap();
    std::fs::write(out_dir.join("stale.txt"), " date 2023-01-02 Old./.").unwrap();
    let out = util::run_in(tmp.path(), &["convert", ".", "-o", "./out", "--force"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["found"], 1, "{summary}");
    assert!(!out_dir.join("stale.json").exists());
    let out = util::run_in(tmp.path(), &["convert", "out"], b"");
    assert_eq!(util::records(&out).len(), 1, "{}", util::stderr(&out));
}

/// `-` is stdin for the stream protocol as everywhere else.
#[test]
fn convert_input_jsonl_reads_dash_as_stdin() {
    let doc = br#"{"id": "d1", "text": " date 2023-01-02 Minister To Lam spoke./."}"#;
    let out = util::run_in(&util::root(), &["convert", "--input", "jsonl", "-"], doc);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(util::records(&out)[0]["id"], "d1");
    let out = util::run_in(
        &util::root(),
        &["convert", "--input", "jsonl", "x.txt"],
        doc,
    );
    assert_eq!(out.status.code(), Some(2), "{}", util::stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(util::run(&["convert"]).status.code(), Some(2));
    assert_eq!(util::run(&["frobnicate"]).status.code(), Some(2));
    for tz in ["GMT+7", "+15:00"] {
        for cmd in [
            &["convert"][..],
            &["check", "--golden", "g"],
            &["render", "-o", "o"],
            &["explain"],
        ] {
            let args = [cmd, &["--tz", tz, "x.txt"]].concat();
            assert_eq!(
                util::run_in(tmp.path(), &args, b"").status.code(),
                Some(2),
                "{args:?}"
            );
            // The same line with a good offset gets past the command line.
            let args = [cmd, &["--tz", "+07:00", "x.txt"]].concat();
            assert_eq!(
                util::run_in(tmp.path(), &args, b"").status.code(),
                Some(1),
                "{args:?}"
            );
        }
    }
}

#[test]
fn help_teaches_and_version_works() {
    let out = util::run(&["convert", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:") && help.contains("jq"), "{help}");
    let out = util::run(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("dateline "));
}

#[test]
fn stdin_is_an_input() {
    let out = util::run_in(
        &util::root(),
        &["convert", "-"],
        "Headline\n\nThứ Sáu, 28/10/2022, 08:06\n\nLede.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let r = &util::records(&out)[0];
    assert_eq!(r["id"], "stdin");
    assert_eq!(r["source"]["path"], "-");
    assert_eq!(r["title"], "Headline");
}

#[test]
fn pretty_is_one_json_array_of_the_same_records() {
    let lines = util::records(&util::run(&["convert", "fixtures/articles"]));
    let out = util::run(&["convert", "--pretty", "fixtures/articles"]);
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array, lines);
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let one = util::run(&["convert", "-j", "1", "fixtures/articles"]);
    let two = util::run(&["convert", "-j", "2", "fixtures/articles"]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn tz_sets_the_default_offset() {
    let out = util::run(&[
        "convert",
        "--tz",
        "+00:00",
        "fixtures/articles/a01_courtesy_call.txt",
    ]);
    assert_eq!(util::records(&out)[0]["published"]["timezone"], "+00:00");
}

/// Every `$ dateline …` line in the README's console blocks runs and exits 0
/// (a pipeline runs its `dateline` part).
#[test]
fn readme_examples_run() {
    let readme = std::fs::read_to_string(util::root().join("README.md")).unwrap();
    let mut ran = 0;
    for line in readme.lines() {
        let Some(cmd) = line.strip_prefix("$ dateline ") else {
            continue;
        };
        let cmd = cmd.split('|').next().unwrap();
        let args: Vec<&str> = cmd.split_whitespace().collect();
        let out = util::run(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "README: {line}\n{}",
            util::stderr(&out)
        );
        ran += 1;
    }
    assert!(ran >= 2, "README has no runnable examples");
}

#[test]
fn lexicon_files_add_knowledge_and_bad_lines_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let article = " date 2023-01-02 Flight Lieutenant Somchai Keola met Tuvaluan Minister of Defence Filomeno Paixao in Funafuti on January 1./.";
    std::fs::write(dir.path().join("a.txt"), article).unwrap();
    let plain = util::run_in(dir.path(), &["convert", "a.txt"], b"");
    let before = &util::records(&plain)[0];
    assert!(
        before["people"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["titles"] != serde_json::json!(["Flight Lieutenant"]))
    );
    std::fs::write(
        dir.path().join("mine.tsv"),
        "# extra\nranks\tflight lieutenant\tFlight Lieutenant\ndemonyms\ttuvaluan\tTuvalu\nplaces\tfunafuti\tFunafuti\tcity\tTuvalu\n",
    )
    .unwrap();
    let out = util::run_in(
        dir.path(),
        &["convert", "--lexicon", "mine.tsv", "a.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let r = &util::records(&out)[0];
    let somchai = r["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Somchai Keola")
        .unwrap();
    assert_eq!(somchai["titles"], serde_json::json!(["Flight Lieutenant"]));
    let paixao = r["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Filomeno Paixao")
        .unwrap();
    assert_eq!(paixao["country"], "Tuvalu");
    assert_eq!(r["events"][0]["place"], "Funafuti");

    std::fs::write(
        dir.path().join("bad.tsv"),
        "ranks\tflight lieutenant\tFlight Lieutenant\nrank\tx\n",
    )
    .unwrap();
    let out = util::run_in(
        dir.path(),
        &["convert", "--lexicon", "bad.tsv", "a.txt"],
        b"",
    );
    // A bad --lexicon file is a usage error, found after clap: exit 2.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        util::stderr(&out).contains("bad.tsv: line 2: unknown table \"rank\""),
        "{}",
        util::stderr(&out)
    );
}

/// `dateline check` as users' CI runs it: unchanged passes; a changed field,
/// a missing and an orphaned golden fail with their messages; --bless fixes.
#[test]
fn check_reports_differences_missing_and_orphans_then_bless_passes() {
    let dir = tempfile::tempdir().unwrap();
    let golden = dir.path().join("golden");
    let input = util::root().join("fixtures/articles/b01_courtesy_visit.txt");
    let other = util::root().join("fixtures/articles/a01_courtesy_call.txt");
    let (input, other) = (input.to_str().unwrap(), other.to_str().unwrap());
    let g = golden.to_str().unwrap();
    let run = |args: &[&str]| {
        let o = util::run(args);
        (o.status.code(), String::from_utf8(o.stdout).unwrap())
    };

    let (code, out) = run(&["check", input, "--golden", g, "--bless"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("b01_courtesy_visit: blessed (new)"), "{out}");
    let (code, out) = run(&["check", input, "--golden", g]);
    assert_eq!((code, out.as_str()), (Some(0), "1 passed, 0 failed\n"));

    // A changed field.
    let path = golden.join("b01_courtesy_visit.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"Deputy Minister of Public Security\"", "\"Minister\""),
    )
    .unwrap();
    let (code, out) = run(&["check", input, "--golden", g]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("b01_courtesy_visit: people[0].roles[0]: expected \"Minister\", got \"Deputy Minister of Public Security\""),
        "{out}"
    );
    assert!(out.ends_with("0 passed, 1 failed\n"), "{out}");
    // Ignoring the field passes.
    let (code, _) = run(&["check", input, "--golden", g, "--ignore", "people[*].roles"]);
    assert_eq!(code, Some(0));

    // A missing golden and an orphaned one.
    std::fs::write(golden.join("orphan.json"), "{}").unwrap();
    let (code, out) = run(&["check", input, other, "--golden", g]);
    assert_eq!(code, Some(1));
    assert!(out.contains("a01_courtesy_call: no golden at"), "{out}");
    assert!(out.contains("orphan.json: orphaned golden"), "{out}");
    assert!(out.ends_with("0 passed, 3 failed\n"), "{out}");

    // Bless, drop the orphan: all pass.
    let (code, out) = run(&["check", input, other, "--golden", g, "--bless"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("b01_courtesy_visit: blessed (changed)")
            && out.contains("a01_courtesy_call: blessed (new)"),
        "{out}"
    );
    std::fs::remove_file(golden.join("orphan.json")).unwrap();
    let (code, out) = run(&["check", input, other, "--golden", g]);
    assert_eq!((code, out.as_str()), (Some(0), "2 passed, 0 failed\n"));
}

/// Ids name golden files, so an id cannot write outside the golden folder.
#[test]
fn check_bless_keeps_stdin_ids_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let golden = dir.path().join("g");
    let o = util::run_in(
        dir.path(),
        &["check", "-", "--golden", "g", "--bless"],
        b" date 2023-01-02 Text./.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    assert!(golden.join("stdin.json").exists());
}

fn docs(lines: &[serde_json::Value]) -> Vec<u8> {
    let mut s = String::new();
    for l in lines {
        s.push_str(&l.to_string());
        s.push('\n');
    }
    s.into_bytes()
}

/// `--input jsonl`: records in input order, bad documents reported as JSON
/// lines on stderr (or --errors FILE) without stopping the stream.
#[test]
fn stream_mode_keeps_order_and_survives_bad_documents() {
    let a = std::fs::read_to_string(util::root().join("fixtures/articles/b01_courtesy_visit.txt"))
        .unwrap();
    let b = std::fs::read_to_string(util::root().join("fixtures/articles/a01_courtesy_call.txt"))
        .unwrap();
    let mut input = docs(&[
        serde_json::json!({"id": "second", "text": a, "path": "x/b01.txt"}),
        serde_json::json!({"id": "empty", "text": "  "}),
    ]);
    input.extend_from_slice(b"this is not json\n");
    input.extend(docs(&[serde_json::json!({"id": "first", "text": b})]));
    let out = util::run_in(
        &util::root(),
        &["convert", "--input", "jsonl", "-q"],
        &input,
    );
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["second", "first"]);
    assert_eq!(util::records(&out)[0]["source"]["path"], "x/b01.txt");
    let errors: Vec<serde_json::Value> = util::stderr(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        (errors[0]["line"].as_u64(), errors[0]["stage"].as_str()),
        (Some(2), Some("decode"))
    );
    assert_eq!(
        (errors[1]["line"].as_u64(), errors[1]["stage"].as_str()),
        (Some(3), Some("read"))
    );

    // The same records as converting the files (source aside).
    let files = util::run(&["convert", "-q", "fixtures/articles/b01_courtesy_visit.txt"]);
    let mut want = util::records(&files)[0].clone();
    let mut got = util::records(&out)[0].clone();
    for r in [&mut want, &mut got] {
        r["id"] = serde_json::Value::Null;
        r["source"]["path"] = serde_json::Value::Null;
    }
    assert_eq!(got, want);

    let dir = tempfile::tempdir().unwrap();
    let errs = dir.path().join("errors.jsonl");
    let out = util::run_in(
        &util::root(),
        &[
            "convert",
            "--input",
            "jsonl",
            "-q",
            "--errors",
            errs.to_str().unwrap(),
        ],
        &input,
    );
    assert_eq!(util::stderr(&out), "");
    assert_eq!(std::fs::read_to_string(&errs).unwrap().lines().count(), 2);
}

#[test]
fn files_from_reads_newline_or_nul_separated_lists() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    let a = util::root().join("fixtures/articles/a01_courtesy_call.txt");
    let b = util::root().join("fixtures/articles/b01_courtesy_visit.txt");
    std::fs::write(&list, format!("{}\r\n\n{}\n", a.display(), b.display())).unwrap();
    let out = util::run(&["convert", "-q", "--files-from", list.to_str().unwrap()]);
    assert_eq!(util::records(&out).len(), 2, "{}", util::stderr(&out));
    let nul = format!("{}\0{}\0", b.display(), a.display());
    let out = util::run_in(
        &util::root(),
        &["convert", "-q", "--files-from", "-", "-0"],
        nul.as_bytes(),
    );
    let ids: Vec<_> = util::records(&out)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, ["b01_courtesy_visit", "a01_courtesy_call"]);
}

/// An id from stream input is untrusted: golden files stay inside --golden.
#[test]
fn stream_ids_cannot_write_outside_the_golden_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = docs(&[
        serde_json::json!({"id": "../../escaped", "text": " date 2023-01-02 One./."}),
        serde_json::json!({"id": "/abs/path", "text": " date 2023-01-02 Two./."}),
        serde_json::json!({"id": "a\u{0}b", "text": " date 2023-01-02 Three./."}),
    ]);
    let o = util::run_in(
        dir.path(),
        &[
            "check", "--input", "jsonl", "--golden", "g/inner", "--bless",
        ],
        &input,
    );
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("g/inner"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "%2E.%2F..%2Fescaped.json",
            "%2Fabs%2Fpath.json",
            "a%00b.json"
        ]
    );
    assert!(!dir.path().join("escaped.json").exists());
    let o = util::run_in(
        dir.path(),
        &["check", "--input", "jsonl", "--golden", "g/inner"],
        &input,
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "3 passed, 0 failed\n");
}

#[test]
fn render_writes_an_index_and_one_page_per_article() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages");
    let o = util::run(&[
        "render",
        "fixtures/articles/d25_markup_in_text.txt",
        "fixtures/articles/b01_courtesy_visit.txt",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", util::stderr(&o));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("b01_courtesy_visit.html\""), // `/` is escaped as &#x2f;
        "{index}"
    );
    assert!(index.contains("Luong Tam Quang"));
    let page = std::fs::read_to_string(out.join("articles/d25_markup_in_text.html")).unwrap();
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "pages fetch nothing"
    );
}

#[test]
fn explain_shows_the_pattern_behind_each_fact() {
    let out = util::run(&["explain", "fixtures/articles/d31_role_patterns.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "d31_role_patterns: 7 people",
        "Bounfeng Phoummalaysith [bounfeng-phoummalaysith], name culture lao",
        "  country Laos, from stated",
        "    title \"Associate Professor\": rank or honorific before the name",
        "    role \"Minister of Health\": role before the name",
        "Sonexay Siphandone [sonexay-siphandone], name culture lao",
        "  country Laos, from name",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    let missing = util::run(&["explain", "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(util::stderr(&missing).contains("no/such/file.txt"));
}
