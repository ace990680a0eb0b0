//! Property tests: no input makes the library panic, and every input gives
//! either a schema-valid record or a clean error.

use std::sync::LazyLock;

use dateline::error::ErrorKind;
use dateline::read::Input;
use dateline::schema::Schema;
use dateline::{Options, convert_bytes};
use proptest::prelude::*;

static OPTS: LazyLock<Options> = LazyLock::new(Options::default);
static SCHEMA: LazyLock<Schema> = LazyLock::new(Schema::new);

static FIXTURES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
});

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let input = Input::file("prop/case.txt");
    match convert_bytes(&input, bytes, &OPTS) {
        Ok(record) => {
            let v = SCHEMA.check_record(&record);
            prop_assert!(v.is_empty(), "schema violations: {v:?}");
            for p in &record.people {
                for m in &p.mentions {
                    let text: String = record.paragraphs[m.paragraph]
                        .text
                        .chars()
                        .skip(m.start)
                        .take(m.end - m.start)
                        .collect();
                    prop_assert_eq!(&text, &m.text);
                }
            }
        }
        Err(e) => {
            prop_assert!(!matches!(e.kind(), ErrorKind::Internal(_)), "panic: {e}");
            prop_assert!(!e.message().is_empty());
        }
    }
    Ok(())
}

/// Small edits that matter to the parser: separators, markers, dashes.
fn edit() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"\n".to_vec()),
        Just(b"\r\n\r\n".to_vec()),
        Just(b"  -0\n".to_vec()),
        Just(b"./.".to_vec()),
        Just(" – ".as_bytes().to_vec()),
        Just(b"(MoPS)".to_vec()),
        Just(b" date 2024-02-30 ".to_vec()),
        Just("Thứ Bảy, 31/12/2022, 23:59\n".as_bytes().to_vec()),
        Just(b"'s ".to_vec()),
        Just(b"Sen. Lieut. Gen ".to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&bytes)?;
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..1000,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, edit()), 1..12),
    ) {
        let mut bytes = FIXTURES[which % FIXTURES.len()].clone();
        for (at, cut, insert) in edits {
            let i = at.index(bytes.len() + 1);
            let end = (i + cut).min(bytes.len());
            bytes.splice(i..end, insert);
        }
        check(&bytes)?;
    }
}
