//! Compact JSON for records, byte for byte what `serde_json::to_writer`
//! writes, with a string escaper that reads eight bytes at a time.
//!
//! A record is about 9 KB of string content in some 600 strings (paragraph
//! text above all) and `serde_json` tests each byte against its escape table
//! one at a time: that loop was the largest single cost of writing JSON
//! Lines. Here a clean run is found eight bytes at a time and copied whole.
//! Field names, short and plain, are tested a byte at a time and copied.
//!
//! Only the shapes a record has are written here (structs, sequences,
//! strings, integers, booleans, options, unit variants); any other value is
//! an error, and [`to_vec`] then falls back to `serde_json` for the whole
//! value, so the output is never wrong, only slower.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::text::{HIGH, ONES};

/// Append `value` as compact JSON to `out`, exactly as `serde_json` would.
pub fn to_vec<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let start = out.len();
    if value.serialize(&mut Json { out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(out, value)
}

/// A value this writer does not handle (`to_vec` falls back).
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not written by the fast JSON writer: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(what.to_string()))
}

struct Json<'o> {
    out: &'o mut Vec<u8>,
}

/// Does any of these eight bytes need escaping in a JSON string (a control
/// character, `"` or `\`)?
fn word_needs_escape(x: u64) -> bool {
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    let zero = |y: u64| y.wrapping_sub(ONES) & !y;
    (control | zero(quote) | zero(backslash)) & HIGH != 0
}

fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// `s` as a JSON string, quotes included.
fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    // `clean` is where the bytes not yet copied start.
    let (mut clean, mut i) = (0, 0);
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !word_needs_escape(x) {
                i += 8;
                continue;
            }
        }
        // A byte to escape is within the next eight (or the tail is short).
        let end = (i + 8).min(b.len());
        while i < end {
            let c = b[i];
            if byte_needs_escape(c) {
                out.extend_from_slice(&b[clean..i]);
                escape(out, c);
                clean = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&b[clean..]);
    out.push(b'"');
}

fn escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => 0,
    };
    if short != 0 {
        out.extend_from_slice(&[b'\\', short]);
    } else {
        out.extend_from_slice(b"\\u00");
        out.extend_from_slice(&[HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]);
    }
}

/// A field name and its colon: copied as it is unless it needs escaping.
fn write_key(out: &mut Vec<u8>, key: &str) {
    let k = key.as_bytes();
    if k.iter().any(|&b| byte_needs_escape(b)) {
        write_str(out, key);
        out.push(b':');
        return;
    }
    out.reserve(k.len() + 3);
    out.push(b'"');
    out.extend_from_slice(k);
    out.extend_from_slice(b"\":");
}

fn write_int(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// An open array or object: has a member been written yet?
struct Compound<'a, 'o> {
    json: &'a mut Json<'o>,
    first: bool,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.json.out.push(b',');
        }
        self.first = false;
    }
}

type R = Result<(), Unsupported>;

impl<'a, 'o> ser::Serializer for &'a mut Json<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> R {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        write_int(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        write_int(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> R {
        unsupported("a float")
    }
    fn serialize_f64(self, _: f64) -> R {
        unsupported("a float")
    }
    fn serialize_char(self, v: char) -> R {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        unsupported("bytes")
    }
    fn serialize_none(self) -> R {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        write_str(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        unsupported("a newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        self.out.push(b'[');
        Ok(Compound {
            json: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("a map")
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        self.out.push(b'{');
        Ok(Compound {
            json: self,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("a struct variant")
    }
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.comma();
        value.serialize(&mut *self.json)
    }
    fn close(self, c: u8) -> R {
        self.json.out.push(c);
        Ok(())
    }
}

/// The sequence-like serde traits: one element after another.
macro_rules! seq_like {
    ($($tr:ident :: $method:ident),*) => {$(
        impl ser::$tr for Compound<'_, '_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
                self.element(value)
            }
            fn end(self) -> R {
                self.close(b']')
            }
        }
    )*};
}

seq_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        self.comma();
        write_key(self.json.out, key);
        value.serialize(&mut *self.json)
    }
    fn end(self) -> R {
        self.close(b'}')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn fast(value: &impl Serialize) -> Vec<u8> {
        let mut out = Vec::new();
        value.serialize(&mut Json { out: &mut out }).unwrap();
        out
    }

    #[derive(Serialize)]
    struct Shapes<'a> {
        text: &'a str,
        n: u64,
        minus: i32,
        yes: bool,
        none: Option<u8>,
        some: Option<&'a str>,
        list: Vec<(u32, u32)>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        kind: Kind,
        c: char,
        empty: Vec<u8>,
        #[serde(rename = "we\"ird")]
        weird: (),
    }

    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Body,
    }

    #[test]
    fn every_shape_a_record_has_is_written_as_serde_json_writes_it() {
        let v = Shapes {
            text: "a \"b\" \\ \n\t\r\u{8}\u{c}\u{1f}\u{7f} é ’ \u{2028}",
            n: u64::MAX,
            minus: -7,
            yes: true,
            none: None,
            some: Some(""),
            list: vec![(1, 2), (3, 4)],
            skipped: None,
            kind: Kind::Body,
            c: '"',
            empty: vec![],
            weird: (),
        };
        assert_eq!(fast(&v), serde_json::to_vec(&v).unwrap());
    }

    #[test]
    fn other_shapes_fall_back_to_serde_json() {
        let v = json!({"a": [1.5, {"b": null}], "c": "d"});
        let mut out = b"x".to_vec();
        to_vec(&v, &mut out).unwrap();
        assert_eq!(
            out,
            [b"x".as_slice(), &serde_json::to_vec(&v).unwrap()].concat()
        );
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(
            s in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}é’\u{2028}]{0,40}"
        ) {
            prop_assert_eq!(fast(&s), serde_json::to_vec(&s).unwrap());
        }
    }
}
