//! Stage 1: find inputs, read their bytes, decode them to NFC text.
//!
//! Owns: walking folders, size limits, byte-order marks, invalid UTF-8,
//! Unicode normalization and the source fingerprint. Must not look at the
//! article's structure: line endings, tabs and NBSPs are kept as they are so
//! that paragraph spans point into exactly the text decoded here.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Error, ErrorKind, Stage};
use crate::model::Source;
use crate::warning::{Code, Warning};

/// One input to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File {
        /// Where it is.
        path: PathBuf,
        /// The record id: [`Input::file`] gives the stem; a folder walk gives
        /// the path relative to the folder (without `.txt`), which [`Ids`]
        /// shortens to the stem when no other input of the run has it.
        id: String,
    },
    /// Standard input (`-` on the command line).
    Stdin,
    /// One document of a JSON Lines stream (`--input jsonl`): its text comes
    /// with it; `id` is the caller's, `path` what it says the source was.
    Stream {
        /// The record id, as given (sanitized wherever it names a file).
        id: String,
        /// The source path to record, or `-`.
        path: String,
        /// The article's text.
        text: String,
    },
}

impl Input {
    /// A file named directly: its id is its stem.
    pub fn file(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        let id = stem(&path);
        Input::File { path, id }
    }

    /// The path as users see it in records and messages.
    pub fn display(&self) -> String {
        match self {
            Input::File { path, .. } => path.to_string_lossy().into_owned(),
            Input::Stdin => "-".to_string(),
            Input::Stream { path, .. } => path.clone(),
        }
    }

    /// The record id: the file's (see [`Input::File`]), `stdin`, or the
    /// stream document's.
    pub fn id(&self) -> String {
        match self {
            Input::File { id, .. } | Input::Stream { id, .. } => id.clone(),
            Input::Stdin => "stdin".to_string(),
        }
    }

    fn path(&self) -> &Path {
        match self {
            Input::File { path, .. } => path,
            Input::Stdin => Path::new("-"),
            Input::Stream { path, .. } => Path::new(path.as_str()),
        }
    }
}

/// One item met while expanding the command line.
#[derive(Debug)]
pub enum Walked {
    /// An input to convert.
    Input(Input),
    /// A file in a walked folder that no `--glob` pattern selects: not an
    /// error, only counted.
    Ignored(PathBuf),
    /// A folder entry that could not be read (or a symlink loop).
    Failed(Error),
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

/// A walked file's long id: its path under the walked folder, components
/// joined by `/`, without the extension (`2024/y/index`).
fn relative_id(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path).with_extension("");
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    if parts.is_empty() {
        stem(path)
    } else {
        parts.join("/")
    }
}

/// Makes the ids of a run unique, deterministically, in input order. An
/// input keeps its short id (a file's stem, `stdin`, a document's id) unless
/// an earlier input of the run took it; then a walked file takes its path
/// under the walked folder (`2024/y/index`), and whatever is still taken
/// gets `~2`, `~3`, … Only a 64-bit hash of each id is kept (8 bytes per
/// input); two ids sharing a hash would lengthen the second needlessly,
/// never duplicate it.
#[derive(Debug, Default)]
pub struct Ids {
    taken: std::collections::HashSet<u64>,
}

impl Ids {
    fn take(&mut self, id: &str) -> bool {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        // Fixed keys: the same inputs always get the same ids.
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(id);
        self.taken.insert(hash)
    }

    /// Give `input` an id no earlier input of the run has.
    pub fn claim(&mut self, input: &mut Input) {
        let (short, long) = match input {
            Input::File { path, id } => (stem(path), std::mem::take(id)),
            Input::Stream { id, .. } => (id.clone(), std::mem::take(id)),
            Input::Stdin => {
                self.take("stdin");
                return;
            }
        };
        let chosen = if self.take(&short) {
            short
        } else if self.take(&long) {
            long
        } else {
            (2u64..)
                .map(|n| format!("{long}~{n}"))
                .find(|id| self.take(id))
                .expect("some suffix is free")
        };
        if let Input::File { id, .. } | Input::Stream { id, .. } = input {
            *id = chosen;
        }
    }

    /// [`Ids::claim`] over a walk.
    pub fn unique(items: impl Iterator<Item = Walked>) -> impl Iterator<Item = Walked> {
        let mut ids = Ids::default();
        items.map(move |mut item| {
            if let Walked::Input(input) = &mut item {
                ids.claim(input);
            }
            item
        })
    }
}

/// Which files a folder walk takes: those whose name matches one of the
/// patterns (`*.txt` by default). A pattern holding `/` is matched against
/// the path under the walked folder instead (`2024/*/*.txt`). Files named
/// on the command line are always taken. Folders set aside with
/// [`Select::skip_folder`] (a run's own output) are not entered.
#[derive(Debug, Clone)]
pub struct Select {
    patterns: Vec<glob::Pattern>,
    skip: Vec<PathBuf>,
}

impl Default for Select {
    fn default() -> Self {
        Select::new(["*.txt"]).expect("a valid pattern")
    }
}

impl Select {
    /// Patterns in glob syntax (`*`, `?`, `[abc]`, `**`).
    pub fn new<S: AsRef<str>>(
        patterns: impl IntoIterator<Item = S>,
    ) -> Result<Self, glob::PatternError> {
        let patterns = patterns
            .into_iter()
            .map(|p| glob::Pattern::new(p.as_ref()))
            .collect::<Result<_, _>>()?;
        Ok(Select {
            patterns,
            skip: Vec::new(),
        })
    }

    /// Do not enter `dir` when it turns up inside a walked folder: a run
    /// that writes into the folder it reads (`convert . -o out`) must not
    /// read its own output. The folder need not exist yet.
    pub fn skip_folder(mut self, dir: impl Into<PathBuf>) -> Self {
        self.skip.push(dir.into());
        self
    }

    fn skips(&self, dir: &Path) -> bool {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        self.skip.iter().any(|s| same(s, dir))
    }

    fn takes(&self, dir: &Path, path: &Path) -> bool {
        let options = glob::MatchOptions {
            require_literal_separator: true,
            ..Default::default()
        };
        // Lossily: a name that is not UTF-8 still matches `*.txt`.
        let rel = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        self.patterns.iter().any(|p| {
            let subject = if p.as_str().contains('/') {
                &rel
            } else {
                &name
            };
            p.matches_with(subject, options)
        })
    }
}

fn walk_dir(dir: PathBuf, select: Select) -> impl Iterator<Item = Walked> {
    let skip = select.clone();
    walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| !(e.depth() > 0 && e.file_type().is_dir() && skip.skips(e.path())))
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) if select.takes(&dir, e.path()) => Some(match special_kind(&e.file_type()) {
                None => Walked::Input(Input::File {
                    id: relative_id(&dir, e.path()),
                    path: e.into_path(),
                }),
                Some(what) => Walked::Failed(Error::new(
                    e.path(),
                    Stage::Read,
                    ErrorKind::NotRegular(what),
                )),
            }),
            Ok(e) => Some(Walked::Ignored(e.into_path())),
            Err(e) => {
                let path = e.path().unwrap_or(&dir).to_path_buf();
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop (symbolic link)"));
                Some(Walked::Failed(Error::new(
                    path,
                    Stage::Read,
                    ErrorKind::Io(io),
                )))
            }
        })
}

/// What a folder entry is when it is neither a regular file nor a folder.
/// `file_type` is the link target's (the walk follows links).
fn special_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a file")
}

/// Expand command-line arguments lazily, in order: `-` is stdin, a folder is
/// walked recursively for the files `select` takes, sorted by path (the
/// others are [`Walked::Ignored`]), a file is taken whatever its extension. Nothing is collected,
/// so a folder of a million files costs no memory up front. Ids are unique
/// within the walk (see [`Ids`]).
pub fn walk(args: Vec<PathBuf>, select: &Select) -> impl Iterator<Item = Walked> + use<> {
    Ids::unique(walk_raw(args, select))
}

/// [`walk`] before [`Ids`]: walked files carry their long ids.
pub fn walk_raw(args: Vec<PathBuf>, select: &Select) -> impl Iterator<Item = Walked> + use<> {
    let select = select.clone();
    args.into_iter()
        .flat_map(move |arg| -> Box<dyn Iterator<Item = Walked> + Send> {
            if arg.as_os_str() == "-" {
                Box::new(std::iter::once(Walked::Input(Input::Stdin)))
            } else if arg.is_dir() {
                Box::new(walk_dir(arg, select.clone()))
            } else {
                Box::new(std::iter::once(Walked::Input(Input::file(arg))))
            }
        })
}

/// Read an input's bytes, refusing anything over `max_bytes`.
pub fn read_bytes(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let err = |kind| Error::new(input.path(), Stage::Read, kind);
    let mut buf = Vec::new();
    match input {
        Input::File { path: p, .. } => {
            let file = std::fs::File::open(p).map_err(|e| err(ErrorKind::Io(e)))?;
            let len = file.metadata().map_err(|e| err(ErrorKind::Io(e)))?.len();
            if len > max_bytes {
                return Err(err(ErrorKind::TooLarge {
                    bytes: len,
                    limit: max_bytes,
                }));
            }
            // One allocation of the right size (`take` hides the file's
            // size from `read_to_end`); `take` guards against a file that
            // grows while we read it.
            buf.reserve_exact(usize::try_from(len).unwrap_or(0).saturating_add(1));
            file.take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| err(ErrorKind::Io(e)))?;
        }
        Input::Stream { text, .. } => buf.extend_from_slice(text.as_bytes()),
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| err(ErrorKind::Io(e)))?;
        }
    }
    if buf.len() as u64 > max_bytes {
        return Err(err(ErrorKind::TooLarge {
            bytes: buf.len() as u64,
            limit: max_bytes,
        }));
    }
    Ok(buf)
}

/// An input decoded to text, ready for the parser.
#[derive(Debug, Clone)]
pub struct Text {
    /// The record id.
    pub id: String,
    /// Provenance for the record.
    pub source: Source,
    /// The decoded text in Unicode NFC; paragraph spans index into it.
    pub text: String,
    /// Doubts raised while decoding.
    pub warnings: Vec<Warning>,
}

/// How the bytes were found to be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed<'a> {
    /// A byte-order mark said so.
    Bom(&'static encoding_rs::Encoding, usize),
    /// Valid UTF-8 without a byte-order mark: nothing to decode.
    Valid(&'a str),
    /// UTF-8 with some invalid bytes.
    Utf8,
    /// UTF-16 without a BOM, from the pattern of zero bytes.
    Utf16(&'static encoding_rs::Encoding),
    /// A legacy single-byte encoding guessed by chardetng.
    Guessed(&'static encoding_rs::Encoding),
    /// Not text.
    Binary,
}

/// Every other byte zero, on one side: UTF-16 text without a BOM.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_zero = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Does the text hold at least one well-formed multi-byte UTF-8 sequence?
/// Legacy single-byte text practically never does.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                if !valid.is_ascii() {
                    return true;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                if skip >= rest.len() {
                    return false;
                }
                rest = &rest[skip..];
            }
        }
    }
}

fn sniff(bytes: &[u8]) -> Sniffed<'_> {
    if let Some((enc, len)) = encoding_rs::Encoding::for_bom(bytes) {
        return Sniffed::Bom(enc, len);
    }
    if memchr::memchr(0, bytes).is_some() {
        return utf16_without_bom(bytes).map_or(Sniffed::Binary, Sniffed::Utf16);
    }
    let controls = count_controls(bytes);
    if controls * 10 > bytes.len() {
        return Sniffed::Binary;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Sniffed::Valid(text);
    }
    if has_utf8_sequence(bytes) {
        return Sniffed::Utf8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    // The sources are Vietnamese and Lao sites: a `.vn` hint favours 1258.
    Sniffed::Guessed(detector.guess(Some(b"vn"), false))
}

/// Control bytes other than tab, line feed, carriage return and form feed.
/// Written as a sum of 0/1 bytes over blocks of 255, a shape the compiler
/// turns into vector code: this reads every byte of every input.
fn count_controls(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n: u8 = block
                .iter()
                .map(|&b| u8::from(b < 0x20) & u8::from(!matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
                .fold(0, u8::wrapping_add);
            usize::from(n)
        })
        .sum()
}

/// Decode raw bytes: a byte-order mark (UTF-8, UTF-16LE/BE) decides; else
/// UTF-8, with invalid sequences replaced and a warning; text that is not
/// UTF-8 at all is decoded as the legacy encoding chardetng guesses
/// (Windows-1258, Windows-1252, …), with a warning. Then NFC.
pub fn decode(input: &Input, bytes: &[u8]) -> Result<Text, Error> {
    let path = input.path();
    let mut warnings = Vec::new();
    let decode = |enc: &'static encoding_rs::Encoding, body| {
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        (enc, text, had_errors)
    };
    let (encoding, decoded, had_errors) = match sniff(bytes) {
        Sniffed::Binary => return Err(Error::new(path, Stage::Decode, ErrorKind::Binary)),
        // Nearly every input: `sniff` checked it, so no second pass.
        Sniffed::Valid(text) => (encoding_rs::UTF_8, Cow::Borrowed(text), false),
        Sniffed::Bom(enc, len) => decode(enc, &bytes[len..]),
        Sniffed::Utf8 => decode(encoding_rs::UTF_8, bytes),
        Sniffed::Utf16(enc) | Sniffed::Guessed(enc) => {
            warnings.push(Warning::new(
                Code::GuessedEncoding,
                format!(
                    "not UTF-8 and no byte-order mark; decoded as {}",
                    enc.name()
                ),
            ));
            decode(enc, bytes)
        }
    };
    if had_errors {
        warnings.push(Warning::new(
            Code::InvalidBytes,
            format!(
                "some bytes are not valid {}; replaced with U+FFFD",
                encoding.name()
            ),
        ));
    }
    if memchr::memchr(0, decoded.as_bytes()).is_some() {
        return Err(Error::new(path, Stage::Decode, ErrorKind::Binary));
    }
    let text = nfc(decoded);
    if text.trim().is_empty() {
        return Err(Error::new(path, Stage::Decode, ErrorKind::Empty));
    }
    Ok(Text {
        id: input.id(),
        source: Source {
            path: input.display(),
            bytes: bytes.len() as u64,
            sha256: hex(&Sha256::digest(bytes)),
            encoding: encoding.name().to_string(),
        },
        text,
        warnings,
    })
}

fn nfc(s: Cow<'_, str>) -> String {
    if is_nfc(&s) {
        s.into_owned()
    } else {
        s.nfc().collect()
    }
}

/// `is_nfc_quick(s.chars()) == IsNormalized::Yes`, reading only the
/// stretches that start at a non-ASCII character. An ASCII character is a
/// starter always allowed, after which the quick check starts afresh, so
/// the checks of the stretches between ASCII characters give its answer; an
/// article has a handful of non-ASCII characters, found eight bytes at a time.
fn is_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut at = 0;
    while let Some(k) = crate::text::first_non_ascii(&b[at..]) {
        let start = at + k;
        let end = b[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(b.len(), |e| start + e);
        if is_nfc_quick(s[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Input {
        Input::file("x/a.txt")
    }

    #[test]
    fn strips_utf8_bom_and_normalizes_nfd() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("To\u{302} La\u{302}m".as_bytes());
        let t = decode(&input(), &bytes).unwrap();
        assert_eq!(t.text, "Tô Lâm");
        assert_eq!(t.source.encoding, "UTF-8");
        assert_eq!(t.id, "a");
    }

    #[test]
    fn decodes_utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hà Nội".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = decode(&input(), &bytes).unwrap();
        assert_eq!(t.text, "Hà Nội");
        assert_eq!(t.source.encoding, "UTF-16LE");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        // Mostly UTF-8 (it has a well-formed `à`), one stray byte.
        let mut bytes = "Hà Nội ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff news");
        let t = decode(&input(), &bytes).unwrap();
        assert_eq!(t.text, "Hà Nội \u{FFFD} news");
        assert_eq!(t.source.encoding, "UTF-8");
        assert_eq!(t.warnings[0].code, Code::InvalidBytes);
    }

    #[test]
    fn legacy_vietnamese_and_western_encodings_are_guessed() {
        // "Hà Nội, Bộ trưởng Tô Lâm" in Windows-1258 (tones as combining marks).
        let (bytes, _, _) = encoding_rs::WINDOWS_1258
            .encode("Hà Nội: Bộ trưởng Tô Lâm gặp Thủ tướng Lào ở Viêng Chăn.");
        let t = decode(&input(), &bytes).unwrap();
        assert_eq!(t.source.encoding, "windows-1258");
        assert!(t.text.contains("Tô Lâm"), "{}", t.text);
        assert_eq!(t.warnings[0].code, Code::GuessedEncoding);
        let t = decode(&input(), b"Caf\xe9 r\xe9sum\xe9 na\xefve \xe0 la fa\xe7ade").unwrap();
        assert_eq!(t.source.encoding, "windows-1252");
        assert_eq!(t.text, "Café résumé naïve à la façade");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let mut bytes = Vec::new();
        for u in "Hanoi (VNA) – text".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let t = decode(&input(), &bytes).unwrap();
        assert_eq!(t.source.encoding, "UTF-16BE");
        assert_eq!(t.text, "Hanoi (VNA) – text");
    }

    #[test]
    fn nul_bytes_and_blank_files_fail() {
        let e = decode(&input(), b"ab\0cd").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Binary));
        let e = decode(
            &input(),
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
        )
        .unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Binary));
        let e = decode(&input(), b" \r\n\t\n").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Empty));
    }

    #[test]
    fn sha256_is_of_the_raw_bytes() {
        let t = decode(&input(), b"abc").unwrap();
        assert_eq!(
            t.source.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn control_bytes_are_counted_as_one_by_one(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..1200)
        ) {
            let expected = bytes
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                .count();
            proptest::prop_assert_eq!(count_controls(&bytes), expected);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn stretches_are_checked_for_nfc_as_the_whole_text_is(
            text in "[a-z .\u{e9}\u{301}\u{300}\u{327}\u{1ec7}\u{1100}\u{1161}\u{212b}\u{2126}\u{f900}]{0,40}"
        ) {
            proptest::prop_assert_eq!(is_nfc(&text), is_nfc_quick(text.chars()) == IsNormalized::Yes);
        }
    }

    #[test]
    fn a_block_of_255_controls_does_not_wrap() {
        assert_eq!(count_controls(&[1; 255]), 255);
        assert_eq!(count_controls(&[1; 256]), 256);
    }
}
