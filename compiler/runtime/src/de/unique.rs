//! `unique` lists whose items Rust compares differently from JSON, checked while parsing.
//!
//! JSON Schema's `uniqueItems` compares the items as JSON values. After parsing, Rust cannot
//! always do the same: `Uuid` forgets the letter case (`"A…"` and `"a…"` are distinct JSON
//! strings), `DateTime` the offset and spelling of an instant, a record whether an optional
//! key was absent or `null` and which unknown keys it ignored, `serde_json::Value`'s `==` that
//! `1` equals `1.0`. For such lists the generated field reads the items as JSON values first,
//! compares those exactly as `jsonschema` does ([`crate::check::json_eq`]), then converts
//! each item with its [`Strict`] rules.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _, SeqAccess, Visitor};
use serde_json::Value;

use super::Strict;
use crate::check::unique_items;

/// For `#[serde(deserialize_with = "::contractc_runtime::de::strict_unique")]` on a field of
/// type `Vec<T>` or `Option<Vec<T>>`: fails with `items are not unique` when two items are
/// equal as JSON values.
///
/// ```
/// use contractc_runtime::uuid::Uuid;
/// #[derive(serde::Deserialize)]
/// #[serde(crate = "::contractc_runtime::serde")]
/// struct Ids {
///     #[serde(deserialize_with = "::contractc_runtime::de::strict_unique")]
///     ids: Vec<Uuid>,
/// }
/// let a = "f308a72c-fa84-11eb-9a03-0242ac130003";
/// let case = format!(r#"{{"ids": ["{a}", "{}"]}}"#, a.to_uppercase());
/// assert_eq!(serde_json::from_str::<Ids>(&case).unwrap().ids.len(), 2);
/// let same = format!(r#"{{"ids": ["{a}", "{a}"]}}"#);
/// assert!(serde_json::from_str::<Ids>(&same).is_err());
/// ```
pub fn strict_unique<'de, D: Deserializer<'de>, T: UniqueList<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize_unique(d)
}

/// A list type read by [`strict_unique`].
pub trait UniqueList<'de>: Sized {
    /// Reads the list, failing when two items are equal as JSON values.
    fn deserialize_unique<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

impl<'de, T: Strict<'de>> UniqueList<'de> for Vec<T> {
    fn deserialize_unique<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = d.deserialize_seq(Items)?;
        if let Some(message) = unique_items(&items) {
            return Err(D::Error::custom(message));
        }
        items
            .into_iter()
            .map(|item| T::deserialize_strict(item).map_err(D::Error::custom))
            .collect()
    }
}

impl<'de, T: Strict<'de>> UniqueList<'de> for Option<Vec<T>> {
    fn deserialize_unique<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<UniqueVec<T>>::deserialize(d).map(|o| o.map(|v| v.0))
    }
}

/// A `Vec<T>` read by [`UniqueList`], inside an `Option`.
struct UniqueVec<T>(Vec<T>);

impl<'de, T: Strict<'de>> Deserialize<'de> for UniqueVec<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize_unique(d).map(UniqueVec)
    }
}

/// The items of a JSON array as JSON values.
struct Items;

impl<'de> Visitor<'de> for Items {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Value>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element::<Value>()? {
            out.push(v);
        }
        Ok(out)
    }
}
