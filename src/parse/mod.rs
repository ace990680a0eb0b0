//! Stage 2: split decoded text into header, dateline, paragraphs, captions,
//! sign-off and trailer.
//!
//! Owns the article's layout. Works on byte ranges of the decoded text so
//! every paragraph keeps the `span` it came from; text is collapsed to single
//! spaces only when a paragraph is emitted. nom stays inside this module:
//! callers see [`Parsed`] or the crate's [`Error`].

mod body;
pub mod date;
mod dateline;
mod header;

use crate::error::{Error, ErrorKind, Stage};
use crate::model::{Dateline, Paragraph, ParagraphKind, Published};
use crate::read::Text;
use crate::text::{collapse, is_space};
use crate::warning::{Code, Warning};

pub use header::{DateLine, date_line};

/// What the parser knows of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The headline, if any.
    pub title: Option<String>,
    /// The header's date and time.
    pub published: Option<Published>,
    /// The dateline or outlet tag before the lede.
    pub dateline: Option<Dateline>,
    /// The date the dateline states (`VIENTIANE, Dec. 6 (VNA)`): the events
    /// stage falls back to it.
    pub dateline_date: Option<date::DateWritten>,
    /// The agency sign-off.
    pub signoff: Option<String>,
    /// Lines after the body: author, source, outlet.
    pub trailer: Vec<String>,
    /// Body paragraphs and captions in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Doubts.
    pub warnings: Vec<Warning>,
}

/// Settings the parser needs.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// UTC offset given to published times that state none.
    pub timezone: Offset,
}

/// A UTC offset as RFC 3339 writes it, `+HH:MM` or `-HH:MM`, within the
/// span real zones use (at most 14 hours either side of UTC, minutes under
/// 60). The default is the region's `+07:00`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offset(String);

impl Default for Offset {
    fn default() -> Self {
        Offset("+07:00".to_string())
    }
}

impl Offset {
    /// The offset as written, e.g. `+07:00`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Offset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Offset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let two = |i: usize| -> Option<u32> {
            let d = b.get(i..i + 2)?;
            d.iter()
                .all(u8::is_ascii_digit)
                .then(|| u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0'))
        };
        let shape = b.len() == 6 && matches!(b[0], b'+' | b'-') && b[3] == b':';
        let ok = match (shape, two(1), two(4)) {
            (true, Some(h), Some(m)) => m < 60 && h * 60 + m <= 14 * 60,
            _ => false,
        };
        ok.then(|| Offset(s.to_string())).ok_or_else(|| {
            format!("expected an offset from -14:00 to +14:00 like +07:00, got {s:?}")
        })
    }
}

/// A line's byte range, without its terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    start: usize,
    end: usize,
}

/// A paragraph in the making: a byte range plus what it is.
#[derive(Debug, Clone)]
struct Chunk {
    kind: ParagraphKind,
    lines: Vec<Line>,
    image_alt: Option<String>,
}

impl Chunk {
    fn start(&self) -> usize {
        self.lines[0].start
    }
    fn end(&self) -> usize {
        self.lines[self.lines.len() - 1].end
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Split into lines on `\r\n`, `\n` or a lone `\r`, trimmed of surrounding
/// white space (ranges shrink; nothing is copied).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\n` of a `\r\n` ends no line of its own.
        if i < start {
            continue;
        }
        out.push(trim(text, Line { start, end: i }));
        start = i + 1 + usize::from(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
    }
    out.push(trim(
        text,
        Line {
            start,
            end: bytes.len(),
        },
    ));
    out
}

fn trim(text: &str, line: Line) -> Line {
    let s = &text[line.start..line.end];
    let rest = s.trim_start_matches(is_space);
    let lead = s.len() - rest.len();
    let kept = rest.trim_end_matches(is_space).len();
    Line {
        start: line.start + lead,
        end: line.start + lead + kept,
    }
}

/// Parse an article. Fails only when there is no text at all; everything
/// doubtful becomes a warning.
pub fn parse_article(text: &Text, opts: &ParseOptions) -> Result<Parsed, Error> {
    let src = text.text.as_str();
    let mut warnings = Vec::new();
    let mut all: Vec<Line> = lines(src);
    let (title, published) = take_header(src, &mut all, opts, &mut warnings);

    let mut chunks = chunk(src, &all, &mut warnings);
    if let Some(p) = &published {
        // Pages repeat their date line inside the text (`September 26, 2018
        // 4:56 PM GMT+7`): it says nothing `published` does not.
        chunks.retain(|c| {
            c.kind != ParagraphKind::Body || !repeats_date(&src[c.start()..c.end()], p, opts)
        });
    }
    let (signoff, trailer) = take_tail(src, &mut chunks);
    drop_image_titles(src, &mut chunks, &mut warnings);
    let bodies = chunks
        .iter()
        .filter(|c| c.kind == ParagraphKind::Body)
        .count();
    for c in &mut chunks {
        let text = &src[c.start()..c.end()];
        if c.kind == ParagraphKind::Body
            && (body::is_format_a_caption(text) || (bodies > 1 && body::is_bare_caption(text)))
        {
            c.kind = ParagraphKind::Caption;
        }
    }
    drop_repeated_lede(src, &mut chunks);
    let (dateline, dateline_date) = take_dateline(src, &mut chunks).unzip();

    let paragraphs: Vec<Paragraph> = chunks
        .iter()
        .map(|c| (c, collapse(&src[c.start()..c.end()])))
        .filter(|(_, t)| !t.is_empty())
        .enumerate()
        .map(|(index, (c, text))| Paragraph {
            index,
            kind: c.kind,
            text,
            image_alt: c.image_alt.clone(),
            span: [c.start(), c.end()],
        })
        .collect();
    if !paragraphs.iter().any(|p| p.kind == ParagraphKind::Body) {
        if paragraphs.is_empty() && published.is_none() && title.is_none() {
            return Err(Error::new(
                &text.source.path,
                Stage::Parse,
                ErrorKind::Empty,
            ));
        }
        warnings.push(Warning::new(
            Code::NoBody,
            "the article has no body paragraphs",
        ));
    }
    Ok(Parsed {
        title,
        published,
        dateline,
        dateline_date: dateline_date.flatten(),
        signoff,
        trailer,
        paragraphs,
        warnings,
    })
}

/// Find and remove the header lines: format A's ` date …` prefix, a date
/// line first, or a headline followed by a date line.
fn take_header(
    src: &str,
    lines: &mut [Line],
    opts: &ParseOptions,
    warnings: &mut Vec<Warning>,
) -> (Option<String>, Option<Published>) {
    if let Some((date, raw, len)) = header::format_a_prefix(src) {
        let published = header::resolve(&date, raw, opts.timezone.as_str(), warnings);
        for l in lines.iter_mut() {
            if l.end <= len {
                l.start = l.end;
            } else {
                l.start = l.start.max(len);
            }
        }
        return (None, Some(published));
    }
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].end > lines[i].start)
        .take(2)
        .collect();
    let text_of = |i: usize| &src[lines[i].start..lines[i].end];
    let dated = |i: usize| header::date_line(text_of(i)).map(|d| (d, text_of(i)));
    // Each line is parsed once (a date line is tried in every format).
    let (title, found, last) = match nonblank.as_slice() {
        [first, rest @ ..] => match (dated(*first), rest) {
            (Some(d), _) => (None, Some(d), *first),
            (None, [second]) => match dated(*second) {
                Some(d) => (Some(collapse(text_of(*first))), Some(d), *second),
                None => (None, None, 0),
            },
            (None, _) => (None, None, 0),
        },
        [] => (None, None, 0),
    };
    match found {
        Some((date, raw)) => {
            let published =
                header::resolve(&date, &collapse(raw), opts.timezone.as_str(), warnings);
            // Blank the header lines; they separate nothing from the body.
            for l in &mut lines[..=last] {
                l.end = l.start;
            }
            (title, Some(published))
        }
        None => {
            warnings.push(Warning::new(
                Code::NoHeader,
                "no publication date line found",
            ));
            (None, None)
        }
    }
}

/// A paragraph that is only a date line for the date already published.
fn repeats_date(text: &str, published: &Published, opts: &ParseOptions) -> bool {
    // A date line is short; sentences are not tried at all.
    published.date.is_some()
        && text.len() <= 64
        && text.bytes().any(|b| b.is_ascii_digit())
        && header::date_line(text).is_some_and(|d| {
            let again = header::resolve(&d, text, opts.timezone.as_str(), &mut Vec::new());
            again.date == published.date
        })
}

/// Group lines into chunks: blank lines separate paragraphs; an image marker
/// starts a caption that runs to the end of its block (or is the next block).
fn chunk(src: &str, lines: &[Line], warnings: &mut Vec<Warning>) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    let mut pending_alt: Option<String> = None;
    for &line in lines {
        let text = &src[line.start..line.end];
        if is_blank(text) {
            chunks.extend(open.take());
            continue;
        }
        if let Some(alt) = body::image_marker(text) {
            chunks.extend(open.take());
            if pending_alt.is_some() {
                warnings.push(Warning::new(
                    Code::ImageWithoutCaption,
                    "an image marker has no caption",
                ));
            }
            pending_alt = Some(alt.to_string());
            continue;
        }
        match &mut open {
            Some(c) => c.lines.push(line),
            None => {
                let alt = pending_alt.take();
                open = Some(Chunk {
                    kind: if alt.is_some() {
                        ParagraphKind::Caption
                    } else {
                        ParagraphKind::Body
                    },
                    lines: vec![line],
                    image_alt: alt.filter(|a| !a.is_empty()),
                });
            }
        }
    }
    chunks.extend(open);
    if pending_alt.is_some() {
        warnings.push(Warning::new(
            Code::ImageWithoutCaption,
            "an image marker has no caption",
        ));
    }
    let mut out = Vec::with_capacity(chunks.len());
    for c in chunks {
        split_line_paragraphs(src, c, &mut out);
    }
    out
}

/// Lines this long on average are paragraphs of their own, not a paragraph
/// hard-wrapped over several lines.
const PARAGRAPH_LINE: usize = 150;

/// Scrapes that lost their blank lines put one paragraph per line: split a
/// block into one chunk per line when its lines are long, or when most of
/// them end a sentence (a hard-wrapped paragraph breaks mid-sentence). A
/// caption keeps its first line; the lines after it are body. The chunks go
/// to `out`.
fn split_line_paragraphs(src: &str, c: Chunk, out: &mut Vec<Chunk>) {
    let n = c.lines.len();
    let total: usize = c.lines.iter().map(|l| l.end - l.start).sum();
    let ends_sentence = c.lines[..n.saturating_sub(1)]
        .iter()
        .filter(|l| ends_sentence(&src[l.start..l.end]))
        .count();
    if n < 2 || (total / n < PARAGRAPH_LINE && 2 * ends_sentence < n) {
        out.push(c);
        return;
    }
    out.extend(c.lines.iter().enumerate().map(|(i, &line)| Chunk {
        kind: if i == 0 { c.kind } else { ParagraphKind::Body },
        lines: vec![line],
        image_alt: if i == 0 { c.image_alt.clone() } else { None },
    }));
}

/// A line that ends a sentence (or a quotation, or a parenthesis).
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '\'', '’', ')', ':'])
}

/// Peel the sign-off and trailer lines off the end of the body.
fn take_tail(src: &str, chunks: &mut Vec<Chunk>) -> (Option<String>, Vec<String>) {
    let mut signoff = None;
    let mut trailer = Vec::new();
    // Never peel the first paragraph away entirely: a one-line article whose
    // text looks like initials is still an article.
    while chunks.last().is_some_and(|c| c.kind == ParagraphKind::Body) {
        let only_line = chunks.len() == 1 && chunks[0].lines.len() == 1;
        let c = chunks.last_mut().expect("checked above");
        let line = *c.lines.last().expect("chunks are never empty");
        let text = &src[line.start..line.end];
        let whole = !only_line && signoff.is_none() && is_whole_signoff(text);
        if whole {
            signoff = body::signoff(text).map(|(s, _)| s);
        } else if !only_line && body::is_trailer_line(text) {
            trailer.insert(0, collapse(text));
        } else {
            if signoff.is_none()
                && let Some((mark, kept)) = body::signoff(text)
                && kept > 0
            {
                signoff = Some(mark);
                c.lines.last_mut().expect("non-empty").end = line.start + kept;
            }
            break;
        }
        c.lines.pop();
        if c.lines.is_empty() {
            chunks.pop();
        }
    }
    (signoff, trailer)
}

fn is_whole_signoff(line: &str) -> bool {
    body::signoff(line).is_some_and(|(_, kept)| kept == 0)
}

/// Format B repeats the lede: drop the second copy.
fn drop_repeated_lede(src: &str, chunks: &mut Vec<Chunk>) {
    let bodies: Vec<usize> = (0..chunks.len())
        .filter(|&i| chunks[i].kind == ParagraphKind::Body)
        .take(2)
        .collect();
    if let [a, b] = bodies[..] {
        let text = |i: usize| collapse(&src[chunks[i].start()..chunks[i].end()]);
        if text(a) == text(b) {
            chunks.remove(b);
        }
    }
    // A later paragraph that repeats the lede word for word is the photo
    // caption that reused it.
    if let Some(a) = (0..chunks.len()).find(|&i| chunks[i].kind == ParagraphKind::Body) {
        let raw = &src[chunks[a].start()..chunks[a].end()];
        let same_start = |t: &str| t.get(..24) == raw.get(..24);
        let mut lede = None;
        for c in chunks.iter_mut().skip(a + 2) {
            let text = &src[c.start()..c.end()];
            if c.kind == ParagraphKind::Body
                && same_start(text)
                && collapse(text) == *lede.get_or_insert_with(|| collapse(raw))
            {
                c.kind = ParagraphKind::Caption;
            }
        }
    }
}

/// Longest line, in words, read as an image's title.
const IMAGE_TITLE_WORDS: usize = 12;

/// Pages print an image's title and then its alt text, often the same words
/// (`S. Korea-ASEAN summit` twice). Two adjacent one-line paragraphs that
/// are identical and short, and do not end a sentence, are that pair: they
/// are no part of the body, and a warning keeps what was dropped. The lede
/// is never one (format B repeats it on purpose).
fn drop_image_titles(src: &str, chunks: &mut Vec<Chunk>, warnings: &mut Vec<Warning>) {
    let title = |c: &Chunk| {
        let text = &src[c.start()..c.end()];
        (c.kind == ParagraphKind::Body
            && c.lines.len() == 1
            && !ends_sentence(text)
            && crate::text::count_words(text, IMAGE_TITLE_WORDS + 1) <= IMAGE_TITLE_WORDS)
            .then(|| collapse(text))
    };
    let Some(lede) = chunks.iter().position(|c| c.kind == ParagraphKind::Body) else {
        return;
    };
    let mut i = lede + 1;
    while i + 1 < chunks.len() {
        match title(&chunks[i]) {
            Some(t) if !t.is_empty() && title(&chunks[i + 1]).as_ref() == Some(&t) => {
                warnings.push(Warning::new(
                    Code::ImageTitle,
                    format!("a repeated image title is not body text: {t}"),
                ));
                chunks.drain(i..i + 2);
            }
            _ => i += 1,
        }
    }
}

/// A dateline opens the first body paragraph, or else the second.
fn take_dateline(src: &str, chunks: &mut [Chunk]) -> Option<(Dateline, Option<date::DateWritten>)> {
    for c in chunks
        .iter_mut()
        .filter(|c| c.kind == ParagraphKind::Body)
        .take(2)
    {
        if let Some((dateline, date, len)) = dateline::dateline(&src[c.start()..c.end()]) {
            let mut start = c.start() + len;
            while c.lines[0].end <= start && c.lines.len() > 1 {
                c.lines.remove(0);
                start = start.max(c.lines[0].start);
            }
            c.lines[0].start = start.min(c.lines[0].end);
            return Some((dateline, date));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn parse(s: &str) -> Parsed {
        let text = Text {
            id: "t".into(),
            source: Source {
                path: "t.txt".into(),
                bytes: s.len() as u64,
                sha256: String::new(),
                encoding: "UTF-8".into(),
            },
            text: s.to_string(),
            warnings: vec![],
        };
        parse_article(&text, &ParseOptions::default()).unwrap()
    }

    fn texts(p: &Parsed) -> Vec<(ParagraphKind, &str)> {
        p.paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect()
    }

    use ParagraphKind::{Body, Caption};

    #[test]
    fn lines_split_on_crlf_lf_and_lone_cr() {
        let ls = lines("a\r\nb\rc\nd");
        let got: Vec<&str> = ls.iter().map(|l| &"a\r\nb\rc\nd"[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        let text = "\r\n\r\r\n x \n\n\r";
        let got: Vec<&str> = lines(text).iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(got, ["", "", "", "x", "", "", ""]);
    }

    #[test]
    fn format_a_first_paragraph_shares_the_date_line() {
        let p = parse(" date 2023-12-07 First para\u{a0}here.\n\n\n\nSecond\tpara./.");
        assert_eq!(
            p.published.as_ref().unwrap().date.as_deref(),
            Some("2023-12-07")
        );
        assert_eq!(
            texts(&p),
            [(Body, "First para here."), (Body, "Second para.")]
        );
        assert_eq!(parse("Only./.").paragraphs[0].text, "Only.");
        assert_eq!(p.signoff.as_deref(), Some("./."));
        assert_eq!(p.paragraphs[0].span, [17, 34]); // NBSP is two bytes
    }

    #[test]
    fn format_b_headline_lede_twice_and_captions() {
        let src = "Head line\r\n\r\nThứ Sáu, 28/10/2022, 08:06\r\n\r\nLede.\r\n\r\nLede.\r\n\r\nHead line  -0\r\nA caption.\r\n\r\nBody two.\r\n\r\nHead line -0\r\n\r\nSecond caption.";
        let p = parse(src);
        assert_eq!(p.title.as_deref(), Some("Head line"));
        assert_eq!(
            texts(&p),
            [
                (Body, "Lede."),
                (Caption, "A caption."),
                (Body, "Body two."),
                (Caption, "Second caption.")
            ]
        );
        assert_eq!(p.paragraphs[1].image_alt.as_deref(), Some("Head line"));
        for para in &p.paragraphs {
            assert_eq!(collapse(&src[para.span[0]..para.span[1]]), para.text);
        }
    }

    #[test]
    fn a_repeated_image_title_is_not_body() {
        let p =
            parse("28 October 2022\n\nThe lede.\n\nTalks in Seoul\n\nTalks in Seoul\n\nMore text.");
        assert_eq!(texts(&p), [(Body, "The lede."), (Body, "More text.")]);
        assert!(p.warnings.iter().any(|w| w.code == Code::ImageTitle));
        // Once, a sentence, or apart: body as written.
        for src in [
            "28 October 2022\n\nThe lede.\n\nTalks in Seoul\n\nMore text.",
            "28 October 2022\n\nThe lede.\n\nHe agreed.\n\nHe agreed.\n\nMore.",
            "28 October 2022\n\nThe lede.\n\nTalks\n\nMore.\n\nTalks",
        ] {
            let p = parse(src);
            assert!(
                p.warnings.iter().all(|w| w.code != Code::ImageTitle),
                "{src}"
            );
        }
    }

    #[test]
    fn dateline_in_first_or_second_paragraph() {
        let p = parse("28 October 2022\n\nHanoi (VNA) – The lede.\n\nMore.");
        assert_eq!(p.dateline.as_ref().unwrap().place.as_deref(), Some("Hanoi"));
        assert_eq!(texts(&p)[0], (Body, "The lede."));
        let p = parse("28 October 2022\n\nA summary line.\n\nHANOI — The lede.");
        assert_eq!(p.dateline.as_ref().unwrap().place.as_deref(), Some("HANOI"));
        assert_eq!(texts(&p)[1], (Body, "The lede."));
    }

    #[test]
    fn signoff_and_trailer_with_or_without_blank_line() {
        let p = parse(
            "28 October 2022\n\nText one.\n\nLast sentence. -VNA\nBy Nguyen Hang\n\nSource: VNA",
        );
        assert_eq!(texts(&p), [(Body, "Text one."), (Body, "Last sentence.")]);
        assert_eq!(p.signoff.as_deref(), Some("VNA"));
        assert_eq!(p.trailer, ["By Nguyen Hang", "Source: VNA"]);
        let p = parse("28 October 2022\n\nText one.\n\nLast.\n\nVNS");
        assert_eq!(p.signoff.as_deref(), Some("VNS"));
        assert_eq!(texts(&p), [(Body, "Text one."), (Body, "Last.")]);
    }

    #[test]
    fn paragraphs_one_per_line_without_blank_lines() {
        let long = |w: &str| format!("{w} {}.", "word ".repeat(40).trim_end());
        let src = format!(
            " date 2023-01-02 {}\n{}\n{}./.",
            long("One"),
            long("Two"),
            long("Three")
        );
        let p = parse(&src);
        assert_eq!(p.paragraphs.len(), 3);
        assert!(p.paragraphs[2].text.starts_with("Three"));
        // Hard-wrapped short lines stay one paragraph.
        let p =
            parse(" date 2023-01-02 A sentence that wraps\nonto a second line and\nends here./.");
        assert_eq!(p.paragraphs.len(), 1);
    }

    #[test]
    fn format_a_photo_caption() {
        let p =
            parse(" date 2023-01-02 Lede.\n\nThe ministers at the talks. (Photo: VNA)\n\nBody.");
        assert_eq!(
            texts(&p)[1],
            (Caption, "The ministers at the talks. (Photo: VNA)")
        );
    }

    #[test]
    fn no_header_warns_and_still_parses() {
        let p = parse("Just a paragraph.\n\nAnother one.");
        assert_eq!(p.published, None);
        assert!(p.warnings.iter().any(|w| w.code == Code::NoHeader));
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn header_only_is_a_record_with_a_warning() {
        let p = parse("Headline\n\nThứ Sáu, 28/10/2022, 08:06\n");
        assert!(p.paragraphs.is_empty());
        assert!(p.warnings.iter().any(|w| w.code == Code::NoBody));
    }
}
