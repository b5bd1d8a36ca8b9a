//! One pass over a JSON document that accepts exactly the documents `serde_json::Value`
//! accepts, and notices repeated keys, in memory proportional to the keys of the open objects.
//!
//! A typed parse is more lenient than a `Value` parse where it ignores content: serde_json
//! skips the value of an unknown key without checking its nesting depth, and serde's derive
//! rejects a repeated field that a `Value` (and so the `jsonschema` crate) keeps the last of.
//! Scanning first makes the generated types see the document JSON Schema sees.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::keys::{KeySet, key_hash};

/// What the scan found in a well-formed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keys {
    /// No object holds a key twice.
    Distinct,
    /// Some object holds a key twice (a `Value` keeps the last).
    Repeated,
}

/// Checks `bytes` as `serde_json::from_slice::<Value>` would (syntax, UTF-8, escapes,
/// numbers in range, nesting at most 128 deep, nothing after the value), holding one 64-bit
/// hash per key of each open object and nothing else.
///
/// Two keys with equal hashes count as repeated; with the randomly seeded [`key_hash`] a
/// false alarm is astronomically unlikely, and harmless up to 16 MiB: the caller then reads
/// the document through a `Value`, which gives the same result.
pub(crate) fn scan(bytes: &[u8]) -> Result<Keys, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let repeated = Scan.deserialize(&mut de)?;
    de.end()?;
    Ok(if repeated {
        Keys::Repeated
    } else {
        Keys::Distinct
    })
}

/// Reads one whole value from `d` as a `Value` parse would (syntax, UTF-8, escapes, numbers
/// in range, nesting depth), keeping nothing; an object that repeats a key is an error too.
pub(crate) fn check_distinct<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    if Scan.deserialize(d)? {
        return Err(serde::de::Error::custom("an object repeats a key"));
    }
    Ok(())
}

/// Visits a whole value the way `Value`'s visitor does; yields whether a key repeats.
#[derive(Clone, Copy)]
struct Scan;

impl<'de> DeserializeSeed<'de> for Scan {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! scalar {
    ($($method:ident: $t:ty),* $(,)?) => {$(
        fn $method<E: serde::de::Error>(self, _: $t) -> Result<bool, E> {
            Ok(false)
        }
    )*};
}

impl<'de> Visitor<'de> for Scan {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    scalar!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);

    fn visit_unit<E: serde::de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut repeated = false;
        while let Some(r) = seq.next_element_seed(self)? {
            repeated |= r;
        }
        Ok(repeated)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut keys = KeySet::default();
        let mut repeated = false;
        while let Some(hash) = map.next_key_seed(Key)? {
            repeated |= !keys.insert(hash);
            repeated |= map.next_value_seed(self)?;
        }
        Ok(repeated)
    }
}

/// An object key, read as its hash.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<u64, E> {
        Ok(key_hash(v.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The scan accepts exactly what a `Value` parse accepts.
    #[test]
    fn accepts_what_value_accepts() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let ignored = |n: usize| format!(r#"{{"a": {}}}"#, deep(n));
        let cases = [
            "{}".to_owned(),
            r#"{"a": 1e400}"#.to_owned(),
            r#"{"a": "\ud800"}"#.to_owned(),
            r#"{"a": "\ud83d\ude00"}"#.to_owned(),
            "{\"a\": \"\u{1}\"}".to_owned(),
            r#"{"a": 1} x"#.to_owned(),
            r#"{"a": -0, "b": 18446744073709551616}"#.to_owned(),
            deep(128),
            deep(129),
            ignored(127),
            ignored(128),
            r#"{"a\u0000": 1, "a\u0000": 2}"#.to_owned(),
            String::new(),
        ];
        for text in cases {
            let value = serde_json::from_str::<Value>(&text).is_ok();
            assert_eq!(scan(text.as_bytes()).is_ok(), value, "{text}");
        }
        assert!(scan(b"{\"a\": \"\xff\"}").is_err());
    }

    #[test]
    fn finds_repeated_keys_at_any_depth() {
        assert_eq!(scan(br#"{"a": 1, "b": 2}"#).unwrap(), Keys::Distinct);
        assert_eq!(scan(br#"{"a": 1, "a": 1}"#).unwrap(), Keys::Repeated);
        assert_eq!(
            scan(br#"[{"x": {"a": 1, "\u0061": 2}}]"#).unwrap(),
            Keys::Repeated
        );
        assert_eq!(scan(br#"[{"a": 1}, {"a": 1}]"#).unwrap(), Keys::Distinct);
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let distinct = format!("{{{}}}", many.join(","));
        assert_eq!(scan(distinct.as_bytes()).unwrap(), Keys::Distinct);
        let repeated = format!("{{{}, \"k3\": 0}}", many.join(","));
        assert_eq!(scan(repeated.as_bytes()).unwrap(), Keys::Repeated);
    }
}
