//! dateline turns raw news-article text files (English-language articles of
//! Vietnamese, Lao and Cambodian state media and the region's outlets) into
//! structured, validated records: title, publication date, dateline,
//! paragraphs and captions, and who appears, with titles, roles and country.
//!
//! The API is small:
//!
//! - [`convert_text`], [`convert_bytes`] and [`convert_input`] turn one
//!   article into a [`Record`] (see [`model`] for its fields), with
//!   [`Options`] (time zone [`Offset`], size limit, [`Lexicon`], schema).
//! - [`read::walk`] expands paths and folders lazily into inputs;
//!   [`pipeline::run`] converts them in parallel, in order.
//! - [`write::Writer`] writes JSON Lines, JSON or CSV; [`write::outdir`]
//!   writes a folder of tables at once; [`stream`] reads the JSON Lines
//!   document protocol.
//! - [`schema::Schema`] checks records against the JSON Schema.
//! - [`warning::Warning`] is a doubt raised while converting, with its
//!   [`warning::Code`]; a record writes it as `code: detail`.
//!
//! The stages (`parse`, `normalize`, `text`) are public only for the
//! benches and the fuzz target; they are not API and change without notice.
//!
//! ```text
//! read ──► parse ──► normalize ──► write
//! bytes→   header,    people,        JSON Lines,
//! NFC text dateline,  orgs, places   JSON, CSV
//!          paragraphs
//! ```
//!
//! Convert one article from text:
//!
//! ```
//! use dateline::{Options, convert_text};
//!
//! let text = " date 2023-12-07 Hanoi (VNA) – Deputy Prime Minister Tran Luu Quang met \
//!             Lao Minister of Home Affairs Vilayvong Bouddakham.\n\nQuang said so./.";
//! let record = convert_text("001", text, &Options::default()).unwrap();
//! assert_eq!(record.published.unwrap().date.as_deref(), Some("2023-12-07"));
//! assert_eq!(record.dateline.unwrap().place.as_deref(), Some("Hanoi"));
//! let quang = &record.people[0];
//! assert_eq!(quang.name, "Tran Luu Quang");
//! assert_eq!(quang.roles, ["Deputy Prime Minister"]);
//! assert_eq!(quang.mentions.len(), 2);
//! assert_eq!(record.people[1].country.as_deref(), Some("Laos"));
//! ```
//!
//! Write records as JSON Lines:
//!
//! ```
//! use dateline::write::{Format, Writer};
//! use dateline::{Options, convert_text};
//!
//! let record = convert_text("a", " date 2023-01-02 Text./.", &Options::default()).unwrap();
//! let mut writer = Writer::new(Vec::new(), Format::JsonLines).unwrap();
//! writer.write(&record).unwrap();
//! let out = String::from_utf8(writer.finish().unwrap()).unwrap();
//! assert!(out.starts_with("{\"id\":\"a\""));
//! ```
#![deny(missing_docs)]

pub mod error;
pub mod lexicon;
pub mod model;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod parse;
pub mod pipeline;
pub mod read;
pub mod schema;
pub mod stream;
#[doc(hidden)]
pub mod text;
pub mod warning;
pub mod write;

pub use error::{Error, ErrorKind, Stage};
pub use lexicon::Lexicon;
pub use model::Record;
pub use parse::{Offset, ParseOptions};
pub use pipeline::{Options, convert_bytes, convert_input, convert_text};
