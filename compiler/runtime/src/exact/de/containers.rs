//! [`Strict`] through `Option`, `Vec`, `BTreeMap<String, _>` and `Box`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Strict, StrictValue};

/// `null` is `None` (an absent field needs `#[serde(default)]` as usual).
impl<'de, T: Strict<'de>> Strict<'de> for Option<T> {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<StrictValue<T>>::deserialize(d).map(|o| o.map(|v| v.0))
    }
}

impl<'de, T: Strict<'de>> Strict<'de> for Box<T> {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_strict(d).map(Box::new)
    }
}

/// Collects a JSON array of strict elements.
struct VecVisitor<T>(PhantomData<T>);

impl<'de, T: Strict<'de>> Visitor<'de> for VecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Cap the hint as serde does, so a lying length cannot reserve unbounded memory.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(StrictValue(v)) = seq.next_element::<StrictValue<T>>()? {
            out.push(v);
        }
        Ok(out)
    }
}

impl<'de, T: Strict<'de>> Strict<'de> for Vec<T> {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(VecVisitor(PhantomData))
    }
}

/// Collects a JSON object of strict values; a repeated key keeps the last value, as serde's
/// `BTreeMap` does and as JSON Schema validators that read into a map see it.
struct MapVisitor<T>(PhantomData<T>);

impl<'de, T: Strict<'de>> Visitor<'de> for MapVisitor<T> {
    type Value = BTreeMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, StrictValue(v))) = map.next_entry::<String, StrictValue<T>>()? {
            out.insert(k, v);
        }
        Ok(out)
    }
}

impl<'de, T: Strict<'de>> Strict<'de> for BTreeMap<String, T> {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use crate::de::strict;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Nested {
        #[serde(default, deserialize_with = "strict")]
        deep: Option<Vec<BTreeMap<String, Box<Option<i64>>>>>,
    }

    #[test]
    fn strictness_reaches_every_depth() {
        let ok: Nested = serde_json::from_str(r#"{"deep": [{"a": 1.0, "b": null}, {}]}"#).unwrap();
        let deep = ok.deep.unwrap();
        assert_eq!(*deep[0]["a"], Some(1));
        assert_eq!(*deep[0]["b"], None);
        assert!(deep[1].is_empty());
        assert_eq!(
            Nested::deserialize(serde_json::json!({})).unwrap().deep,
            None
        );
        assert_eq!(
            serde_json::from_str::<Nested>(r#"{"deep": null}"#)
                .unwrap()
                .deep,
            None
        );
        assert!(serde_json::from_str::<Nested>(r#"{"deep": [{"a": 1.5}]}"#).is_err());
        assert!(serde_json::from_str::<Nested>(r#"{"deep": {"a": 1}}"#).is_err());
        assert!(serde_json::from_str::<Nested>(r#"{"deep": [[1]]}"#).is_err());
    }

    #[test]
    fn repeated_map_key_keeps_the_last_value() {
        let v: Nested = serde_json::from_str(r#"{"deep": [{"a": 1, "a": 2}]}"#).unwrap();
        assert_eq!(*v.deep.unwrap()[0]["a"], Some(2));
    }
}
