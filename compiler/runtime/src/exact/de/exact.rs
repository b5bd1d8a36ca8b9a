//! [`Exact`]: reads structs only from JSON objects and enums only from JSON strings.
//!
//! serde's derives are more liberal than JSON Schema: a derived struct also accepts an array
//! of its fields in order (`["u-1", null]` for `{"user_id": "u-1", "org_id": null}`), and a
//! derived unit-only enum also accepts `{"red": null}` for `"red"`. The schema says `type:
//! object` and `enum: [...]` (strings). The generated types need no adapter (their own
//! `Deserialize` reads objects and strings only); [`crate::from_json`] reads its top-level
//! type through this one, so that a derived type of a user's is read the same way.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, Visitor};

/// Wraps a deserializer: `deserialize_struct` asks for a map and `deserialize_enum` for a
/// string; everything else goes through unchanged.
///
/// ```
/// use contractc_runtime::de::Exact;
/// use serde::Deserialize;
/// #[derive(Deserialize, Debug, PartialEq)]
/// #[serde(crate = "::contractc_runtime::serde")]
/// struct P { x: i64 }
/// #[derive(Deserialize, Debug, PartialEq)]
/// #[serde(crate = "::contractc_runtime::serde")]
/// enum C { #[serde(rename = "red")] Red }
/// let exact = |text: &str| P::deserialize(Exact(&mut serde_json::Deserializer::from_str(text)));
/// assert_eq!(exact(r#"{"x": 1}"#).unwrap(), P { x: 1 });
/// assert!(exact("[1]").is_err());
/// assert!(serde_json::from_str::<P>("[1]").is_ok()); // serde alone accepts the array
/// let colour = |text: &str| C::deserialize(Exact(&mut serde_json::Deserializer::from_str(text)));
/// assert_eq!(colour(r#""red""#).unwrap(), C::Red);
/// assert!(colour(r#"{"red": null}"#).is_err());
/// ```
#[derive(Debug)]
pub struct Exact<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Exact<D> {
    type Error = D::Error;

    super::delegate_deserialize!(|this, visitor| this.0 => visitor);
    super::delegate_deserialize!(@each |this, visitor| this.0 => visitor; deserialize_ignored_any());

    /// A struct is read from a JSON object only (`type: object`), never from an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    /// An enum of the catalog is read from a JSON string only (`enum: [...]`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_str(UnitVariant(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Hands a string to an enum visitor as the name of a unit variant.
struct UnitVariant<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for UnitVariant<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.0.visit_enum(BorrowedStrDeserializer::new(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.0.visit_enum(StrDeserializer::new(v))
    }
}
