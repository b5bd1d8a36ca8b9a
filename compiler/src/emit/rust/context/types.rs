//! Rust types of fields: the type map, strict deserialisation, boxing of recursive records.

use super::super::ident::{inline_enum_ident, type_ident};
use crate::model::{Body, Catalog, Definition, Field, Kind, Type, TypeSpec};
use std::collections::BTreeSet;

/// `(struct wire name, field wire name)` of every field that needs a `Box`.
pub(super) type Boxed = BTreeSet<(String, String)>;

/// The Rust type of a field, with the `Option` of an optional field and the `Box` that
/// breaks a record's recursion.
pub(super) fn field_type(owner: &str, field: &Field, boxed: &Boxed) -> String {
    let mut ty = spec_type(owner, &field.name.value, &field.spec, false);
    if boxed.contains(&(owner.to_string(), field.name.value.clone())) {
        ty = format!("::std::boxed::Box<{ty}>");
    }
    if field.optional || field.spec.nullable {
        ty = format!("::core::option::Option<{ty}>");
    }
    ty
}

/// The Rust type of a type expression; `nested` says whether a `?` here adds an `Option`
/// (inside `list<>` and `map<>`), the top level's `?` being the field's optionality.
pub(super) fn spec_type(owner: &str, field: &str, spec: &TypeSpec, nested: bool) -> String {
    let ty = match &spec.ty {
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
        Type::List(item) => format!("::std::vec::Vec<{}>", spec_type(owner, field, item, true)),
        Type::Map(value) => format!(
            "::std::collections::BTreeMap<::std::string::String, {}>",
            spec_type(owner, field, value, true)
        ),
        Type::Ref(name) => type_ident(name),
        Type::InlineEnum(_) => inline_enum_ident(owner, field),
    };
    if nested && spec.nullable {
        format!("::core::option::Option<{ty}>")
    } else {
        ty
    }
}

/// clippy's default `type-complexity-threshold`: a type scoring more is linted.
const COMPLEXITY_THRESHOLD: u32 = 250;

/// Whether the field's Rust type is too complex for clippy's `type_complexity` lint, which
/// the generated code must pass: the type is the contract's own type expression, spelled out.
pub(super) fn field_is_complex(owner: &str, field: &Field, boxed: &Boxed) -> bool {
    let is_boxed = boxed.contains(&(owner.to_string(), field.name.value.clone()));
    let wrappers = u32::from(is_boxed) + u32::from(field.optional || field.spec.nullable);
    let score: u32 = (1..=wrappers).map(|depth| 10 * depth).sum::<u32>()
        + complexity(&field.spec, wrappers + 1, false);
    score > COMPLEXITY_THRESHOLD
}

/// Whether the Rust type of a type expression (no `Option` for its own `?`) is too complex.
pub(super) fn spec_is_complex(spec: &TypeSpec) -> bool {
    complexity(spec, 1, false) > COMPLEXITY_THRESHOLD
}

/// clippy's score of the Rust type of `spec` at nesting `depth`: every path type counts
/// ten times its depth, and its generic arguments sit one level deeper.
fn complexity(spec: &TypeSpec, depth: u32, nested: bool) -> u32 {
    if nested && spec.nullable {
        return 10 * depth + complexity(spec, depth + 1, false);
    }
    match &spec.ty {
        Type::List(inner) => 10 * depth + complexity(inner, depth + 1, true),
        Type::Map(inner) => 10 * depth + 10 * (depth + 1) + complexity(inner, depth + 1, true),
        Type::DateTime => 10 * depth + 10 * (depth + 1),
        _ => 10 * depth,
    }
}

/// Whether the type holds an `int`, `uuid`, `datetime`, `date`, record or enum outside a
/// record, so the field needs `::contractc_runtime::de::strict` to read it as JSON Schema
/// does (records only from objects and enums only from strings, through their `Strict` impls).
pub(super) fn is_strict(spec: &TypeSpec) -> bool {
    match &spec.ty {
        Type::Int
        | Type::Uuid
        | Type::DateTime
        | Type::Date
        | Type::Ref(_)
        | Type::InlineEnum(_) => true,
        Type::List(inner) | Type::Map(inner) => is_strict(inner),
        _ => false,
    }
}

/// Whether the field's own list is `unique` over items Rust compares differently from JSON,
/// so its items are compared as JSON while parsing (`de::strict_unique`), not after.
pub(super) fn unique_as_json(catalog: &Catalog, spec: &TypeSpec) -> bool {
    let is_record = |name: &str| catalog.get(name).is_some_and(|d| d.kind == Kind::Record);
    crate::resolve::unique::unique_as_json(spec, &is_record)
}

/// The inline enum of a field, at any depth of its type expression.
pub(super) fn inline_enum_values(spec: &TypeSpec) -> Option<&[String]> {
    match &spec.ty {
        Type::InlineEnum(values) => Some(values),
        Type::List(inner) | Type::Map(inner) => inline_enum_values(inner),
        _ => None,
    }
}

/// The definitions a type expression names, at any depth.
pub(super) fn referenced<'a>(spec: &'a TypeSpec, out: &mut Vec<&'a str>) {
    match &spec.ty {
        Type::Ref(name) => out.push(name),
        Type::List(inner) | Type::Map(inner) => referenced(inner, out),
        _ => {}
    }
}

/// Whether a type expression names a deprecated definition, so the code naming it must
/// allow the `deprecated` lint.
pub(super) fn names_deprecated(catalog: &Catalog, spec: &TypeSpec) -> bool {
    let mut names = Vec::new();
    referenced(spec, &mut names);
    names
        .iter()
        .any(|n| catalog.get(n).is_some_and(|d| d.deprecated.is_some()))
}

/// Every field that refers, without `list<>` or `map<>` in between, to a record that leads
/// back to the field's own record the same way: such a field needs a `Box`, or the struct
/// would contain itself.
pub(super) fn boxed_fields(catalog: &Catalog) -> Boxed {
    let mut boxed = Boxed::new();
    for def in catalog.definitions.values() {
        for field in def.fields() {
            let Some(target) = direct_record(catalog, &field.spec) else {
                continue;
            };
            if reaches(catalog, target, &def.name.value) {
                boxed.insert((def.name.value.clone(), field.name.value.clone()));
            }
        }
    }
    boxed
}

/// The record a field holds directly (not through a list or map).
fn direct_record<'a>(catalog: &'a Catalog, spec: &TypeSpec) -> Option<&'a Definition> {
    match &spec.ty {
        Type::Ref(name) => catalog.get(name).filter(|d| d.kind == Kind::Record),
        _ => None,
    }
}

/// Whether `goal` is `from` or is held directly by `from` (transitively).
fn reaches(catalog: &Catalog, from: &Definition, goal: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(def) = stack.pop() {
        if def.name.value == goal {
            return true;
        }
        if !seen.insert(def.name.value.as_str()) {
            continue;
        }
        if let Body::Struct(fields) = &def.body {
            stack.extend(
                fields
                    .iter()
                    .filter_map(|f| direct_record(catalog, &f.spec)),
            );
        }
    }
    false
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
        assert_eq!(complexity(&nest(4, Type::Int), 1, false), 150);
        // Option<Vec^5<i64>> as a field: 210, not linted; Option<Vec^6<i64>>: 280, linted.
        assert!(!spec_is_complex(&nest(5, Type::Int)));
        assert!(spec_is_complex(&nest(6, Type::Int)));
        let map = |inner| TypeSpec::plain(Type::Map(Box::new(inner)));
        let maps = map(map(map(map(TypeSpec::plain(Type::Int)))));
        assert_eq!(complexity(&maps, 1, false), 290);
    }
}
