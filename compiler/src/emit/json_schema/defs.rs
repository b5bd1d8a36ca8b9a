//! `$defs`: every record and enum a message uses, transitively, each once, in name order.

use crate::model::{Body, Catalog, Definition, Type, TypeSpec};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The `$defs` of a message: records and enums reachable from its fields, keyed by name.
pub(super) fn collect(catalog: &Catalog, message: &Definition) -> Map<String, Value> {
    let mut found: BTreeMap<String, Value> = BTreeMap::new();
    let mut pending: Vec<&str> = Vec::new();
    refs_of_fields(message, &mut pending);
    while let Some(name) = pending.pop() {
        if found.contains_key(name) {
            continue;
        }
        // A checked catalog resolves every reference; an unresolved one is left dangling.
        let Some(def) = catalog.get(name) else {
            continue;
        };
        found.insert(name.to_string(), def_schema(catalog, def));
        refs_of_fields(def, &mut pending);
    }
    found.into_iter().collect()
}

/// The schema of a record (an object without identity) or an enum (a set of strings).
fn def_schema(catalog: &Catalog, def: &Definition) -> Value {
    match &def.body {
        Body::Struct(_) => Value::Object(super::object_schema(def, None, &catalog.config)),
        Body::Enum(values) => {
            let mut schema = super::header(def);
            schema.insert("type".into(), "string".into());
            let values = values.iter().map(|v| v.value.clone().into()).collect();
            schema.insert("enum".into(), Value::Array(values));
            Value::Object(schema)
        }
    }
}

/// Pushes the names every field of `def` refers to.
fn refs_of_fields<'a>(def: &'a Definition, out: &mut Vec<&'a str>) {
    for field in def.fields() {
        refs_of(&field.spec, out);
    }
}

/// Pushes the names a type expression refers to, through lists and maps.
fn refs_of<'a>(spec: &'a TypeSpec, out: &mut Vec<&'a str>) {
    match &spec.ty {
        Type::Ref(name) => out.push(name),
        Type::List(inner) | Type::Map(inner) => refs_of(inner, out),
        _ => {}
    }
}
