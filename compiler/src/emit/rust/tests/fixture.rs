//! A hand-built catalog that uses every type, constraint and identity shape.

use crate::model::*;
use crate::source::{FileId, Pos, Spanned};
use serde_json::json;
use std::collections::BTreeMap;

fn pos() -> Pos {
    Pos::file_start(FileId(0))
}

fn sp<T>(value: T) -> Spanned<T> {
    Spanned::new(value, pos())
}

fn spec(ty: Type) -> TypeSpec {
    TypeSpec::plain(ty)
}

fn with(ty: Type, f: impl FnOnce(&mut Constraints)) -> TypeSpec {
    let mut spec = TypeSpec::plain(ty);
    f(&mut spec.constraints);
    spec
}

fn nullable(mut spec: TypeSpec) -> TypeSpec {
    spec.nullable = true;
    spec
}

fn list(item: TypeSpec) -> Type {
    Type::List(Box::new(item))
}

fn map(value: TypeSpec) -> Type {
    Type::Map(Box::new(value))
}

fn r(name: &str) -> Type {
    Type::Ref(name.to_string())
}

fn pattern(source: &str, rust: &str) -> Option<Spanned<Pattern>> {
    Some(sp(Pattern::compile(source, rust.to_string()).unwrap()))
}

/// A required field.
fn req(name: &str, spec: TypeSpec) -> Field {
    Field {
        name: sp(name.to_string()),
        spec,
        optional: false,
        default: None,
        description: None,
        deprecated: None,
    }
}

/// An optional field.
fn opt(name: &str, spec: TypeSpec) -> Field {
    Field {
        optional: true,
        ..req(name, spec)
    }
}

fn described(mut f: Field, text: &str) -> Field {
    f.description = Some(text.to_string());
    f
}

fn defaulted(mut f: Field, value: serde_json::Value) -> Field {
    f.default = Some(sp(value));
    f
}

fn def(name: &str, kind: Kind, body: Body) -> Definition {
    Definition {
        name: sp(name.to_string()),
        kind,
        version: None,
        description: None,
        topic: None,
        identity: None,
        caused_by: Vec::new(),
        deprecated: None,
        unknown_fields: UnknownFields::Ignore,
        body,
        pos: pos(),
    }
}

fn attributed(org: OrgPolicy) -> Option<Identity> {
    Some(Identity::Attributed { org, pos: pos() })
}

fn enumeration(name: &str, values: &[&str]) -> Definition {
    let values = values.iter().map(|v| sp(v.to_string())).collect();
    def(name, Kind::Enum, Body::Enum(values))
}

fn course_code() -> Definition {
    let mut d = enumeration(
        "CourseCode",
        &[
            "ENG5",
            "SV1",
            "llm_tokens",
            "a-b",
            "1x",
            "Self",
            "x\"y",
            "a-b-c",
            "HTTP",
        ],
    );
    d.description = Some("Course a batch belongs to.".to_string());
    d
}

/// Values that share a word, which clippy's `enum_variant_names` notices.
fn token_kind() -> Definition {
    enumeration(
        "TokenKind",
        &["input_tokens", "output_tokens", "cached_tokens"],
    )
}

fn legacy_grade() -> Definition {
    let mut d = enumeration("legacy_grade", &["A", "B"]);
    d.deprecated = Some("grades moved to `Essay.score`".to_string());
    d
}

fn tree_node() -> Definition {
    let label = with(Type::String, |c| {
        c.min_length = Some(sp(1));
        c.max_length = Some(sp(50));
    });
    let mut d = def(
        "TreeNode",
        Kind::Record,
        Body::Struct(vec![
            req("label", label),
            req("children", spec(list(spec(r("TreeNode"))))),
            opt("parent", spec(r("TreeNode"))),
            opt("attributes", spec(map(spec(Type::Json)))),
        ]),
    );
    d.description = Some("A node of a tree:\n- a label\nof up to 50 characters\n- children".into());
    d
}

fn essay() -> Definition {
    let text = with(Type::String, |c| {
        c.max_length = Some(sp(500));
        c.pattern = pattern(r"^\S", r"^[^\t\n\v\f\r \x{a0}]");
    });
    let score = with(Type::Float, |c| {
        c.min = Some(sp(Bound::Int(0)));
        c.exclusive_max = Some(sp(Bound::Float(10.5)));
    });
    let words = with(Type::Int, |c| {
        c.min = Some(sp(Bound::Int(0)));
        c.max = Some(sp(Bound::Float(1e4)));
    });
    let mut grade = opt("grade", spec(r("legacy_grade")));
    grade.deprecated = Some("use `score`".to_string());
    def(
        "essay_v1",
        Kind::Record,
        Body::Struct(vec![
            described(req("text", text), "The essay text."),
            opt("score", score),
            req("word_count", words),
            defaulted(opt("language", spec(r("CourseCode"))), json!("ENG5")),
            grade,
        ]),
    )
}

fn request_fields() -> Vec<Field> {
    let tags = with(
        list(with(Type::String, |c| {
            c.min_length = Some(sp(2));
            c.pattern = pattern("^[a-z]+$", "^[a-z]+$");
        })),
        |c| {
            c.min_items = Some(sp(1));
            c.max_items = Some(sp(10));
            c.unique = Some(sp(true));
        },
    );
    let scores = map(nullable(with(Type::Float, |c| {
        c.min = Some(sp(Bound::Float(0.5)));
    })));
    let matrix = list(spec(list(with(Type::Int, |c| {
        c.max = Some(sp(Bound::Int(9)));
    }))));
    let contact = with(Type::Email, |c| c.max_length = Some(sp(100)));
    let status = Type::InlineEnum(vec!["pending".into(), "done".into()]);
    let code = with(Type::String, |c| c.pattern = pattern("^[A-F]$", "^[A-F]$"));
    let mut old = opt("old_note", spec(Type::String));
    old.deprecated = Some("use `notes`".to_string());
    vec![
        described(
            req("type", spec(Type::String)),
            "What is assessed.\n\nFree text.",
        ),
        defaulted(opt("self", spec(Type::Bool)), json!(true)),
        defaulted(opt("fooBar", spec(Type::Int)), json!(3.0)),
        req(
            "essays",
            with(list(spec(r("essay_v1"))), |c| c.min_items = Some(sp(1))),
        ),
        req("tags", tags),
        req("scores", spec(scores)),
        req("ids", spec(list(nullable(spec(Type::Uuid))))),
        req("created_at", spec(Type::DateTime)),
        opt("due", spec(Type::Date)),
        opt("contact", contact),
        opt("grade_code", code),
        opt("payload", spec(Type::Json)),
        defaulted(opt("status", spec(status)), json!("pending")),
        req("matrix", spec(matrix)),
        opt("tree", spec(r("TreeNode"))),
        old,
        defaulted(
            opt("weights", spec(list(spec(Type::Float)))),
            json!([1.0, 2.5]),
        ),
        defaulted(
            opt("batch_id", spec(Type::Uuid)),
            json!("67e55044-10b1-426f-9247-bb680e5fe0c8"),
        ),
        defaulted(opt("label", spec(Type::String)), json!("say \"hi\"")),
        defaulted(opt("ratio", spec(Type::Float)), json!(0.25)),
        defaulted(opt("deep", spec(deep())), json!({})),
        opt("tokens", spec(map(spec(r("TokenKind"))))),
    ]
}

/// `map<string, list<map<string, list<int?>>>>`: a type clippy may find complex.
fn deep() -> Type {
    let leaf = nullable(spec(Type::Int));
    map(spec(list(spec(map(spec(list(spec(map(spec(list(
        leaf,
    )))))))))))
}

fn request() -> Definition {
    let mut d = def(
        "ELS_CJAssessmentRequestV1",
        Kind::Request,
        Body::Struct(request_fields()),
    );
    d.version = Some(1);
    d.description = Some("Asks for a comparative-judgement assessment.".to_string());
    d.identity = attributed(OrgPolicy::Optional);
    d
}

fn command() -> Definition {
    let mut d = def(
        "BatchStartedV1",
        Kind::Command,
        Body::Struct(vec![req(
            "count",
            with(Type::Int, |c| c.min = Some(sp(Bound::Int(1)))),
        )]),
    );
    d.version = Some(1);
    d.topic = Some(sp("batch.started.v1".to_string()));
    d.identity = attributed(OrgPolicy::Required);
    d.deprecated = Some("use BatchStartedV2".to_string());
    d.unknown_fields = UnknownFields::Reject;
    d
}

fn heartbeat() -> Definition {
    let mut d = def("HeartbeatV1", Kind::Event, Body::Struct(Vec::new()));
    d.topic = Some(sp("ops.heartbeat".to_string()));
    d.identity = Some(Identity::Exempt {
        reason: "Liveness signal; triggers no processing.".to_string(),
        pos: pos(),
    });
    d
}

fn response() -> Definition {
    let mut d = def(
        "ScoreResponseV2",
        Kind::Response,
        Body::Struct(vec![
            req("essay", spec(r("essay_v1"))),
            req("grade", spec(r("legacy_grade"))),
        ]),
    );
    d.identity = attributed(OrgPolicy::Optional);
    d
}

/// The catalog: every definition above, a tighter `user_id` limit.
pub(crate) fn catalog() -> Catalog {
    let mut config = Config::default();
    config.user_id.max_length = 64;
    config.org_id.max_length = 128;
    let definitions = [
        course_code(),
        token_kind(),
        legacy_grade(),
        tree_node(),
        essay(),
        request(),
        command(),
        heartbeat(),
        response(),
    ];
    Catalog {
        config,
        definitions: definitions
            .into_iter()
            .map(|d| (d.name.value.clone(), d))
            .collect(),
    }
}

/// The catalog through every check, which it passes.
pub(crate) fn checked() -> crate::Checked {
    let checked = crate::Checked::from_catalog(catalog());
    assert!(
        checked.emittable().is_some(),
        "the fixture has errors: {:?}",
        checked.diagnostics
    );
    checked
}

/// Stand-in schema texts, one with quotes and hashes that a raw string must survive.
pub(crate) fn schemas(catalog: &Catalog) -> BTreeMap<String, String> {
    catalog
        .messages()
        .map(|d| {
            let text = format!(
                "{{\n  \"$id\": \"https://example.invalid/{0}\",\n  \"title\": \"{0} \\\"#\"\n}}",
                d.name.value
            );
            (d.name.value.clone(), text)
        })
        .collect()
}
