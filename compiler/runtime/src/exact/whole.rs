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

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::keys::{KeySet, key_hash};
use super::scan::check_distinct;
use crate::de::{Exact, delegate_deserialize};

/// The typed parse alone, or its error when the slow path must decide. A document of any
/// size is read so: its success proves its keys distinct, so the 16 MiB limit the slow path
/// puts on repeated keys cannot apply to it.
pub(crate) fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(Exact(Whole::new(&mut de)))?;
    de.end().map(|()| value)
}

/// Where the hash of an object key goes while the key is read.
type KeySlot<'k> = Option<&'k mut Option<u64>>;

/// A deserializer watched at every level (see the module docs).
pub(crate) struct Whole<'k, D> {
    de: D,
    key: KeySlot<'k>,
}

impl<D> Whole<'static, D> {
    /// Watches `de`, which reads a value (not an object key).
    pub(crate) fn new(de: D) -> Self {
        Whole { de, key: None }
    }
}

/// Wraps a visitor so that what it is handed is watched too.
struct Visit<'k, V> {
    visitor: V,
    key: KeySlot<'k>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Whole<'_, D> {
    type Error = D::Error;

    delegate_deserialize!(|this, visitor| this.de => Visit { visitor, key: this.key });
    delegate_deserialize!(@each |this, visitor| this.de => Visit { visitor, key: this.key };
        deserialize_struct(name: &'static str, fields: &'static [&'static str]),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    );

    /// A value the type ignores is read in full, as a `Value` parse reads it.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if let Some(slot) = self.key {
            // An ignored key: read it as a string to hash it.
            return self
                .de
                .deserialize_str(Visit {
                    visitor: de::IgnoredAny,
                    key: Some(slot),
                })
                .and_then(|_| visitor.visit_unit());
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

impl<'k, 'de, V: Visitor<'de>> Visit<'k, V> {
    /// Records the hash of a key read as a string.
    fn hash(&mut self, s: &str) {
        if let Some(slot) = self.key.as_mut() {
            **slot = Some(key_hash(s.as_bytes()));
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Visit<'_, V> {
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
        self.hash(v);
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
        let key = self.key;
        self.visitor.visit_some(Whole { de: d, key })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let key = self.key;
        self.visitor.visit_newtype_struct(Whole { de: d, key })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(Watched(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(WatchedMap {
            map,
            keys: KeySet::default(),
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
struct WatchedMap<A> {
    map: A,
    keys: KeySet,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WatchedMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut hash = None;
        let key = self.map.next_key_seed(KeySeed {
            seed,
            slot: &mut hash,
        })?;
        if key.is_some() {
            // A key read other than as a string, or seen before: the slow path decides.
            let fresh = hash.is_some_and(|h| self.keys.insert(h));
            if !fresh {
                return Err(de::Error::custom("repeated or unhashed key"));
            }
        }
        Ok(key)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(Watched(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads an object key through [`Whole`], recording its hash in `slot`.
struct KeySeed<'k, K> {
    seed: K,
    slot: &'k mut Option<u64>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        self.seed.deserialize(Whole {
            de: d,
            key: Some(self.slot),
        })
    }
}

#[cfg(test)]
mod tests;
