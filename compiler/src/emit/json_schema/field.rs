//! The schema of one field and of each type expression, with its constraints.

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

/// Adds the keyword of every rule of the layer.
fn add_rules(map: &mut Map<String, Value>, spec: &TypeSpec) {
    // An `int`'s written inclusive bounds, merged with its 64-bit range after the loop.
    let (mut int64, mut min, mut max) = (false, None, None);
    for rule in spec.rules() {
        let (key, value): (&str, Value) = match rule {
            Rule::MinLength(n) => ("minLength", n.into()),
            Rule::MaxLength(n) => ("maxLength", n.into()),
            Rule::Pattern(p) => ("pattern", p.source.clone().into()),
            Rule::Format(f) => ("format", f.keyword().into()),
            Rule::Int64 => {
                int64 = true;
                continue;
            }
            Rule::Lower {
                bound,
                exclusive: false,
                integer: true,
            } => {
                min = Some(bound);
                continue;
            }
            Rule::Upper {
                bound,
                exclusive: false,
                integer: true,
            } => {
                max = Some(bound);
                continue;
            }
            Rule::Lower {
                bound, exclusive, ..
            } => {
                let key = if exclusive {
                    "exclusiveMinimum"
                } else {
                    "minimum"
                };
                (key, bound.to_json())
            }
            Rule::Upper {
                bound, exclusive, ..
            } => {
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
    if int64 {
        map.insert("minimum".into(), tighter_min(min, i64::MIN).to_json());
        map.insert("maximum".into(), tighter_max(max, i64::MAX).to_json());
    }
}

/// The larger of a written lower bound and the type's own (`own` is `i64::MIN`).
fn tighter_min(written: Option<Bound>, own: i64) -> Bound {
    match written {
        Some(Bound::Int(w)) => Bound::Int(w.max(own)),
        Some(Bound::Float(f)) if f > own as f64 => Bound::Float(f),
        _ => Bound::Int(own),
    }
}

/// The smaller of a written upper bound and the type's own (`own` is `i64::MAX`).
fn tighter_max(written: Option<Bound>, own: i64) -> Bound {
    match written {
        Some(Bound::Int(w)) => Bound::Int(w.min(own)),
        Some(Bound::Float(f)) if f < own as f64 => Bound::Float(f),
        _ => Bound::Int(own),
    }
}
