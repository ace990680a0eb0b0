//! read + parse + normalize + validate on arbitrary bytes: must never panic,
//! and an Ok record must satisfy the schema (convert_bytes checks it).
#![no_main]

use std::sync::LazyLock;

use dateline::read::Input;
use dateline::{Options, convert_bytes};
use libfuzzer_sys::fuzz_target;

static OPTS: LazyLock<Options> = LazyLock::new(Options::default);

fuzz_target!(|data: &[u8]| {
    let input = Input::file("fuzz/case.txt");
    let _ = convert_bytes(&input, data, &OPTS);
});
