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

use std::borrow::Cow;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    Deserialize, Deserializer, Error as _, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;

use super::Strict;
use crate::check::json_eq;

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
        if !distinct(&items) {
            return Err(D::Error::custom("items are not unique"));
        }
        items
            .into_iter()
            .map(|item| item.into_strict().map_err(D::Error::custom))
            .collect()
    }
}

impl<'de, T: Strict<'de>> UniqueList<'de> for Option<Vec<T>> {
    fn deserialize_unique<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<UniqueVec<T>>::deserialize(d).map(|o| o.map(|v| v.0))
    }
}

/// Carries a [`UniqueList`] through serde's `Deserialize`-based APIs, as
/// [`StrictValue`](super::StrictValue) carries a [`Strict`] value: what a generated record
/// reads a field's own `unique` list as.
pub struct UniqueValue<T>(pub T);

impl<'de, T: UniqueList<'de>> Deserialize<'de> for UniqueValue<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_unique(d).map(UniqueValue)
    }
}

/// A `Vec<T>` read by [`UniqueList`], inside an `Option`.
struct UniqueVec<T>(Vec<T>);

impl<'de, T: Strict<'de>> Deserialize<'de> for UniqueVec<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize_unique(d).map(UniqueVec)
    }
}

/// One item of a JSON array: a string kept as read (borrowed from the document when it
/// has no escapes), anything else as a JSON value.
enum Item<'de> {
    Str(Cow<'de, str>),
    Json(Value),
}

impl<'de> Item<'de> {
    /// Converts the item with its [`Strict`] rules, from the equal `serde_json::Value`: a
    /// `Value` deserializer differs from serde's string deserializers (`Option<T>` items
    /// read a string as `Some`), so the text becomes a `Value::String` first.
    fn into_strict<T: Strict<'de>>(self) -> Result<T, serde_json::Error> {
        match self {
            Item::Str(s) => T::deserialize_strict(Value::String(s.into_owned())),
            Item::Json(v) => T::deserialize_strict(v),
        }
    }
}

/// Whether no two items are equal as JSON values: strings by their text (sorted when there
/// are many), other values by [`json_eq`]; a string never equals another kind of value.
fn distinct(items: &[Item<'_>]) -> bool {
    let mut strs: Vec<&str> = Vec::new();
    let mut json: Vec<&Value> = Vec::new();
    for item in items {
        match item {
            Item::Str(s) => strs.push(s),
            Item::Json(v) => json.push(v),
        }
    }
    let strs_distinct = if strs.len() > 16 {
        strs.sort_unstable();
        strs.windows(2).all(|w| w[0] != w[1])
    } else {
        strs.iter()
            .enumerate()
            .all(|(i, a)| !strs[i + 1..].contains(a))
    };
    strs_distinct
        && json
            .iter()
            .enumerate()
            .all(|(i, a)| !json[i + 1..].iter().any(|b| json_eq(a, b)))
}

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

/// Reads an [`Item`]: strings as text, the rest as `serde_json::Value` reads it.
struct ItemVisitor;

macro_rules! json {
    ($($method:ident: $t:ty),* $(,)?) => {$(
        fn $method<E: serde::de::Error>(self, v: $t) -> Result<Item<'de>, E> {
            Value::deserialize(v.into_deserializer()).map(Item::Json)
        }
    )*};
}

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Item<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Item<'de>, E> {
        Ok(Item::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Item<'de>, E> {
        Ok(Item::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Item<'de>, E> {
        Ok(Item::Str(Cow::Owned(v)))
    }

    json!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64);

    fn visit_unit<E: serde::de::Error>(self) -> Result<Item<'de>, E> {
        Ok(Item::Json(Value::Null))
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Item<'de>, E> {
        Ok(Item::Json(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Item<'de>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Item::Json)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item<'de>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Item::Json)
    }
}

/// The items of a JSON array.
struct Items;

impl<'de> Visitor<'de> for Items {
    type Value = Vec<Item<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Item<'de>>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq.next_element::<Item<'de>>()? {
            out.push(v);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
