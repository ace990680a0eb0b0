//! dateline turns raw news-article text files (English-language Vietnamese
//! and Lao state media) into structured records.
//!
//! The pipeline, one module per stage; only [`pipeline`] knows the order:
//!
//! ```text
//! read ──► parse ──► normalize ──► write
//! bytes→   header,    people,        JSON Lines,
//! NFC text dateline,  orgs, places   JSON
//!          paragraphs (next stages)
//! ```
//!
//! Convert one article from text:
//!
//! ```
//! use dateline::{Options, convert_bytes, read::Input};
//!
//! let raw = " date 2023-12-07 Hanoi (VNA) – Ministers met in Hanoi.\n\nThey signed a plan./.";
//! let input = Input::file("news/001.txt");
//! let record = convert_bytes(&input, raw.as_bytes(), &Options::default()).unwrap();
//! assert_eq!(record.id, "001");
//! assert_eq!(record.published.unwrap().date.as_deref(), Some("2023-12-07"));
//! assert_eq!(record.dateline.unwrap().place.as_deref(), Some("Hanoi"));
//! assert_eq!(record.paragraphs[1].text, "They signed a plan.");
//! assert_eq!(record.signoff.as_deref(), Some("./."));
//! ```
#![deny(missing_docs)]

pub mod error;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod pipeline;
pub mod read;
pub mod schema;
pub mod stream;
pub mod text;
pub mod write;

pub use error::{Error, ErrorKind, Stage};
pub use model::Record;
pub use pipeline::{Options, convert_bytes, convert_input};
