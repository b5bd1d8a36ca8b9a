//! `$defs`: every record and enum a message uses, transitively, each once, in name order.

use crate::model::{Body, Catalog, Definition};
use serde_json::{Map, Value};

/// The `$defs` of a message: records and enums reachable from its fields, keyed by name.
pub(super) fn collect(catalog: &Catalog, message: &Definition) -> Map<String, Value> {
    catalog
        .reachable(message)
        .into_iter()
        .filter_map(|name| Some((name.to_string(), def_schema(catalog, catalog.get(name)?))))
        .collect()
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
