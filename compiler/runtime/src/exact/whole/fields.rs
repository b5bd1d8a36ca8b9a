//! The single pass against the slow path on records that read their keys with
//! [`FieldIndex`], as the generated ones do: the single pass hashes only the keys such a
//! record ignores, so repeated known keys, repeated ignored keys and a known key spelt with
//! an escape must still reach the slow path, in records at the root, in lists, in maps and in
//! records that deny unknown keys.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::check;
use crate::de::FieldIndex;
use crate::exact::json::{from_json, scanned};
use crate::validate::{Path, Validate, Violations};

/// A record as `templates/rust/struct.rs.tera` writes it: one slot per field, a repeated
/// field fails, an unknown key's value is read as `IgnoredAny`.
#[derive(Debug, PartialEq)]
struct Rec {
    name: String,
    count: Option<i64>,
    inner: Option<Denied>,
    items: Vec<Rec>,
    map: BTreeMap<String, Denied>,
}

/// A record that denies unknown keys.
#[derive(Debug, PartialEq)]
struct Denied {
    a: i64,
}

fn rec_index(key: &str) -> Option<usize> {
    ["name", "count", "inner", "items", "map"]
        .iter()
        .position(|k| *k == key)
}

fn denied_index(key: &str) -> Option<usize> {
    (key == "a").then_some(0)
}

struct RecVisitor;

impl<'de> Visitor<'de> for RecVisitor {
    type Value = Rec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Rec")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rec, A::Error> {
        const FIELDS: &[&str] = &["name", "count", "inner", "items", "map"];
        let keys = FieldIndex::new(FIELDS, rec_index, false);
        let (mut f0, mut f1, mut f2, mut f3, mut f4) = (None, None, None, None, None);
        // As the template: a repeated field fails before its value is read.
        macro_rules! read {
            ($slot:ident, $i:literal, $value:expr) => {{
                if $slot.is_some() {
                    return Err(de::Error::duplicate_field(FIELDS[$i]));
                }
                $slot = Some($value);
            }};
        }
        while let Some(key) = map.next_key_seed(keys)? {
            match key {
                Some(0) => read!(f0, 0, map.next_value::<String>()?),
                Some(1) => read!(f1, 1, map.next_value::<crate::de::StrictValue<_>>()?.0),
                Some(2) => read!(f2, 2, map.next_value()?),
                Some(3) => read!(f3, 3, map.next_value()?),
                Some(4) => read!(f4, 4, map.next_value()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Rec {
            name: f0.ok_or_else(|| de::Error::missing_field("name"))?,
            count: f1.unwrap_or_default(),
            inner: f2.unwrap_or_default(),
            items: f3.unwrap_or_default(),
            map: f4.unwrap_or_default(),
        })
    }
}

impl<'de> Deserialize<'de> for Rec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rec, D::Error> {
        d.deserialize_map(RecVisitor)
    }
}

struct DeniedVisitor;

impl<'de> Visitor<'de> for DeniedVisitor {
    type Value = Denied;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Denied")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Denied, A::Error> {
        let keys = FieldIndex::new(&["a"], denied_index, true);
        let mut a = None;
        while let Some(key) = map.next_key_seed(keys)? {
            if key == Some(0) {
                if a.is_some() {
                    return Err(de::Error::duplicate_field("a"));
                }
                a = Some(map.next_value::<i64>()?);
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(Denied {
            a: a.ok_or_else(|| de::Error::missing_field("a"))?,
        })
    }
}

impl<'de> Deserialize<'de> for Denied {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Denied, D::Error> {
        d.deserialize_map(DeniedVisitor)
    }
}

impl Validate for Rec {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        out.push_opt(&path.key("name"), check::max_length(&self.name, 5));
        for (i, item) in self.items.iter().enumerate() {
            item.validate_at(&path.key("items").index(i), out);
        }
        for (key, d) in &self.map {
            out.push_opt(&path.key("map").key(key).key("a"), check::max(d.a, 10));
        }
    }
}

fn same(bytes: &[u8]) {
    let new = from_json::<Rec>(bytes).map_err(|e| e.to_string());
    let old = scanned::<Rec>(bytes)
        .and_then(|v| v.validate().map(|()| v))
        .map_err(|e| e.to_string());
    assert_eq!(new, old, "{}", String::from_utf8_lossy(bytes));
}

/// Documents whose keys repeat in every way a record can meet them.
const CASES: &[&str] = &[
    r#"{"name": "a"}"#,
    r#"{"name": "a", "name": "b"}"#,
    r#"{"name": "toolong", "name": "b"}"#,
    r#"{"name": "a", "n\u0061me": "toolong"}"#,
    r#"{"n\u0061me": "a", "name": "b"}"#,
    r#"{"name": "a", "x": 1, "x": 2}"#,
    r#"{"name": "a", "x": 1, "\u0078": 2}"#,
    r#"{"name": "a", "x": 1, "y": 2, "x": 3}"#,
    r#"{"x": 1, "name": "a", "x": [1]}"#,
    r#"{"name": "a", "count": 1, "count": 2}"#,
    r#"{"name": "a", "count": 1.5, "count": 2}"#,
    r#"{"name": "a", "inner": {"a": 1}, "inner": {"a": 2}}"#,
    r#"{"name": "a", "inner": {"a": 1, "a": 2}}"#,
    r#"{"name": "a", "inner": {"a": 1, "b": 2}}"#,
    r#"{"name": "a", "inner": {"b": 2, "b": 2}}"#,
    r#"{"name": "a", "items": [{"name": "b", "name": "c"}]}"#,
    r#"{"name": "a", "items": [{"name": "b", "z": 1, "z": 2}]}"#,
    r#"{"name": "a", "items": [{"name": "b", "z": 1}, {"name": "c", "z": 2}]}"#,
    r#"{"name": "a", "items": [{"name": "b", "items": [{"name": "c", "x": {"y": 1, "y": 2}}]}]}"#,
    r#"{"name": "a", "map": {"k": {"a": 1}, "k": {"a": 20}}}"#,
    r#"{"name": "a", "map": {"k": {"a": 20}, "k": {"a": 1}}}"#,
    r#"{"name": "a", "map": {"name": {"a": 1}, "k": {"a": 1, "a": 1}}}"#,
    r#"{"name": "a", "map": {"a": {"a": 1}, "\u0061": {"a": 2}}}"#,
    r#"{"name": "a", "x": {"name": 1, "name": 2}}"#,
    r#"{"name": "a", "x": 1e400}"#,
    r#"{"name": "a", "x": "\ud800"}"#,
];

#[test]
fn agrees_with_the_scan_path_on_records_that_index_their_keys() {
    for doc in CASES {
        same(doc.as_bytes());
    }
    let many: Vec<String> = (0..40).map(|i| format!(r#""k{i}": {}"#, i % 10)).collect();
    same(format!(r#"{{"name": "a", {}}}"#, many.join(",")).as_bytes());
    same(format!(r#"{{"name": "a", {}, "k7": 1}}"#, many.join(",")).as_bytes());
    same(format!(r#"{{"name": "a", {}, "name": "b"}}"#, many.join(",")).as_bytes());
}

#[test]
fn hands_over_every_repeated_key_of_a_record() {
    use super::{is_field_index, parse};
    assert!(is_field_index::<FieldIndex>());
    assert!(!is_field_index::<std::marker::PhantomData<String>>());
    let clean = br#"{"name": "a", "x": 1, "y": 1, "inner": {"a": 1}, "map": {"name": {"a": 1}}}"#;
    assert!(parse::<Rec>(clean).is_ok());
    let repeated = [
        r#"{"name": "a", "name": "b"}"#,
        r#"{"name": "a", "n\u0061me": "b"}"#,
        r#"{"name": "a", "x": 1, "x": 2}"#,
        r#"{"name": "a", "x": 1, "\u0078": 2}"#,
        r#"{"x": 1, "name": "a", "x": [1]}"#,
        r#"{"name": "a", "inner": {"a": 1, "a": 2}}"#,
        r#"{"name": "a", "items": [{"name": "b", "z": 1, "z": 2}]}"#,
        r#"{"name": "a", "map": {"k": {"a": 1}, "k": {"a": 2}}}"#,
        r#"{"name": "a", "map": {"a": {"a": 1}, "\u0061": {"a": 2}}}"#,
        r#"{"name": "a", "x": {"name": 1, "name": 2}}"#,
    ];
    for doc in repeated {
        assert!(parse::<Rec>(doc.as_bytes()).is_err(), "{doc}");
    }
}

/// Every single-byte edit of a record document, as in `tests.rs`.
#[test]
fn agrees_with_the_scan_path_on_every_small_edit_of_a_record() {
    let seed = r#"{"name":"ab","x":1,"count":2,"inner":{"a":1},"items":[{"name":"c","y":[1]}],"map":{"k":{"a":3},"j":{"a":4}}}"#;
    let alphabet = b"{}[],:\"\\ a1.e-nxy";
    let bytes = seed.as_bytes();
    let mut count = 0;
    for i in 0..bytes.len() {
        let mut del = bytes.to_vec();
        del.remove(i);
        same(&del);
        let mut dup = bytes.to_vec();
        dup.insert(i, bytes[i]);
        same(&dup);
        for &b in alphabet {
            let mut sub = bytes.to_vec();
            sub[i] = b;
            same(&sub);
            count += 1;
        }
    }
    assert!(count > 1500, "{count}");
}

/// A visitor that reads its first key as a `String` and the rest with a [`FieldIndex`]: a
/// known field could then equal the first key, which its slots never saw.
struct Mixed;

impl<'de> Deserialize<'de> for Mixed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Mixed, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Mixed;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("struct Mixed")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Mixed, A::Error> {
                if map.next_key::<String>()?.is_some() {
                    map.next_value::<de::IgnoredAny>()?;
                }
                let keys = FieldIndex::new(&["a"], denied_index, false);
                while map.next_key_seed(keys)?.is_some() {
                    map.next_value::<de::IgnoredAny>()?;
                }
                Ok(Mixed)
            }
        }
        d.deserialize_map(V)
    }
}

#[test]
fn hands_over_an_object_whose_keys_are_read_two_ways() {
    use super::parse;
    assert!(parse::<Mixed>(br#"{"a": 1, "a": 2}"#).is_err());
    assert!(parse::<Mixed>(br#"{"b": 1, "a": 2}"#).is_err());
}
