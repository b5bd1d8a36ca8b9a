//! The schema of one field and of each type expression, with its constraints.

use super::portable;
use crate::model::{Bound, Field, Rule, Type, TypeSpec};
use serde_json::{Map, Value, json};

/// The schema of a field: its type, `null` too when optional, then its doc keywords.
///
/// For an optional field the doc keywords go on the outer `anyOf`, so they describe the field
/// rather than one branch of it.
pub(super) fn field_schema(field: &Field) -> Value {
    let mut schema = type_schema(&field.spec);
    if field.optional && !field.spec.nullable {
        schema = or_null(schema);
    }
    let Value::Object(map) = &mut schema else {
        return schema;
    };
    if let Some(description) = &field.description {
        map.insert("description".into(), description.clone().into());
    }
    if field.deprecated.is_some() {
        map.insert("deprecated".into(), true.into());
    }
    if let Some(default) = &field.default {
        map.insert("default".into(), default.value.clone());
    }
    schema
}

/// `schema` or `null`; a schema that already accepts anything is kept as it is.
pub(super) fn or_null(schema: Value) -> Value {
    if schema == json!({}) {
        return schema;
    }
    json!({ "anyOf": [schema, { "type": "null" }] })
}

/// The schema of a type with its rules, accepting `null` where a layer is nullable.
pub(super) fn type_schema(spec: &TypeSpec) -> Value {
    spec.fold(|layer, inside| {
        let mut map = base_schema(&layer.ty, inside);
        add_rules(&mut map, layer);
        let schema = Value::Object(map);
        if layer.nullable {
            or_null(schema)
        } else {
            schema
        }
    })
}

/// The schema of one layer before its rules; `inside` is the schema of its element.
fn base_schema(ty: &Type, inside: Option<Value>) -> Map<String, Value> {
    let inside = inside.unwrap_or_else(|| json!({}));
    let value = match ty {
        Type::String
        | Type::Email
        | Type::Uuid
        | Type::DateTime
        | Type::Date
        | Type::InlineEnum(_) => json!({ "type": "string" }),
        Type::Int => json!({ "type": "integer" }),
        Type::Float => json!({ "type": "number" }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Json => json!({}),
        Type::List(_) => json!({ "type": "array", "items": inside }),
        Type::Map(_) => json!({ "type": "object", "additionalProperties": inside }),
        Type::Ref(name) => json!({ "$ref": def_ref(name) }),
    };
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The pointer to a record or enum under `$defs`.
pub(super) fn def_ref(name: &str) -> String {
    format!("#/$defs/{name}")
}

/// Adds the keyword of every rule of the layer, each in its portable form ([`portable`]):
/// a pattern printed with explicit classes, a format with the `pattern` of the syntax every
/// validator accepts, an `int`'s whole range; then the guards no rule states (scalar values
/// only in a `string`, a finite `float`).
fn add_rules(map: &mut Map<String, Value>, spec: &TypeSpec) {
    let mut pattern = None;
    for rule in spec.rules() {
        let (key, value): (&str, Value) = match rule {
            Rule::MinLength(n) => ("minLength", n.into()),
            Rule::MaxLength(n) => ("maxLength", n.into()),
            Rule::Pattern(p) => {
                pattern = Some(portable::pattern(p));
                continue;
            }
            Rule::Format(f) => {
                pattern = Some(portable::format_pattern(f).to_owned());
                ("format", f.keyword().into())
            }
            Rule::IntRange { min, max } => {
                map.insert("minimum".into(), min.into());
                ("maximum", max.into())
            }
            Rule::Lower { bound, exclusive } => {
                let key = if exclusive {
                    "exclusiveMinimum"
                } else {
                    "minimum"
                };
                (key, bound.to_json())
            }
            Rule::Upper { bound, exclusive } => {
                let key = if exclusive {
                    "exclusiveMaximum"
                } else {
                    "maximum"
                };
                (key, bound.to_json())
            }
            Rule::MinItems(n) => ("minItems", n.into()),
            Rule::MaxItems(n) => ("maxItems", n.into()),
            Rule::UniqueItems => ("uniqueItems", true.into()),
            Rule::OneOf(values) => ("enum", values.into()),
        };
        map.insert(key.into(), value);
    }
    add_guards(map, spec, pattern);
}

/// `pattern` (the rule's or the format's), and what a validator that is not Rust needs told:
/// a `string` holds Unicode scalar values only (beside a written pattern, in an `allOf`), and
/// an unbounded side of a `float` is ±`f64::MAX`, so Infinity (`1e400`) fails it.
fn add_guards(map: &mut Map<String, Value>, spec: &TypeSpec, pattern: Option<String>) {
    match (&spec.ty, pattern) {
        (Type::String, Some(written)) => {
            map.insert("pattern".into(), written.into());
            let text = json!({ "pattern": portable::SCALAR_VALUES });
            map.insert("allOf".into(), json!([text]));
        }
        (Type::String, None) => {
            map.insert("pattern".into(), portable::SCALAR_VALUES.into());
        }
        (_, Some(pattern)) => {
            map.insert("pattern".into(), pattern.into());
        }
        (_, None) => {}
    }
    if spec.ty == Type::Float {
        let c = &spec.constraints;
        if c.min.is_none() && c.exclusive_min.is_none() {
            map.insert(
                "minimum".into(),
                Bound::Float(-portable::FLOAT_LIMIT).to_json(),
            );
        }
        if c.max.is_none() && c.exclusive_max.is_none() {
            map.insert(
                "maximum".into(),
                Bound::Float(portable::FLOAT_LIMIT).to_json(),
            );
        }
    }
}
