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

/// A caption is short and ends with a photo credit in parentheses.
pub fn is_format_a_caption(text: &str) -> bool {
    let text = text.trim_end();
    let Some(inner) = text.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let credit = crate::text::fold(&inner[open + 1..]);
    text.split_whitespace().count() <= 80
        && PHOTO_CREDITS
            .iter()
            .any(|p| credit.trim_start().starts_with(p))
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
        return match follow {
            lexicon::TrailerFollow::Name => is_name_list(rest),
            lexicon::TrailerFollow::Text => colon && !rest.is_empty(),
        };
    }
    if lexicon::agency(line.trim_end_matches('.')).is_some() {
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
        ] {
            assert!(!is_trailer_line(line), "{line}");
        }
    }
}
