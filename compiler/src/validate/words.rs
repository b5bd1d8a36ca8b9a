//! The `jsonschema` crate's errors in the words the generated validators use
//! (`contractc_runtime::check::words`), so that `contractc validate` and the typed validator
//! name a broken rule the same way.

use contractc_runtime::check::words;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;

/// Every violation one error stands for: JSON pointer and message. An optional value that is
/// neither `null` nor valid fails an `anyOf` of its schema and `null`: what counts is why it
/// fails its schema, so those errors are given instead.
pub(super) fn violations(e: &ValidationError<'_>) -> Vec<(String, String)> {
    let pointer = e.instance_path().to_string();
    let message = match e.kind() {
        ValidationErrorKind::AnyOf { context } => {
            let failing: Vec<_> = context
                .iter()
                .filter(|branch| !is_null_only(branch))
                .collect();
            if let [branch] = failing.as_slice() {
                return branch.iter().flat_map(|e| violations(e)).collect();
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
        ValidationErrorKind::Pattern { pattern } => words::no_match(pattern),
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
