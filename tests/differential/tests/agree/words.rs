//! Both validators name a broken rule in the same words, at the same pointer: one document
//! per rule, each breaking exactly that rule of `ScalarsRequestV1`.

use crate::harness;
use contractc_cli::validate::Verdict;

/// A valid `ScalarsRequestV1`.
const BASE: &str = r#"{"user_id":"u","text":"abc","code":"123-ab","count":5,"big":1,"wide":1,"ratio":0.5,"open":0.5,"huge":1,"flag":true,"id":"0196a1d2-0000-7000-8000-000000000001","at":"2026-01-01T00:00:00Z","day":"2026-01-01","mail":"a@b.example","any":null}"#;

/// `(what to replace in BASE, replacement, the one violation both must report)`.
const CASES: &[(&str, &str, &str)] = &[
    (
        r#""text":"abc""#,
        r#""text":"a""#,
        "/text: shorter than 2 characters",
    ),
    (
        r#""text":"abc""#,
        r#""text":"abcdef""#,
        "/text: longer than 5 characters",
    ),
    (
        r#""code":"123-ab""#,
        r#""code":"x""#,
        r#"/code: does not match the pattern "^\d{3}-\w{2}$""#,
    ),
    (r#""count":5"#, r#""count":-6"#, "/count: less than -5"),
    (r#""count":5"#, r#""count":101"#, "/count: greater than 100"),
    (
        r#""count":5"#,
        r#""count":1.5"#,
        "/count: expected an integer, found a number",
    ),
    (
        r#""count":5"#,
        r#""count":"5""#,
        "/count: expected an integer, found a string",
    ),
    (
        r#""open":0.5"#,
        r#""open":0"#,
        "/open: less than or equal to 0",
    ),
    (
        r#""open":0.5"#,
        r#""open":1"#,
        "/open: greater than or equal to 1",
    ),
    (r#""ratio":0.5"#, r#""ratio":-3"#, "/ratio: less than -2.5"),
    (
        r#""big":1"#,
        r#""big":9007199254740992"#,
        "/big: greater than 9007199254740991",
    ),
    (
        r#""wide":1"#,
        r#""wide":9223372036854775808"#,
        "/wide: greater than 9223372036854775807",
    ),
    (
        r#""flag":true"#,
        r#""flag":"yes""#,
        "/flag: expected a boolean, found a string",
    ),
    (
        r#""id":"0196a1d2-0000-7000-8000-000000000001""#,
        r#""id":"nope""#,
        "/id: not a UUID (8-4-4-4-12 hex digits)",
    ),
    (
        r#""at":"2026-01-01T00:00:00Z""#,
        r#""at":"2026-01-01T00:00:00""#,
        "/at: not an RFC 3339 date-time with an offset",
    ),
    (
        r#""day":"2026-01-01""#,
        r#""day":"2026-02-30""#,
        "/day: not a date (YYYY-MM-DD)",
    ),
    (
        r#""mail":"a@b.example""#,
        r#""mail":"nobody""#,
        "/mail: not an email address",
    ),
    (
        r#""user_id":"u""#,
        r#""user_id":"""#,
        "/user_id: shorter than 1 character",
    ),
    (
        r#""any":null"#,
        r#""any":null,"maybe_text":"""#,
        "/maybe_text: shorter than 1 character",
    ),
    (
        r#""any":null"#,
        r#""any":null,"extra":1"#,
        "/extra: unknown field `extra`",
    ),
    (r#""text":"abc","#, "", "/: missing field `text`"),
];

#[test]
fn each_broken_rule_gets_the_same_message_from_both_validators() {
    let h = harness();
    assert_eq!(
        h.verdicts("ScalarsRequestV1", BASE.as_bytes()).schema,
        Verdict::Ok
    );
    let mut failures = Vec::new();
    for (from, to, expected) in CASES {
        assert!(BASE.contains(from), "{from}");
        let doc = BASE.replacen(from, to, 1);
        let v = h.verdicts("ScalarsRequestV1", doc.as_bytes());
        let typed = v.typed.as_ref().err().map(ToString::to_string);
        let schema = v.schema.to_string();
        let schema = schema.strip_prefix("invalid: ");
        if typed.as_deref() != Some(*expected) || schema != Some(*expected) {
            failures.push(format!("{doc}\n  expected {expected}\n  {}", v.describe()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
