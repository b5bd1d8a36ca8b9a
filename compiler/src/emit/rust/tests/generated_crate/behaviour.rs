//! Behaviour of the generated snapshot, compiled as `tests/behaviour.rs` of a temporary crate
//! by `compile::generated_crate_builds_passes_clippy_and_behaves` (not a contractc module).

use contractc_runtime::serde::de::DeserializeOwned;
use contractc_runtime::serde_json::{self, Value, json};
use contractc_runtime::{Attributed, Contract, IdentityPolicy, Message, MessageKind};
use contracts::*;

fn request() -> Value {
    json!({
        "user_id": "u1",
        "type": "cj",
        "essays": [{"text": "An essay.", "word_count": 3}],
        "tags": ["ab", "cd"],
        "scores": {"a": 1.0, "b": null},
        "ids": ["67e55044-10b1-426f-9247-bb680e5fe0c8", null],
        "created_at": "2024-05-01T12:00:00+02:00",
        "matrix": [[1, 2.0], []]
    })
}

fn parse<T: Contract + DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::from_json(value.to_string().as_bytes()).map_err(|v| v.to_string())
}

#[test]
fn a_valid_request_parses_with_defaults_and_identity() {
    let r: ElsCjAssessmentRequestV1 = parse(&request()).unwrap();
    assert_eq!(r.user_id.as_str(), "u1");
    assert_eq!(r.org_id, None);
    assert_eq!(r.matrix, vec![vec![1, 2], vec![]]);
    assert!(r.self_or_default());
    assert_eq!(r.foo_bar_or_default(), 3);
    assert_eq!(
        r.status_or_default(),
        ElsCjAssessmentRequestV1Status::Pending
    );
    assert_eq!(r.weights_or_default(), vec![1.0, 2.5]);
    assert_eq!(
        r.batch_id_or_default().to_string(),
        "67e55044-10b1-426f-9247-bb680e5fe0c8"
    );
    assert_eq!(r.label_or_default(), "say \"hi\"");
    assert_eq!(r.essays[0].language_or_default(), CourseCode::Eng5);
    assert_eq!(r.quota_source().to_string(), "user:u1");
}

#[test]
fn absent_and_null_optionals_are_none_and_stay_absent() {
    let mut value = request();
    value["due"] = Value::Null;
    value["fooBar"] = json!(7.0);
    let r: ElsCjAssessmentRequestV1 = parse(&value).unwrap();
    assert_eq!(r.due, None);
    assert_eq!(r.foo_bar_or_default(), 7);
    let written = serde_json::to_value(&r).unwrap();
    assert!(written.get("due").is_none());
    assert!(written.get("org_id").is_none());
    assert_eq!(written["fooBar"], json!(7));
    assert_eq!(written["type"], json!("cj"));
}

#[test]
fn every_violation_is_reported_with_its_pointer() {
    let mut value = request();
    value["user_id"] = json!("u".repeat(65));
    value["org_id"] = json!("o".repeat(129));
    value["essays"][0]["text"] = json!(format!(" {}", "x".repeat(500)));
    value["tags"] = json!(["ab", "B", "ab"]);
    value["scores"]["a"] = json!(0.25);
    value["matrix"][0][1] = json!(10);
    value["contact"] = json!("not-an-email");
    value["grade_code"] = json!("Z");
    value["tree"] =
        json!({"label": "root", "children": [], "parent": {"label": "", "children": []}});
    let err = parse::<ElsCjAssessmentRequestV1>(&value).unwrap_err();
    let expected = [
        "/user_id: longer than 64 characters",
        "/org_id: longer than 128 characters",
        "/essays/0/text: longer than 500 characters",
        "/essays/0/text: does not match the pattern \"^\\S\"",
        "/tags: items are not unique",
        "/tags/1: shorter than 2 characters",
        "/tags/1: does not match the pattern \"^[a-z]+$\"",
        "/scores/a: less than 0.5",
        "/contact: not an email address",
        "/grade_code: does not match the pattern \"^[A-F]$\"",
        "/matrix/0/1: greater than 9",
        "/tree/parent/label: shorter than 1 character",
    ];
    assert_eq!(err, expected.join("; "));
}

#[test]
#[allow(
    deprecated,
    reason = "BatchStartedV1 is deprecated in the fixture on purpose"
)]
fn integers_follow_json_schema_and_unknown_fields_follow_the_contract() {
    let ok = json!({"user_id": "u1", "org_id": "acme", "count": 1.0});
    let c: BatchStartedV1 = parse(&ok).unwrap();
    assert_eq!(c.count, 1);
    assert_eq!(c.quota_source().to_string(), "org:acme");
    assert!(
        parse::<BatchStartedV1>(&json!({"user_id": "u1", "org_id": "acme", "count": 1.5})).is_err()
    );
    assert!(parse::<BatchStartedV1>(&json!({"user_id": "u1", "count": 1})).is_err());
    let extra = json!({"user_id": "u1", "org_id": "acme", "count": 1, "x": 1});
    assert!(parse::<BatchStartedV1>(&extra).is_err());
    let mut value = request();
    value["x"] = json!(1);
    assert!(parse::<ElsCjAssessmentRequestV1>(&value).is_ok());
    assert_eq!(
        parse::<BatchStartedV1>(&json!({"user_id": "u1", "org_id": "acme", "count": 0}))
            .unwrap_err(),
        "/count: less than 1"
    );
}

#[test]
fn identity_is_required_and_validated() {
    let mut value = request();
    value.as_object_mut().unwrap().remove("user_id");
    assert!(parse::<ElsCjAssessmentRequestV1>(&value).is_err());
    value["user_id"] = json!("");
    assert!(parse::<ElsCjAssessmentRequestV1>(&value).is_err());
}

#[test]
fn enums_keep_their_wire_values() {
    for (variant, wire) in [
        (CourseCode::Eng5, "ENG5"),
        (CourseCode::AB, "a-b"),
        (CourseCode::V1x, "1x"),
        (CourseCode::Self_, "Self"),
        (CourseCode::XY, "x\"y"),
    ] {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(variant.to_string(), wire);
        assert_eq!(serde_json::to_value(variant).unwrap(), json!(wire));
        assert_eq!(
            serde_json::from_value::<CourseCode>(json!(wire)).unwrap(),
            variant
        );
    }
    assert!(serde_json::from_value::<CourseCode>(json!("eng5")).is_err());
}

#[test]
#[allow(
    deprecated,
    reason = "BatchStartedV1 is deprecated in the fixture on purpose"
)]
fn metadata_traits_describe_the_contract() {
    assert_eq!(ElsCjAssessmentRequestV1::NAME, "ELS_CJAssessmentRequestV1");
    assert_eq!(ElsCjAssessmentRequestV1::VERSION, Some(1));
    assert_eq!(ElsCjAssessmentRequestV1::KIND, MessageKind::Request);
    assert_eq!(
        ElsCjAssessmentRequestV1::IDENTITY,
        IdentityPolicy::Attributed {
            org_required: false
        }
    );
    assert_eq!(BatchStartedV1::TOPIC, Some("batch.started.v1"));
    assert_eq!(
        BatchStartedV1::IDENTITY,
        IdentityPolicy::Attributed { org_required: true }
    );
    assert!(
        matches!(HeartbeatV1::IDENTITY, IdentityPolicy::Exempt { reason } if reason.starts_with("Liveness"))
    );
    assert!(HeartbeatV1::json_schema().contains("\"title\": \"HeartbeatV1 \\\"#\""));
    assert_eq!(EssayV1::NAME, "essay_v1");
    assert_eq!(CourseCode::DESCRIPTION, Some("Course a batch belongs to."));
}

#[test]
fn records_recurse_through_box_and_vec() {
    let deep = json!({
        "label": "a",
        "children": [{"label": "b", "children": [{"label": "", "children": []}]}],
        "parent": {"label": "p", "children": [], "parent": {"label": "", "children": []}}
    });
    assert_eq!(
        parse::<TreeNode>(&deep).unwrap_err(),
        "/children/0/children/0/label: shorter than 1 character; \
         /parent/parent/label: shorter than 1 character"
    );
    let ok: TreeNode =
        parse(&json!({"label": "a", "children": [], "parent": {"label": "p", "children": []}}))
            .unwrap();
    assert_eq!(ok.parent.as_deref().map(|p| p.label.as_str()), Some("p"));
}
