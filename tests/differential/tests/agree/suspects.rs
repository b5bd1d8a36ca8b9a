//! Every disagreement the differential test found, and every suspect the runtime engineer
//! reported, as a fixed case: the document, and the verdict both validators must now give.

use std::path::PathBuf;

use contractc::{Code, SourceMap};

use super::harness;

/// The shared verdict of both validators on `doc` as message `name`; panics if they differ.
fn verdict(name: &str, doc: &str) -> bool {
    let v = harness().verdicts(name, doc.as_bytes());
    assert!(v.agree(), "{name}: {doc}\n  {}", v.describe());
    v.accepted()
}

const A: &str = "f308a72c-fa84-11eb-9a03-0242ac130003";

/// `CollectionsCommandV1` with its required fields and `extra` members appended.
fn collections(extra: &str) -> String {
    format!(
        r#"{{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[],"floats":[],"ids":[],"scores":{{}}{extra}}}"#
    )
}

#[test]
fn a_repeated_key_counts_with_its_last_value_in_both() {
    // serde's derive rejected the repeated field; jsonschema sees the last value.
    assert!(verdict("NoteRequestV1", r#"{"user_id":"","user_id":"u"}"#));
    assert!(!verdict("NoteRequestV1", r#"{"user_id":"u","user_id":""}"#));
    // The same key spelt with an escape is the same key.
    assert!(verdict(
        "NoteRequestV1",
        r#"{"user_id":"","\u0075ser_id":"u"}"#
    ));
    assert!(!verdict(
        "NoteRequestV1",
        r#"{"\u0075ser_id":"u","user_id":""}"#
    ));
    assert!(verdict(
        "HeartbeatV1",
        r#"{"service":"a","seq":-1,"seq":0}"#
    ));
    assert!(!verdict(
        "HeartbeatV1",
        r#"{"service":"a","seq":0,"seq":-1}"#
    ));
    // Inside a map and a record too.
    assert!(!verdict(
        "EnumsResponseV1",
        r#"{"user_id":"u","colour":"red","odd":"A","size":"S","palette":[],"by_key":{"a":"red","a":"pink"}}"#
    ));
    assert!(verdict(
        "TreeEventV1",
        r#"{"user_id":"u","root":{"label":"é","label":"a","children":[]}}"#
    ));
}

#[test]
fn a_struct_is_never_read_from_an_array() {
    // serde's derive read `["u-1","o-1"]` as the fields in order.
    assert!(!verdict("WhoAmIRequestV1", r#"["u-1","o-1"]"#));
    assert!(!verdict("PingV1", "[]"));
    assert!(!verdict(
        "TreeEventV1",
        r#"{"user_id":"u","root":["a",null,[]]}"#
    ));
}

#[test]
fn an_enum_is_never_read_from_an_object() {
    // serde's derive read `{"red": null}` as the unit variant `red`.
    let doc = |colour: &str| {
        format!(
            r#"{{"user_id":"u","colour":{colour},"odd":"A","size":"S","palette":[],"by_key":{{}}}}"#
        )
    };
    assert!(verdict("EnumsResponseV1", &doc(r#""red""#)));
    assert!(!verdict("EnumsResponseV1", &doc(r#"{"red":null}"#)));
    assert!(!verdict("EnumsResponseV1", &doc(r#"["red"]"#)));
}

#[test]
fn ignored_content_is_checked_as_a_value_parse_checks_it() {
    // serde_json skips an unknown key's value without its depth limit or number range.
    let nested = |n: usize| {
        format!(
            r#"{{"user_id":"u","x":{}{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    // serde_json's limit: 128 levels in all, the outer object included.
    assert!(verdict("NoteRequestV1", &nested(126)));
    assert!(!verdict("NoteRequestV1", &nested(127)));
    assert!(!verdict("NoteRequestV1", &nested(10_000)));
    assert!(!verdict("NoteRequestV1", r#"{"user_id":"u","x":1e400}"#));
    assert!(!verdict("NoteRequestV1", r#"{"user_id":"u","x":"\ud800"}"#));
    assert!(verdict(
        "NoteRequestV1",
        r#"{"user_id":"u","x":"\ud83d\ude00"}"#
    ));
}

#[test]
fn unique_uuids_and_datetimes_compare_as_json_text() {
    let upper = A.to_uppercase();
    assert!(verdict(
        "CollectionsCommandV1",
        &collections(&format!(r#","ids":["{A}","{upper}"]"#)).replace(r#""ids":[],"#, "")
    ));
    assert!(!verdict(
        "CollectionsCommandV1",
        &collections(&format!(r#","ids":["{A}","{A}"]"#)).replace(r#""ids":[],"#, "")
    ));
    let times =
        r#","times":["2020-01-01T00:00:00Z","2020-01-01T01:00:00+01:00","2020-01-01t00:00:00z"]"#;
    assert!(verdict("CollectionsCommandV1", &collections(times)));
    let same = r#","times":["2020-01-01T00:00:00Z","2020-01-01T00:00:00Z"]"#;
    assert!(!verdict("CollectionsCommandV1", &collections(same)));
    let sets = format!(r#","id_sets":[["{A}"],["{upper}"]]"#);
    assert!(verdict("CollectionsCommandV1", &collections(&sets)));
}

#[test]
fn unique_records_compare_absent_null_and_unknown_keys_as_json() {
    let points = r#","points":[{"x":1,"y":0},{"x":1,"y":0,"label":null}]"#;
    assert!(verdict("CollectionsCommandV1", &collections(points)));
    let equal = r#","points":[{"x":1,"y":0},{"y":0.0,"x":1.0}]"#;
    assert!(!verdict("CollectionsCommandV1", &collections(equal)));
    let looses = format!(r#","looses":[{{"id":"{A}"}},{{"id":"{A}","zz":1}}]"#);
    assert!(verdict("CollectionsCommandV1", &collections(&looses)));
}

#[test]
fn unique_json_items_compare_numbers_by_value() {
    // `serde_json::Value`'s `==` holds 1 and 1.0 apart; JSON Schema does not.
    assert!(!verdict(
        "CollectionsCommandV1",
        &collections(r#","maybe_blobs":[1,1.0]"#)
    ));
    assert!(!verdict(
        "CollectionsCommandV1",
        &collections(r#","blobs":[{"a":[1]},{"a":[1e0]}]"#)
    ));
    assert!(verdict(
        "CollectionsCommandV1",
        &collections(r#","maybe_blobs":[1,"1",null]"#)
    ));
}

#[test]
fn float_bounds_compare_big_integers_exactly() {
    // `huge` is a float in ±(2^53 - 1): every integer beyond rounds, and is beyond anyway.
    let doc = |v: &str| {
        format!(
            r#"{{"user_id":"u","text":"ab","code":"123-ab","count":0,"big":0,"wide":0,"ratio":0,"open":0.5,"huge":{v},"flag":true,"id":"{A}","at":"2020-01-01T00:00:00Z","day":"2020-01-01","mail":"a@b.co","any":null}}"#
        )
    };
    assert!(verdict("ScalarsRequestV1", &doc("9007199254740991")));
    assert!(!verdict("ScalarsRequestV1", &doc("9007199254740992")));
    assert!(!verdict("ScalarsRequestV1", &doc("9007199254740993")));
    assert!(!verdict("ScalarsRequestV1", &doc("-9007199254740993")));
    assert!(verdict("ScalarsRequestV1", &doc("9007199254740991.0")));
}

/// The i64 bug: through `f64`, `-9223372036854775809` (and `…808.5`, `…809.0`) passed
/// `min: -2^63` and `9223372036854775807.0` failed `max: 2^63 - 1`. Both validators read the
/// number's text now. `wide` has the full i64 range, `big` the default ±(2^53 - 1).
#[test]
fn integers_are_compared_exactly_in_both_validators() {
    let doc = |wide: &str, big: &str| {
        format!(
            r#"{{"user_id":"u","text":"ab","code":"123-ab","count":0,"big":{big},"wide":{wide},"ratio":0,"open":0.5,"huge":0,"flag":true,"id":"{A}","at":"2020-01-01T00:00:00Z","day":"2020-01-01","mail":"a@b.co","any":null}}"#
        )
    };
    for bad in [
        "-9223372036854775809",
        "-9223372036854775808.5",
        "-9223372036854775809.0",
        "9223372036854775808",
        "9223372036854775807.5",
    ] {
        assert!(!verdict("ScalarsRequestV1", &doc(bad, "0")), "{bad}");
    }
    for good in [
        "9223372036854775807.0",
        "9.223372036854775807e18",
        "-9223372036854775808",
        "-9223372036854775808.0",
    ] {
        assert!(verdict("ScalarsRequestV1", &doc(good, "0")), "{good}");
    }
    for bad in [
        "9007199254740992",
        "-9007199254740992",
        "9007199254740990.5",
        "1e-400",
    ] {
        assert!(!verdict("ScalarsRequestV1", &doc("0", bad)), "{bad}");
    }
    for good in [
        "9007199254740991",
        "-9007199254740991.0",
        "90071992547409910e-1",
    ] {
        assert!(verdict("ScalarsRequestV1", &doc("0", good)), "{good}");
    }
}

/// Diagnostics of a one-file catalog.
fn diagnose(yaml: &str) -> Vec<(Code, u32)> {
    let mut sources = SourceMap::default();
    let files = vec![(
        PathBuf::from("c.yaml"),
        PathBuf::from("c.yaml"),
        yaml.as_bytes().to_vec(),
    )];
    let (_, diags) = contractc::check_files(&mut sources, files);
    diags
        .iter()
        .map(|d| (d.code, d.pos.map_or(0, |p| p.line)))
        .collect()
}

const RECORD: &str = "name: R\nkind: record\nfields:\n";

#[test]
fn float_bounds_past_two_pow_53_are_rejected_at_build_time() {
    let float = |bound: &str| diagnose(&format!("{RECORD}  f: {{ type: float, max: {bound} }}\n"));
    assert_eq!(float("9007199254740991"), []);
    assert_eq!(float("-9007199254740991.0"), []);
    assert_eq!(
        float("9007199254740992"),
        [(Code::InvalidConstraintValue, 4)]
    );
    assert_eq!(float("1.0e300"), [(Code::InvalidConstraintValue, 4)]);
    // Integers compare exactly: any i64 bound is allowed on an int, past ±(2^53 - 1) with a
    // warning that validators reading doubles cannot check it (C0320).
    assert_eq!(
        diagnose(&format!(
            "{RECORD}  i: {{ type: int, min: -9223372036854775808 }}\n"
        )),
        [(Code::UnsafeIntBound, 4)]
    );
}

#[test]
fn nested_unique_over_items_rust_compares_differently_is_rejected_at_build_time() {
    let nested = |item: &str| {
        diagnose(&format!(
            "{RECORD}  l:\n    type: list<list<{item}>>\n    items: {{ unique: true }}\n"
        ))
    };
    assert_eq!(nested("string"), []);
    assert_eq!(nested("int"), []);
    assert_eq!(nested("uuid"), [(Code::ConstraintNotForType, 6)]);
    assert_eq!(nested("datetime"), [(Code::ConstraintNotForType, 6)]);
    assert_eq!(nested("json"), [(Code::ConstraintNotForType, 6)]);
    assert_eq!(nested("R"), [(Code::ConstraintNotForType, 6)]);
}
