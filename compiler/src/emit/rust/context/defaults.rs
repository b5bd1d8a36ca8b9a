//! Accessors for fields with a `default`.
//!
//! A field with a default stays `Option<T>` in the struct, so a message read and written
//! again keeps the key absent (or `null`) exactly as it came, and `T` may be anything,
//! including a record. The struct gets `pub fn <field>_or_default(&self)` returning the value,
//! or the default when the key was absent or `null`.

use super::super::literal::{f64_lit, i64_lit, raw_str_lit, str_lit};
use super::types::{spec_is_complex, spec_type};
use crate::check::CheckedCatalog;
use crate::model::names::unraw;
use crate::model::{Body, Catalog, Field, FieldFacts, Type, TypeSpec};
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
    catalog: CheckedCatalog<'_>,
    field: &Field,
    derived: &FieldFacts,
) -> Option<DefaultAccessor> {
    let default = &field.default.as_ref()?.value;
    let value = normalize(&catalog, &field.spec, default);
    let ident = derived.rust_name.as_str();
    let this = format!("self.{ident}");
    let inline = derived.inline_enum.as_ref();
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
        (Type::Ref(name), Value::String(s)) if catalog.is_enum(name) => {
            let target = catalog.facts().named(name);
            let variant = variant_of(catalog.get(name).map(|d| &d.body), &target.variants, s);
            let ty = target.rust_name.clone();
            let body = format!("{this}.unwrap_or({ty}::{variant})");
            (ty, body)
        }
        (Type::InlineEnum(values), Value::String(s)) if inline.is_some() => {
            let names = inline?;
            let index = values.iter().position(|v| v == s)?;
            let ty = names.rust_name.clone();
            let body = format!("{this}.unwrap_or({ty}::{})", names.variants.get(index)?);
            (ty, body)
        }
        _ => {
            // A boxed record field: clone the record out of its box.
            let this = if derived.boxed {
                format!("{this}.as_deref()")
            } else {
                format!("{this}.as_ref()")
            };
            let ty = spec_type(
                catalog.facts(),
                &field.spec,
                inline.map(|e| e.rust_name.as_str()),
            );
            (ty.clone(), parsed(&ty, &this, &value))
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

/// The Rust variant of the enum value `s`, read from the derived names.
fn variant_of(body: Option<&Body>, variants: &[String], s: &str) -> String {
    let index = match body {
        Some(Body::Enum(values)) => values.iter().position(|v| v.value == s),
        _ => None,
    };
    index
        .and_then(|i| variants.get(i))
        .cloned()
        .unwrap_or_default()
}

/// The body of an accessor whose default of type `ty` is not a plain literal: read from its
/// JSON text when needed.
fn parsed(ty: &str, this: &str, value: &Value) -> String {
    format!(
        "{this}.cloned().unwrap_or_else(|| {{ \
            ::contractc_runtime::serde_json::from_str::<{ty}>({}) \
            .expect(\"contractc checked this default against the field's type\") }})",
        raw_str_lit(&value.to_string())
    )
}

/// The default with integral floats at `int` positions written as integers (`1.0` → `1`),
/// which JSON Schema accepts as integers and serde would not.
fn normalize(catalog: &Catalog, spec: &TypeSpec, value: &Value) -> Value {
    match (&spec.ty, value, spec.element()) {
        (Type::Int, Value::Number(n), _) if n.as_i64().is_none() => integral(n),
        (Type::List(_), Value::Array(items), Some(item)) => {
            Value::Array(items.iter().map(|v| normalize(catalog, item, v)).collect())
        }
        (Type::Map(_), Value::Object(map), Some(inner)) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalize(catalog, inner, v)))
                .collect(),
        ),
        (Type::Ref(name), Value::Object(map), _) => {
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
