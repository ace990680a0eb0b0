//! CSV tables (RFC 4180, UTF-8, header row), one row per article, paragraph,
//! person, mention, organization or place. Ids join across tables:
//! `article_id` is the record's `id`; entity ids are the records' ids.

use std::io::{self, Write};

use crate::model::{Mention, ParagraphKind, Record};

/// A CSV table: its file name and header.
pub struct Table {
    /// File name in the output folder.
    pub file: &'static str,
    /// Column names.
    pub header: &'static [&'static str],
}

/// Every table, in the order they are written.
pub const TABLES: [Table; 6] = [
    Table {
        file: "articles.csv",
        header: &[
            "id",
            "path",
            "title",
            "published_date",
            "published_time",
            "timezone",
            "dateline_place",
            "body_paragraphs",
            "captions",
            "people",
            "organizations",
            "warnings",
        ],
    },
    Table {
        file: "paragraphs.csv",
        header: &["article_id", "index", "kind", "text"],
    },
    Table {
        file: "people.csv",
        header: &[
            "article_id",
            "person_id",
            "name",
            "family_name",
            "given_name",
            "titles",
            "roles",
            "country",
            "country_source",
            "mentions",
        ],
    },
    Table {
        file: "mentions.csv",
        header: &[
            "article_id",
            "entity_kind",
            "entity_id",
            "paragraph",
            "start",
            "end",
            "text",
        ],
    },
    Table {
        file: "organizations.csv",
        header: &[
            "article_id",
            "org_id",
            "name",
            "acronym",
            "country",
            "mentions",
        ],
    },
    Table {
        file: "places.csv",
        header: &[
            "article_id",
            "place_id",
            "name",
            "kind",
            "country",
            "mentions",
        ],
    },
];

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The articles table's row for a record.
fn article_row(r: &Record) -> Vec<String> {
    let count = |kind| r.paragraphs.iter().filter(|p| p.kind == kind).count();
    let published = r.published.as_ref();
    vec![
        r.id.clone(),
        r.source.path.clone(),
        opt(&r.title).to_string(),
        published.and_then(|p| p.date.clone()).unwrap_or_default(),
        published.and_then(|p| p.time.clone()).unwrap_or_default(),
        published.map(|p| p.timezone.clone()).unwrap_or_default(),
        r.dateline
            .as_ref()
            .and_then(|d| d.place.clone())
            .unwrap_or_default(),
        count(ParagraphKind::Body).to_string(),
        count(ParagraphKind::Caption).to_string(),
        r.people.len().to_string(),
        r.organizations.len().to_string(),
        r.warnings.join("; "),
    ]
}

/// Writers for all six tables.
pub struct Tables<W: Write> {
    writers: Vec<csv::Writer<W>>,
}

impl<W: Write> Tables<W> {
    /// Start the six tables on `outs` (in [`TABLES`] order) with their headers.
    pub fn new(outs: Vec<W>) -> io::Result<Self> {
        assert_eq!(outs.len(), TABLES.len(), "one writer per table");
        let mut writers = Vec::with_capacity(outs.len());
        for (out, table) in outs.into_iter().zip(&TABLES) {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(table.header).map_err(csv_err)?;
            writers.push(w);
        }
        Ok(Tables { writers })
    }

    /// Add one record's rows to every table.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        let [articles, paragraphs, people, mentions, orgs, places] = &mut self.writers[..] else {
            unreachable!("six tables");
        };
        articles.write_record(article_row(r)).map_err(csv_err)?;
        for p in &r.paragraphs {
            let kind = match p.kind {
                ParagraphKind::Body => "body",
                ParagraphKind::Caption => "caption",
            };
            paragraphs
                .write_record([r.id.as_str(), &p.index.to_string(), kind, &p.text])
                .map_err(csv_err)?;
        }
        let mut mention_rows = |kind: &str, id: &str, ms: &[Mention]| -> io::Result<()> {
            for m in ms {
                mentions
                    .write_record([
                        r.id.as_str(),
                        kind,
                        id,
                        &m.paragraph.to_string(),
                        &m.start.to_string(),
                        &m.end.to_string(),
                        &m.text,
                    ])
                    .map_err(csv_err)?;
            }
            Ok(())
        };
        for p in &r.people {
            people
                .write_record([
                    r.id.as_str(),
                    &p.id,
                    &p.name,
                    opt(&p.family_name),
                    opt(&p.given_name),
                    &p.titles.join("; "),
                    &p.roles.join("; "),
                    opt(&p.country),
                    opt(&p.country_source),
                    &p.mentions.len().to_string(),
                ])
                .map_err(csv_err)?;
            mention_rows("person", &p.id, &p.mentions)?;
        }
        for o in &r.organizations {
            orgs.write_record([
                r.id.as_str(),
                &o.id,
                &o.name,
                opt(&o.acronym),
                opt(&o.country),
                &o.mentions.len().to_string(),
            ])
            .map_err(csv_err)?;
            mention_rows("organization", &o.id, &o.mentions)?;
        }
        for p in &r.places {
            places
                .write_record([
                    r.id.as_str(),
                    &p.id,
                    &p.name,
                    &p.kind,
                    opt(&p.country),
                    &p.mentions.len().to_string(),
                ])
                .map_err(csv_err)?;
            mention_rows("place", &p.id, &p.mentions)?;
        }
        Ok(())
    }

    /// Flush every table and hand the outputs back.
    pub fn finish(self) -> io::Result<Vec<W>> {
        self.writers
            .into_iter()
            .map(|w| w.into_inner().map_err(|e| e.into_error()))
            .collect()
    }
}

/// The articles table alone, for `-f csv` on stdout.
pub struct ArticlesCsv<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> ArticlesCsv<W> {
    /// Start the table with its header.
    pub fn new(out: W) -> io::Result<Self> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(TABLES[0].header).map_err(csv_err)?;
        Ok(ArticlesCsv { writer })
    }

    /// Add a record's row.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        self.writer.write_record(article_row(r)).map_err(csv_err)
    }

    /// Flush and hand the output back.
    pub fn finish(self) -> io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}
