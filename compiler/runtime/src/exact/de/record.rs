//! What the generated records' own `Deserialize` impls share: reading a key as a field index.
//!
//! A generated record reads itself from a JSON object only (`deserialize_map`), matches each
//! key's index in its field list, and reads each value as its type, or as
//! [`StrictValue`](super::StrictValue) / [`UniqueValue`](super::UniqueValue) where serde's
//! defaults differ from JSON Schema. The key is read here, once per deserializer for every
//! record, where serde's derive writes a field enum and its visitor per struct and
//! deserializer; the record gives only a plain `fn(&str) -> Option<usize>` (a `match` on the
//! wire names, compiled once per record). Searching the name list instead cost 7% of a bare
//! parse of `ELS_CJAssessmentRequestV1` (callgrind).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads an object key as the index of a field in `fields`; `None` for a key the record
/// ignores. With `deny_unknown` an unknown key fails with serde's own `unknown_field` error,
/// while the key is read, as `#[serde(deny_unknown_fields)]` does.
///
/// A record that reads its keys with it must fail on a repeated field (serde's
/// `duplicate_field`) and read an ignored key's value as `IgnoredAny`, as the generated
/// records do: [`crate::from_json`] relies on that to hash only the keys a record ignores.
///
/// ```
/// use contractc_runtime::de::FieldIndex;
/// use serde::de::{DeserializeSeed, value::{Error, StrDeserializer}};
/// fn index(key: &str) -> Option<usize> {
///     match key {
///         "a" => Some(0),
///         "b" => Some(1),
///         _ => None,
///     }
/// }
/// let key = |k: &str, deny| {
///     FieldIndex::new(&["a", "b"], index, deny).deserialize(StrDeserializer::<Error>::new(k))
/// };
/// assert_eq!(key("b", true).unwrap(), Some(1));
/// assert_eq!(key("c", false).unwrap(), None);
/// assert_eq!(key("c", true).unwrap_err().to_string(), "unknown field `c`, expected `a` or `b`");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FieldIndex {
    fields: &'static [&'static str],
    index: fn(&str) -> Option<usize>,
    deny_unknown: bool,
}

impl FieldIndex {
    /// Reads keys among `fields` (wire names, in declaration order, for the error text);
    /// `index` gives a key's position in `fields`.
    pub const fn new(
        fields: &'static [&'static str],
        index: fn(&str) -> Option<usize>,
        deny_unknown: bool,
    ) -> Self {
        FieldIndex {
            fields,
            index,
            deny_unknown,
        }
    }
}

impl<'de> DeserializeSeed<'de> for FieldIndex {
    type Value = Option<usize>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldIndex {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    // `visit_borrowed_str` and `visit_string` hand on to this one.
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        match (self.index)(v) {
            None if self.deny_unknown => Err(E::unknown_field(v, self.fields)),
            found => Ok(found),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Option<usize>, E> {
        match std::str::from_utf8(v) {
            Ok(v) => self.visit_str(v),
            Err(_) if self.deny_unknown => {
                Err(E::unknown_field(&String::from_utf8_lossy(v), self.fields))
            }
            Err(_) => Ok(None),
        }
    }
}
