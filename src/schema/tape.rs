//! A flat, borrowed JSON view of any `Serialize` value, for validation.
//!
//! `serde_json::to_value` builds a tree with one allocation per string and a
//! map per object; for a record that was a quarter of the conversion's CPU.
//! A [`Tape`] holds the same document as one vector of entries plus one
//! string buffer, both reused between records, and implements jsonschema's
//! representation traits ([`jsonschema::json`]) so the compiled validator
//! reads it in place. The full `serde_json::Value` is built only on the cold
//! path, when a violation has to be reported.

use std::borrow::Cow;
use std::fmt;

use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde::ser::{self, Serialize};
use serde_json::{Map, Number, Value};

/// One JSON document, flattened in document order.
#[derive(Debug, Default)]
pub struct Tape {
    entries: Vec<Entry>,
    text: String,
}

/// A tape entry. A container is followed by its members (objects: a `Key`
/// or `Field` then the value, per member) and records `end`, the index just
/// past its last descendant, so siblings are reached without walking
/// children.
#[derive(Debug, Clone)]
enum Entry {
    Null,
    Bool(bool),
    Number(Number),
    Str {
        start: u32,
        end: u32,
    },
    /// A map's key, in the text.
    Key {
        start: u32,
        end: u32,
    },
    /// A struct field's or an enum variant's name: static, so neither copied
    /// into the text nor sliced out of it again.
    Field(&'static str),
    Array {
        len: u32,
        end: u32,
    },
    Object {
        len: u32,
        end: u32,
    },
}

impl Tape {
    /// Replace the tape's content with `value`.
    pub fn fill<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.entries.clear();
        self.text.clear();
        value.serialize(&mut *self)
    }

    /// The document's root.
    pub fn root(&self) -> TapeNode<'_> {
        TapeNode { tape: self, at: 0 }
    }

    fn push_text(&mut self, s: &str) -> Result<(u32, u32), TapeError> {
        let start = self.text.len();
        self.text.push_str(s);
        let end = self.text.len();
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) => Ok((start, end)),
            _ => Err(TapeError("document larger than 4 GiB".into())),
        }
    }

    fn str_at(&self, start: u32, end: u32) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// Index just past the entry at `at` and all its descendants.
    fn skip(&self, at: usize) -> usize {
        match self.entries[at] {
            Entry::Array { end, .. } | Entry::Object { end, .. } => end as usize,
            _ => at + 1,
        }
    }

    fn open(&mut self, object: bool) -> usize {
        let at = self.entries.len();
        self.entries.push(if object {
            Entry::Object { len: 0, end: 0 }
        } else {
            Entry::Array { len: 0, end: 0 }
        });
        at
    }

    fn close(&mut self, at: usize, members: u32) {
        let end = self.entries.len() as u32;
        match &mut self.entries[at] {
            Entry::Array { len, end: e } | Entry::Object { len, end: e } => {
                *len = members;
                *e = end;
            }
            _ => unreachable!("close() is only called on a container opened by open()"),
        }
    }

    fn to_value(&self, at: usize) -> Value {
        match &self.entries[at] {
            Entry::Null => Value::Null,
            Entry::Bool(b) => Value::Bool(*b),
            Entry::Number(n) => Value::Number(n.clone()),
            Entry::Str { start, end } | Entry::Key { start, end } => {
                Value::String(self.str_at(*start, *end).to_string())
            }
            Entry::Field(name) => Value::String((*name).to_string()),
            Entry::Array { .. } => Value::Array(
                Elements::new(self, at)
                    .map(|n| self.to_value(n.at))
                    .collect(),
            ),
            Entry::Object { .. } => Value::Object(
                Members::new(self, at)
                    .map(|(k, n)| (k.to_string(), self.to_value(n.at)))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

/// Why a value could not be put on a tape (a map key that is not a string).
#[derive(Debug)]
pub struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

/// The representation marker for jsonschema.
#[derive(Debug)]
pub struct TapeJson;

impl Json for TapeJson {
    type Node<'a> = TapeNode<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = Tape;
    // Lookups scan the members, so a members pass is never dearer. (Large,
    // not `usize::MAX`: jsonschema multiplies it by a key count.)
    const KEYS_PER_LOOKUP: usize = 1 << 16;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Tape,
        string: &str,
        f: impl FnOnce(TapeNode<'_>) -> T,
    ) -> T {
        buffer.entries.clear();
        buffer.text.clear();
        buffer.text.push_str(string);
        let end = u32::try_from(string.len()).unwrap_or(u32::MAX);
        buffer.entries.push(Entry::Str { start: 0, end });
        f(buffer.root())
    }
}

/// A value on a tape.
#[derive(Debug, Clone, Copy)]
pub struct TapeNode<'a> {
    tape: &'a Tape,
    at: usize,
}

impl<'a> Node<'a, TapeJson> for TapeNode<'a> {
    type Object = Members<'a>;
    type Array = Elements<'a>;
    type Number = &'a Number;

    fn as_object(&self) -> Option<Members<'a>> {
        matches!(self.tape.entries[self.at], Entry::Object { .. })
            .then(|| Members::new(self.tape, self.at))
    }

    fn as_array(&self) -> Option<Elements<'a>> {
        matches!(self.tape.entries[self.at], Entry::Array { .. })
            .then(|| Elements::new(self.tape, self.at))
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self.tape.entries[self.at] {
            Entry::Str { start, end } => Some(Cow::Borrowed(self.tape.str_at(start, end))),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a Number> {
        match &self.tape.entries[self.at] {
            Entry::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.tape.entries[self.at] {
            Entry::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.tape.entries[self.at], Entry::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.tape.entries[self.at] {
            Entry::Null => JsonType::Null,
            Entry::Bool(_) => JsonType::Boolean,
            Entry::Number(_) => JsonType::Number,
            Entry::Str { .. } | Entry::Key { .. } | Entry::Field(_) => JsonType::String,
            Entry::Array { .. } => JsonType::Array,
            Entry::Object { .. } => JsonType::Object,
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(self.tape.to_value(self.at))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref(self.tape) as usize,
            u32::try_from(self.at).unwrap_or(u32::MAX),
        ))
    }
}

/// An object's members, in order.
#[derive(Debug, Clone)]
pub struct Members<'a> {
    tape: &'a Tape,
    next: usize,
    end: usize,
    len: usize,
}

impl<'a> Members<'a> {
    fn new(tape: &'a Tape, at: usize) -> Self {
        let (len, end) = match tape.entries[at] {
            Entry::Object { len, end } => (len as usize, end as usize),
            _ => (0, at + 1),
        };
        Members {
            tape,
            next: at + 1,
            end,
            len,
        }
    }
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, TapeNode<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        let key = match self.tape.entries[self.next] {
            Entry::Field(name) => name,
            Entry::Key { start, end } => self.tape.str_at(start, end),
            _ => unreachable!("an object member starts with its key"),
        };
        let value = self.next + 1;
        self.next = self.tape.skip(value);
        Some((
            key,
            TapeNode {
                tape: self.tape,
                at: value,
            },
        ))
    }
}

impl<'a> Object<'a, TapeJson> for Members<'a> {
    type Node = TapeNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, key: &Box<str>) -> Option<TapeNode<'a>> {
        self.clone().find(|(k, _)| *k == &**key).map(|(_, v)| v)
    }

    fn members(&self) -> Members<'a> {
        self.clone()
    }
}

/// An array's elements, in order.
#[derive(Debug, Clone)]
pub struct Elements<'a> {
    tape: &'a Tape,
    next: usize,
    end: usize,
    len: usize,
}

impl<'a> Elements<'a> {
    fn new(tape: &'a Tape, at: usize) -> Self {
        let (len, end) = match tape.entries[at] {
            Entry::Array { len, end } => (len as usize, end as usize),
            _ => (0, at + 1),
        };
        Elements {
            tape,
            next: at + 1,
            end,
            len,
        }
    }
}

impl<'a> Iterator for Elements<'a> {
    type Item = TapeNode<'a>;

    fn next(&mut self) -> Option<TapeNode<'a>> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.tape.skip(at);
        Some(TapeNode {
            tape: self.tape,
            at,
        })
    }
}

impl<'a> Array<'a, TapeJson> for Elements<'a> {
    type Node = TapeNode<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        self.len
    }

    fn elements(&self) -> Elements<'a> {
        self.clone()
    }
}

// ---- the serializer: any `Serialize` value onto a tape --------------------

/// An open container being filled.
pub struct Open<'t> {
    tape: &'t mut Tape,
    at: usize,
    members: u32,
}

impl Open<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.members += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        self.tape.entries.push(Entry::Field(key));
        self.element(value)
    }

    fn end(self) -> Result<(), TapeError> {
        self.tape.close(self.at, self.members);
        Ok(())
    }
}

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Open<'t>;
    type SerializeTuple = Open<'t>;
    type SerializeTupleStruct = Open<'t>;
    type SerializeTupleVariant = Open<'t>;
    type SerializeMap = Open<'t>;
    type SerializeStruct = Open<'t>;
    type SerializeStructVariant = Open<'t>;

    fn serialize_bool(self, v: bool) -> Result<(), TapeError> {
        self.entries.push(Entry::Bool(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), TapeError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), TapeError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), TapeError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), TapeError> {
        self.entries.push(Entry::Number(v.into()));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), TapeError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), TapeError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), TapeError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), TapeError> {
        self.entries.push(Entry::Number(v.into()));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), TapeError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), TapeError> {
        // As serde_json: a non-finite float becomes null.
        self.entries
            .push(Number::from_f64(v).map_or(Entry::Null, Entry::Number));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), TapeError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), TapeError> {
        let (start, end) = self.push_text(v)?;
        self.entries.push(Entry::Str { start, end });
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), TapeError> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), TapeError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), TapeError> {
        self.entries.push(Entry::Null);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), TapeError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), TapeError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), TapeError> {
        let mut object = self.serialize_map(Some(1))?;
        object.field(variant, value)?;
        object.end()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Open<'t>, TapeError> {
        let at = self.open(false);
        Ok(Open {
            tape: self,
            at,
            members: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Open<'t>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Open<'t>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Open<'t>, TapeError> {
        // `{variant: [..]}`: the outer object is closed by `end`.
        let outer = self.open(true);
        self.entries.push(Entry::Field(variant));
        let mut inner = self.serialize_seq(Some(len))?;
        inner.members = 0;
        Ok(Open { at: outer, ..inner })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Open<'t>, TapeError> {
        let at = self.open(true);
        Ok(Open {
            tape: self,
            at,
            members: 0,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Open<'t>, TapeError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Open<'t>, TapeError> {
        Err(TapeError("struct variants are not supported".into()))
    }
}

/// The sequence-like serde traits, which all append one element.
macro_rules! sequence_impls {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Open<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
                self.element(value)
            }
            fn end(self) -> Result<(), TapeError> {
                Open::end(self)
            }
        }
    )*};
}

sequence_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Open<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.element(value)
    }
    fn end(self) -> Result<(), TapeError> {
        // Close the inner array (opened right after the variant's key), then
        // the one-member outer object.
        let inner = self.at + 2;
        self.tape.close(inner, self.members);
        self.tape.close(self.at, 1);
        Ok(())
    }
}

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TapeError> {
        // Keys go through the tape as strings, then are retagged as keys.
        let before = self.tape.entries.len();
        key.serialize(&mut *self.tape)?;
        match self.tape.entries[before..] {
            [Entry::Str { start, end }] => {
                self.tape.entries[before] = Entry::Key { start, end };
                Ok(())
            }
            _ => Err(TapeError("a map key must be a string".into())),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TapeError> {
        self.element(value)
    }
    fn end(self) -> Result<(), TapeError> {
        Open::end(self)
    }
}

/// The struct-like serde traits, which all append a named field.
macro_rules! struct_impls {
    ($($name:ident),*) => {$(
        impl ser::$name for Open<'_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), TapeError> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), TapeError> {
                Open::end(self)
            }
        }
    )*};
}

struct_impls!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_tape_reads_back_as_the_value_it_was_filled_with() {
        let doc = json!({
            "a": [1, -2, 2.5, "x", null, true, {"b": [], "c": {}}],
            "d": {"e": "é\"\n", "f": [[1], [2, [3]]]},
            "g": 18446744073709551615u64
        });
        let mut tape = Tape::default();
        tape.fill(&doc).unwrap();
        assert_eq!(tape.to_value(0), doc);
        let root = tape.root();
        let object = root.as_object().unwrap();
        assert_eq!(Object::len(&object), 3);
        let d = object.get(&"d".into()).unwrap();
        let f = d.as_object().unwrap().get(&"f".into()).unwrap();
        assert_eq!(Array::len(&f.as_array().unwrap()), 2);
        assert!(object.get(&"missing".into()).is_none());
        // Refilling reuses the buffers and forgets the old document.
        tape.fill(&json!([])).unwrap();
        assert_eq!(tape.to_value(0), json!([]));
    }

    #[test]
    fn enums_map_as_serde_json_maps_them() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, String),
        }
        let value = (E::Unit, E::New(1), E::Tuple(2, "t".into()));
        let mut tape = Tape::default();
        tape.fill(&value).unwrap();
        assert_eq!(tape.to_value(0), serde_json::to_value(&value).unwrap());
    }

    #[test]
    fn non_string_map_keys_are_refused() {
        let mut map = std::collections::BTreeMap::new();
        map.insert(vec![1u8], 1);
        assert!(Tape::default().fill(&map).is_err());
    }
}
