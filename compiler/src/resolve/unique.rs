//! `unique` on lists whose items Rust's `==` tells apart differently from JSON.
//!
//! JSON Schema's `uniqueItems` compares items as JSON values. The generated Rust compares
//! parsed values, which forget some of the JSON: the letter case of a `uuid`, the offset and
//! spelling of a `datetime`, whether a record's optional key was absent or `null` and which
//! unknown keys it ignored, and `serde_json::Value`'s `==` holds `1` and `1.0` apart. A field's
//! own `unique` list of such items is compared as JSON while parsing
//! (`contractc_runtime::de::strict_unique`); a nested one (`items: { unique: true }`) cannot
//! be, and is an error.

use super::definition::ReadDefinition;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Kind, Type, TypeSpec};
use std::collections::BTreeMap;

/// Whether two values of `spec` are equal in the generated Rust exactly when the JSON values
/// they were read from are equal (as JSON Schema's `uniqueItems` compares them).
/// `is_record` says whether a referenced name is a record (else an enum).
pub fn rust_eq_is_json_eq(spec: &TypeSpec, is_record: &dyn Fn(&str) -> bool) -> bool {
    match &spec.ty {
        Type::String
        | Type::Email
        | Type::Int
        | Type::Float
        | Type::Bool
        | Type::Date
        | Type::InlineEnum(_) => true,
        Type::Uuid | Type::DateTime | Type::Json => false,
        Type::Ref(name) => !is_record(name),
        Type::List(inner) | Type::Map(inner) => rust_eq_is_json_eq(inner, is_record),
    }
}

/// Whether `spec` is a `unique` list that must be compared as JSON while parsing.
pub fn unique_as_json(spec: &TypeSpec, is_record: &dyn Fn(&str) -> bool) -> bool {
    match &spec.ty {
        Type::List(item) => {
            spec.constraints.unique.as_ref().is_some_and(|u| u.value)
                && !rust_eq_is_json_eq(item, is_record)
        }
        _ => false,
    }
}

/// Reports `unique` on a nested list whose items Rust compares differently from JSON.
pub fn check_nested(read: &BTreeMap<String, ReadDefinition>, diags: &mut Diagnostics) {
    let is_record = |name: &str| read.get(name).is_some_and(|d| d.def.kind == Kind::Record);
    for def in read.values() {
        for field in def.def.fields() {
            if let Type::List(inner) | Type::Map(inner) = &field.spec.ty {
                nested(inner, &is_record, diags);
            }
        }
    }
}

fn nested(spec: &TypeSpec, is_record: &dyn Fn(&str) -> bool, diags: &mut Diagnostics) {
    if unique_as_json(spec, is_record)
        && let Some(unique) = &spec.constraints.unique
    {
        diags.push(
            Diagnostic::new(
                Code::ConstraintNotForType,
                unique.pos,
                format!(
                    "`unique` on a nested `{}` cannot be checked as JSON Schema checks it: Rust \
                     compares these items differently from JSON (letter case of a uuid, offset \
                     of a datetime, absent or null keys of a record, 1 and 1.0 in json)",
                    spec.ty.display()
                ),
            )
            .with_help(
                "put `unique` on a field's own list, where contractc compares the items as JSON, \
                 or remove it",
            ),
        );
    }
    if let Type::List(inner) | Type::Map(inner) = &spec.ty {
        nested(inner, is_record, diags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_of(item: Type, unique: bool) -> TypeSpec {
        let mut spec = TypeSpec::plain(Type::List(Box::new(TypeSpec::plain(item))));
        if unique {
            let pos = crate::source::Pos::file_start(crate::source::FileId(0));
            spec.constraints.unique = Some(crate::source::Spanned::new(true, pos));
        }
        spec
    }

    #[test]
    fn items_that_rust_compares_as_json_need_no_parse_time_check() {
        let is_record = |name: &str| name == "Rec";
        for ty in [
            Type::String,
            Type::Int,
            Type::Float,
            Type::Date,
            Type::Ref("Colour".into()),
        ] {
            assert!(!unique_as_json(&list_of(ty, true), &is_record));
        }
        for ty in [
            Type::Uuid,
            Type::DateTime,
            Type::Json,
            Type::Ref("Rec".into()),
        ] {
            assert!(
                unique_as_json(&list_of(ty.clone(), true), &is_record),
                "{ty:?}"
            );
            assert!(!unique_as_json(&list_of(ty, false), &is_record));
        }
        let nested = list_of(Type::List(Box::new(TypeSpec::plain(Type::Uuid))), true);
        assert!(unique_as_json(&nested, &is_record));
    }

    /// The codes and lines of the diagnostics of a one-file catalog.
    fn diagnose(yaml: &str) -> Vec<(Code, u32)> {
        let mut sources = crate::SourceMap::default();
        let file = std::path::PathBuf::from("c.yaml");
        let files = vec![(file.clone(), file, yaml.as_bytes().to_vec())];
        let (_, diags) = crate::check_files(&mut sources, files);
        diags
            .iter()
            .map(|d| (d.code, d.pos.map_or(0, |p| p.line)))
            .collect()
    }

    #[test]
    fn nested_unique_is_rejected_where_rust_cannot_compare_as_json() {
        let catalog = |item: &str| {
            format!(
                "name: R\nkind: record\nfields:\n  own: {{ type: list<{item}>, unique: true }}\n  \
                 nested:\n    type: list<list<{item}>>\n    items: {{ unique: true }}\n"
            )
        };
        assert_eq!(diagnose(&catalog("string")), []);
        assert_eq!(diagnose(&catalog("int")), []);
        // A field's own list is compared as JSON while parsing; a nested one cannot be.
        for item in ["uuid", "datetime", "json", "R"] {
            assert_eq!(
                diagnose(&catalog(item)),
                [(Code::ConstraintNotForType, 7)],
                "{item}"
            );
        }
    }
}
