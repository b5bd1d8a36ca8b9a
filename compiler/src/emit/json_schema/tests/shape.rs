//! Whole message schemas: header, identity, required, `$defs`, annotations, text.

use super::super::{DRAFT_2020_12, to_text};
use super::fixtures::*;
use crate::model::{Kind, OrgPolicy, Type, UnknownFields};
use serde_json::{Value, json};

/// `user_id` as emitted with the default config.
/// The `pattern` every string gets: scalar values only.
const TEXT: &str = super::super::portable::SCALAR_VALUES;

fn user_id() -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": TEXT,
        "description": "User the message belongs to (JWT claim `sub`).",
    })
}

#[test]
fn exact_schema_of_an_attributed_request() {
    let mut m = request(
        "PingRequestV1",
        vec![field("text", ty(Type::String)), opt("count", ty(Type::Int))],
    );
    m.version = Some(1);
    m.description = Some("Ping.".into());
    let expected = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://contracts.example.com/schemas/PingRequestV1.schema.json",
        "title": "PingRequestV1",
        "description": "Ping.",
        "type": "object",
        "properties": {
            "user_id": user_id(),
            "org_id": {
                "anyOf": [{ "type": "string", "minLength": 1, "maxLength": 255, "pattern": TEXT }, { "type": "null" }],
                "description": "Organization the message belongs to (JWT claim `org_id`).",
            },
            "text": { "type": "string", "pattern": TEXT },
            "count": {
                "anyOf": [
                    { "type": "integer", "minimum": -9_007_199_254_740_991_i64, "maximum": 9_007_199_254_740_991_i64 },
                    { "type": "null" },
                ],
            },
        },
        "required": ["user_id", "text"],
    });
    let cat = catalog(vec![m]);
    assert_eq!(schema(&cat, "PingRequestV1"), expected);
    assert_eq!(
        manifest_of(&cat)["messages"],
        json!([{
            "name": "PingRequestV1",
            "kind": "request",
            "version": 1,
            "identity": { "user_id": "required", "org_id": "optional" },
            "schema": "PingRequestV1.schema.json",
            "$id": "https://contracts.example.com/schemas/PingRequestV1.schema.json",
        }])
    );
}

#[test]
fn exact_schema_of_an_exempt_event_that_rejects_unknown_fields() {
    let mut m = def(
        "HeartbeatEventV2",
        Kind::Event,
        vec![field("service", ty(Type::String))],
    );
    m.identity = exempt("Liveness signal from every service.");
    m.unknown_fields = UnknownFields::Reject;
    m.topic = Some(sp("ops.heartbeat.v2".into()));
    m.version = Some(2);
    m.deprecated = Some("use HeartbeatEventV3".into());
    let expected = json!({
        "$schema": DRAFT_2020_12,
        "$id": "https://contracts.example.com/schemas/HeartbeatEventV2.schema.json",
        "title": "HeartbeatEventV2",
        "deprecated": true,
        "type": "object",
        "properties": { "service": { "type": "string", "pattern": TEXT } },
        "required": ["service"],
        "additionalProperties": false,
    });
    let cat = catalog(vec![m]);
    assert_eq!(schema(&cat, "HeartbeatEventV2"), expected);
    let entry = &manifest_of(&cat)["messages"][0];
    assert_eq!(entry["kind"], json!("event"));
    assert_eq!(entry["version"], json!(2));
    assert_eq!(entry["topic"], json!("ops.heartbeat.v2"));
    assert_eq!(entry["deprecated"], json!(true));
    assert_eq!(
        entry["identity"],
        json!({ "exempt": "Liveness signal from every service." })
    );
}

#[test]
fn required_org_is_a_plain_required_string_and_config_limits_apply() {
    let mut m = def(
        "ChargeCommandV1",
        Kind::Command,
        vec![field("amount", ty(Type::Int))],
    );
    m.identity = attributed(OrgPolicy::Required);
    let mut cat = catalog(vec![m]);
    cat.config.user_id.max_length = 64;
    cat.config.org_id.max_length = 32;
    cat.config.org_id.claim = "tenant".into();
    cat.config.id_base = "urn:x:".into();
    let s = schema(&cat, "ChargeCommandV1");
    assert_eq!(s["$id"], json!("urn:x:ChargeCommandV1.schema.json"));
    assert_eq!(s["required"], json!(["user_id", "org_id", "amount"]));
    assert_eq!(s["properties"]["user_id"]["maxLength"], json!(64));
    assert_eq!(
        s["properties"]["org_id"],
        json!({
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "pattern": TEXT,
            "description": "Organization the message belongs to (JWT claim `tenant`).",
        })
    );
    // The policy is in the manifest, not in a keyword strict validators refuse.
    assert!(s.as_object().unwrap().keys().all(|k| !k.starts_with("x-")));
    let manifest = manifest_of(&cat);
    assert_eq!(
        manifest["messages"][0]["identity"],
        json!({ "user_id": "required", "org_id": "required" })
    );
    assert_eq!(manifest["messages"][0]["kind"], json!("command"));
    assert!(manifest["messages"][0].get("topic").is_none());
    assert!(manifest["messages"][0].get("version").is_none());
}

#[test]
fn required_lists_identity_then_non_optional_fields_in_field_order() {
    let m = request(
        "OrderRequestV1",
        vec![
            field("zeta", ty(Type::Bool)),
            opt("maybe", ty(Type::Bool)),
            field("alpha", ty(Type::Bool)),
        ],
    );
    let s = schema(&catalog(vec![m]), "OrderRequestV1");
    assert_eq!(s["required"], json!(["user_id", "zeta", "alpha"]));
    assert!(
        s.get("additionalProperties").is_none(),
        "ignore is the default"
    );
}

#[test]
fn defs_hold_every_record_and_enum_used_transitively_once_sorted() {
    let m = request(
        "SubmitRequestV1",
        vec![
            field("essays", list(reference("Essay"), Default::default())),
            opt("grade", reference("Grade")),
        ],
    );
    let mut essay = record(
        "Essay",
        vec![
            field("text", ty(Type::String)),
            opt("author", reference("Author")),
        ],
    );
    essay.description = Some("One essay.".into());
    essay.unknown_fields = UnknownFields::Reject;
    let author = record("Author", vec![field("grade", reference("Grade"))]);
    let mut grade = enumeration("Grade", &["A", "B"]);
    grade.description = Some("A mark.".into());
    let unused = record("Unused", vec![]);
    let cat = catalog(vec![m, essay, author, grade, unused]);
    let s = schema(&cat, "SubmitRequestV1");
    let defs = s["$defs"].as_object().unwrap();
    let names: Vec<&String> = defs.keys().collect();
    assert_eq!(names, ["Author", "Essay", "Grade"]);
    assert_eq!(
        defs["Essay"],
        json!({
            "title": "Essay",
            "description": "One essay.",
            "type": "object",
            "properties": {
                "text": { "type": "string", "pattern": TEXT },
                "author": { "anyOf": [{ "$ref": "#/$defs/Author" }, { "type": "null" }] },
            },
            "required": ["text"],
            "additionalProperties": false,
        })
    );
    assert_eq!(
        defs["Grade"],
        json!({ "title": "Grade", "description": "A mark.", "type": "string", "enum": ["A", "B"] })
    );
    assert!(
        defs["Author"]["properties"].get("user_id").is_none(),
        "records carry no identity"
    );
}

#[test]
fn recursive_records_are_defined_once_and_refer_to_themselves() {
    let node = record(
        "Node",
        vec![
            field("children", list(reference("Node"), Default::default())),
            opt("parent", reference("Node")),
        ],
    );
    let m = request("TreeRequestV1", vec![field("root", reference("Node"))]);
    let s = schema(&catalog(vec![m, node]), "TreeRequestV1");
    let defs = s["$defs"].as_object().unwrap();
    assert_eq!(defs.len(), 1);
    assert_eq!(
        defs["Node"]["properties"]["children"]["items"],
        json!({ "$ref": "#/$defs/Node" })
    );
    assert_eq!(s["properties"]["root"], json!({ "$ref": "#/$defs/Node" }));
}

#[test]
fn no_defs_key_when_nothing_is_referenced() {
    let s = schema(&catalog(vec![request("R", vec![])]), "R");
    assert!(s.get("$defs").is_none());
    assert_eq!(s["required"], json!(["user_id"]));
}

#[test]
fn only_messages_have_schemas() {
    let cat = catalog(vec![
        request("AskRequestV1", vec![]),
        def("AnswerResponseV1", Kind::Response, vec![]),
        record("Rec", vec![]),
        enumeration("Colour", &["red"]),
    ]);
    assert!(message_schema_of(&cat, "Rec").is_none());
    assert!(message_schema_of(&cat, "Colour").is_none());
    assert!(message_schema_of(&cat, "Missing").is_none());
    let all = emit_all(&cat);
    let names: Vec<&String> = all.keys().collect();
    assert_eq!(names, ["AnswerResponseV1", "AskRequestV1"]);
    assert_eq!(all["AskRequestV1"], schema(&cat, "AskRequestV1"));
}

#[test]
fn text_is_sorted_pretty_with_two_spaces_and_a_trailing_newline() {
    let value = json!({ "b": [1, { "z": true, "a": null }], "a": {} });
    assert_eq!(
        to_text(&value),
        "{\n  \"a\": {},\n  \"b\": [\n    1,\n    {\n      \"a\": null,\n      \"z\": true\n    }\n  ]\n}\n"
    );
}

#[test]
fn text_does_not_depend_on_insertion_order() {
    let mut forward = serde_json::Map::new();
    let mut backward = serde_json::Map::new();
    for k in ["x", "m", "a"] {
        forward.insert(k.into(), json!({ "q": 1, "p": 2 }));
    }
    for k in ["a", "m", "x"] {
        backward.insert(k.into(), json!({ "p": 2, "q": 1 }));
    }
    let (f, b) = (
        to_text(&Value::Object(forward)),
        to_text(&Value::Object(backward)),
    );
    assert_eq!(f, b);
    assert!(f.find("\"a\"").unwrap() < f.find("\"x\"").unwrap());
}

#[test]
fn emitting_twice_gives_the_same_bytes() {
    let m = request("SubmitRequestV1", vec![field("e", reference("E"))]);
    let cat = catalog(vec![m, enumeration("E", &["b", "a"])]);
    let first: Vec<String> = emit_all(&cat).values().map(to_text).collect();
    let second: Vec<String> = emit_all(&cat).values().map(to_text).collect();
    assert_eq!(first, second);
    assert!(
        first[0].contains("\"enum\": [\n        \"b\",\n        \"a\"\n      ]"),
        "{}",
        first[0]
    );
}
