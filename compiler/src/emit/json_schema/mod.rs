//! JSON Schema draft 2020-12, one document per message (language reference §4.2, §7), and
//! the catalog manifest `index.json` beside them (each message's kind, version, topic and
//! identity policy, [`manifest`]).
//!
//! Every schema is built from the resolved model alone, in the forms every mainstream
//! validator reads alike ([`portable`]), with standard keywords only, so ajv's strict mode
//! compiles it. Key order in the text is fixed by [`to_text`], which sorts object keys, so
//! the output is the same whether or not `serde_json` keeps insertion order.

mod defs;
mod field;
mod manifest;
pub mod portable;
#[cfg(test)]
mod tests;

pub use manifest::{MANIFEST_FILE, manifest};

use crate::check::CheckedCatalog;
use crate::model::{Config, Definition, Identity, OrgPolicy, UnknownFields};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The dialect every emitted schema declares.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Schema of one message: `None` for records, enums, or unknown names.
pub fn message_schema(catalog: CheckedCatalog<'_>, name: &str) -> Option<Value> {
    let def = catalog.get(name).filter(|d| d.kind.is_message())?;
    let config = &catalog.config;
    let mut schema = Map::new();
    schema.insert("$schema".into(), DRAFT_2020_12.into());
    let id = format!("{}{}.schema.json", config.id_base, def.name.value);
    schema.insert("$id".into(), id.into());
    schema.extend(object_schema(def, def.identity.as_ref(), config));
    let defs = defs::collect(&catalog, def);
    if !defs.is_empty() {
        schema.insert("$defs".into(), Value::Object(defs));
    }
    Some(Value::Object(schema))
}

/// Every message's schema, keyed by wire name (the file is `<name>.schema.json`).
pub fn emit(catalog: CheckedCatalog<'_>) -> BTreeMap<String, Value> {
    catalog
        .messages()
        .filter_map(|def| {
            let name = &def.name.value;
            message_schema(catalog, name).map(|schema| (name.clone(), schema))
        })
        .collect()
}

/// Deterministic text: pretty-printed, 2-space indent, trailing newline.
pub fn to_text(schema: &Value) -> String {
    format!("{:#}\n", sorted(schema))
}

/// A copy of `value` whose objects were filled in key order, whatever the map type.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            let map = entries
                .into_iter()
                .map(|(k, v)| (k.clone(), sorted(v)))
                .collect();
            Value::Object(map)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// The object schema of a message or record: doc, properties, required, unknown-key policy.
fn object_schema(
    def: &Definition,
    identity: Option<&Identity>,
    config: &Config,
) -> Map<String, Value> {
    let mut schema = header(def);
    schema.insert("type".into(), "object".into());
    let (mut properties, mut required) = identity_properties(identity, config);
    for f in def.fields() {
        properties.insert(f.name.value.clone(), field::field_schema(f));
        if !f.optional {
            required.push(f.name.value.clone().into());
        }
    }
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    if def.unknown_fields == UnknownFields::Reject {
        schema.insert("additionalProperties".into(), false.into());
    }
    schema
}

/// `user_id` and `org_id` (§4.2) with the names they make required; empty unless attributed.
fn identity_properties(
    identity: Option<&Identity>,
    config: &Config,
) -> (Map<String, Value>, Vec<Value>) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let Some(org) = identity.and_then(Identity::org) else {
        return (properties, required);
    };
    let user = identity_string(config.user_id.max_length);
    properties.insert(
        "user_id".into(),
        described(user, "User", &config.user_id.claim),
    );
    required.push("user_id".into());
    let org = match org {
        OrgPolicy::Required => {
            required.push("org_id".into());
            identity_string(config.org_id.max_length)
        }
        OrgPolicy::Optional => field::or_null(identity_string(config.org_id.max_length)),
    };
    properties.insert(
        "org_id".into(),
        described(org, "Organization", &config.org_id.claim),
    );
    (properties, required)
}

/// A non-empty identity string of at most `max_length` scalar values.
fn identity_string(max_length: u32) -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": portable::SCALAR_VALUES,
    })
}

/// `schema` with a description naming whose identity it is and the JWT claim it comes from.
fn described(mut schema: Value, who: &str, claim: &str) -> Value {
    if let Value::Object(map) = &mut schema {
        let text = format!("{who} the message belongs to (JWT claim `{claim}`).");
        map.insert("description".into(), text.into());
    }
    schema
}

/// `title`, `description` and `deprecated` of a definition: the start of every schema of it.
pub(crate) fn header(def: &Definition) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("title".into(), def.name.value.clone().into());
    if let Some(description) = &def.description {
        schema.insert("description".into(), description.clone().into());
    }
    if def.deprecated.is_some() {
        schema.insert("deprecated".into(), true.into());
    }
    schema
}
