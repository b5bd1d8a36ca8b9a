//! The single pass against the slow path it replaces: same verdict, same value, same
//! violations, on documents built to split them (repeated keys at every depth, deep nesting
//! under ignored keys, values only a `Value` parse rejects, trailing garbage, bad UTF-8).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::check;
use crate::exact::json::{from_json, scanned};
use crate::validate::{Path, Validate, Violations};

#[derive(Deserialize, Debug, PartialEq)]
struct Outer {
    name: String,
    #[serde(default, deserialize_with = "crate::de::strict")]
    count: Option<i64>,
    #[serde(default)]
    inner: Option<Inner>,
    #[serde(default)]
    items: Vec<Inner>,
    #[serde(default)]
    map: BTreeMap<String, i64>,
    #[serde(default)]
    extra: Option<serde_json::Value>,
}

/// Read with serde's plain derive (not through `Exact`): its ignored values must be checked too.
#[derive(Deserialize, Debug, PartialEq)]
struct Inner {
    text: String,
}

impl Validate for Outer {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        out.push_opt(&path.key("name"), check::max_length(&self.name, 5));
        for (key, v) in &self.map {
            out.push_opt(&path.key("map").key(key), check::max(*v, 10));
        }
    }
}

/// The old `from_json`: scan, typed parse, validate.
fn old(bytes: &[u8]) -> Result<Outer, Violations> {
    let value = scanned::<Outer>(bytes)?;
    value.validate().map(|()| value)
}

fn same(bytes: &[u8]) {
    let new = from_json::<Outer>(bytes).map_err(|e| e.to_string());
    let old = old(bytes).map_err(|e| e.to_string());
    assert_eq!(new, old, "{}", String::from_utf8_lossy(bytes));
}

fn deep(n: usize) -> String {
    format!("{}{}", "[".repeat(n), "]".repeat(n))
}

fn deep_objects(n: usize) -> String {
    format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n))
}

/// Hand-picked documents where a naive single pass would differ from the slow path.
fn cases() -> Vec<String> {
    let mut out: Vec<String> = [
        r#"{"name": "a"}"#,
        r#"{"name": "toolong"}"#,
        r#"{"name": "a", "name": "b"}"#,
        r#"{"name": "a", "name": 5}"#,
        r#"{"name": 5, "name": "a"}"#,
        r#"{"name": "a", "n\u0061me": "toolong"}"#,
        r#"{"name": "a", "x": 1, "x": 2}"#,
        r#"{"name": "a", "x": {"y": 1, "y": 2}}"#,
        r#"{"name": "a", "x": [{"y": 1}, {"y": 1}]}"#,
        r#"{"name": "a", "map": {"k": 1, "k": 2}}"#,
        r#"{"name": "a", "map": {"k": 11, "k": 2}}"#,
        r#"{"name": "a", "map": {"k": 1, "k": 20}}"#,
        r#"{"name": "a", "map": {"k": "s", "k": 2}}"#,
        r#"{"name": "a", "map": {"k": 1, "\u006b": 2}}"#,
        r#"{"name": "a", "extra": {"k": 1, "k": [2]}}"#,
        r#"{"name": "a", "extra": [{"k": 1}, {"k": 1, "j": {"k": 0, "k": 0}}]}"#,
        r#"{"name": "a", "inner": {"text": "t", "text": "u"}}"#,
        r#"{"name": "a", "inner": {"text": "t", "z": 1, "z": 2}}"#,
        r#"{"name": "a", "items": [{"text": "t"}, {"text": "t", "q": {"r": 1, "r": 1}}]}"#,
        r#"{"name": "a", "x": 1e400}"#,
        r#"{"name": "a", "inner": {"text": "t", "x": 1e400}}"#,
        r#"{"name": "a", "x": "\ud800"}"#,
        r#"{"name": "a", "items": [{"text": "t", "x": "\udc00"}]}"#,
        r#"{"name": "a", "x": "\ud83d\ude00"}"#,
        r#"{"name": "a", "count": 1.0}"#,
        r#"{"name": "a", "count": 1.5}"#,
        r#"{"name": "a"} x"#,
        r#"{"name": "a"}   "#,
        r#"{"name": "a"}{}"#,
        r#"{"name": "a",}"#,
        r#"["a"]"#,
        "",
        "null",
    ]
    .map(str::to_owned)
    .to_vec();
    for n in [126, 127, 128, 129, 200] {
        out.push(format!(r#"{{"name": "a", "x": {}}}"#, deep(n)));
        out.push(format!(
            r#"{{"name": "a", "inner": {{"text": "t", "x": {}}}}}"#,
            deep(n)
        ));
        out.push(format!(
            r#"{{"name": "a", "items": [{{"text": "t", "x": {}}}]}}"#,
            deep(n)
        ));
        out.push(format!(r#"{{"name": "a", "extra": {}}}"#, deep_objects(n)));
        out.push(format!(r#"{{"name": "a", "x": {}}}"#, deep_objects(n)));
    }
    let many: Vec<String> = (0..40).map(|i| format!(r#""k{i}": {}"#, i % 10)).collect();
    out.push(format!(r#"{{"name": "a", "map": {{{}}}}}"#, many.join(",")));
    out.push(format!(
        r#"{{"name": "a", "map": {{{}, "k3": 9}}}}"#,
        many.join(",")
    ));
    out.push(format!(
        r#"{{"name": "a", "extra": {{{}, "k39": 0}}}}"#,
        many.join(",")
    ));
    out.push(format!(r#"{{"name": "a", {}, "k0": 1}}"#, many.join(",")));
    out
}

#[test]
fn agrees_with_the_scan_path_on_crafted_documents() {
    for doc in cases() {
        same(doc.as_bytes());
    }
    same(b"{\"name\": \"a\", \"x\": \"\xff\"}");
    same(b"{\"name\": \"\xc3\xa9\"}");
    same(b"{\"name\": \"a\", \"inner\": {\"text\": \"t\", \"x\": \"\xed\xa0\x80\"}}");
}

#[test]
fn the_last_repeated_value_counts_as_before() {
    let map = from_json::<Outer>(br#"{"name": "a", "map": {"k": 20, "k": 2}}"#).unwrap();
    assert_eq!(map.map["k"], 2);
    let field = from_json::<Outer>(br#"{"name": "toolong", "name": "ok"}"#).unwrap();
    assert_eq!(field.name, "ok");
    let deep_ignored = format!(
        r#"{{"name": "a", "inner": {{"text": "t", "x": {}}}}}"#,
        deep(129)
    );
    assert!(from_json::<Outer>(deep_ignored.as_bytes()).is_err());
}

/// Every single-byte edit of a few documents (deletions, duplications, substitutions from an
/// alphabet of JSON's structural bytes): thousands of near-valid documents, each read the
/// same way by both paths.
#[test]
fn agrees_with_the_scan_path_on_every_small_edit() {
    let seeds = [
        r#"{"name": "a", "count": 3, "inner": {"text": "t", "u": [1, {"v": null}]}, "map": {"k": 1, "j": 2}, "extra": {"e": [1, 2.5, "s"]}, "items": [{"text": "x"}]}"#,
        r#"{"name":"ab","map":{"a":1,"a":2},"zz":{"q":[[1]],"q":"\u00e9"},"items":[{"text":"\ud83d\ude00"}]}"#,
    ];
    let alphabet = b"{}[],:\"\\ a1.e-ntu";
    let mut count = 0;
    for seed in seeds {
        let bytes = seed.as_bytes();
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
    }
    assert!(count > 3000, "{count}");
}

#[test]
fn the_single_pass_decides_only_documents_it_can_prove_clean() {
    use super::parse;
    let clean = br#"{"name": "a", "map": {"k": 1}, "x": [1, {"y": "z"}], "extra": {"e": 1}}"#;
    assert!(parse::<Outer>(clean).is_ok());
    let handed_over = [
        r#"{"name": "a", "map": {"k": 1, "k": 2}}"#.to_owned(),
        r#"{"name": "a", "x": 1, "x": 1}"#.to_owned(),
        r#"{"name": "a", "x": {"y": 1, "y": 1}}"#.to_owned(),
        r#"{"name": "a", "extra": {"e": 1, "e": 1}}"#.to_owned(),
        r#"{"name": "a", "inner": {"text": "t", "x": 1e400}}"#.to_owned(),
        format!(
            r#"{{"name": "a", "items": [{{"text": "t", "x": {}}}]}}"#,
            deep(129)
        ),
    ];
    for doc in handed_over {
        assert!(parse::<Outer>(doc.as_bytes()).is_err(), "{doc}");
    }
}

#[test]
fn the_key_hash_reads_every_byte() {
    for n in 0..40 {
        let key: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
        for i in 0..n {
            let mut other = key.clone();
            other[i] ^= 1;
            assert_ne!(
                crate::exact::keys::key_hash(&key),
                crate::exact::keys::key_hash(&other),
                "{n} {i}"
            );
        }
        if n > 0 {
            assert_ne!(
                crate::exact::keys::key_hash(&key),
                crate::exact::keys::key_hash(&key[..n - 1])
            );
        }
    }
}
