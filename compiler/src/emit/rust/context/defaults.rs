//! Accessors for fields with a `default`.
//!
//! A field with a default stays `Option<T>` in the struct, so a message read and written
//! again keeps the key absent (or `null`) exactly as it came, and `T` may be anything,
//! including a record. The struct gets `pub fn <field>_or_default(&self)` returning the value,
//! or the default when the key was absent or `null`.

use super::super::ident::{inline_enum_ident, type_ident, unraw, variant_ident};
use super::super::literal::{f64_lit, i64_lit, raw_str_lit, str_lit};
use super::types::{spec_is_complex, spec_type};
use crate::model::{Catalog, Field, Type, TypeSpec};
use serde::Serialize;
use serde_json::Value;

/// One `<field>_or_default` accessor.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DefaultAccessor {
    /// Method name.
    pub method: String,
    /// Return type.
    pub ty: String,
    /// Body expression.
    pub body: String,
    /// Doc lines, as string literals.
    pub doc: Vec<String>,
    /// The return type is complex enough for clippy's `type_complexity`: allow it.
    pub complex: bool,
}

/// The accessor of a field with a default; `None` without one.
pub(crate) fn accessor(
    catalog: &Catalog,
    owner: &str,
    ident: &str,
    field: &Field,
    boxed: bool,
) -> Option<DefaultAccessor> {
    let default = &field.default.as_ref()?.value;
    let value = normalize(catalog, &field.spec, default);
    let this = format!("self.{ident}");
    let (ty, body) = match (&field.spec.ty, &value) {
        (Type::String | Type::Email, Value::String(s)) => (
            "&str".to_string(),
            format!("{this}.as_deref().unwrap_or({})", str_lit(s)),
        ),
        (Type::Int, Value::Number(n)) if n.as_i64().is_some() => (
            "i64".to_string(),
            format!(
                "{this}.unwrap_or({})",
                i64_lit(n.as_i64().unwrap_or_default())
            ),
        ),
        (Type::Float, Value::Number(n)) if n.as_f64().is_some() => (
            "f64".to_string(),
            format!(
                "{this}.unwrap_or({})",
                f64_lit(n.as_f64().unwrap_or_default())
            ),
        ),
        (Type::Bool, Value::Bool(b)) => ("bool".to_string(), format!("{this}.unwrap_or({b})")),
        (Type::Ref(name), Value::String(s)) if is_enum(catalog, name) => {
            let ty = type_ident(name);
            let body = format!("{this}.unwrap_or({ty}::{})", variant_ident(s));
            (ty, body)
        }
        (Type::InlineEnum(_), Value::String(s)) => {
            let ty = inline_enum_ident(owner, &field.name.value);
            let body = format!("{this}.unwrap_or({ty}::{})", variant_ident(s));
            (ty, body)
        }
        _ => {
            // A boxed record field: clone the record out of its box.
            let this = if boxed {
                format!("{this}.as_deref()")
            } else {
                format!("{this}.as_ref()")
            };
            parsed(owner, &field.name.value, &field.spec, &this, &value)
        }
    };
    Some(DefaultAccessor {
        method: format!("{}_or_default", unraw(ident).trim_end_matches('_')),
        ty,
        body,
        doc: vec![str_lit(&format!(
            " `{}`, or its default `{value}` when absent or `null`.",
            field.name.value
        ))],
        complex: spec_is_complex(&field.spec),
    })
}

/// A default that is not a plain literal, read from its JSON text when needed.
fn parsed(
    owner: &str,
    field: &str,
    spec: &TypeSpec,
    this: &str,
    value: &Value,
) -> (String, String) {
    let ty = spec_type(owner, field, spec, false);
    let body = format!(
        "{this}.cloned().unwrap_or_else(|| {{ \
            ::contractc_runtime::serde_json::from_str::<{ty}>({}) \
            .expect(\"contractc checked this default against the field's type\") }})",
        raw_str_lit(&value.to_string())
    );
    (ty, body)
}

fn is_enum(catalog: &Catalog, name: &str) -> bool {
    catalog
        .get(name)
        .is_some_and(|d| d.kind == crate::model::Kind::Enum)
}

/// The default with integral floats at `int` positions written as integers (`1.0` → `1`),
/// which JSON Schema accepts as integers and serde would not.
fn normalize(catalog: &Catalog, spec: &TypeSpec, value: &Value) -> Value {
    match (&spec.ty, value) {
        (Type::Int, Value::Number(n)) if n.as_i64().is_none() => integral(n),
        (Type::List(item), Value::Array(items)) => {
            Value::Array(items.iter().map(|v| normalize(catalog, item, v)).collect())
        }
        (Type::Map(inner), Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalize(catalog, inner, v)))
                .collect(),
        ),
        (Type::Ref(name), Value::Object(map)) => {
            let fields = catalog.get(name).map(|d| d.fields()).unwrap_or_default();
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let spec = fields.iter().find(|f| f.name.value == *k).map(|f| &f.spec);
                        let v = spec.map_or_else(|| v.clone(), |s| normalize(catalog, s, v));
                        (k.clone(), v)
                    })
                    .collect(),
            )
        }
        _ => value.clone(),
    }
}

fn integral(n: &serde_json::Number) -> Value {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 => {
            Value::from(f as i64)
        }
        _ => Value::Number(n.clone()),
    }
}
