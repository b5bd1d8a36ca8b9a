//! The `jsonschema` crate's errors in the words the generated validators use
//! (`contractc_runtime::check::words`), so that `contractc validate` and the typed validator
//! name a broken rule the same way.

use contractc::CheckedCatalog;
use contractc::emit::json_schema;
use contractc::model::Format;
use contractc_runtime::check::words;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;
use std::collections::HashMap;

/// Every violation one error stands for: JSON pointer and message. An optional value that is
/// neither `null` nor valid fails an `anyOf` of its schema and `null`: what counts is why it
/// fails its schema, so those errors are given instead.
pub(super) fn violations(e: &ValidationError<'_>, patterns: &Patterns) -> Vec<(String, String)> {
    let pointer = e.instance_path().to_string();
    let message = match e.kind() {
        ValidationErrorKind::AnyOf { context } => {
            let failing: Vec<_> = context
                .iter()
                .filter(|branch| !is_null_only(branch))
                .collect();
            if let [branch] = failing.as_slice() {
                return branch
                    .iter()
                    .flat_map(|e| violations(e, patterns))
                    .collect();
            }
            "matches none of the forms the contract allows".to_owned()
        }
        // At the key itself, as the typed validator points.
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|key| {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    (format!("{pointer}/{escaped}"), words::unknown_field(key))
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            words::missing(property.as_str().unwrap_or_default())
        }
        ValidationErrorKind::Type { kind } => {
            words::wrong_type(expected(kind), found(e.instance()))
        }
        ValidationErrorKind::Enum { options } => {
            let allowed = options
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            words::not_one_of(&text_of(e.instance()), allowed)
        }
        ValidationErrorKind::Format { format } => words::not_format(format),
        ValidationErrorKind::Pattern { pattern } => patterns.message(pattern),
        ValidationErrorKind::MinLength { limit } => words::shorter_than(limit),
        ValidationErrorKind::MaxLength { limit } => words::longer_than(limit),
        ValidationErrorKind::Minimum { limit } => words::less_than(number(limit)),
        ValidationErrorKind::Maximum { limit } => words::greater_than(number(limit)),
        ValidationErrorKind::ExclusiveMinimum { limit } => words::not_greater_than(number(limit)),
        ValidationErrorKind::ExclusiveMaximum { limit } => words::not_less_than(number(limit)),
        ValidationErrorKind::MinItems { limit } => words::fewer_items_than(limit),
        ValidationErrorKind::MaxItems { limit } => words::more_items_than(limit),
        ValidationErrorKind::UniqueItems => words::not_unique(),
        _ => e.to_string(),
    };
    vec![(pointer, message)]
}

/// The contract's words for every `pattern` the emitted schemas spell in their portable form
/// ([`json_schema::portable`]): a written pattern is named as the contract wrote it, and the
/// pattern of a format's syntax is that format's violation.
#[derive(Debug, Default)]
pub(super) struct Patterns(HashMap<String, String>);

impl Patterns {
    /// Every pattern of `catalog`, and the four formats'.
    pub(super) fn of(catalog: &CheckedCatalog<'_>) -> Patterns {
        let mut map = HashMap::new();
        for format in [Format::Uuid, Format::DateTime, Format::Date, Format::Email] {
            let text = json_schema::portable::format_pattern(format);
            map.insert(text.to_owned(), words::not_format(format.keyword()));
        }
        let specs = catalog.definitions.values().flat_map(|d| d.fields());
        for pattern in specs.flat_map(|f| f.spec.patterns()) {
            map.insert(json_schema::portable::pattern(pattern), pattern.message());
        }
        Patterns(map)
    }

    /// The violation of a string that `pattern` (as the schema spells it) does not match.
    fn message(&self, pattern: &str) -> String {
        self.0
            .get(pattern)
            .cloned()
            .unwrap_or_else(|| words::no_match(pattern))
    }
}

/// The branch of `anyOf: [schema, {type: null}]` that only says "not null".
fn is_null_only(branch: &[ValidationError<'_>]) -> bool {
    matches!(
        branch,
        [e] if matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(JsonType::Null) })
    )
}

/// What a `type` keyword asks for, as the typed validator says it.
fn expected(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Single(ty) => article(*ty),
        TypeKind::Multiple(_) => "another type",
    }
}

/// What a JSON value is, in the same words.
fn found(value: &Value) -> &'static str {
    match value {
        Value::Null => article(JsonType::Null),
        Value::Bool(_) => article(JsonType::Boolean),
        Value::Number(n) if n.is_i64() || n.is_u64() => article(JsonType::Integer),
        Value::Number(_) => article(JsonType::Number),
        Value::String(_) => article(JsonType::String),
        Value::Array(_) => article(JsonType::Array),
        Value::Object(_) => article(JsonType::Object),
    }
}

fn article(ty: JsonType) -> &'static str {
    match ty {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

/// A string as written, anything else as JSON text.
fn text_of(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// A bound as the generated code prints it: integers as integers, floats as Rust prints them.
fn number(limit: &Value) -> String {
    match limit {
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |f| f.to_string()),
        other => other.to_string(),
    }
}
