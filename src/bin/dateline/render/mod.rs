//! `dateline render`: self-contained HTML pages to look at what was
//! extracted — one page per article with every mention highlighted, and an
//! index of articles and of people across them.
//!
//! HTML comes only from the minijinja templates beside this file (autoescaped:
//! article text can never become markup); this module only prepares data:
//! the paragraph text cut into plain pieces and mention open/close markers.

use minijinja::{Environment, context};
use serde::Serialize;

use dateline::model::{Mention, Record};

mod index;

pub use index::{Index, page_name};

const CSS: &str = include_str!("base.css");

/// An open marker: a mention starts here.
#[derive(Debug, Serialize)]
struct Open {
    kind: &'static str,
    entity: String,
    id: usize,
    lightness: u32,
}

/// A close marker: a mention ends here; its label and tooltip.
#[derive(Debug, Serialize)]
struct Close {
    label: &'static str,
    tip: String,
}

/// A piece of a paragraph: plain text, or a mention boundary.
#[derive(Debug, Default, Serialize)]
struct Piece {
    text: Option<String>,
    open: Option<Open>,
    close: Option<Close>,
}

#[derive(Debug, Serialize)]
struct ParagraphView {
    kind: &'static str,
    image_alt: Option<String>,
    pieces: Vec<Piece>,
}

/// A mention to highlight: its place and what to show about its entity.
struct Mark<'a> {
    mention: &'a Mention,
    kind: &'static str,
    label: &'static str,
    entity: String,
    lightness: u32,
    tip: String,
}

fn marks(record: &Record) -> Vec<Mark<'_>> {
    fn add<'r>(
        out: &mut Vec<Mark<'r>>,
        (kind, label, prefix): (&'static str, &'static str, char),
        i: usize,
        tip: String,
        mentions: &'r [Mention],
    ) {
        for m in mentions {
            out.push(Mark {
                mention: m,
                kind,
                label,
                entity: format!("{prefix}{i}"),
                lightness: 72 + (i as u32 * 7) % 20,
                tip: tip.clone(),
            });
        }
    }
    let mut out = Vec::new();
    let country = |c: &Option<String>| c.clone().unwrap_or_else(|| "country unknown".into());
    for (i, p) in record.people.iter().enumerate() {
        let mut tip = p.name.clone();
        for part in [p.titles.join(", "), p.roles.join("; "), country(&p.country)] {
            if !part.is_empty() {
                tip.push_str(&format!(" — {part}"));
            }
        }
        add(&mut out, ("person", "P", 'p'), i, tip, &p.mentions);
    }
    for (i, o) in record.organizations.iter().enumerate() {
        let acronym = o
            .acronym
            .as_ref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        let tip = format!("{}{acronym} — {}", o.name, country(&o.country));
        add(&mut out, ("org", "O", 'o'), i, tip, &o.mentions);
    }
    for (i, p) in record.places.iter().enumerate() {
        let within = p
            .country
            .as_ref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        let tip = format!("{} — {}{within}", p.name, p.kind);
        add(&mut out, ("place", "L", 'l'), i, tip, &p.mentions);
    }
    out
}

/// Cut a paragraph into text pieces and mention markers. Mentions nest when
/// one contains another (a place inside an organization's name); one that
/// only partly overlaps an open mention is left plain (never seen so far).
fn pieces(text: &str, mut marks: Vec<&Mark<'_>>, next_id: &mut usize) -> Vec<Piece> {
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |c: usize| bytes_at[c.min(bytes_at.len() - 1)];
    marks.sort_by_key(|m| (m.mention.start, std::cmp::Reverse(m.mention.end)));
    let mut out = Vec::new();
    let mut open: Vec<&Mark<'_>> = Vec::new();
    let mut at = 0usize; // char offset written so far
    let text_piece = |from: usize, to: usize, out: &mut Vec<Piece>| {
        if to > from {
            out.push(Piece {
                text: Some(text[byte(from)..byte(to)].to_string()),
                ..Piece::default()
            });
        }
    };
    let close = |m: &Mark<'_>, out: &mut Vec<Piece>| {
        out.push(Piece {
            close: Some(Close {
                label: m.label,
                tip: m.tip.clone(),
            }),
            ..Piece::default()
        });
    };
    for m in marks {
        // Close what ends before this mention starts.
        while let Some(top) = open.last() {
            if top.mention.end <= m.mention.start {
                text_piece(at, top.mention.end, &mut out);
                at = top.mention.end;
                close(top, &mut out);
                open.pop();
            } else {
                break;
            }
        }
        if open
            .last()
            .is_some_and(|top| m.mention.end > top.mention.end)
        {
            continue;
        }
        text_piece(at, m.mention.start, &mut out);
        at = m.mention.start;
        out.push(Piece {
            open: Some(Open {
                kind: m.kind,
                entity: m.entity.clone(),
                id: *next_id,
                lightness: m.lightness,
            }),
            ..Piece::default()
        });
        *next_id += 1;
        open.push(m);
    }
    while let Some(top) = open.pop() {
        text_piece(at, top.mention.end, &mut out);
        at = top.mention.end;
        close(top, &mut out);
    }
    text_piece(at, text.chars().count(), &mut out);
    out
}

/// Renders pages from the embedded templates.
pub struct Renderer {
    env: Environment<'static>,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Renderer")
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Load the templates (autoescaped as HTML; the stylesheet, ours, is
    /// passed as safe).
    pub fn new() -> Self {
        let mut env = Environment::new();
        env.add_template("article.html", include_str!("article.html"))
            .expect("article template parses");
        env.add_template("index.html", include_str!("index.html"))
            .expect("index template parses");
        Renderer { env }
    }

    /// An article's page.
    pub fn article(&self, record: &Record) -> Result<String, minijinja::Error> {
        let all = marks(record);
        let mut next_id = 0;
        let paragraphs: Vec<ParagraphView> = record
            .paragraphs
            .iter()
            .map(|p| ParagraphView {
                kind: match p.kind {
                    dateline::model::ParagraphKind::Body => "body",
                    dateline::model::ParagraphKind::Caption => "caption",
                },
                image_alt: p.image_alt.clone(),
                pieces: pieces(
                    &p.text,
                    all.iter()
                        .filter(|m| m.mention.paragraph == p.index)
                        .collect(),
                    &mut next_id,
                ),
            })
            .collect();
        self.env.get_template("article.html")?.render(context! {
            record => record,
            paragraphs => paragraphs,
            css => minijinja::Value::from_safe_string(CSS.to_string()),
            index_href => "../index.html",
        })
    }

    /// The index of articles and people.
    pub fn index(&self, index: &Index) -> Result<String, minijinja::Error> {
        let mut people: Vec<&index::PersonEntry> = index.people.values().collect();
        people.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then(a.name.cmp(&b.name))
        });
        self.env.get_template("index.html")?.render(context! {
            articles => index.articles,
            people => people,
            css => minijinja::Value::from_safe_string(CSS.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::read::Input;
    use dateline::{Options, convert_bytes};

    fn record(text: &str) -> Record {
        convert_bytes(
            &Input::file("r/x.txt"),
            text.as_bytes(),
            &Options::default(),
        )
        .unwrap()
    }

    #[test]
    fn text_is_escaped_and_every_mention_is_marked() {
        let r = record(
            " date 2023-01-02 Minister To Lam met <script>alert(1)</script> & Lao Minister Vilay Lakhamphong in Hanoi./.\n\nLam said so.",
        );
        let html = Renderer::new().article(&r).unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; Lao"),
            "{html}"
        );
        let mentions: usize = r.people.iter().map(|p| p.mentions.len()).sum::<usize>()
            + r.organizations
                .iter()
                .map(|o| o.mentions.len())
                .sum::<usize>()
            + r.places.iter().map(|p| p.mentions.len()).sum::<usize>();
        assert_eq!(html.matches("data-m=").count(), mentions);
        assert!(html.contains(r#"data-entity="p0""#));
    }

    /// The stylesheet is ours and goes in verbatim: escaped, `>` and `/`
    /// broke the tooltip and font rules and the browser dropped them.
    #[test]
    fn the_stylesheet_is_not_escaped() {
        let r = record(" date 2023-01-02 Minister To Lam spoke in Hanoi./.");
        let renderer = Renderer::new();
        for html in [
            renderer.article(&r).unwrap(),
            renderer
                .index(&{
                    let mut index = Index::default();
                    index.add(&r);
                    index
                })
                .unwrap(),
        ] {
            assert!(html.contains("mark:hover > .tip"), "{html}");
            assert!(html.contains("font: 16px/1.55 Georgia"), "{html}");
        }
    }

    #[test]
    fn nested_mentions_stay_nested() {
        let r = record(
            " date 2023-01-02 General Secretary Nguyen Phu Trong visited the Ministry of Public Security of Vietnam and the Vietnam People's Army./.",
        );
        let html = Renderer::new().article(&r).unwrap();
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        let mentions: usize = r
            .organizations
            .iter()
            .map(|o| o.mentions.len())
            .sum::<usize>()
            + r.places.iter().map(|p| p.mentions.len()).sum::<usize>()
            + r.people.iter().map(|p| p.mentions.len()).sum::<usize>();
        assert!(r.places.iter().any(|p| p.name == "Vietnam"));
        assert_eq!(html.matches("data-m=").count(), mentions);
    }
}
