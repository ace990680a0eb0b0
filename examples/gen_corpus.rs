//! Generate a realistic synthetic corpus for benchmarks:
//!
//! ```text
//! cargo run --release --example gen_corpus -- DIR N [--seed S]
//! ```
//!
//! Writes N articles (1.5–8 KB, both formats, datelines, captions, ranks,
//! roles, short mentions, acronyms, sign-offs and trailers) as
//! `DIR/<shard>/<n>.txt`, 1,000 per shard folder. The same seed gives the
//! same corpus byte for byte.

use std::fmt::Write as _;
use std::path::PathBuf;

/// splitmix64: tiny, fast, and stable across versions (unlike a crate's RNG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

/// (full name, short form, country adjective, rank, role)
const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Luong Tam Quang",
        "Quang",
        "Vietnamese",
        "Sen. Lieut. Gen.",
        "Deputy Minister of Public Security",
    ),
    (
        "To Lam",
        "Lam",
        "Vietnamese",
        "Gen.",
        "Minister of Public Security",
    ),
    (
        "Vilay Lakhamphong",
        "Lakhamphong",
        "Lao",
        "Gen.",
        "Deputy Prime Minister and Minister of Public Security",
    ),
    (
        "Phan Van Giang",
        "Giang",
        "Vietnamese",
        "General",
        "Minister of National Defence",
    ),
    (
        "Chansamone Chanyalath",
        "Chanyalath",
        "Lao",
        "Gen.",
        "Minister of National Defence",
    ),
    (
        "Nguyen Tan Cuong",
        "Cuong",
        "Vietnamese",
        "Sen. Lt. Gen.",
        "Chief of the General Staff",
    ),
    (
        "Tran Quoc To",
        "To",
        "Vietnamese",
        "Sen. Lieut. Gen.",
        "Deputy Minister of Public Security",
    ),
    (
        "Le Quoc Hung",
        "Hung",
        "Vietnamese",
        "Lt. Gen.",
        "Deputy Minister of Public Security",
    ),
    (
        "Khamsone Phommachanh",
        "Phommachanh",
        "Lao",
        "Maj. Gen.",
        "Director of the Border Police Department",
    ),
    (
        "Bui Thanh Son",
        "Son",
        "Vietnamese",
        "",
        "Minister of Foreign Affairs",
    ),
    (
        "Saleumxay Kommasith",
        "Kommasith",
        "Lao",
        "",
        "Deputy Prime Minister and Minister of Foreign Affairs",
    ),
    (
        "Pham Minh Chinh",
        "Chinh",
        "Vietnamese",
        "",
        "Prime Minister",
    ),
    (
        "Sonexay Siphandone",
        "Siphandone",
        "Lao",
        "",
        "Prime Minister",
    ),
    (
        "Vuong Dinh Hue",
        "Hue",
        "Vietnamese",
        "",
        "National Assembly Chairman",
    ),
    (
        "Saysomphone Phomvihane",
        "Phomvihane",
        "Lao",
        "",
        "National Assembly President",
    ),
    (
        "Tran Luu Quang",
        "Quang",
        "Vietnamese",
        "",
        "Deputy Prime Minister",
    ),
    (
        "Neth Savoeun",
        "Savoeun",
        "Cambodian",
        "Gen.",
        "National Police Commissioner",
    ),
    (
        "Tea Vinh",
        "Vinh",
        "Cambodian",
        "Adm.",
        "Commander of the Royal Cambodian Navy",
    ),
    (
        "Nguyen Thi Hong",
        "Hong",
        "Vietnamese",
        "",
        "Governor of the State Bank of Vietnam",
    ),
    (
        "Dang Quoc Khanh",
        "Khanh",
        "Vietnamese",
        "",
        "Minister of Natural Resources and Environment",
    ),
];

const PLACES: &[&str] = &[
    "Hanoi",
    "Vientiane",
    "Phnom Penh",
    "Ho Chi Minh City",
    "Da Nang",
    "Luang Prabang",
    "Hai Phong",
    "Savannakhet",
    "Champasak",
    "Nghe An",
    "Quang Tri",
    "Bangkok",
];

const ORGS: &[(&str, &str)] = &[
    ("Ministry of Public Security", "MoPS"),
    ("Ministry of National Defence", "MND"),
    ("Ministry of Foreign Affairs", "MoFA"),
    ("State Bank of Vietnam", "SBV"),
    ("Vietnam News Agency", "VNA"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("Ministry of Industry and Trade", "MoIT"),
    ("Ministry of Information and Communications", "MIC"),
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS_VI: &[&str] = &[
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];

/// Sentence templates: {A}/{B} full names with rank and role, {a}/{b} short
/// forms, {P} a place, {O}/{o} an organization and its acronym, {M} a month
/// and day, {N} a number.
const TEMPLATES: &[&str] = &[
    "{a} said the two sides had worked closely to implement the agreements reached by their leaders.",
    "{b} thanked {a} for the warm welcome and the thoughtful arrangements made for the delegation.",
    "The two sides agreed to step up the exchange of delegations at all levels in the coming years.",
    "{a} proposed that the {o} continue to share experience in training officers and managing borders.",
    "According to {a}, the number of joint operations had risen by {N} percent over the past year.",
    "{b} affirmed that the {O} attached great importance to its traditional friendship with its partner.",
    "Both ministries pledged to coordinate closely in preventing drug trafficking along the shared border.",
    "On the occasion, {a} invited {b} to attend the annual review conference in {P} next year.",
    "{b} accepted the invitation with pleasure and said the visit would open a new stage of cooperation.",
    "The meeting also reviewed the implementation of the cooperation plan signed in {P} on {M}.",
    "{a} highlighted the need to speed up projects funded by the {o} in the border provinces.",
    "Earlier, the delegation laid a wreath at the memorial to fallen soldiers in {P}.",
    "{b} briefed the host on the socio-economic situation and the security outlook for the region.",
    "The host expressed a hope that the two forces would deepen cooperation in cyber security.",
    "{a} stressed that close coordination had helped to dismantle {N} transnational criminal rings.",
    "Officials from the {O} ({o}) presented a report on the outcomes of joint patrols.",
    "{b} suggested that the two sides hold regular consultations on non-traditional security threats.",
    "The two sides signed a memorandum of understanding on training and scientific research.",
    "{a} spoke highly of the contributions made by the {o} to the success of the bilateral programme.",
    "During the talks, {b} described the cooperation as a model of neighbourly relations.",
    "The {o} will send {N} experts to support the construction of a training centre in {P}.",
    "{a} congratulated {b} on the achievements recorded by the {O} in recent years.",
    "Both sides agreed to maintain hotlines between border posts and to exchange information promptly.",
    "{b} noted that the delegation would visit several localities, including {P}.",
    "The ministers also discussed preparations for the regional conference to be held in {P}.",
    "{a} urged relevant agencies to remove obstacles to trade and investment between the two countries.",
    "Over {N} officers have attended courses at academies of the {o} since the programme began.",
    "{b} expressed appreciation for the scholarships offered to students from the partner country.",
    "Regarding regional issues, the two sides agreed to coordinate closely at multilateral forums.",
    "{a} and {b} witnessed the handover of equipment worth {N} billion VND.",
    "The two sides also exchanged views on the situation in the East Sea and the Mekong sub-region.",
    "{b} said the {o} was ready to assist with demining and the search for wartime remains.",
    "Meanwhile, the working group reported progress on the demarcation of the border line.",
    "{a} emphasised that security cooperation was a pillar of the special relationship.",
    "The visit took place as the two countries prepared to celebrate {N} years of diplomatic ties.",
    "{b} asked the {o} to help strengthen the capacity of provincial police in {P}.",
    "The host and the guest agreed to assign focal points to follow up on the agreements.",
    "{a} said the {O} would continue to give priority to human resources training.",
    "Both leaders called for stronger people-to-people exchanges, especially among young people.",
    "{b} reported that the {o} had completed {N} projects under the previous cooperation plan.",
    "At the end of the meeting, {a} presented {b} with a souvenir of the visit.",
    "The two sides stressed the importance of sharing intelligence on terrorism and high-tech crime.",
];

const CAPTIONS: &[&str] = &[
    "{A} and {B} at the talks.",
    "{a} presents a gift to {b}.",
    "Delegates at the meeting.",
    "Overview of the conference in {P}.",
    "{a} and {b} sign the cooperation plan.",
];

struct Article<'a> {
    a: &'a (&'a str, &'a str, &'a str, &'a str, &'a str),
    b: &'a (&'a str, &'a str, &'a str, &'a str, &'a str),
    org: &'a (&'a str, &'a str),
    place: &'a str,
}

fn full(p: &(&str, &str, &str, &str, &str)) -> String {
    let rank = if p.3.is_empty() {
        String::new()
    } else {
        format!("{} ", p.3)
    };
    format!("{} {} {}{}", p.2, p.4, rank, p.0)
}

fn fill(t: &str, art: &Article<'_>, rng: &mut Rng) -> String {
    let mut s = t.to_string();
    let pairs = [
        ("{A}", full(art.a)),
        ("{B}", full(art.b)),
        ("{a}", art.a.1.to_string()),
        ("{b}", art.b.1.to_string()),
        ("{O}", art.org.0.to_string()),
        ("{o}", art.org.1.to_string()),
        ("{P}", rng.word(PLACES).to_string()),
        ("{M}", format!("{} {}", rng.pick(MONTHS), 1 + rng.below(28))),
        ("{N}", (2 + rng.below(200)).to_string()),
    ];
    for (k, v) in pairs {
        s = s.replace(k, &v);
    }
    s
}

fn article(rng: &mut Rng, n: usize) -> String {
    let a = rng.pick(PEOPLE);
    let mut b = rng.pick(PEOPLE);
    while b.0 == a.0 {
        b = rng.pick(PEOPLE);
    }
    let art = Article {
        a,
        b,
        org: rng.pick(ORGS),
        place: rng.word(PLACES),
    };
    let (year, month, day) = (2019 + rng.below(6), 1 + rng.below(12), 1 + rng.below(28));
    let headline = format!(
        "{} meets {} in {}",
        art.a.1,
        art.b.2.to_string() + " counterpart",
        art.place
    );
    let lede = format!(
        "{} held talks with {} in {} on {} {}, discussing measures to deepen cooperation between the two ministries.",
        full(art.a),
        full(art.b),
        art.place,
        MONTHS[month - 1],
        day.saturating_sub(1).max(1),
    );
    let target = 1500 + rng.below(6500);
    let format_b = n % 2 == 1;
    let mut out = String::with_capacity(target + 512);
    if format_b {
        let _ = write!(
            out,
            "{headline}\n\n{}, {day:02}/{month:02}/{year}, {:02}:{:02}\n\n{lede}\n\n{lede}\n\n",
            rng.word(WEEKDAYS_VI),
            rng.below(24),
            rng.below(60)
        );
    } else {
        let dateline = if rng.below(2) == 0 {
            format!("{} (VNA) – ", art.place)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            " date {year}-{month:02}-{day:02} {dateline}{lede}\n\n\n\n"
        );
    }
    let mut body = 0;
    while out.len() < target {
        let paragraph: Vec<String> = (0..1 + rng.below(3))
            .map(|_| fill(rng.word(TEMPLATES), &art, rng))
            .collect();
        out.push_str(&paragraph.join(" "));
        out.push_str("\n\n");
        body += 1;
        if body % 3 == 0 && rng.below(2) == 0 {
            let caption = fill(rng.word(CAPTIONS), &art, rng);
            if format_b {
                let _ = write!(out, "{headline}  -0\n{caption}\n\n");
            } else {
                let _ = write!(out, "{caption} (Photo: VNA)\n\n");
            }
        }
    }
    let last = fill(rng.word(TEMPLATES), &art, rng);
    match rng.below(4) {
        0 => out.push_str(&format!("{last}./.\n")),
        1 => out.push_str(&format!("{last} – VNS\n")),
        2 => out.push_str(&format!("{last}\nSource: VNA\n")),
        _ => out.push_str(&format!("{last}\n")),
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus DIR N [--seed S]";
    let dir = PathBuf::from(args.first().expect(usage));
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).expect(usage);
    let seed: u64 = match args.get(2).map(String::as_str) {
        Some("--seed") => args.get(3).and_then(|s| s.parse().ok()).expect(usage),
        _ => 1,
    };
    let mut rng = Rng(seed);
    for i in 0..n {
        let shard = dir.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&shard).expect("create shard folder");
        }
        std::fs::write(shard.join(format!("{i:07}.txt")), article(&mut rng, i))
            .expect("write article");
    }
}
