//! The schema of one field and of each type expression, with its constraints.

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

/// The schema of a type with its constraints, accepting `null` where a layer is nullable.
pub(super) fn type_schema(spec: &TypeSpec) -> Value {
    spec.fold(|layer, inside| {
        let mut map = base_schema(&layer.ty, inside);
        add_constraints(&mut map, &layer.ty, &layer.constraints);
        let schema = Value::Object(map);
        if layer.nullable {
            or_null(schema)
        } else {
            schema
        }
    })
}

/// The schema of one layer before constraints; `inside` is the schema of its element.
fn base_schema(ty: &Type, inside: Option<Value>) -> Map<String, Value> {
    let inside = inside.unwrap_or_else(|| json!({}));
    let value = match ty {
        Type::String => json!({ "type": "string" }),
        Type::Int => json!({ "type": "integer" }),
        Type::Float => json!({ "type": "number" }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Uuid => formatted("uuid"),
        Type::DateTime => formatted("date-time"),
        Type::Date => formatted("date"),
        Type::Email => formatted("email"),
        Type::Json => json!({}),
        Type::List(_) => json!({ "type": "array", "items": inside }),
        Type::Map(_) => json!({ "type": "object", "additionalProperties": inside }),
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

/// A string with a `format` that validators assert.
fn formatted(format: &str) -> Value {
    json!({ "type": "string", "format": format })
}

/// Adds the keywords of every constraint that is set; `int` also gets the 64-bit range.
fn add_constraints(map: &mut Map<String, Value>, ty: &Type, c: &Constraints) {
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            map.insert(key.into(), value);
        }
    };
    put("minLength", c.min_length.as_ref().map(|s| s.value.into()));
    put("maxLength", c.max_length.as_ref().map(|s| s.value.into()));
    put(
        "pattern",
        c.pattern.as_ref().map(|s| s.value.source.clone().into()),
    );
    let (mut min, mut max) = (
        c.min.as_ref().map(|s| s.value),
        c.max.as_ref().map(|s| s.value),
    );
    if *ty == Type::Int {
        min = Some(tighter_min(min, i64::MIN));
        max = Some(tighter_max(max, i64::MAX));
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
