use serde::Deserialize;

use super::from_json;
use crate::check;
use crate::validate::{Path, Validate, Violations};
use crate::{OrgId, UserId};

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Batch {
    user_id: UserId,
    #[serde(default)]
    org_id: Option<OrgId>,
    essays: Vec<Essay>,
}

#[derive(Deserialize, Debug)]
struct Essay {
    text: String,
    #[serde(default, deserialize_with = "crate::de::strict")]
    words: Option<i64>,
}

impl Validate for Batch {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        let essays = path.key("essays");
        out.push_opt(&essays, check::min_items(&self.essays, 1));
        self.essays.validate_at(&essays, out);
    }
}

impl Validate for Essay {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        out.push_opt(&path.key("text"), check::max_length(&self.text, 5));
        if let Some(words) = self.words {
            out.push_opt(&path.key("words"), check::max(words, 10));
        }
    }
}

fn errors(doc: &str) -> String {
    from_json::<Batch>(doc.as_bytes()).unwrap_err().to_string()
}

#[test]
fn valid_document_parses() {
    let doc = r#"{"user_id": "u", "org_id": "o", "essays": [{"text": "hi", "words": 2.0}]}"#;
    let batch = from_json::<Batch>(doc.as_bytes()).unwrap();
    assert_eq!(batch.org_id.unwrap().as_str(), "o");
    assert_eq!(batch.essays[0].words, Some(2));
}

#[test]
fn every_violation_is_reported_with_its_pointer() {
    let doc = r#"{"user_id": "u", "essays": [{"text": "ok"}, {"text": "too long", "words": 11}]}"#;
    assert_eq!(
        errors(doc),
        "/essays/1/text: longer than 5 characters; /essays/1/words: greater than 10"
    );
    assert_eq!(
        errors(r#"{"user_id": "u", "essays": []}"#),
        "/essays: fewer than 1 item"
    );
}

#[test]
fn structural_errors_point_where_parsing_failed() {
    let wrong = r#"{"user_id": "u", "essays": [{"text": "a"}, {"text": 5}]}"#;
    assert_eq!(
        errors(wrong),
        "/essays/1/text: expected a string, found an integer"
    );
    let half = r#"{"user_id": "u", "essays": [{"text": "a", "words": 1.5}]}"#;
    assert_eq!(
        errors(half),
        "/essays/0/words: expected an integer, found a number"
    );
    let empty_user = r#"{"user_id": "", "essays": []}"#;
    assert_eq!(errors(empty_user), "/user_id: shorter than 1 character");
    let long_org = format!(
        r#"{{"user_id": "u", "org_id": "{}", "essays": []}}"#,
        "o".repeat(256)
    );
    assert_eq!(errors(&long_org), "/org_id: longer than 255 characters");
    assert_eq!(errors(r#"{"essays": []}"#), "/: missing field `user_id`");
}

#[test]
fn unknown_fields_and_syntax_errors() {
    let unknown = errors(r#"{"user_id": "u", "essays": [], "extra": 1}"#);
    assert!(unknown.contains("unknown field `extra`"), "{unknown}");
    assert_eq!(
        errors(r#"{"user_id": "u", "essays": []} x"#),
        "/: trailing characters"
    );
    assert_eq!(errors(""), "/: EOF while parsing a value");
    let truncated = errors(r#"{"user_id": "u", "essays": [{"text": "#);
    assert_eq!(truncated, "/essays/0/text: EOF while parsing a value");
    let bad_utf8 = from_json::<Batch>(b"{\"user_id\": \"\xff\", \"essays\": []}");
    assert!(
        bad_utf8
            .unwrap_err()
            .to_string()
            .contains("invalid unicode")
    );
}

#[test]
fn pointer_keys_are_escaped() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Map {
        #[serde(deserialize_with = "crate::de::strict")]
        m: std::collections::BTreeMap<String, i64>,
    }
    impl Validate for Map {
        fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
    }
    let err = from_json::<Map>(br#"{"m": {"a/b~": 0.5}}"#).unwrap_err();
    assert_eq!(err.iter().next().unwrap().pointer, "/m/a~1b~0");
}

#[derive(Deserialize, Debug)]
struct Node {
    #[serde(default)]
    child: Option<Box<Node>>,
}

impl Validate for Node {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        self.child.validate_at(&path.key("child"), out);
    }
}

fn nested(depth: usize) -> String {
    let mut doc = String::new();
    for _ in 0..depth {
        doc.push_str(r#"{"child": "#);
    }
    doc.push_str("null");
    doc.push_str(&"}".repeat(depth));
    doc
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    assert!(from_json::<Node>(nested(100).as_bytes()).is_ok());
    let err = from_json::<Node>(nested(100_000).as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
    let deep_value = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(serde_json::from_str::<serde_json::Value>(&deep_value).is_err());
}

#[test]
fn a_repeated_key_counts_with_its_last_value_as_in_a_json_value() {
    // serde's derive rejected the repeated field; the jsonschema crate sees the last value.
    let doc = r#"{"user_id": "", "essays": [{"text": "a"}], "user_id": "u"}"#;
    assert_eq!(
        from_json::<Batch>(doc.as_bytes()).unwrap().user_id.as_str(),
        "u"
    );
    let last_bad = r#"{"user_id": "u", "essays": [{"text": "ok", "text": "too long"}]}"#;
    assert_eq!(errors(last_bad), "/essays/0/text: longer than 5 characters");
    let wrong = r#"{"user_id": "u", "user_id": "u", "essays": [{"text": 5}]}"#;
    assert_eq!(
        errors(wrong),
        "/essays/0/text: expected a string, found an integer"
    );
}

/// The repeated-key path reads numbers through a `Value`, which respells −2^63 as
/// `-9.223372036854776e18`: read exactly that is below `i64::MIN`, the number itself is not.
#[test]
fn a_repeated_key_keeps_large_integers_exact() {
    #[derive(Deserialize, Debug)]
    struct Wide {
        #[serde(deserialize_with = "crate::de::strict")]
        n: i64,
    }
    impl Validate for Wide {
        fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
    }
    for (text, n) in [
        ("-9223372036854775808e0", i64::MIN),
        ("-9223372036854775808.0", i64::MIN),
        ("9223372036854775807.0", i64::MAX),
        ("1152921504606847488.0", 1_152_921_504_606_847_488),
    ] {
        let once = format!(r#"{{"n": {text}}}"#);
        let twice = format!(r#"{{"n": 0, "n": {text}}}"#);
        assert_eq!(from_json::<Wide>(once.as_bytes()).unwrap().n, n, "{once}");
        assert_eq!(from_json::<Wide>(twice.as_bytes()).unwrap().n, n, "{twice}");
    }
    let past = r#"{"n": 0, "n": 9223372036854775808.0}"#;
    assert!(from_json::<Wide>(past.as_bytes()).is_err());
}

#[test]
fn a_repeated_key_past_the_line_limit_is_refused() {
    let padding = "a".repeat(crate::lines::MAX_LINE_BYTES);
    let doc = format!(r#"{{"user_id": "u", "user_id": "u", "essays": [], "x": "{padding}"}}"#);
    assert!(errors(&doc).starts_with("/: an object repeats a key in a document longer than"));
    // Past the limit, an error of the single pass is not read again through a `Value`.
    let distinct = format!(r#"{{"user_id": "u", "essays": [], "x": "{padding}"}}"#);
    assert!(
        errors(&distinct).starts_with("/: unknown field `x` (at line 1 column 34; a document"),
        "{}",
        &errors(&distinct)[..100]
    );
    // A large document the single pass reads is validated as any other.
    let parsed = format!(r#"{{"user_id": "u", "essays": [{{"text": "{padding}"}}]}}"#);
    assert_eq!(errors(&parsed), "/essays/0/text: longer than 5 characters");
}

#[test]
fn a_fraction_that_reads_as_an_integral_double_is_no_int_on_either_path() {
    // `9007199254740990.5` reads as the double 9007199254740990: the single pass decides it
    // from the text; the slow path, which reads a `Value`, must reject it at the same place.
    let fraction = "9007199254740990.5";
    let single = format!(r#"{{"user_id": "u", "essays": [{{"text": "a", "words": {fraction}}}]}}"#);
    let repeated = single.replace(r#""user_id": "u""#, r#""user_id": "u", "user_id": "u""#);
    let unknown = single.replace(
        r#""text": "a""#,
        r#""text": "a", "x": 1.0000000000000000001"#,
    );
    let expected = "/essays/0/words: expected an integer, found a number";
    for doc in [&single, &repeated] {
        assert_eq!(errors(doc), expected, "{doc}");
    }
    // A fraction where the type takes any number or ignores the value is read as before.
    let ignored = r#"{"user_id": "u", "user_id": "u", "essays": [{"text": "a", "x": 1.0000000000000000001}]}"#;
    assert_eq!(
        from_json::<Batch>(ignored.as_bytes()).unwrap().essays.len(),
        1
    );
    assert_eq!(errors(&unknown), expected);
    let both = r#"{"user_id": "u", "essays": [{"text": "a", "words": 3.0000000000000000001}, {"text": 1}]}"#;
    let err = errors(both);
    assert!(err.starts_with("/essays/"), "{err}");
}

#[test]
fn structs_come_from_objects_only() {
    // serde's derive read an array as the fields in order.
    let err = errors(r#"["u", null, []]"#);
    assert_eq!(err, "/: expected an object, found an array");
}

#[test]
fn ignored_values_are_checked_as_a_json_value_parse_checks_them() {
    let deep = format!(
        r#"{{"child": null, "x": {}{}}}"#,
        "[".repeat(127),
        "]".repeat(127)
    );
    let err = from_json::<Node>(deep.as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
    assert!(from_json::<Node>(br#"{"x": 1e400}"#).is_err());
    assert!(from_json::<Node>(br#"{"x": "\udc00"}"#).is_err());
    assert!(from_json::<Node>(br#"{"x": [1e300, "\ud83d\ude00"]}"#).is_ok());
}

#[test]
fn serde_messages_are_said_in_the_words_of_the_schema_side() {
    use super::plain_words;
    let cases = [
        (
            "unknown field `colour`, expected one of `a`, `b`",
            "unknown field `colour`",
        ),
        (
            "unknown field `x`, there are no fields",
            "unknown field `x`",
        ),
        (
            "unknown variant `ENG9`, expected one of `ENG5`, `ENG6`",
            "`ENG9` is not one of `ENG5`, `ENG6`",
        ),
        (
            "invalid type: integer `1`, expected a string",
            "expected a string, found an integer",
        ),
        (
            "invalid value: floating point `1.5`, expected an integer from -9223372036854775808 to 9223372036854775807",
            "expected an integer, found a number",
        ),
        (
            "invalid value: integer `9223372036854775808`, expected an integer from -9223372036854775808 to 9223372036854775807",
            "greater than 9223372036854775807",
        ),
        (
            "invalid value: string \"x\", expected a UUID (8-4-4-4-12 hex digits)",
            "not a UUID (8-4-4-4-12 hex digits)",
        ),
        (
            "invalid type: sequence, expected struct NoteV1",
            "expected an object, found an array",
        ),
        ("missing field `user_id`", "missing field `user_id`"),
        ("trailing characters", "trailing characters"),
    ];
    for (serde, plain) in cases {
        assert_eq!(plain_words(serde), plain, "{serde}");
    }
}
