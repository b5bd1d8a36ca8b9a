//! `unique` on nested lists whose items Rust's `==` tells apart differently from JSON.
//!
//! JSON Schema's `uniqueItems` compares items as JSON values, and the generated Rust compares
//! parsed values ([`crate::model::TypeSpec::rust_eq_is_json_eq`] says when the two differ). A
//! field's own `unique` list of such items is compared as JSON while parsing
//! (`contractc_runtime::de::strict_unique`); a nested one (`items: { unique: true }`) cannot
//! be, and is an error.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Catalog;

/// Reports `unique` on a nested list whose items Rust compares differently from JSON.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for def in catalog.definitions.values() {
        for field in def.fields() {
            for spec in field.spec.layers().skip(1) {
                if !spec.unique_as_json(catalog) {
                    continue;
                }
                let Some(unique) = &spec.constraints.unique else {
                    continue;
                };
                diags.push(
                    Diagnostic::new(
                        Code::ConstraintNotForType,
                        unique.pos,
                        format!(
                            "`unique` on a nested `{}` cannot be checked as JSON Schema checks it: \
                             Rust compares these items differently from JSON (letter case of a \
                             uuid, offset of a datetime, absent or null keys of a record, 1 and \
                             1.0 in json)",
                            spec.ty.display()
                        ),
                    )
                    .with_help(
                        "put `unique` on a field's own list, where contractc compares the items \
                         as JSON, or remove it",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Type, TypeSpec};

    fn list_of(item: Type, unique: bool) -> TypeSpec {
        let mut spec = TypeSpec::plain(Type::List(Box::new(TypeSpec::plain(item))));
        if unique {
            let pos = crate::source::Pos::file_start(crate::source::FileId(0));
            spec.constraints.unique = Some(crate::source::Spanned::new(true, pos));
        }
        spec
    }

    /// A catalog with the record `Rec` and the enum `Colour`.
    fn rec_and_colour() -> Catalog {
        let yaml = "name: Rec\nkind: record\nfields:\n  x: int\n---\nname: Colour\nkind: enum\nvalues: [red]\n";
        let mut sources = crate::SourceMap::default();
        let file = std::path::PathBuf::from("c.yaml");
        crate::check_files(&mut sources, vec![(file.clone(), file, yaml.into())]).0
    }

    #[test]
    fn items_that_rust_compares_as_json_need_no_parse_time_check() {
        let catalog = rec_and_colour();
        for ty in [
            Type::String,
            Type::Int,
            Type::Float,
            Type::Date,
            Type::Ref("Colour".into()),
        ] {
            assert!(!list_of(ty, true).unique_as_json(&catalog));
        }
        for ty in [
            Type::Uuid,
            Type::DateTime,
            Type::Json,
            Type::Ref("Rec".into()),
        ] {
            assert!(list_of(ty.clone(), true).unique_as_json(&catalog), "{ty:?}");
            assert!(!list_of(ty, false).unique_as_json(&catalog));
        }
        let nested = list_of(Type::List(Box::new(TypeSpec::plain(Type::Uuid))), true);
        assert!(nested.unique_as_json(&catalog));
    }

    use crate::diagnose_yaml as diagnose;

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
