//! The schema of one field and of each type expression, with its constraints.

use super::portable;
use crate::model::{Bound, Constraints, Field, Type, TypeSpec};
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

/// The schema of a type with its constraints, accepting `null` when the type is nullable.
pub(super) fn type_schema(spec: &TypeSpec) -> Value {
    let mut map = base_schema(&spec.ty);
    add_constraints(&mut map, &spec.ty, &spec.constraints);
    let schema = Value::Object(map);
    if spec.nullable {
        or_null(schema)
    } else {
        schema
    }
}

/// The schema of a type before constraints.
fn base_schema(ty: &Type) -> Map<String, Value> {
    let value = match ty {
        Type::String => json!({ "type": "string" }),
        Type::Int => json!({ "type": "integer" }),
        Type::Float => json!({ "type": "number" }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Uuid => formatted("uuid", portable::UUID),
        Type::DateTime => formatted("date-time", portable::DATE_TIME),
        Type::Date => formatted("date", portable::DATE),
        Type::Email => formatted("email", portable::EMAIL),
        Type::Json => json!({}),
        Type::List(item) => json!({ "type": "array", "items": type_schema(item) }),
        Type::Map(value) => json!({ "type": "object", "additionalProperties": type_schema(value) }),
        Type::Ref(name) => json!({ "$ref": def_ref(name) }),
        Type::InlineEnum(values) => json!({ "type": "string", "enum": values }),
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

/// A string with a `format` that validators assert, and the `pattern` of its portable syntax.
fn formatted(format: &str, pattern: &str) -> Value {
    json!({ "type": "string", "format": format, "pattern": pattern })
}

/// Adds the keywords of every constraint that is set, in their portable form: `int` gets its
/// whole range ([`Constraints::int_range`]), an unbounded side of a `float` ±`f64::MAX`.
fn add_constraints(map: &mut Map<String, Value>, ty: &Type, c: &Constraints) {
    if *ty == Type::String {
        // Scalar values only: beside a written pattern, or alone.
        let written = c.pattern.as_ref().map(|p| portable::pattern(&p.value));
        if let Some(written) = written {
            map.insert("pattern".into(), written.into());
            let text = json!({ "pattern": portable::SCALAR_VALUES });
            map.insert("allOf".into(), json!([text]));
        } else {
            map.insert("pattern".into(), portable::SCALAR_VALUES.into());
        }
    }
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            map.insert(key.into(), value);
        }
    };
    put("minLength", c.min_length.as_ref().map(|s| s.value.into()));
    put("maxLength", c.max_length.as_ref().map(|s| s.value.into()));
    let (mut min, mut max) = (
        c.min.as_ref().map(|s| s.value),
        c.max.as_ref().map(|s| s.value),
    );
    if *ty == Type::Int {
        let (lo, hi) = c.int_range();
        (min, max) = (Some(Bound::Int(lo)), Some(Bound::Int(hi)));
    }
    if *ty == Type::Float {
        if min.is_none() && c.exclusive_min.is_none() {
            min = Some(Bound::Float(-portable::FLOAT_LIMIT));
        }
        if max.is_none() && c.exclusive_max.is_none() {
            max = Some(Bound::Float(portable::FLOAT_LIMIT));
        }
    }
    put("minimum", min.map(Bound::to_json));
    put("maximum", max.map(Bound::to_json));
    put(
        "exclusiveMinimum",
        c.exclusive_min.as_ref().map(|s| s.value.to_json()),
    );
    put(
        "exclusiveMaximum",
        c.exclusive_max.as_ref().map(|s| s.value.to_json()),
    );
    put("minItems", c.min_items.as_ref().map(|s| s.value.into()));
    put("maxItems", c.max_items.as_ref().map(|s| s.value.into()));
    put(
        "uniqueItems",
        c.unique.as_ref().filter(|s| s.value).map(|_| true.into()),
    );
}
