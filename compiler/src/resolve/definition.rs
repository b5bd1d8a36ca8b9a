//! One YAML document → one [`Definition`].

use super::fields::{TypeRef, read_enum_values, read_field};
use super::identity::read_identity;
use super::reader::{MapReader, string_value};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Body, Config, Definition, Kind, UnknownFields};
use crate::parse::{Node, Scalar};
use crate::source::Spanned;

/// Every key a definition may have (which ones fit depends on its kind).
pub(crate) const DEFINITION_KEYS: &[&str] = &[
    "name",
    "kind",
    "version",
    "description",
    "topic",
    "identity",
    "caused_by",
    "deprecated",
    "unknown_fields",
    "fields",
    "values",
];

/// A definition read from YAML, with the type references still to resolve.
#[derive(Debug, Clone)]
pub struct ReadDefinition {
    /// The definition.
    pub def: Definition,
    /// Records and enums its fields name.
    pub refs: Vec<TypeRef>,
}

/// Reads a definition document; `None` (after diagnostics) when it has no usable name or kind.
pub fn read_definition(
    doc: &Node,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<ReadDefinition> {
    if doc.is_null() {
        diags.emit(Code::EmptyDocument, doc.pos, "empty YAML document");
        return None;
    }
    if doc.as_map().is_none() {
        not_a_mapping(doc, diags);
        return None;
    }
    let map = MapReader::new(doc, "a definition", DEFINITION_KEYS, &[], diags)?;
    let name = read_name(&map, diags)?;
    let kind = read_kind(&map, &name, diags)?;
    check_keys_for_kind(&map, kind, diags);
    let mut refs = Vec::new();
    let body = if kind == Kind::Enum {
        let values = match map.get("values") {
            Some(node) => read_enum_values(node, diags).unwrap_or_default(),
            None => {
                diags.emit(
                    Code::InvalidEnumValues,
                    name.pos,
                    format!("enum `{}` has no `values`", name.value),
                );
                Vec::new()
            }
        };
        Body::Enum(values)
    } else {
        Body::Struct(read_fields(&map, &mut refs, diags))
    };
    let unknown_fields = map
        .choice(
            "unknown_fields",
            &[
                ("ignore", UnknownFields::Ignore),
                ("reject", UnknownFields::Reject),
            ],
            diags,
        )
        .map_or(config.unknown_fields, |s| s.value);
    let def = Definition {
        version: read_version(&map, &name.value, diags),
        description: map.string("description", diags).map(|s| s.value),
        topic: map.string("topic", diags).filter(|_| kind.has_topic()),
        identity: map
            .entry("identity")
            .filter(|_| kind.is_message())
            .and_then(|(key, value)| read_identity(key, value, diags)),
        caused_by: if kind.is_message() {
            read_caused_by(&map, diags)
        } else {
            Vec::new()
        },
        deprecated: map.string("deprecated", diags).map(|s| s.value),
        unknown_fields,
        body,
        pos: name.pos,
        kind,
        name,
    };
    Some(ReadDefinition { def, refs })
}

/// A document that is text or a list, not a definition: say what a definition looks like.
fn not_a_mapping(doc: &Node, diags: &mut Diagnostics) {
    let help = if doc.as_seq().is_some() {
        "a file holds one definition per YAML document: separate definitions with a `---` line, not as list items"
    } else {
        "a definition is a YAML mapping (`name: ...`, `kind: ...`, `fields: ...`); notes about the file belong in `#` comments"
    };
    diags.push(
        Diagnostic::new(
            Code::WrongValue,
            doc.pos,
            format!("a definition must be a mapping, found {}", doc.describe()),
        )
        .with_help(help),
    );
}

fn read_name(map: &MapReader<'_>, diags: &mut Diagnostics) -> Option<Spanned<String>> {
    let Some(node) = map.get("name") else {
        diags.emit(Code::MissingKey, map.pos, "definition has no `name`");
        return None;
    };
    let name = string_value(node, "name", diags)?;
    let mut chars = name.value.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric());
    if !valid {
        diags.emit(
            Code::InvalidName,
            name.pos,
            format!("`{}` is not a valid definition name", name.value),
        );
        return None;
    }
    Some(name)
}

fn read_kind(map: &MapReader<'_>, name: &Spanned<String>, diags: &mut Diagnostics) -> Option<Kind> {
    if map.get("kind").is_none() {
        diags.emit(
            Code::MissingKey,
            name.pos,
            format!("definition `{}` has no `kind`", name.value),
        );
        return None;
    }
    let choices: Vec<(&str, Kind)> = Kind::ALL.iter().map(|k| (k.as_str(), *k)).collect();
    map.choice("kind", &choices, diags).map(|k| k.value)
}

/// Keys the language knows but this kind does not take.
fn check_keys_for_kind(map: &MapReader<'_>, kind: Kind, diags: &mut Diagnostics) {
    let shared = !kind.is_message();
    for (key, _) in map.entries() {
        let k = key.text().unwrap_or_default();
        let (code, message) = match k {
            "topic" if !kind.has_topic() => (
                Code::TopicNotAllowed,
                format!("`topic` is not allowed on a {}", kind.as_str()),
            ),
            "identity" if shared => (
                Code::IdentityOnSharedType,
                format!("a {} carries no identity", kind.as_str()),
            ),
            "caused_by" if shared => (
                Code::KeyNotForKind,
                format!("`caused_by` is for messages, not a {}", kind.as_str()),
            ),
            "fields" if kind == Kind::Enum => (
                Code::KeyNotForKind,
                "an enum has `values`, not `fields`".to_string(),
            ),
            "unknown_fields" if kind == Kind::Enum => (
                Code::KeyNotForKind,
                "`unknown_fields` does not apply to an enum".to_string(),
            ),
            "values" if kind != Kind::Enum => (
                Code::KeyNotForKind,
                format!("`values` is for enums, not a {}", kind.as_str()),
            ),
            _ => continue,
        };
        diags.emit(code, key.pos, message);
    }
}

fn read_fields(
    map: &MapReader<'_>,
    refs: &mut Vec<TypeRef>,
    diags: &mut Diagnostics,
) -> Vec<crate::model::Field> {
    let Some(node) = map.get("fields") else {
        return Vec::new();
    };
    if node.is_null() {
        return Vec::new();
    }
    let node = super::fields::rejoin_split_types(node, |_| true, diags);
    let Some(fields) = node.as_map() else {
        diags.emit(
            Code::WrongValue,
            node.pos,
            format!(
                "`fields` must be a mapping of field names to types, found {}",
                node.describe()
            ),
        );
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|(k, v)| read_field(k, v, refs, diags))
        .collect()
}

/// The version: explicit, or implied by a trailing `V<n>`; the two must agree.
fn read_version(map: &MapReader<'_>, name: &str, diags: &mut Diagnostics) -> Option<u32> {
    let implied = implied_version(name);
    let Some(node) = map.get("version") else {
        return implied;
    };
    let explicit = match node.scalar() {
        Some(Scalar::Int(v)) => u32::try_from(v).ok().filter(|v| *v >= 1),
        _ => None,
    };
    let Some(explicit) = explicit else {
        diags.emit(
            Code::WrongValue,
            node.pos,
            format!(
                "`version` must be a positive integer, found {}",
                node.describe()
            ),
        );
        return implied;
    };
    if let Some(implied) = implied.filter(|i| *i != explicit) {
        diags.emit(
            Code::VersionMismatch,
            node.pos,
            format!("`version: {explicit}` disagrees with the name `{name}`, which implies version {implied}"),
        );
    }
    Some(explicit)
}

/// `FooV12` → 12.
pub fn implied_version(name: &str) -> Option<u32> {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = &name[..name.len() - digits];
    if digits == 0 || !head.ends_with('V') || head.len() < 2 {
        return None;
    }
    name[name.len() - digits..].parse().ok()
}

fn read_caused_by(map: &MapReader<'_>, diags: &mut Diagnostics) -> Vec<Spanned<String>> {
    let Some(node) = map.get("caused_by") else {
        return Vec::new();
    };
    let Some(items) = node.as_seq() else {
        diags.emit(
            Code::WrongValue,
            node.pos,
            format!(
                "`caused_by` must be a list of message names, found {}",
                node.describe()
            ),
        );
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| string_value(item, "caused_by", diags))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::implied_version;

    #[test]
    fn version_from_name() {
        assert_eq!(implied_version("BatchRegistrationRequestV1"), Some(1));
        assert_eq!(implied_version("ELS_CJAssessmentRequestV12"), Some(12));
        assert_eq!(implied_version("Heartbeat"), None);
        assert_eq!(implied_version("V1"), None);
        assert_eq!(implied_version("Foo1"), None);
    }
}
