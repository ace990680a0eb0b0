//! Stage 3: turn a parsed article into a record, resolving who and what it
//! names.
//!
//! Each paragraph (captions included; the headline is not one) is tokenized
//! and tagged against the lexicon once ([`para`]). Then, in this order:
//! [`names`] finds name candidates and [`people`] decides which are people,
//! reading titles, roles and stated countries with [`grammar`] (and
//! [`roles`] for one role phrase) and linking
//! short mentions by each name's culture; [`orgs`] finds organizations (with
//! [`affiliation`]: whose role names them, for their country); [`countries`]
//! settles the country of people still without one, strongest evidence
//! first; [`places`] (skipping words that belong to names) and [`events`]
//! (the lede's date and place). No step reaches back to an earlier one. Must
//! not look at raw bytes or layout: that is `read` and `parse`.

pub mod affiliation;
pub mod countries;
pub mod events;
pub mod explain;
pub mod grammar;
pub mod names;
pub mod orgs;
pub mod para;
pub mod people;
pub mod places;
pub mod roles;

use chrono::NaiveDate;

use crate::lexicon::Lexicon;
use crate::model::{ParagraphKind, Record};
use crate::parse::Parsed;
use crate::read::Text;
pub use explain::Explanation;
use para::{Para, Tokens};

/// Build the record from the decoded text and what the parser found.
pub fn normalize(text: Text, parsed: Parsed, lex: &Lexicon) -> Record {
    build(text, parsed, lex, false).0
}

/// [`normalize`], and how each person's facts were found.
pub fn normalize_explained(text: Text, parsed: Parsed, lex: &Lexicon) -> (Record, Explanation) {
    build(text, parsed, lex, true)
}

/// The record, and with `explain` the evidence for each person's facts
/// (else that part of the explanation is empty: only `dateline explain`
/// reads it, and it copies a mention per fact).
fn build(text: Text, parsed: Parsed, lex: &Lexicon, explain: bool) -> (Record, Explanation) {
    let mut warnings = text.warnings;
    warnings.extend(parsed.warnings);
    let mut folds = crate::text::Folds::default();
    let texts = parsed
        .paragraphs
        .iter()
        .map(|p| (p.index, p.text.as_str()))
        .collect();
    let tokens = Tokens::new(texts, &mut folds, lex);
    let paras: Vec<Para<'_, '_>> = tokens.paras();
    let mut found = people::resolve(&paras, lex, &mut warnings, explain);
    // Where the article is set: its dateline's place, else its outlet's
    // country (`(KPL)`, `MPS -`, a `VNA` sign-off), else, for bodies only,
    // the country most of its place mentions are in.
    let host = parsed
        .dateline
        .as_ref()
        .and_then(|d| d.place.as_deref())
        .and_then(crate::lexicon::place)
        .and_then(|p| p.country);
    let outlet = parsed
        .dateline
        .as_ref()
        .and_then(|d| d.agency.as_deref())
        .or(parsed.signoff.as_deref())
        .and_then(|a| a.split('/').find_map(crate::lexicon::agency))
        .and_then(|a| a.country);
    let dateline_place = parsed.dateline.as_ref().and_then(|d| d.place.as_deref());
    let places = places::resolve(&paras, &found.claimed, dateline_place);
    let home = host
        .or(outlet)
        .or_else(|| places::dominant_country(&places));
    // Organizations take a leader's country (`the MoPS` of a Vietnamese
    // minister), as far as any evidence gives it; people's own countries are
    // settled strongest evidence first: a delegation's country before the
    // name's culture.
    // The provisional countries are set on the people themselves and taken
    // back after: they only ever fill a country that is unset.
    let unset: Vec<(usize, Option<String>)> = found
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.country.is_none())
        .map(|(n, p)| (n, p.country_source.clone()))
        .collect();
    countries::from_hosting(&paras, &mut found.people, host);
    countries::from_names(&mut found.people, &found.cultures, host, lex);
    let organizations = orgs::resolve(&paras, lex, &found.people, &found.claimed, home);
    for (n, source) in unset {
        found.people[n].country = None;
        found.people[n].country_source = source;
    }
    let mut places = places;
    places::outside_organizations(&mut places, &organizations);
    countries::from_delegations(&paras, &mut found.people, &organizations);
    countries::from_hosting(&paras, &mut found.people, host);
    countries::from_names(&mut found.people, &found.cultures, host, lex);
    let bodies: Vec<usize> = parsed
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body)
        .map(|p| p.index)
        .collect();
    let published = parsed
        .published
        .as_ref()
        .and_then(|p| p.date.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let ledes: Vec<events::Lede<'_, '_, '_>> = bodies
        .iter()
        .take(2)
        .map(|&i| events::Lede {
            para: &paras[i],
            claimed: paras[i].mine(&found.claimed),
        })
        .collect();
    let dateline = parsed.dateline.as_ref().map(|d| (d, parsed.dateline_date));
    let events = events::resolve(&ledes, published, dateline);
    drop(ledes);
    let lede_index = bodies.first().copied();
    let people = found.people;
    drop(paras);
    let explanation = Explanation {
        cultures: found.cultures,
        evidence: found.evidence,
    };
    let record = Record {
        id: text.id,
        source: text.source,
        title: parsed.title,
        published: parsed.published,
        dateline: parsed.dateline,
        lede: lede_index.map(|i| parsed.paragraphs[i].text.clone()),
        signoff: parsed.signoff,
        trailer: parsed.trailer,
        paragraphs: parsed.paragraphs,
        people,
        organizations,
        places,
        events,
        warnings: warnings.iter().map(ToString::to_string).collect(),
    };
    (record, explanation)
}
