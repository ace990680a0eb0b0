//! The record types: the contract users script against.
//!
//! Field order here is the key order on the wire (serde keeps declaration
//! order), so output is byte-for-byte deterministic. Change a field name only
//! together with `schemas/`, the goldens and the README.

use serde::{Deserialize, Serialize};

/// One converted article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The input file's stem, e.g. `003_3b7b3d4abb43cb73`.
    pub id: String,
    /// Where the record came from.
    pub source: Source,
    /// The headline (format B), or null.
    pub title: Option<String>,
    /// Publication date and time from the header, or null when there is none.
    pub published: Option<Published>,
    /// `Hanoi (VNA) –` and the like, opening the first or second paragraph.
    pub dateline: Option<Dateline>,
    /// The text of the first body paragraph, without its dateline.
    pub lede: Option<String>,
    /// The agency sign-off (`./.`, `VNA`, `VNS`, `VNA/VNS`).
    pub signoff: Option<String>,
    /// Author, `Source: …`, `According to …` lines after the body.
    pub trailer: Vec<String>,
    /// Body paragraphs and captions in document order.
    pub paragraphs: Vec<Paragraph>,
    /// People named in the article.
    pub people: Vec<Person>,
    /// Organizations named in the article.
    pub organizations: Vec<Organization>,
    /// Places named in the article.
    pub places: Vec<Place>,
    /// Meetings and visits the article reports.
    pub events: Vec<Event>,
    /// Everything doubtful the conversion noticed, as `code: detail`.
    pub warnings: Vec<String>,
}

/// Provenance of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The path as given or found (lossy UTF-8); `-` for standard input.
    pub path: String,
    /// Size of the raw input in bytes.
    pub bytes: u64,
    /// SHA-256 of the raw input bytes, lowercase hex.
    pub sha256: String,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, …).
    pub encoding: String,
}

/// Publication date and time as stated in the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// `YYYY-MM-DD`, or null when the header has no valid full date.
    pub date: Option<String>,
    /// `HH:MM`, or null.
    pub time: Option<String>,
    /// Lowercase English weekday of `date` (or as stated when `date` is null).
    pub weekday: Option<String>,
    /// UTC offset, `+07:00` unless the header or `--tz` says otherwise.
    pub timezone: String,
    /// The header's date line as written.
    pub raw: String,
}

/// A classic dateline, or an outlet tag (then `place` is null).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The place as written (`Hanoi`, `VIENTIANE`, `HÀ NỘI`), or null for a bare outlet tag.
    pub place: Option<String>,
    /// The agency in parentheses or before the dash (`VNA`), or null.
    pub agency: Option<String>,
    /// The dateline exactly as it stood before the lede, separator included.
    pub raw: String,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Article text.
    Body,
    /// A photo caption.
    Caption,
}

/// One paragraph or caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Position in `paragraphs`.
    pub index: usize,
    /// Body text or caption.
    pub kind: ParagraphKind,
    /// The text with white space collapsed to single spaces.
    pub text: String,
    /// For captions: the image's alt text (format B's `<headline>  -0` line).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub image_alt: Option<String>,
    /// Byte range `[start, end)` in the decoded source text.
    pub span: [usize; 2],
}

/// Where an entity is named: character offsets into a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// Index into `paragraphs`.
    pub paragraph: usize,
    /// First character (Unicode scalar value) of the mention.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The slice `text[start..end]` of the paragraph.
    pub text: String,
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Lowercase ASCII slug of the name, stable across articles.
    pub id: String,
    /// The fullest form of the name in the article.
    pub name: String,
    /// Family name, or null when unknown.
    pub family_name: Option<String>,
    /// Given name, or null when unknown.
    pub given_name: Option<String>,
    /// Ranks and honorifics in full words.
    pub titles: Vec<String>,
    /// Positions as normalized phrases.
    pub roles: Vec<String>,
    /// The person's country, or null.
    pub country: Option<String>,
    /// What gave the country: `stated`, `organization`, `context`, `host`
    /// or `name` (strongest first); null when the country is null.
    pub country_source: Option<String>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
}

/// An organization named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Lowercase ASCII slug, country-qualified when the country is known.
    pub id: String,
    /// The organization's name.
    pub name: String,
    /// Its acronym as introduced in parentheses, or null.
    pub acronym: Option<String>,
    /// The organization's country, or null.
    pub country: Option<String>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
}

/// A place named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Lowercase ASCII slug.
    pub id: String,
    /// The place's name.
    pub name: String,
    /// `country`, `city`, `province` or `region`.
    pub kind: PlaceKind,
    /// The country the place is in (for a country: itself), or null.
    pub country: Option<String>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
}

/// A meeting or visit the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`, resolved against the publication date, or null.
    pub date: Option<String>,
    /// Where it happened, or null.
    pub place: Option<String>,
    /// The sentence that states it.
    pub text: String,
}

/// What a place is. The JSON writes it in lower case (`country`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign state.
    Country,
    /// A city, town or border gate.
    City,
    /// A province, state or other first-level division.
    Province,
    /// A region, sea or river that is no division: `Southeast Asia`, `East Sea`.
    Region,
}

impl PlaceKind {
    /// The kind as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Province => "province",
            PlaceKind::Region => "region",
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PlaceKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        [
            PlaceKind::Country,
            PlaceKind::City,
            PlaceKind::Province,
            PlaceKind::Region,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| format!("unknown place kind {s:?} (country, city, province or region)"))
    }
}
