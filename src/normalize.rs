//! Stage 3: turn a parsed article into a record.
//!
//! Owns the record's assembly. People, organizations, places and events are
//! resolved here (see the issue "Resolve people, titles, roles…"); until
//! then they are empty lists.

use crate::model::Record;
use crate::parse::Parsed;
use crate::read::Text;

/// Build the record from the decoded text and what the parser found.
pub fn normalize(text: Text, parsed: Parsed) -> Record {
    let lede = parsed
        .paragraphs
        .iter()
        .find(|p| p.kind == crate::model::ParagraphKind::Body)
        .map(|p| p.text.clone());
    let mut warnings = text.warnings;
    warnings.extend(parsed.warnings);
    Record {
        id: text.id,
        source: text.source,
        title: parsed.title,
        published: parsed.published,
        dateline: parsed.dateline,
        lede,
        signoff: parsed.signoff,
        trailer: parsed.trailer,
        paragraphs: parsed.paragraphs,
        people: Vec::new(),
        organizations: Vec::new(),
        places: Vec::new(),
        events: Vec::new(),
        warnings,
    }
}
