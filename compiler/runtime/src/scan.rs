//! One pass over a JSON document that accepts exactly the documents `serde_json::Value`
//! accepts, and notices repeated keys, in memory proportional to the keys of the open objects.
//!
//! A typed parse is more lenient than a `Value` parse where it ignores content: serde_json
//! skips the value of an unknown key without checking its nesting depth, and serde's derive
//! rejects a repeated field that a `Value` (and so the `jsonschema` crate) keeps the last of.
//! Scanning first makes the generated types see the document JSON Schema sees.

use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasher, RandomState};

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

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
/// Two keys with equal hashes count as repeated; with a randomly keyed hash a false alarm is
/// astronomically unlikely, and harmless: the caller then reads the document through a
/// `Value`, which gives the same result.
pub(crate) fn scan(bytes: &[u8]) -> Result<Keys, serde_json::Error> {
    let state = RandomState::new();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let repeated = Scan(&state).deserialize(&mut de)?;
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
    let state = RandomState::new();
    if Scan(&state).deserialize(d)? {
        return Err(serde::de::Error::custom("an object repeats a key"));
    }
    Ok(())
}

/// Visits a whole value the way `Value`'s visitor does; yields whether a key repeats.
#[derive(Clone, Copy)]
struct Scan<'s>(&'s RandomState);

impl<'de> DeserializeSeed<'de> for Scan<'_> {
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

impl<'de> Visitor<'de> for Scan<'_> {
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
        while let Some(hash) = map.next_key_seed(Key(self.0))? {
            repeated |= !keys.insert(hash);
            repeated |= map.next_value_seed(self)?;
        }
        Ok(repeated)
    }
}

/// The key hashes of one object: inline while few, a hash set once it grows.
#[derive(Default)]
pub(crate) struct KeySet {
    few: [u64; KeySet::FEW],
    len: usize,
    many: HashSet<u64>,
}

impl KeySet {
    /// Keys held inline before spilling into the hash set.
    const FEW: usize = 16;

    /// Adds `hash`; false when it was already there.
    pub(crate) fn insert(&mut self, hash: u64) -> bool {
        if self.len < Self::FEW {
            if self.few[..self.len].contains(&hash) {
                return false;
            }
            self.few[self.len] = hash;
            self.len += 1;
            return true;
        }
        if self.many.is_empty() {
            self.many.extend(self.few);
        }
        self.many.insert(hash)
    }
}

/// A word-at-a-time multiplicative hash (FxHash's step) over the length and the bytes, the
/// last word read overlapping: a collision costs only a trip down the scan path, so a keyed
/// or collision-resistant hash would buy nothing here.
pub(crate) fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let word = |s: &[u8]| {
        let mut w = [0; 8];
        w.copy_from_slice(s);
        u64::from_le_bytes(w)
    };
    let half = |s: &[u8]| {
        let mut w = [0; 4];
        w.copy_from_slice(s);
        u64::from(u32::from_le_bytes(w))
    };
    let n = bytes.len();
    let h = n as u64;
    match n {
        0..4 => step(h, bytes.iter().fold(0, |w, &b| w << 8 | u64::from(b))),
        4..=8 => step(h, half(&bytes[..4]) | half(&bytes[n - 4..]) << 32),
        _ => {
            let mut chunks = bytes.chunks_exact(8);
            let h = chunks.by_ref().fold(h, |h, c| step(h, word(c)));
            match chunks.remainder() {
                [] => h,
                _ => step(h, word(&bytes[n - 8..])),
            }
        }
    }
}

/// An object key, read as its hash.
struct Key<'s>(&'s RandomState);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key<'_> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<u64, E> {
        Ok(self.0.hash_one(v))
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
