//! Line-level recognizers for the body: format B image markers, format A
//! photo captions, agency sign-offs and trailer lines (author, `Source:`,
//! `According to …`, initials, bare outlet names).
//!
//! These look at one line or one paragraph; `parse/mod.rs` decides where in
//! the article they apply.

use crate::lexicon;

/// Format B's image line `<headline>  -0` (one or more spaces before `-0`).
/// Returns the alt text (possibly empty).
pub fn image_marker(line: &str) -> Option<&str> {
    let line = line.trim_end();
    let alt = line.strip_suffix("-0")?;
    if alt.is_empty() {
        return Some("");
    }
    alt.ends_with(char::is_whitespace).then(|| alt.trim())
}

/// Words that open a photo credit in parentheses at a caption's end:
/// `(Photo: VNA)`, `(Ảnh: TTXVN)`, `(File photo)`.
const PHOTO_CREDITS: &[&str] = &["anh", "file photo", "illustrative photo", "photo"];

/// A caption is short and ends with a photo credit: in parentheses
/// (`(Photo: VNA)`, `(Xinhua/Liu Weibing)`) or after the last sentence
/// (`… Mr. Vu Van Binh. Photo: Tuoi Tre`).
pub fn is_format_a_caption(text: &str) -> bool {
    let text = text.trim_end();
    let is_credit = |credit: &str| {
        let folded = crate::text::fold(credit);
        PHOTO_CREDITS
            .iter()
            .any(|p| folded.trim_start().starts_with(p))
    };
    let short = || crate::text::count_words(text, 81) <= 80;
    // `PHOTO: MINISTRY OF FOREIGN AFFAIRS, SINGAPORE` on a line of its own
    // under the caption it credits.
    if let Some((_, credit)) = text.rsplit_once('\n')
        && is_credit_line(credit)
    {
        return short();
    }
    if let Some(inner) = text.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        let credit = &inner[open + 1..];
        let agency = credit
            .split_once('/')
            .is_some_and(|(a, _)| lexicon::agency(a).is_some());
        return (is_credit(credit) || agency) && short();
    }
    // `Photo: Tuoi Tre` closing the last sentence: a short tail with a colon
    // (looked for in the last 100 bytes only).
    let mut from = text.len().saturating_sub(100);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let last = &text[from..];
    // The tail must hold the colon: most paragraphs end without one.
    if !last.contains(':') {
        return false;
    }
    let end = last
        .as_bytes()
        .windows(2)
        .rposition(|w| w[0] == b'.' && w[1].is_ascii_whitespace());
    end.is_some_and(|end| {
        let tail = last[end + 1..].trim_start();
        tail.len() <= 80
            && tail.contains(':')
            && crate::text::count_words(tail, 7) <= 6
            && is_credit(tail)
            && short()
    })
}

/// A credit line: a credit word, a colon, and at most six words of source
/// (`Photo: VNA`, `PHOTO: MINISTRY OF FOREIGN AFFAIRS, SINGAPORE`).
fn is_credit_line(line: &str) -> bool {
    let Some((label, source)) = line.trim().split_once(':') else {
        return false;
    };
    let label = crate::text::fold(label);
    PHOTO_CREDITS.contains(&label.trim())
        && !source.trim().is_empty()
        && crate::text::count_words(source, 7) <= 6
}

/// A short paragraph that describes a photo, with no image line or credit to
/// say so. The cues are `caption_cues.tsv`: a position note (`(R)`), an
/// opener (`Overview of the meeting.`), a present-tense verb after a subject
/// in capitals (`Deputy Minister Le Quoc Hung speaks at the meeting.`), or a
/// bare name or role line (`Deputy Prime Minister Nguyen Chi Dung`).
pub fn is_bare_caption(text: &str) -> bool {
    use lexicon::CaptionCue;
    let text = text.trim();
    // Most paragraphs are longer than any caption, or plain sentences: the
    // cheap tests (byte searches) come first, words are read last.
    if text.len() > 300 {
        return false;
    }
    let words = || text.split_whitespace();
    let capitalized = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c == '(');
    // Every rule wants a paragraph that opens with a capital.
    let Some(lead) = words().next().filter(|w| capitalized(w)) else {
        return false;
    };
    let parens = text.contains('(');
    let opener_word = lexicon::is_caption_opener_word(lead);
    let one_sentence = !text.trim_end_matches(['.', ' ']).contains(". ");
    if !parens && !opener_word && !one_sentence {
        return false;
    }
    if text.contains('"') || text.contains('“') || text.contains('”') {
        return false;
    }
    let sentence_end = text.ends_with(['.', '!', '?', ':', ';', ',']);
    let n = crate::text::count_words(text, 41);
    if n > 40 {
        return false;
    }
    if parens && has_position_note(text) {
        return true;
    }
    let opener = opener_word && {
        let first: Vec<&str> = words().take(3).collect();
        (1..=first.len()).any(|k| {
            let head = first[..k].join(" ").to_lowercase();
            lexicon::caption_cue(&head) == Some(CaptionCue::Opener)
        })
    };
    if opener && n <= 12 {
        return true;
    }
    // Short lowercase words join a subject in capitals: `of`, `the`, `and`.
    let connector = |w: &str| w.len() <= 3 && w.chars().all(char::is_lowercase);
    if n <= 30 && one_sentence {
        // After an opener, the subject starts at the next capital:
        // `At the ceremony Secretary … Nguyen Van Nen receives …`.
        let skip = if opener {
            words().position(|w| capitalized(w) && !w.eq_ignore_ascii_case(lead))
        } else {
            None
        };
        let mut subject = 0;
        for w in words().skip(skip.unwrap_or(0)).take(16) {
            if subject >= 2 && lexicon::caption_cue(w) == Some(CaptionCue::Verb) {
                return true;
            }
            if capitalized(w) {
                subject += 1;
            } else if !connector(w) {
                break;
            }
        }
    }
    n <= 10
        && !sentence_end
        && !text.contains(':')
        && words().all(|w| capitalized(w) || connector(w))
}

/// A position note in parentheses: `(R)`, `(L)`, `(second from left)`.
fn has_position_note(text: &str) -> bool {
    text.split('(').skip(1).any(|rest| {
        rest.split_once(')').is_some_and(|(inner, _)| {
            let mut words = inner
                .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
                .filter(|w| !w.is_empty())
                .peekable();
            words.peek().is_some()
                && words.all(|w| {
                    lexicon::caption_cue(&w.to_lowercase()) == Some(lexicon::CaptionCue::Position)
                })
        })
    })
}

const DASHES: &[char] = &['-', '–', '—'];

/// `VNA`, `VNS`, `VNA/VNS`: every part an agency that signs off articles.
fn is_signoff_agency(s: &str) -> bool {
    !s.is_empty()
        && s.split('/')
            .all(|p| lexicon::agency(p).is_some_and(|a| a.signoff))
}

/// A sign-off at the end of `line`: `./.` (its first period stays with the
/// sentence), `/.`, ` -VNA`, `– VNS`,
/// ` — VNA/VNS`, or ` VNS` after a sentence's end. Returns the sign-off as
/// recorded (`./.`, `VNA/VNS`, …) and the byte length of `line` before it.
pub fn signoff(line: &str) -> Option<(String, usize)> {
    let body = line.trim_end();
    // `./.` shares its first period with the sentence it closes.
    if body.ends_with("./.") {
        return Some(("./.".to_string(), body.len() - 2));
    }
    if let Some(before) = body.strip_suffix("/.") {
        return Some(("/.".to_string(), before.trim_end().len()));
    }
    let token_start = body
        .rfind(|c: char| c.is_whitespace() || DASHES.contains(&c))
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &body[token_start..];
    if !is_signoff_agency(token) {
        return None;
    }
    let before = body[..token_start].trim_end();
    let (before, dashed) = match before.strip_suffix(DASHES) {
        Some(b) => (b.trim_end(), true),
        None => (before, false),
    };
    let after_sentence = before.ends_with(['.', '!', '?', '"', '”', ')']);
    (before.is_empty() || dashed || after_sentence).then(|| (token.to_string(), before.len()))
}

/// A trailer line after the body: a labelled line (`By Nguyen Hang`,
/// `Translated by …`, `Editor: …`, `Source: VNA`, `PHOTO: VNA`; the labels
/// are `trailer_labels.tsv`), initials like `TH/VNS`, or a bare outlet name.
pub fn is_trailer_line(line: &str) -> bool {
    let line = line.trim();
    if let Some((follow, colon, rest)) = lexicon::trailer_label(line) {
        let labelled = match follow {
            lexicon::TrailerFollow::Name => is_name_list(rest),
            lexicon::TrailerFollow::Text => colon && !rest.is_empty(),
            lexicon::TrailerFollow::Nothing => rest.is_empty(),
            lexicon::TrailerFollow::Date => super::header::date_line(rest).is_some(),
        };
        // `By Ngo Binh – Translated by Kim Khanh`: labelled parts joined by dashes.
        return labelled || {
            let parts = split_at_dashes(line);
            parts.len() > 1
                && parts
                    .iter()
                    .all(|p| lexicon::trailer_label(p).is_some() && is_trailer_line(p))
        };
    }
    // A reporter's e-mail address alone: `pbr@yna.co.kr`.
    if !line.contains(char::is_whitespace)
        && line
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    {
        return true;
    }
    // A bare outlet name, maybe marked: `VNA.`, `=FRESH NEWS`.
    if lexicon::agency(line.trim_start_matches('=').trim_end_matches('.')).is_some() {
        return true;
    }
    // Initials: `TH/VNS`, `N.H.`, `LTH`, `HT - VNA`.
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    line.chars().count() <= 16
        && letters >= 2
        && line
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '/' | '-' | ' ' | '–'))
}

/// Split a line at dashes that end a word: `A – B`, `A - B`, `A- B`.
fn split_at_dashes(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        let next = line[i + c.len_utf8()..].chars().next();
        if DASHES.contains(&c) && next.is_some_and(char::is_whitespace) {
            parts.push(line[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    parts.push(line[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// A short list of names: at most eight words, each capitalized (or a
/// joining `and`/`&`), commas between names allowed: `Thu Hang, Minh Anh`.
fn is_name_list(rest: &str) -> bool {
    let rest = rest.trim_end_matches(['.', ')']);
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            matches!(*w, "and" | "&")
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_markers_with_one_or_two_spaces() {
        assert_eq!(
            image_marker("Vietnam, Laos agree  -0"),
            Some("Vietnam, Laos agree")
        );
        assert_eq!(
            image_marker("Vietnam, Laos agree -0 \r"),
            Some("Vietnam, Laos agree")
        );
        assert_eq!(image_marker("Score was 2-0"), None);
        assert_eq!(image_marker("Plain line"), None);
    }

    #[test]
    fn format_a_captions_end_with_a_photo_credit() {
        assert!(is_format_a_caption(
            "Minister To Lam at the talks. (Photo: VNA)"
        ));
        assert!(is_format_a_caption(
            "Delegates pose for a photo (Ảnh: TTXVN)"
        ));
        assert!(!is_format_a_caption(
            "The Ministry of Public Security (MoPS)"
        ));
        assert!(!is_format_a_caption("He spoke at length."));
        assert!(is_format_a_caption(
            "Vice President Han Zheng meets the minister. (Xinhua/Liu Weibing)"
        ));
        assert!(is_format_a_caption(
            "Mr. Phong receives flowers from his deputy. Photo: Tuoi Tre"
        ));
        assert!(!is_format_a_caption("The talks (in Hanoi/Vientiane)"));
        assert!(is_format_a_caption(
            "The minister met the guests.\nPHOTO: MINISTRY OF FOREIGN AFFAIRS"
        ));
        // A credit line of its own, under a caption that ends in page debris.
        assert!(is_format_a_caption(
            "The minister met the guests. D\nPHOTO: MINISTRY OF FOREIGN AFFAIRS, SINGAPORE"
        ));
        assert!(!is_format_a_caption(
            "The minister met the guests.\nPhotos: they toured the plant of the company in the north"
        ));
    }

    #[test]
    fn bare_captions_by_their_cues() {
        for text in [
            "Chairman Phan Van Mai (R) receives the Japanese guest",
            "Overview of the meeting.",
            "At the receiving ceremony",
            "Deputy Minister Le Quoc Hung speaks at the meeting. ",
            "Deputy Prime Minister Nguyen Chi Dung",
            "Leaders pose for a photo (second from left, front row)",
            "At the ceremony Secretary of the Party Committee Nguyen Van Nen receives the Consul General.",
        ] {
            assert!(is_bare_caption(text), "{text}");
        }
        for text in [
            "Quang conveyed the best wishes from the minister.",
            "At the meeting, both sides agreed to boost trade and investment in the coming years as the economy recovers.",
            "Prime Minister Pham Minh Chinh said Vietnam receives many visitors. He added more.",
            "The Ministry of Public Security (MoPS) will help.",
            "Vietnam and Laos signed the plan",
            "Minister of Public Works and Transport Ngampasong Muongmany reviewed the plan.",
            "During the visit, the Lao president sent a message.",
            "Source: Lao National Television News in English",
            "He said: “Minister Lam receives guests.”",
        ] {
            assert!(!is_bare_caption(text), "{text}");
        }
    }

    #[test]
    fn signoffs_alone_or_glued() {
        let cases = [
            ("in Laos./.", "./.", "in Laos."),
            ("in Laos /.", "/.", "in Laos"),
            ("the two countries. -VNA", "VNA", "the two countries."),
            ("the two countries.-VNA", "VNA", "the two countries."),
            ("the two countries. VNS", "VNS", "the two countries."),
            (
                "the two countries — VNA/VNS",
                "VNA/VNS",
                "the two countries",
            ),
            ("the two countries – VNS", "VNS", "the two countries"),
            ("VNA", "VNA", ""),
        ];
        for (line, mark, kept) in cases {
            let (got, len) = signoff(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((got.as_str(), &line[..len]), (mark, kept), "{line}");
        }
        for line in ["worked with VNA", "the MoPS", "Hanoi (VNA)"] {
            assert_eq!(signoff(line), None, "{line}");
        }
    }

    #[test]
    fn trailer_lines() {
        for line in [
            "By Nguyen Hang",
            "Source: Vietnam News Agency",
            "According to Nhan Dan",
            "TH/VNS",
            "N.H.",
            "Vientiane Times",
            "BY THU HANG",
            "By: Minh Anh, Thu Hang",
            "Translated by Minh Anh",
            "Editor: Huong Giang",
            "PHOTO: VNA",
            "Story and photos: Hoang Long",
            "(Photo by Quang Hoa)",
            "VNA.",
            "=FRESH NEWS",
            "By Ngo Binh – Translated by Kim Khanh",
            "By staff writers- Translated by Huyen Huong",
            "(END)",
            "pbr@yna.co.kr",
            "Broadcast on March 25, 2015",
            "Updated: 2023-01-05 10:00",
            "(Web editor: Xia Peiyao, Liang Jun)",
        ] {
            assert!(is_trailer_line(line), "{line}");
        }
        for line in [
            "By the end of the year, the two sides will sign.",
            "According to the ministry, the project is on track.",
            "Quang affirmed support.",
            "Source of the data remains unclear.",
            "Editor of the volume, he said, was late.",
            "Photo exhibitions were held in Hanoi.",
            "By Ngo Binh – the minister said",
            "(End of the story)",
            "Updated on the situation in the provinces.",
            "Write to info@ministry.gov.vn for details.",
        ] {
            assert!(!is_trailer_line(line), "{line}");
        }
    }
}
