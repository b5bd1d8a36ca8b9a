//! Resolve: YAML documents → the [`Catalog`] model (names, types, config).

pub mod config;
pub mod constraints;
pub mod definition;
pub mod fields;
pub mod identity;
pub mod pattern;
pub mod reader;
pub mod type_expr;

use crate::diag::{Code, Diagnostic, Diagnostics, suggest};
use crate::model::{Catalog, Config, Kind};
use crate::parse::ParsedFile;
use definition::{ReadDefinition, read_definition};
use std::collections::BTreeMap;

/// Builds the model from parsed files: the config first, then every definition, then names.
pub fn resolve(files: &[ParsedFile], diags: &mut Diagnostics) -> Catalog {
    let config = read_project_config(files, diags);
    let mut read: BTreeMap<String, ReadDefinition> = BTreeMap::new();
    for file in files.iter().filter(|f| !f.is_config) {
        for doc in &file.documents {
            let Some(def) = read_definition(doc, &config, diags) else {
                continue;
            };
            let name = def.def.name.value.clone();
            if let Some(first) = read.get(&name) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateDefinition,
                        def.def.name.pos,
                        format!("`{name}` is already defined"),
                    )
                    .with_label("defined again here")
                    .with_secondary(first.def.name.pos, "first defined here"),
                );
                continue;
            }
            read.insert(name, def);
        }
    }
    resolve_refs(&read, diags);
    Catalog {
        config,
        definitions: read.into_iter().map(|(k, v)| (k, v.def)).collect(),
    }
}

fn read_project_config(files: &[ParsedFile], diags: &mut Diagnostics) -> Config {
    let Some(file) = files.iter().find(|f| f.is_config) else {
        return Config::default();
    };
    if let Some(extra) = file.documents.get(1) {
        diags.emit(
            Code::WrongValue,
            extra.pos,
            "contractc.yaml holds one YAML document",
        );
    }
    file.documents
        .first()
        .map_or_else(Config::default, |doc| config::read_config(doc, diags))
}

/// Every type a field names must be a record or an enum of the catalog.
fn resolve_refs(read: &BTreeMap<String, ReadDefinition>, diags: &mut Diagnostics) {
    for def in read.values() {
        for r in &def.refs {
            match read.get(&r.name).map(|d| d.def.kind) {
                Some(Kind::Record | Kind::Enum) => {}
                Some(kind) => diags.emit(
                    Code::NotAMessageType,
                    r.pos,
                    format!(
                        "`{}` is a {}; fields can only hold records and enums",
                        r.name,
                        kind.as_str()
                    ),
                ),
                None => {
                    let mut d = Diagnostic::new(
                        Code::UnknownType,
                        r.pos,
                        format!("unknown type `{}`", r.name),
                    );
                    let names = read.keys().map(String::as_str).chain(type_expr::BUILTINS);
                    if let Some(s) = suggest(&r.name, names) {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    diags.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod editor_schema_tests {
    //! The editor schema names exactly the keys the resolver reads, so an editor neither
    //! flags a key `check` accepts nor offers one it refuses.
    use crate::model::Kind;
    use std::collections::BTreeSet;

    fn keys(value: &serde_json::Value) -> BTreeSet<String> {
        value
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keys_and_kinds_match_the_resolver() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::parse::EDITOR_SCHEMA).expect("JSON");
        assert_eq!(
            keys(&schema["properties"]),
            set(super::definition::DEFINITION_KEYS)
        );
        let field: Vec<&str> = super::fields::FIELD_KEYS
            .iter()
            .chain(super::constraints::CONSTRAINT_KEYS)
            .copied()
            .collect();
        let field_map = &schema["definitions"]["field_map"]["properties"];
        assert_eq!(keys(field_map), set(&field));
        let constraints = &schema["definitions"]["constraints"]["properties"];
        assert_eq!(keys(constraints), set(super::constraints::CONSTRAINT_KEYS));
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            schema["properties"]["kind"]["enum"],
            serde_json::json!(kinds)
        );
    }
}
