//! CSV tables (RFC 4180, UTF-8, header row), one row per article, paragraph,
//! person, mention, organization or place. Ids join across tables:
//! `article_id` is the record's `id`; entity ids are the records' ids.

use std::borrow::Cow;
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

/// How cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cells {
    /// Exactly the record's text: what pandas, DuckDB and scripts want.
    #[default]
    Faithful,
    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
    /// advises for files opened in Excel or LibreOffice.
    SpreadsheetSafe,
}

impl Cells {
    fn cell(self, s: &str) -> Cow<'_, str> {
        let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if self == Cells::SpreadsheetSafe && formula {
            Cow::Owned(format!("'{s}"))
        } else {
            Cow::Borrowed(s)
        }
    }
}

/// Bytes that make a field quoted: the delimiter, the quote, line breaks
/// (RFC 4180; what the `csv` crate's default writer quotes).
fn needs_quotes(field: &[u8]) -> bool {
    // Long fields (paragraphs) with memchr; short ones, nearly all, byte by
    // byte: memchr's set-up costs more than their bytes.
    if field.len() >= 64 {
        return memchr::memchr3(b',', b'"', b'\n', field).is_some()
            || memchr::memchr(b'\r', field).is_some();
    }
    field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// Append one field: as it is, or quoted with its quotes doubled.
fn push_field(buf: &mut Vec<u8>, field: &[u8]) {
    if !needs_quotes(field) {
        buf.extend_from_slice(field);
        return;
    }
    buf.push(b'"');
    for part in field.split_inclusive(|&b| b == b'"') {
        buf.extend_from_slice(part);
        if part.last() == Some(&b'"') {
            buf.push(b'"');
        }
    }
    buf.push(b'"');
}

/// Append one row: fields written as `cells` says, a comma between, a
/// newline after.
fn push_row<'a>(buf: &mut Vec<u8>, row: impl IntoIterator<Item = &'a str>, cells: Cells) {
    for (k, c) in row.into_iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        push_field(buf, cells.cell(c).as_bytes());
    }
    buf.push(b'\n');
}

/// One table's output. Rows arrive rendered and are gathered in a buffer,
/// written out 64 KiB at a time.
struct Sheet<W: Write> {
    out: W,
    buf: Vec<u8>,
}

impl<W: Write> Sheet<W> {
    const FLUSH_AT: usize = 64 * 1024;

    fn new(out: W, header: &[&str]) -> Self {
        let mut buf = Vec::with_capacity(Self::FLUSH_AT + 8 * 1024);
        push_row(&mut buf, header.iter().copied(), Cells::Faithful);
        Sheet { out, buf }
    }

    /// Add rendered rows.
    fn append(&mut self, rows: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(rows);
        if self.buf.len() >= Self::FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
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

/// Where each table's rows end in a record's rendered rows (see
/// [`rows`]).
pub type Ends = [usize; TABLES.len()];

/// Append one record's rows for every table to `buf`, table after table
/// in [`TABLES`] order, and say where in `buf` each table's rows end. Needs no
/// writer, so a worker thread can render while the tables are written.
pub fn rows(r: &Record, cells: Cells, buf: &mut Vec<u8>) -> Ends {
    let mut ends = [0; TABLES.len()];
    push_row(buf, article_row(r).iter().map(String::as_str), cells);
    ends[0] = buf.len();
    let mut index = itoa::Buffer::new();
    for p in &r.paragraphs {
        let kind = match p.kind {
            ParagraphKind::Body => "body",
            ParagraphKind::Caption => "caption",
        };
        let row = [r.id.as_str(), index.format(p.index), kind, &p.text];
        push_row(buf, row, cells);
    }
    ends[1] = buf.len();
    for p in &r.people {
        let row = [
            r.id.as_str(),
            &p.id,
            &p.name,
            opt(&p.family_name),
            opt(&p.given_name),
            &p.titles.join("; "),
            &p.roles.join("; "),
            opt(&p.country),
            opt(&p.country_source),
            index.format(p.mentions.len()),
        ];
        push_row(buf, row, cells);
    }
    ends[2] = buf.len();
    // Numbers formatted on the stack: a mention row is the commonest
    // row, and three strings each added up.
    let (mut paragraph, mut start, mut end) = (
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
    );
    let mut mention_rows = |buf: &mut Vec<u8>, kind: &str, id: &str, ms: &[Mention]| {
        for m in ms {
            let row = [
                r.id.as_str(),
                kind,
                id,
                paragraph.format(m.paragraph),
                start.format(m.start),
                end.format(m.end),
                &m.text,
            ];
            push_row(buf, row, cells);
        }
    };
    for p in &r.people {
        mention_rows(buf, "person", &p.id, &p.mentions);
    }
    for o in &r.organizations {
        mention_rows(buf, "organization", &o.id, &o.mentions);
    }
    for p in &r.places {
        mention_rows(buf, "place", &p.id, &p.mentions);
    }
    ends[3] = buf.len();
    for o in &r.organizations {
        let row = [
            r.id.as_str(),
            &o.id,
            &o.name,
            opt(&o.acronym),
            opt(&o.country),
            index.format(o.mentions.len()),
        ];
        push_row(buf, row, cells);
    }
    ends[4] = buf.len();
    for p in &r.places {
        let row = [
            r.id.as_str(),
            &p.id,
            &p.name,
            p.kind.as_str(),
            opt(&p.country),
            index.format(p.mentions.len()),
        ];
        push_row(buf, row, cells);
    }
    ends[5] = buf.len();
    ends
}

/// Append a record's articles-table row to `buf`.
pub fn article(r: &Record, cells: Cells, buf: &mut Vec<u8>) {
    push_row(buf, article_row(r).iter().map(String::as_str), cells);
}

/// Writers for all six tables.
pub struct Tables<W: Write> {
    sheets: Vec<Sheet<W>>,
    cells: Cells,
    scratch: Vec<u8>,
}

impl<W: Write> Tables<W> {
    /// Start the six tables on `outs` (in [`TABLES`] order) with their headers.
    pub fn new(outs: Vec<W>, cells: Cells) -> io::Result<Self> {
        assert_eq!(outs.len(), TABLES.len(), "one writer per table");
        let sheets = outs
            .into_iter()
            .zip(&TABLES)
            .map(|(out, table)| Sheet::new(out, table.header))
            .collect();
        Ok(Tables {
            sheets,
            cells,
            scratch: Vec::new(),
        })
    }

    /// The cell style the tables are written in.
    pub fn cells(&self) -> Cells {
        self.cells
    }

    /// Add one record's rows to every table.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.scratch);
        buf.clear();
        let ends = rows(r, self.cells, &mut buf);
        let written = self.write_rendered(&buf, &ends);
        self.scratch = buf;
        written
    }

    /// Add rows [`rows`] made: `rows` with the `ends` it said.
    pub fn write_rendered(&mut self, rows: &[u8], ends: &Ends) -> io::Result<()> {
        let mut start = 0;
        for (sheet, &end) in self.sheets.iter_mut().zip(ends) {
            sheet.append(&rows[start..end])?;
            start = end;
        }
        Ok(())
    }

    /// Flush every table and hand the outputs back.
    pub fn finish(self) -> io::Result<Vec<W>> {
        self.sheets.into_iter().map(Sheet::finish).collect()
    }
}

/// The articles table alone, for `-f csv` on stdout.
pub struct ArticlesCsv<W: Write> {
    sheet: Sheet<W>,
}

impl<W: Write> ArticlesCsv<W> {
    /// Start the table with its header.
    pub fn new(out: W) -> io::Result<Self> {
        Ok(ArticlesCsv {
            sheet: Sheet::new(out, TABLES[0].header),
        })
    }

    /// Add a row [`article`] made.
    pub fn write_rendered(&mut self, row: &[u8]) -> io::Result<()> {
        self.sheet.append(row)
    }

    /// Flush and hand the output back.
    pub fn finish(self) -> io::Result<W> {
        self.sheet.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, convert_bytes, read::Input};

    fn tables(r: &Record, cells: Cells) -> Vec<String> {
        let mut t = Tables::new(vec![Vec::new(); TABLES.len()], cells).unwrap();
        t.write(r).unwrap();
        let outs = t.finish().unwrap();
        outs.into_iter()
            .map(|o| String::from_utf8(o).unwrap())
            .collect()
    }

    proptest::proptest! {
        /// Rows are byte for byte what the `csv` crate's writer makes of
        /// them, and read back to the same fields.
        #[test]
        fn rows_are_what_the_csv_crate_writes(
            fields in proptest::collection::vec("[a,\"\n\r é]{0,6}", 1..5)
        ) {
            // The crate quotes a row that is one empty field; no table has
            // one (every table has four columns or more).
            proptest::prop_assume!(fields != [""]);
            let mut ours = Sheet::new(Vec::new(), &["h"]);
            let mut row = Vec::new();
            push_row(&mut row, fields.iter().map(String::as_str), Cells::Faithful);
            ours.append(&row).unwrap();
            let ours = ours.finish().unwrap();
            let mut theirs = ::csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            theirs.write_record(["h"]).unwrap();
            theirs.write_record(&fields).unwrap();
            let theirs = theirs.into_inner().unwrap();
            proptest::prop_assert_eq!(&ours, &theirs);
            let mut back = ::csv::ReaderBuilder::new().flexible(true).from_reader(&ours[..]);
            let row: Vec<String> = back.records().next().unwrap().unwrap().iter().map(String::from).collect();
            proptest::prop_assert_eq!(row, fields);
        }
    }

    /// A cell a spreadsheet would evaluate is kept verbatim by default and
    /// defused with a leading quote under `Cells::SpreadsheetSafe`.
    #[test]
    fn formula_cells_are_quoted_only_when_asked() {
        let text = "@Lede paragraph.\n\n-1 and +2 said.\n";
        let mut r =
            convert_bytes(&Input::file("f.txt"), text.as_bytes(), &Options::default()).unwrap();
        r.title = Some("=HYPERLINK(\"http://x\")".into());
        r.published = Some(crate::model::Published {
            date: None,
            time: None,
            weekday: None,
            timezone: "-05:00".into(),
            raw: String::new(),
        });
        let faithful = tables(&r, Cells::Faithful);
        assert!(
            faithful[0].contains(",\"=HYPERLINK(\"\"http://x\"\")\","),
            "{}",
            faithful[0]
        );
        assert!(
            faithful[1].contains(",body,@Lede paragraph."),
            "{}",
            faithful[1]
        );
        assert!(
            faithful[1].contains(",body,-1 and +2 said."),
            "{}",
            faithful[1]
        );
        let safe = tables(&r, Cells::SpreadsheetSafe);
        assert!(
            safe[0].contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
            "{}",
            safe[0]
        );
        assert!(safe[1].contains(",body,'@Lede paragraph."), "{}", safe[1]);
        assert!(safe[1].contains(",body,'-1 and +2 said."), "{}", safe[1]);
        assert!(safe[0].contains(",'-05:00,"), "{}", safe[0]);
        // Only the first character counts; headers and plain cells are untouched.
        assert!(
            safe[1].starts_with("article_id,index,kind,text\nf,"),
            "{}",
            safe[1]
        );
    }
}
