//! The index page's data: a row per article, and the people across them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::golden::safe_stem;
use dateline::model::Record;

/// One row of the index's articles table.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEntry {
    /// The record id.
    pub id: String,
    /// Link to its page.
    pub href: String,
    /// Publication date, if any.
    pub date: Option<String>,
    /// Title, or the first words of the lede.
    pub title: String,
    /// Number of people.
    pub people: usize,
    /// Number of warnings.
    pub warnings: usize,
}

/// A person across articles, for the index.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonEntry {
    /// Name as first seen.
    pub name: String,
    /// Titles and roles seen anywhere, first-seen order.
    pub seen: Vec<String>,
    /// Country, when known.
    pub country: Option<String>,
    /// Articles they appear in.
    pub articles: Vec<ArticleLink>,
}

/// A link to an article page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleLink {
    /// The record id.
    pub id: String,
    /// Link to its page.
    pub href: String,
}

/// What the index needs, gathered article by article (records are not kept).
#[derive(Debug, Default)]
pub struct Index {
    pub(super) articles: Vec<ArticleEntry>,
    pub(super) people: BTreeMap<String, PersonEntry>,
}

/// File name of an article's page, inside `articles/`.
pub fn page_name(id: &str) -> String {
    format!("{}.html", safe_stem(id))
}

impl Index {
    /// Add an article's row and its people.
    pub fn add(&mut self, record: &Record) {
        let href = format!("articles/{}", page_name(&record.id));
        let title = record.title.clone().unwrap_or_else(|| {
            let lede = record.lede.as_deref().unwrap_or(&record.id);
            let words: Vec<&str> = lede.split_whitespace().take(12).collect();
            format!("{}…", words.join(" "))
        });
        self.articles.push(ArticleEntry {
            id: record.id.clone(),
            href: href.clone(),
            date: record.published.as_ref().and_then(|p| p.date.clone()),
            title,
            people: record.people.len(),
            warnings: record.warnings.len(),
        });
        for p in &record.people {
            let entry = self.people.entry(p.id.clone()).or_default();
            if entry.name.is_empty() {
                entry.name = p.name.clone();
            }
            for s in p.titles.iter().chain(&p.roles) {
                if !entry.seen.contains(s) {
                    entry.seen.push(s.clone());
                }
            }
            if entry.country.is_none() {
                entry.country = p.country.clone();
            }
            entry.articles.push(ArticleLink {
                id: record.id.clone(),
                href: href.clone(),
            });
        }
    }
}
