//! Structure-aware: the fuzzer's bytes are a program that assembles an
//! article from real-looking parts (headers, ranks, honorifics, names of
//! several cultures, roles, organizations, short mentions, separators),
//! each part repeated up to a few thousand times, so a few hundred input
//! bytes reach articles of up to ~1 MB. This is where super-linear paths
//! and per-mention blow-ups live, which 8 KB of random bytes never reach.
//! Must never panic; an Ok record satisfies the schema.
#![no_main]

use std::sync::LazyLock;

use dateline::read::Input;
use dateline::{Options, convert_bytes};
use libfuzzer_sys::fuzz_target;

static OPTS: LazyLock<Options> = LazyLock::new(Options::default);

const LIMIT: usize = 1 << 20;

const PARTS: &[&str] = &[
    // headers and datelines, both seed formats
    " date 2023-12-07 ",
    "Vietnam, Laos agree to strengthen security cooperation\n\n",
    "Thứ Sáu, 28/10/2022, 08:06\n\n",
    "Tuesday, November 14, 2023 10:05\n",
    "HANOI (VNA) – ",
    "Vientiane, December 6 (KPL) - ",
    "PHNOM PENH, Jan 3 -- ",
    "Photo: VNA\n",
    "(Photo: KPL)\n\n",
    // ranks and honorifics
    "Sen. Lieut. Gen ",
    "Lt-Gen ",
    "Gen. ",
    "General ",
    "Senior Colonel ",
    "Rear Admiral ",
    "Mr. ",
    "Madam ",
    "H.E. ",
    "Samdech Akka Moha Sena Padei Techo ",
    "Dato' Sri ",
    "Tan Sri ",
    "U ",
    "Daw ",
    "Assoc. Prof. Dr ",
    // names
    "Luong Tam Quang",
    "To Lam",
    "Vuong Dinh Hue",
    "Vilay Lakhamphong",
    "Neth Savoeun",
    "Hun Manet",
    "Sonexay Siphandone",
    "Thein Sein",
    "Anwar bin Ibrahim",
    "Wang Yi",
    "Yoon Suk Yeol",
    "John F. Kerry",
    "Mohammed bin Abdulrahman Al Thani",
    "Nguyen Thi Thanh-Ha",
    // short mentions
    "Quang",
    "Savoeun",
    "Chairman Hue",
    "Lam",
    "Mr. Manet",
    // roles and organizations
    "Deputy Prime Minister",
    "Minister of Public Security",
    "Politburo member",
    "National Assembly Chairman ",
    "the country's deputy foreign minister ",
    "Deputy PM ",
    "former ",
    "Chief of the General Staff of the Vietnam People's Army",
    "Ministry of Public Security (MoPS)",
    "Lao People's Democratic Republic",
    "Party Central Committee's Commission for External Relations",
    "a delegation led by ",
    "his counterpart ",
    "the Cambodian side",
    "Vietnamese ",
    "Lao ",
    "Cambodia's ",
    " of Laos",
    // separators and dirt
    " ",
    ", ",
    " and ",
    ". ",
    " said.",
    " attended.",
    "\n",
    "\n\n\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "(",
    ")",
    "\"",
    "'s ",
    "–",
    "on March 3, 2023",
    "Ends\n",
];

fuzz_target!(|data: &[u8]| {
    let mut text = String::new();
    let mut ops = data.chunks_exact(3);
    for op in ops.by_ref() {
        let count = 1 + usize::from(u16::from_le_bytes([op[1], op[2]]) % 4096);
        match op[0] {
            // a run of raw bytes, copied as is (lossily: the target is text)
            255 => text.push_str(&String::from_utf8_lossy(&op[1..])),
            b => {
                let part = PARTS[usize::from(b) % PARTS.len()];
                for _ in 0..count {
                    if text.len() + part.len() > LIMIT {
                        break;
                    }
                    text.push_str(part);
                }
            }
        }
        if text.len() >= LIMIT {
            break;
        }
    }
    text.push_str(&String::from_utf8_lossy(ops.remainder()));
    let input = Input::file("fuzz/article.txt");
    let _ = convert_bytes(&input, text.as_bytes(), &OPTS);
});
