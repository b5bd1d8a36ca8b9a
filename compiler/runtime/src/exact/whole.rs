//! The single-pass parse of [`crate::from_json`]: the typed parse, watched so that its success
//! proves the document is one the scan would have passed with no repeated key.
//!
//! [`Whole`] wraps a deserializer at every level. It checks the values the type ignores as a
//! `serde_json::Value` parse would (depth, UTF-8, escapes, number range: serde_json skips
//! them unchecked), and fails as soon as an object repeats a key, or holds a key that is not
//! read as a string. So when the watched parse succeeds, the scan would have found a
//! well-formed document with distinct keys, and the typed parse it then runs is this one,
//! visitor call for visitor call; when it fails, the caller takes the slow path, which
//! decides and says where. A hash collision between two distinct keys only sends a document
//! down that path.
//!
//! A key that a generated record reads with [`FieldIndex`] is hashed only when the record
//! ignores its value: a key the record knows fills one slot of the record, which already
//! fails on a repeat (`duplicate_field`), and a known key never equals an ignored one. So the
//! object's keys are distinct when its ignored keys are (see [`WatchedMap`]).

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::keys::{KeySet, key_hash};
use super::scan::check_distinct;
use crate::de::{Exact, FieldIndex, delegate_deserialize};

/// The typed parse alone, or its error when the slow path must decide. A document of any
/// size is read so: its success proves its keys distinct, so the 16 MiB limit the slow path
/// puts on repeated keys cannot apply to it.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(Exact(Whole::new(&mut de)))?;
    de.end().map(|()| value)
}

/// What reading an object key leaves for its map to check.
enum KeyRead<'de> {
    /// Not read yet (or not as a string: the slow path decides).
    Unread,
    /// Not read yet, by a [`FieldIndex`].
    UnreadField,
    /// Read, with this hash.
    Hashed(u64),
    /// Read by a [`FieldIndex`], borrowed from the input: hashed only if its value is ignored.
    Field(&'de str),
}

/// The keys of one object seen so far (see [`WatchedMap`]).
struct ObjectKeys<'de> {
    set: KeySet,
    /// A [`FieldIndex`] key whose value is next.
    field: Option<&'de str>,
    /// Whether a [`FieldIndex`] reads the object's keys, once the first is read.
    by_field: Option<bool>,
}

/// What a [`Whole`] reads.
enum Role<'k, 'de> {
    /// A value.
    Value,
    /// An object key.
    Key(&'k mut KeyRead<'de>),
    /// The value of the object's `field` key: if ignored, the key joins the object's set.
    FieldValue(&'k mut ObjectKeys<'de>),
}

impl<'k, 'de> Role<'k, 'de> {
    fn key(self) -> Option<&'k mut KeyRead<'de>> {
        match self {
            Role::Key(read) => Some(read),
            _ => None,
        }
    }
}

/// A deserializer watched at every level (see the module docs).
pub(crate) struct Whole<'k, 'de, D> {
    de: D,
    role: Role<'k, 'de>,
}

impl<'de, D> Whole<'_, 'de, D> {
    /// Watches `de`, which reads a value (not an object key).
    pub(crate) fn new(de: D) -> Self {
        Whole {
            de,
            role: Role::Value,
        }
    }
}

/// Wraps a visitor so that what it is handed is watched too.
struct Visit<'k, 'de, V> {
    visitor: V,
    key: Option<&'k mut KeyRead<'de>>,
}

/// Whether a key's seed is the generated records' [`FieldIndex`], whose record fails on a
/// repeated field. `type_name` of one type is one constant, so this folds away.
fn is_field_index<K>() -> bool {
    std::any::type_name::<K>() == std::any::type_name::<FieldIndex>()
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Whole<'_, 'de, D> {
    type Error = D::Error;

    delegate_deserialize!(|this, visitor| this.de => Visit { visitor, key: this.role.key() });
    delegate_deserialize!(@each |this, visitor| this.de => Visit { visitor, key: this.role.key() };
        deserialize_struct(name: &'static str, fields: &'static [&'static str]),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    );

    /// A value the type ignores is read in full, as a `Value` parse reads it.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        match self.role {
            Role::Key(read) => {
                // An ignored key: read it as a string to hash it.
                return self
                    .de
                    .deserialize_str(Visit {
                        visitor: de::IgnoredAny,
                        key: Some(read),
                    })
                    .and_then(|_| visitor.visit_unit());
            }
            Role::FieldValue(keys) => {
                // A key its record does not know: it must differ from the other ignored keys.
                let fresh = keys.field.take().is_some_and(|name| {
                    let hash = key_hash(name.as_bytes());
                    keys.set.insert(hash)
                });
                if !fresh {
                    return Err(de::Error::custom("repeated key"));
                }
            }
            Role::Value => {}
        }
        check_distinct(self.de)?;
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident: $t:ty),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $t) -> Result<V::Value, E> {
            self.visitor.$method(v)
        }
    )*};
}

impl<'k, 'de, V: Visitor<'de>> Visit<'k, 'de, V> {
    /// Records the hash of a key read as a string.
    fn hash(&mut self, s: &str) {
        if let Some(read) = self.key.as_mut() {
            **read = KeyRead::Hashed(key_hash(s.as_bytes()));
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Visit<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit!(
        visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64,
        visit_i128: i128, visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64,
        visit_u128: u128, visit_f32: f32, visit_f64: f64, visit_char: char,
        visit_bytes: &[u8], visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>,
    );

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<V::Value, E> {
        self.hash(v);
        self.visitor.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(mut self, v: &'de str) -> Result<V::Value, E> {
        match self.key.as_mut() {
            Some(read) if matches!(read, KeyRead::UnreadField) => **read = KeyRead::Field(v),
            _ => self.hash(v),
        }
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(mut self, v: String) -> Result<V::Value, E> {
        self.hash(&v);
        self.visitor.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let role = self.key.map_or(Role::Value, Role::Key);
        self.visitor.visit_some(Whole { de: d, role })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let role = self.key.map_or(Role::Value, Role::Key);
        self.visitor.visit_newtype_struct(Whole { de: d, role })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(Watched(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(WatchedMap {
            map,
            keys: ObjectKeys {
                set: KeySet::default(),
                field: None,
                by_field: None,
            },
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(Watched(data))
    }
}

/// A seed, sequence, enum or variant whose values are read through [`Whole`].
struct Watched<T>(T);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Watched<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Whole::new(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Watched<A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.0.next_element_seed(Watched(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Watched<A> {
    type Error = A::Error;
    type Variant = Watched<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Watched(seed))?;
        Ok((value, Watched(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Watched<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(Watched(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Visit { visitor, key: None })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Visit { visitor, key: None })
    }
}

/// A map whose keys must be distinct strings and whose values are read through [`Whole`].
///
/// Its key set holds every key's hash but those a [`FieldIndex`] read and its record read
/// the value of: such a record holds each field it knows in one slot and fails when a field
/// repeats, and a key it knows never equals a key it ignores, so distinct hashes of the
/// ignored keys prove every key of the object distinct. An object whose keys are read by a
/// [`FieldIndex`] and by another seed goes to the slow path.
struct WatchedMap<'de, A> {
    map: A,
    keys: ObjectKeys<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WatchedMap<'de, A> {
    type Error = A::Error;

    #[inline(always)]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.keys.field.is_some() {
            // The last key's value was never read: nothing proves that key distinct.
            return Err(de::Error::custom("a key without its value"));
        }
        let by_field = is_field_index::<K>();
        if *self.keys.by_field.get_or_insert(by_field) != by_field {
            // Keys read two ways: a known field might equal a key hashed the other way.
            return Err(de::Error::custom("an object's keys read two ways"));
        }
        let mut read = if by_field {
            KeyRead::UnreadField
        } else {
            KeyRead::Unread
        };
        let key = self.map.next_key_seed(KeySeed {
            seed,
            read: &mut read,
        })?;
        if key.is_some() {
            match read {
                KeyRead::Hashed(hash) if self.keys.set.insert(hash) => {}
                KeyRead::Field(name) => self.keys.field = Some(name),
                // A key read other than as a string, or seen before: the slow path decides.
                _ => return Err(de::Error::custom("repeated or unhashed key")),
            }
        }
        Ok(key)
    }

    #[inline]
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        if self.keys.field.is_none() {
            return self.map.next_value_seed(Watched(seed));
        }
        let value = self.map.next_value_seed(FieldValue {
            seed,
            keys: &mut self.keys,
        });
        self.keys.field = None;
        value
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads an object key through [`Whole`], recording in `read` what its map must check.
struct KeySeed<'k, 'de, K> {
    seed: K,
    read: &'k mut KeyRead<'de>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        self.seed.deserialize(Whole {
            de: d,
            role: Role::Key(self.read),
        })
    }
}

/// Reads the value of the [`FieldIndex`] key `keys.field` through [`Whole`], which adds the
/// key to `keys` if its record ignores the value.
struct FieldValue<'k, 'de, S> {
    seed: S,
    keys: &'k mut ObjectKeys<'de>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FieldValue<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Whole {
            de: d,
            role: Role::FieldValue(self.keys),
        })
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fields;
