//! The generated `Deserialize` impls against serde's derive: a twin of a generated message,
//! derived with the attributes the generator used to write (`deny_unknown_fields`, `default`,
//! `deserialize_with = strict`) and read through `de::Exact`, must give the same value or
//! the same error text (and position) on every document; the error texts reach users through
//! `check::words`.

use contractc_runtime::de::Exact;
use contractc_runtime::serde::Deserialize;
use contractc_runtime::uuid::Uuid;
use contractc_runtime::{OrgId, UserId};
use contracts::{BatchRegistrationRequestV1, CourseCodeV1, ResourceTypeV1};

/// The derived twins, named as the generated types are (the derive's `expecting` names the
/// Rust type).
mod derived {
    use super::*;

    /// `BatchRegistrationRequestV1` as serde's derive read it.
    #[derive(Deserialize, Debug)]
    #[serde(crate = "::contractc_runtime::serde")]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only read, to compare with the generated impl")]
    pub struct BatchRegistrationRequestV1 {
        pub user_id: UserId,
        #[serde(default)]
        pub org_id: Option<OrgId>,
        #[serde(deserialize_with = "::contractc_runtime::de::strict")]
        pub expected_essay_count: i64,
        #[serde(default, deserialize_with = "::contractc_runtime::de::strict_unique")]
        pub essay_ids: Option<Vec<Uuid>>,
        #[serde(deserialize_with = "::contractc_runtime::de::strict")]
        pub course_code: CourseCodeV1,
        #[serde(default)]
        pub class_id: Option<String>,
        #[serde(default)]
        pub student_prompt_storage_id: Option<String>,
        #[serde(default)]
        pub essay_instructions: Option<String>,
        #[serde(default)]
        pub cj_default_llm_model: Option<String>,
        #[serde(default)]
        pub cj_default_temperature: Option<f64>,
        #[serde(default)]
        pub completion_notification_email: Option<String>,
    }
}

/// `ResourceTypeV1` as serde's derive read it.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(crate = "::contractc_runtime::serde")]
enum TwinResource {
    #[serde(rename = "llm_tokens")]
    LlmTokens,
    #[serde(rename = "cj_comparisons")]
    CjComparisons,
    #[serde(rename = "spellcheck_essays")]
    SpellcheckEssays,
    #[serde(rename = "nlp_analyses")]
    NlpAnalyses,
}

/// The outcome of reading `doc` as a whole document, through `read`.
fn outcome<T>(
    doc: &str,
    read: impl Fn(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    ) -> Result<T, serde_json::Error>,
) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(doc);
    let value = read(&mut de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(value)
}

const ID: &str = "f308a72c-fa84-11eb-9a03-0242ac130003";

#[test]
fn records_read_as_the_derive_read_them() {
    let docs = [
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "org_id": null, "expected_essay_count": 3.0, "course_code": "SV1",
            "class_id": null, "cj_default_temperature": 1}"#
            .to_string(),
        format!(
            r#"{{"user_id": "u", "expected_essay_count": 1, "course_code": "ENG6", "essay_ids": ["{ID}"]}}"#
        ),
        format!(
            r#"{{"user_id": "u", "expected_essay_count": 1, "course_code": "ENG6", "essay_ids": ["{ID}", "{ID}"]}}"#
        ),
        r#"["u-1", null, 3, null, "ENG5"]"#.to_string(),
        r#""u-1""#.to_string(),
        "null".to_string(),
        "{}".to_string(),
        r#"{"user_id": "u-1", "user_id": "u-2", "expected_essay_count": 3, "course_code": "ENG5"}"#
            .to_string(),
        r#"{"user_id": "u-1", "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG5", "colour": 1}"#
            .to_string(),
        r#"{"colour": 1, "user_id": "u-1"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 1.5, "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": null, "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG9"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": {"ENG5": null}}"#
            .to_string(),
        r#"{"user_id": "", "expected_essay_count": 3, "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "org_id": 7, "expected_essay_count": 3, "course_code": "ENG5"}"#
            .to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG5", "essay_ids": "x"}"#
            .to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG5", "class_id": 1}"#
            .to_string(),
        r#"{"user\u005fid": "u-1", "expected_essay_count": 3, "course_code": "ENG5"}"#.to_string(),
        r#"{"user_id": "u-1", "expected_essay_count": 3, "course_code": "ENG5""#.to_string(),
        r#"{"user_id": "u-1", 1: 2}"#.to_string(),
    ];
    for doc in &docs {
        let generated = outcome(doc, |de| BatchRegistrationRequestV1::deserialize(de));
        let derived = outcome(doc, |de| {
            derived::BatchRegistrationRequestV1::deserialize(Exact(de))
        });
        assert_eq!(
            generated
                .as_ref()
                .map(|v| format!("{:?}", v.expected_essay_count)),
            derived
                .as_ref()
                .map(|v| format!("{:?}", v.expected_essay_count)),
            "{doc}"
        );
        if let (Ok(g), Ok(d)) = (&generated, &derived) {
            assert_eq!(g.user_id, d.user_id, "{doc}");
            assert_eq!(g.org_id, d.org_id, "{doc}");
            assert_eq!(g.essay_ids, d.essay_ids, "{doc}");
            assert_eq!(g.course_code, d.course_code, "{doc}");
            assert_eq!(g.class_id, d.class_id, "{doc}");
            assert_eq!(g.cj_default_temperature, d.cj_default_temperature, "{doc}");
        }
    }
    // The cases above do reach the errors they are there for.
    let array = outcome(&docs[4], |de| BatchRegistrationRequestV1::deserialize(de));
    assert_eq!(
        array.unwrap_err(),
        "invalid type: sequence, expected struct BatchRegistrationRequestV1 at line 1 column 0"
    );
    let repeated = outcome(&docs[8], |de| BatchRegistrationRequestV1::deserialize(de));
    assert!(
        repeated
            .unwrap_err()
            .starts_with("duplicate field `user_id`")
    );
    let unknown = outcome(&docs[11], |de| BatchRegistrationRequestV1::deserialize(de));
    assert!(
        unknown
            .unwrap_err()
            .starts_with("unknown field `colour`, expected one of `user_id`")
    );
}

#[test]
fn enums_read_as_the_derive_read_them() {
    for doc in [
        r#""llm_tokens""#,
        r#""nlp_analyses""#,
        r#""nlp\u005fanalyses""#,
        r#""LLM_TOKENS""#,
        r#""""#,
        r#"{"llm_tokens": null}"#,
        "1",
        "null",
        r#"["llm_tokens"]"#,
    ] {
        let generated = outcome(doc, |de| ResourceTypeV1::deserialize(de));
        let derived = outcome(doc, |de| TwinResource::deserialize(Exact(de)));
        assert_eq!(
            generated.map(|v| v.as_str().to_string()),
            derived.map(|v| format!("{v:?}")).map(|v| match v.as_str() {
                "LlmTokens" => "llm_tokens".to_string(),
                "NlpAnalyses" => "nlp_analyses".to_string(),
                other => other.to_string(),
            }),
            "{doc}"
        );
    }
}
