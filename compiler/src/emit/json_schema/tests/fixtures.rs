//! Small builders for hand-made catalogs.

use crate::Checked;
use crate::model::{
    Body, Bound, Catalog, Constraints, Definition, Field, Identity, Kind, OrgPolicy, Pattern, Type,
    TypeSpec, UnknownFields,
};
use crate::source::{FileId, Pos, Spanned};
use serde_json::Value;
use std::collections::BTreeMap;

/// A position nobody reads.
pub fn pos() -> Pos {
    Pos::file_start(FileId(0))
}

/// A value at [`pos`].
pub fn sp<T>(value: T) -> Spanned<T> {
    Spanned::new(value, pos())
}

/// A type without constraints.
pub fn ty(t: Type) -> TypeSpec {
    TypeSpec::plain(t)
}

/// A type with constraints.
pub fn constrained(t: Type, constraints: Constraints) -> TypeSpec {
    TypeSpec {
        ty: t,
        nullable: false,
        constraints,
    }
}

/// The same type, nullable.
pub fn nullable(mut spec: TypeSpec) -> TypeSpec {
    spec.nullable = true;
    spec
}

/// `list<T>` with list constraints.
pub fn list(item: TypeSpec, constraints: Constraints) -> TypeSpec {
    constrained(Type::List(Box::new(item)), constraints)
}

/// `map<string, T>`.
pub fn map(value: TypeSpec) -> TypeSpec {
    ty(Type::Map(Box::new(value)))
}

/// A reference to a record or enum.
pub fn reference(name: &str) -> TypeSpec {
    ty(Type::Ref(name.to_string()))
}

/// An integer bound.
pub fn int(i: i64) -> Option<Spanned<Bound>> {
    Some(sp(Bound::Int(i)))
}

/// A float bound.
pub fn float(f: f64) -> Option<Spanned<Bound>> {
    Some(sp(Bound::Float(f)))
}

/// A pattern, translated as the resolver translates it.
pub fn pattern(source: &str) -> Option<Spanned<Pattern>> {
    let p = crate::resolve::pattern::translate(source).expect("a portable pattern");
    Some(sp(p))
}

/// A required field.
pub fn field(name: &str, spec: TypeSpec) -> Field {
    Field {
        name: sp(name.to_string()),
        spec,
        optional: false,
        default: None,
        description: None,
        deprecated: None,
    }
}

/// An optional field.
pub fn opt(name: &str, spec: TypeSpec) -> Field {
    Field {
        optional: true,
        ..field(name, spec)
    }
}

/// Attributed identity.
pub fn attributed(org: OrgPolicy) -> Option<Identity> {
    Some(Identity::Attributed { org, pos: pos() })
}

/// Exempt identity.
pub fn exempt(reason: &str) -> Option<Identity> {
    Some(Identity::Exempt {
        reason: reason.to_string(),
        pos: pos(),
    })
}

/// A message or record with these fields; messages are attributed with an optional org.
pub fn def(name: &str, kind: Kind, fields: Vec<Field>) -> Definition {
    Definition {
        name: sp(name.to_string()),
        kind,
        version: None,
        description: None,
        topic: None,
        identity: if kind.is_message() {
            attributed(OrgPolicy::Optional)
        } else {
            None
        },
        caused_by: Vec::new(),
        deprecated: None,
        unknown_fields: UnknownFields::Ignore,
        body: Body::Struct(fields),
        pos: pos(),
    }
}

/// A request with these fields.
pub fn request(name: &str, fields: Vec<Field>) -> Definition {
    def(name, Kind::Request, fields)
}

/// A record with these fields.
pub fn record(name: &str, fields: Vec<Field>) -> Definition {
    def(name, Kind::Record, fields)
}

/// An enum with these values.
pub fn enumeration(name: &str, values: &[&str]) -> Definition {
    Definition {
        body: Body::Enum(values.iter().map(|v| sp(v.to_string())).collect()),
        ..def(name, Kind::Enum, Vec::new())
    }
}

/// A catalog of these definitions with the default config.
pub fn catalog(defs: Vec<Definition>) -> Catalog {
    let mut catalog = Catalog::default();
    for d in defs {
        catalog.definitions.insert(d.name.value.clone(), d);
    }
    catalog
}

/// `catalog` through every check, which it must pass.
pub fn checked(catalog: &Catalog) -> Checked {
    let checked = Checked::from_catalog(catalog.clone());
    assert!(
        checked.emittable().is_some(),
        "the test catalog has errors: {:?}",
        checked.diagnostics
    );
    checked
}

/// Every message's schema.
pub fn emit_all(catalog: &Catalog) -> BTreeMap<String, Value> {
    super::super::emit(checked(catalog).emittable().unwrap())
}

/// The catalog manifest (`index.json`).
pub fn manifest_of(catalog: &Catalog) -> Value {
    super::super::manifest(checked(catalog).emittable().unwrap())
}

/// The schema of message `name`, if it is one.
pub fn message_schema_of(catalog: &Catalog, name: &str) -> Option<Value> {
    super::super::message_schema(checked(catalog).emittable().unwrap(), name)
}

/// The schema of message `name`, which must exist.
pub fn schema(catalog: &Catalog, name: &str) -> Value {
    message_schema_of(catalog, name).unwrap()
}

/// The schema of field `f` of a lone request holding only that field.
pub fn field_schema(f: Field) -> Value {
    let name = f.name.value.clone();
    let s = schema(&catalog(vec![request("M", vec![f])]), "M");
    s["properties"][name].clone()
}

/// The schema of a required field of this type.
pub fn spec_schema(spec: TypeSpec) -> Value {
    field_schema(field("f", spec))
}

/// `min_length` and `max_length`.
pub fn lengths(min: u64, max: u64) -> Constraints {
    Constraints {
        min_length: Some(sp(min)),
        max_length: Some(sp(max)),
        ..Constraints::default()
    }
}
