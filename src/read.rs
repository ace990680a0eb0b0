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

/// One input to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The path as users see it in records and messages.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.to_string_lossy().into_owned(),
            Input::Stdin => "-".to_string(),
        }
    }

    /// The record id: the file stem, or `stdin`.
    pub fn id(&self) -> String {
        match self {
            Input::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "article".to_string()),
            Input::Stdin => "stdin".to_string(),
        }
    }

    fn path(&self) -> &Path {
        match self {
            Input::File(p) => p,
            Input::Stdin => Path::new("-"),
        }
    }
}

/// What walking the command-line arguments found.
#[derive(Debug, Default)]
pub struct Found {
    /// Inputs to convert, in order: arguments in the order given, each
    /// folder's `*.txt` files sorted by path.
    pub inputs: Vec<Input>,
    /// Files met while walking a folder that are not `*.txt`.
    pub skipped: Vec<PathBuf>,
    /// Arguments or folder entries that could not be read.
    pub errors: Vec<Error>,
}

/// Expand command-line arguments into inputs. A folder is walked recursively
/// for `*.txt` files, sorted by path; a file is taken whatever its extension.
pub fn find_inputs(args: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for arg in args {
        if arg.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            let walker = walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_dir() => {}
                    Ok(e) if e.path().extension().is_some_and(|x| x == "txt") => {
                        found.inputs.push(Input::File(e.into_path()))
                    }
                    Ok(e) => found.skipped.push(e.into_path()),
                    Err(e) => {
                        let path = e.path().unwrap_or(arg).to_path_buf();
                        let io = e.into_io_error().unwrap_or_else(|| {
                            std::io::Error::other("file system loop (symbolic link)")
                        });
                        found
                            .errors
                            .push(Error::new(path, Stage::Read, ErrorKind::Io(io)));
                    }
                }
            }
        } else {
            found.inputs.push(Input::File(arg.clone()));
        }
    }
    found
}

/// Read an input's bytes, refusing anything over `max_bytes`.
pub fn read_bytes(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let err = |kind| Error::new(input.path(), Stage::Read, kind);
    let mut buf = Vec::new();
    match input {
        Input::File(p) => {
            let file = std::fs::File::open(p).map_err(|e| err(ErrorKind::Io(e)))?;
            let len = file.metadata().map_err(|e| err(ErrorKind::Io(e)))?.len();
            if len > max_bytes {
                return Err(err(ErrorKind::TooLarge {
                    bytes: len,
                    limit: max_bytes,
                }));
            }
            // `take` guards against a file that grows while we read it.
            file.take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| err(ErrorKind::Io(e)))?;
        }
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
    pub warnings: Vec<String>,
}

/// Decode raw bytes: byte-order marks (UTF-8, UTF-16LE/BE), otherwise UTF-8
/// with invalid sequences replaced (and a warning); then NFC.
pub fn decode(input: &Input, bytes: &[u8]) -> Result<Text, Error> {
    let path = input.path();
    let mut warnings = Vec::new();
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (encoding_rs::UTF_8, bytes),
    };
    if encoding == encoding_rs::UTF_8 && body.contains(&0) {
        return Err(Error::new(path, Stage::Decode, ErrorKind::Binary));
    }
    let (decoded, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        warnings.push(format!(
            "invalid-bytes: some bytes are not valid {}; replaced with U+FFFD",
            encoding.name()
        ));
    }
    if decoded.contains('\0') {
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
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.into_owned(),
        _ => s.nfc().collect(),
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Input {
        Input::File(PathBuf::from("x/a.txt"))
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
        let t = decode(&input(), b"Hanoi \xff news").unwrap();
        assert_eq!(t.text, "Hanoi \u{FFFD} news");
        assert!(t.warnings[0].starts_with("invalid-bytes"));
    }

    #[test]
    fn nul_bytes_and_blank_files_fail() {
        let e = decode(&input(), b"ab\0cd").unwrap_err();
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
}
