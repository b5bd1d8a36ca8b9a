//! Rust types of fields: the type map, strict deserialisation, clippy's type complexity.

use crate::model::{Catalog, Facts, Field, FieldFacts, Type, TypeSpec};

/// The Rust type of a field, with the `Option` of an optional field and the `Box` that
/// breaks a record's recursion.
pub(super) fn field_type(facts: &Facts, field: &Field, derived: &FieldFacts) -> String {
    let inline = derived.inline_enum.as_ref().map(|e| e.rust_name.as_str());
    let mut ty = spec_type(facts, &field.spec, inline);
    if derived.boxed {
        ty = format!("::std::boxed::Box<{ty}>");
    }
    if field.optional || field.spec.nullable {
        ty = format!("::core::option::Option<{ty}>");
    }
    ty
}

/// The Rust type of a type expression, without an `Option` for its own top-level `?` (the
/// field's optionality); a `?` inside `list<>` and `map<>` adds one. `inline` names the
/// inline enum the type holds, if any.
pub(super) fn spec_type(facts: &Facts, spec: &TypeSpec, inline: Option<&str>) -> String {
    let option = |layer: &TypeSpec, ty: String| {
        if layer.nullable && !std::ptr::eq(layer, spec) {
            format!("::core::option::Option<{ty}>")
        } else {
            ty
        }
    };
    spec.fold(|layer, inside: Option<String>| {
        let ty = match (&layer.ty, inside) {
            (Type::List(_), Some(inner)) => format!("::std::vec::Vec<{inner}>"),
            (Type::Map(_), Some(inner)) => {
                format!("::std::collections::BTreeMap<::std::string::String, {inner}>")
            }
            (ty, _) => leaf_type(facts, ty, inline),
        };
        option(layer, ty)
    })
}

/// The Rust type of a type that is not a list or a map.
fn leaf_type(facts: &Facts, ty: &Type, inline: Option<&str>) -> String {
    match ty {
        Type::String | Type::Email => "::std::string::String".to_string(),
        Type::Int => "i64".to_string(),
        Type::Float => "f64".to_string(),
        Type::Bool => "bool".to_string(),
        Type::Uuid => "::contractc_runtime::uuid::Uuid".to_string(),
        Type::DateTime => "::contractc_runtime::chrono::DateTime<\
            ::contractc_runtime::chrono::FixedOffset>"
            .to_string(),
        Type::Date => "::contractc_runtime::chrono::NaiveDate".to_string(),
        Type::Json => "::contractc_runtime::serde_json::Value".to_string(),
        Type::Ref(name) => facts.named(name).rust_name.clone(),
        Type::InlineEnum(_) => inline.unwrap_or_default().to_string(),
        Type::List(_) | Type::Map(_) => String::new(),
    }
}

/// clippy's default `type-complexity-threshold`: a type scoring more is linted.
const COMPLEXITY_THRESHOLD: u32 = 250;

/// Whether the field's Rust type is too complex for clippy's `type_complexity` lint, which
/// the generated code must pass: the type is the contract's own type expression, spelled out.
pub(super) fn field_is_complex(field: &Field, derived: &FieldFacts) -> bool {
    let wrappers = u32::from(derived.boxed) + u32::from(field.optional || field.spec.nullable);
    let score: u32 =
        (1..=wrappers).map(|depth| 10 * depth).sum::<u32>() + complexity(&field.spec, wrappers + 1);
    score > COMPLEXITY_THRESHOLD
}

/// Whether the Rust type of a type expression (no `Option` for its own `?`) is too complex.
pub(super) fn spec_is_complex(spec: &TypeSpec) -> bool {
    complexity(spec, 1) > COMPLEXITY_THRESHOLD
}

/// clippy's score of the Rust type of `spec` starting at nesting `depth`: every path type
/// counts ten times its depth, and its generic arguments sit one level deeper.
fn complexity(spec: &TypeSpec, mut depth: u32) -> u32 {
    let mut score = 0;
    for (i, layer) in spec.layers().enumerate() {
        if i > 0 && layer.nullable {
            score += 10 * depth;
            depth += 1;
        }
        score += 10 * depth;
        if matches!(layer.ty, Type::Map(_) | Type::DateTime) {
            // The map's `String` key, the date-time's `FixedOffset`.
            score += 10 * (depth + 1);
        }
        depth += 1;
    }
    score
}

/// Whether the type holds an `int`, `uuid`, `datetime`, `date`, record or enum outside a
/// record, so the field needs `::contractc_runtime::de::strict` to read it as JSON Schema
/// does (records only from objects and enums only from strings, through their `Strict` impls).
pub(super) fn is_strict(spec: &TypeSpec) -> bool {
    matches!(
        spec.leaf().ty,
        Type::Int | Type::Uuid | Type::DateTime | Type::Date | Type::Ref(_) | Type::InlineEnum(_)
    )
}

/// Whether a type expression names a deprecated definition, so the code naming it must
/// allow the `deprecated` lint.
pub(super) fn names_deprecated(catalog: &Catalog, spec: &TypeSpec) -> bool {
    spec.reference()
        .and_then(|name| catalog.get(name))
        .is_some_and(|d| d.deprecated.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nest(levels: usize, leaf: Type) -> TypeSpec {
        (0..levels).fold(TypeSpec::plain(leaf), |inner, _| {
            TypeSpec::plain(Type::List(Box::new(inner)))
        })
    }

    #[test]
    fn complexity_follows_clippy_scores() {
        // Vec^4<i64>: 10 + 20 + 30 + 40 + 50 = 150 (checked against clippy 1.95).
        assert_eq!(complexity(&nest(4, Type::Int), 1), 150);
        // Option<Vec^5<i64>> as a field: 210, not linted; Option<Vec^6<i64>>: 280, linted.
        assert!(!spec_is_complex(&nest(5, Type::Int)));
        assert!(spec_is_complex(&nest(6, Type::Int)));
        let map = |inner| TypeSpec::plain(Type::Map(Box::new(inner)));
        let maps = map(map(map(map(TypeSpec::plain(Type::Int)))));
        assert_eq!(complexity(&maps, 1), 290);
    }
}
