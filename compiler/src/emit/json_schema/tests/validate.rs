//! Emitted schemas are valid 2020-12 schemas, and a validator asserting `format` applies them
//! as the language reference says.

use super::fixtures::*;
use crate::model::{Catalog, Constraints, Kind, OrgPolicy, Type, UnknownFields};
use jsonschema::Validator;
use serde_json::{Value, json};

/// A catalog that uses every type, constraint, identity form and reference shape.
fn kitchen_sink() -> Catalog {
    let numbers = Constraints {
        min: int(1),
        max: int(1000),
        ..Constraints::default()
    };
    let floats = Constraints {
        exclusive_min: float(0.0),
        exclusive_max: float(1.0),
        ..Constraints::default()
    };
    let items = Constraints {
        min_items: Some(sp(1)),
        max_items: Some(sp(3)),
        unique: Some(sp(true)),
        ..Constraints::default()
    };
    let code = Constraints {
        pattern: pattern("^[A-Z]{2}[0-9]+$"),
        ..lengths(3, 8)
    };
    let mut level = opt(
        "level",
        ty(Type::InlineEnum(vec!["low".into(), "high".into()])),
    );
    level.default = Some(sp(json!("low")));
    level.description = Some("How urgent.".into());
    let mut all = request(
        "EverythingRequestV1",
        vec![
            field("count", constrained(Type::Int, numbers)),
            field("ratio", constrained(Type::Float, floats)),
            field("flag", ty(Type::Bool)),
            field("id", ty(Type::Uuid)),
            field("at", ty(Type::DateTime)),
            field("on", ty(Type::Date)),
            opt("mail", constrained(Type::Email, lengths(3, 254))),
            opt("extra", ty(Type::Json)),
            field("code", constrained(Type::String, code)),
            field(
                "tags",
                list(constrained(Type::String, lengths(1, 5)), items),
            ),
            opt("scores", map(nullable(ty(Type::Float)))),
            field("tree", reference("Node")),
            opt("colour", reference("Colour")),
            level,
        ],
    );
    all.unknown_fields = UnknownFields::Reject;
    all.deprecated = Some("use V2".into());
    all.version = Some(1);
    let node = record(
        "Node",
        vec![
            field("label", ty(Type::String)),
            field(
                "children",
                list(nullable(reference("Node")), Constraints::default()),
            ),
        ],
    );
    let mut org = def(
        "BillCommandV1",
        Kind::Command,
        vec![field("cents", ty(Type::Int))],
    );
    org.identity = attributed(OrgPolicy::Required);
    org.topic = Some(sp("billing.v1".into()));
    let mut ping = def("PingEventV1", Kind::Event, vec![]);
    ping.identity = exempt("Liveness only, nothing attributable.");
    let mut cat = catalog(vec![
        all,
        node,
        enumeration("Colour", &["red", "green"]),
        org,
        ping,
    ]);
    cat.config.user_id.max_length = 8;
    cat
}

/// A validator for `schema` that asserts `format`.
fn validator(schema: &Value) -> Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap()
}

/// A valid `EverythingRequestV1` document, to break one key at a time.
fn everything() -> Value {
    json!({
        "user_id": "u1",
        "org_id": null,
        "count": 5,
        "ratio": 0.5,
        "flag": true,
        "id": "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "at": "2024-05-01T12:00:00+02:00",
        "on": "2024-05-01",
        "mail": null,
        "code": "AB12",
        "tags": ["a", "bb"],
        "scores": { "x": 1.5, "y": null },
        "tree": { "label": "root", "children": [{ "label": "leaf", "children": [] }, null] },
        "level": "high",
    })
}

/// `doc` with `key` set to `value` (or removed when `value` is `None`).
fn with(key: &str, value: Option<Value>) -> Value {
    let mut doc = everything();
    let map = doc.as_object_mut().unwrap();
    match value {
        Some(v) => map.insert(key.into(), v),
        None => map.remove(key),
    };
    doc
}

#[test]
fn every_emitted_schema_is_valid_against_the_2020_12_metaschema() {
    let schemas = emit_all(&kitchen_sink());
    assert_eq!(schemas.len(), 3);
    for (name, schema) in &schemas {
        if let Err(e) = jsonschema::draft202012::meta::validate(schema) {
            panic!("{name}: {e}");
        }
        validator(schema);
    }
}

#[test]
fn metaschema_check_is_not_vacuous() {
    let mut schema = emit_all(&kitchen_sink()).remove("PingEventV1").unwrap();
    schema["required"] = json!("user_id");
    assert!(!jsonschema::draft202012::meta::is_valid(&schema));
}

#[test]
fn user_id_missing_empty_or_too_long_is_rejected() {
    let v = validator(&emit_all(&kitchen_sink())["EverythingRequestV1"]);
    assert!(v.is_valid(&everything()));
    assert!(v.is_valid(&with("user_id", Some(json!("12345678")))));
    assert!(!v.is_valid(&with("user_id", None)));
    assert!(!v.is_valid(&with("user_id", Some(json!("")))));
    assert!(
        !v.is_valid(&with("user_id", Some(json!("123456789")))),
        "config max is 8"
    );
    assert!(!v.is_valid(&with("user_id", Some(json!(null)))));
    assert!(
        v.is_valid(&with("user_id", Some(json!("ééé")))),
        "counted in scalar values"
    );
}

#[test]
fn optional_org_accepts_null_and_absence_required_org_does_not() {
    let schemas = emit_all(&kitchen_sink());
    let optional = validator(&schemas["EverythingRequestV1"]);
    assert!(optional.is_valid(&with("org_id", None)));
    assert!(optional.is_valid(&with("org_id", Some(json!("acme")))));
    assert!(!optional.is_valid(&with("org_id", Some(json!("")))));
    let required = validator(&schemas["BillCommandV1"]);
    assert!(required.is_valid(&json!({ "user_id": "u", "org_id": "acme", "cents": 1 })));
    assert!(!required.is_valid(&json!({ "user_id": "u", "org_id": null, "cents": 1 })));
    assert!(!required.is_valid(&json!({ "user_id": "u", "cents": 1 })));
}

#[test]
fn exempt_message_needs_no_identity() {
    let v = validator(&emit_all(&kitchen_sink())["PingEventV1"]);
    assert!(v.is_valid(&json!({})));
}

#[test]
fn formats_are_asserted() {
    let v = validator(&emit_all(&kitchen_sink())["EverythingRequestV1"]);
    assert!(!v.is_valid(&with("id", Some(json!("not-a-uuid")))));
    assert!(!v.is_valid(&with("at", Some(json!("2024-05-01 12:00")))));
    assert!(!v.is_valid(&with("on", Some(json!("01/05/2024")))));
    assert!(!v.is_valid(&with("mail", Some(json!("nobody")))));
    assert!(v.is_valid(&with("mail", Some(json!("a@b.example")))));
}

#[test]
fn constraints_and_types_are_enforced() {
    let v = validator(&emit_all(&kitchen_sink())["EverythingRequestV1"]);
    assert!(
        v.is_valid(&with("count", Some(json!(5.0)))),
        "1.0 is an integer"
    );
    assert!(!v.is_valid(&with("count", Some(json!(0)))));
    assert!(!v.is_valid(&with("count", Some(json!(1001)))));
    assert!(!v.is_valid(&with("ratio", Some(json!(0.0)))), "exclusive");
    assert!(!v.is_valid(&with("code", Some(json!("ab12")))));
    assert!(
        !v.is_valid(&with("code", Some(json!("AB1234567")))),
        "too long"
    );
    assert!(v.is_valid(&with("code", Some(json!("AB123456")))));
    assert!(!v.is_valid(&with("tags", Some(json!([])))));
    assert!(!v.is_valid(&with("tags", Some(json!(["a", "a"])))));
    assert!(!v.is_valid(&with("tags", Some(json!(["toolong"])))));
    assert!(!v.is_valid(&with("level", Some(json!("medium")))));
    assert!(!v.is_valid(&with("colour", Some(json!("blue")))));
    assert!(v.is_valid(&with("colour", Some(json!("red")))));
    assert!(
        !v.is_valid(&with("surprise", Some(json!(1)))),
        "unknown fields rejected"
    );
    let bad_tree = json!({ "label": "r", "children": [{ "label": 1, "children": [] }] });
    assert!(
        !v.is_valid(&with("tree", Some(bad_tree))),
        "recursion is checked"
    );
}

#[test]
fn int_outside_the_i_json_range_is_rejected() {
    let cat = catalog(vec![request("N", vec![field("n", ty(Type::Int))])]);
    let v = validator(&emit_all(&cat)["N"]);
    let safe = 9_007_199_254_740_991_i64;
    assert!(v.is_valid(&json!({ "user_id": "u", "n": safe })));
    assert!(v.is_valid(&json!({ "user_id": "u", "n": -safe })));
    assert!(!v.is_valid(&json!({ "user_id": "u", "n": safe + 1 })));
    assert!(!v.is_valid(&json!({ "user_id": "u", "n": -safe - 1 })));
    assert!(!v.is_valid(&json!({ "user_id": "u", "n": i64::MAX })));
    assert!(!v.is_valid(&json!({ "user_id": "u", "n": 1e19 })));
}
