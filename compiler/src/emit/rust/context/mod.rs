//! The serialisable context the templates render: everything decided here, layout in templates.
//!
//! Names, Rust types, serde attributes and validation trees are computed from the model;
//! the templates only arrange them. `templates/rust/README.md` lists every variable.

mod defaults;
mod docs;
mod types;
mod validate;

pub(crate) use defaults::DefaultAccessor;
pub(crate) use validate::{Node, PatternStatic};

use super::literal::str_lit;
use crate::check::CheckedCatalog;
use crate::model::names::unraw;
use crate::model::{Body, Definition, Field, FieldFacts, Identity, Kind, OrgPolicy, UnknownFields};

use serde::Serialize;
use validate::NodeBuilder;

/// Context of `struct.rs.tera`, `validate.rs.tera` and `message_impls.rs.tera`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StructCtx {
    /// Rust type name.
    pub ident: String,
    /// Wire name.
    pub wire: String,
    /// `request`, `command`, `event`, `response` or `record`.
    pub kind: &'static str,
    /// `MessageKind` variant (`Request`, ...); empty for a record.
    pub kind_variant: &'static str,
    /// Request, command, event or response.
    pub is_message: bool,
    /// Doc lines.
    pub doc: Vec<String>,
    /// Deprecation note, as a string literal.
    pub deprecated: Option<String>,
    /// The generated impls name something deprecated and must allow the lint.
    pub allow_deprecated: bool,
    /// `#[serde(rename = ...)]` literal when the Rust name differs from the wire name.
    pub rename: Option<String>,
    /// `unknown_fields: reject`.
    pub deny_unknown_fields: bool,
    /// Carries `user_id` and `org_id`.
    pub attributed: bool,
    /// `org_id: required`.
    pub org_required: bool,
    /// Exemption reason, as a string literal.
    pub exempt_reason: Option<String>,
    /// `Some(n)` or `None`, as Rust.
    pub version: String,
    /// `Some("...")` or `None`, as Rust.
    pub description: String,
    /// `Some("...")` or `None`, as Rust.
    pub topic: String,
    /// The message's JSON Schema, as a raw string literal.
    pub json_schema: Option<String>,
    /// Declared fields, in the order written.
    pub fields: Vec<FieldCtx>,
    /// What the struct's `Deserialize` reads: `user_id` and `org_id` when attributed, then
    /// the declared fields, in the order written.
    pub reads: Vec<ReadCtx>,
    /// What a wrong JSON type is told it should have been, as serde's derive says it
    /// (`struct NAME`), as a string literal.
    pub expecting: String,
    /// Accessors of fields with a default.
    pub defaults: Vec<DefaultAccessor>,
    /// Values to validate (identity limits first, then fields), only those that run code.
    pub validations: Vec<ValidationCtx>,
    /// Patterns used by the validations.
    pub patterns: Vec<PatternStatic>,
    /// Enums written inline on fields, rendered with `enum.rs.tera` after the struct.
    pub inline_enums: Vec<EnumCtx>,
}

/// One declared field.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FieldCtx {
    /// Rust field name (maybe raw: `r#type`).
    pub ident: String,
    /// Wire name.
    pub wire: String,
    /// Rust type.
    pub ty: String,
    /// Doc lines.
    pub doc: Vec<String>,
    /// Deprecation note, as a string literal.
    pub deprecated: Option<String>,
    /// The type names a deprecated definition.
    pub allow_deprecated: bool,
    /// The Rust type is complex enough for clippy's `type_complexity`: allow it.
    pub complex: bool,
    /// Contents of the `#[serde(...)]` attribute (`rename = "x"`, `default`, ...); may be empty.
    pub serde: Vec<String>,
}

/// One key of a struct's JSON object, as its `Deserialize` reads it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReadCtx {
    /// Rust field name (maybe raw: `r#type`).
    pub ident: String,
    /// Wire name as a string literal.
    pub key: String,
    /// How the value is read: `plain` (its own `Deserialize`), `strict`
    /// (`de::StrictValue`) or `unique` (`de::UniqueValue`).
    pub read: &'static str,
    /// May be absent (`None` then).
    pub optional: bool,
}

/// One value to validate.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ValidationCtx {
    /// Wire name: the JSON pointer segment.
    pub wire: String,
    /// Wire name as a string literal.
    pub key: String,
    /// Rust expression giving the value (`&self.x`, `self.user_id.as_str()`).
    pub expr: String,
    /// What to check.
    pub node: Node,
}

/// Context of `enum.rs.tera`: an enum definition or an inline enum.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EnumCtx {
    /// Rust type name.
    pub ident: String,
    /// Wire name of the definition; `None` for an inline enum.
    pub wire: Option<String>,
    /// Doc lines.
    pub doc: Vec<String>,
    /// Deprecation note, as a string literal.
    pub deprecated: Option<String>,
    /// Values, in the order written.
    pub variants: Vec<VariantCtx>,
    /// `Some(n)` or `None`, as Rust.
    pub version: String,
    /// `Some("...")` or `None`, as Rust.
    pub description: String,
}

/// One enum value.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct VariantCtx {
    /// Rust variant name.
    pub ident: String,
    /// The value as a string literal.
    pub value: String,
    /// Doc line.
    pub doc: String,
}

/// Context of `file.rs.tera`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FileCtx {
    /// Number of definitions.
    pub definition_count: usize,
    /// Wire names of the messages.
    pub messages: Vec<String>,
    /// Wire names of the exempt messages.
    pub exempt: Vec<String>,
    /// Every message, for the run-time registry (`MESSAGE_NAMES`, `validate_json`).
    pub registry: Vec<RegistryCtx>,
    /// Emit `validate_json` ([`super::Options::registry`]).
    pub validate_json: bool,
    /// Rendered items, in output order.
    pub items: Vec<String>,
}

/// One message of the run-time registry.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegistryCtx {
    /// Wire name.
    pub wire: String,
    /// Rust type name.
    pub ident: String,
    /// The message is deprecated: naming it must allow the lint.
    pub deprecated: bool,
}

/// Builds the contexts of one catalog.
pub(crate) struct Builder<'a> {
    catalog: CheckedCatalog<'a>,
}

impl<'a> Builder<'a> {
    /// A builder for `catalog`.
    pub fn new(catalog: CheckedCatalog<'a>) -> Self {
        Builder { catalog }
    }

    /// The file context, with `items` still empty; `validate_json` as [`super::Options`] says.
    pub fn file(&self, validate_json: bool) -> FileCtx {
        FileCtx {
            definition_count: self.catalog.definitions.len(),
            messages: self
                .catalog
                .messages()
                .map(|d| d.name.value.clone())
                .collect(),
            exempt: self
                .catalog
                .exempt_messages()
                .map(|d| d.name.value.clone())
                .collect(),
            registry: self
                .catalog
                .messages()
                .map(|d| RegistryCtx {
                    wire: d.name.value.clone(),
                    ident: self.catalog.facts().definition(d).rust_name.clone(),
                    deprecated: d.deprecated.is_some(),
                })
                .collect(),
            validate_json,
            items: Vec::new(),
        }
    }

    /// The context of a message or record; `json_schema` is the message's schema text.
    pub fn structure(&self, def: &Definition, json_schema: Option<&str>) -> StructCtx {
        let wire = def.name.value.clone();
        let ident = self.catalog.facts().definition(def).rust_name.clone();
        let (attributed, org_required, exempt_reason) = identity(def);
        let fields: Vec<FieldCtx> = self
            .catalog
            .facts()
            .fields(def)
            .map(|(f, facts)| self.field(f, facts))
            .collect();
        let mut nodes = NodeBuilder::new(self.catalog.catalog());
        let mut validations = self.identity_validations(def);
        validations.extend(def.fields().iter().zip(&fields).filter_map(|(f, ctx)| {
            let node = nodes.field(&f.spec, f.optional);
            node.is_active().then(|| ValidationCtx {
                wire: f.name.value.clone(),
                key: str_lit(&f.name.value),
                expr: format!("&self.{}", ctx.ident),
                node,
            })
        }));
        let reads = self.reads(def, &fields);
        StructCtx {
            expecting: str_lit(&format!("struct {ident}")),
            reads,
            allow_deprecated: def.deprecated.is_some()
                || fields
                    .iter()
                    .any(|f| f.deprecated.is_some() || f.allow_deprecated),
            rename: (ident != wire).then(|| str_lit(&wire)),
            deny_unknown_fields: def.unknown_fields == UnknownFields::Reject,
            kind: def.kind.as_str(),
            kind_variant: kind_variant(def.kind),
            is_message: def.kind.is_message(),
            doc: doc_lines(def.description.as_deref(), || {
                format!("The `{wire}` {}.", def.kind.as_str())
            }),
            deprecated: def.deprecated.as_deref().map(str_lit),
            attributed,
            org_required,
            exempt_reason,
            version: option_lit(def.version.map(|v| format!("{v}_u32"))),
            description: option_lit(def.description.as_deref().map(str_lit)),
            topic: option_lit(def.topic.as_ref().map(|t| str_lit(&t.value))),
            json_schema: json_schema.map(super::literal::raw_str_lit),
            defaults: self.defaults(def),
            inline_enums: self.inline_enums(def),
            patterns: nodes.patterns,
            validations,
            fields,
            ident,
            wire,
        }
    }

    fn field(&self, f: &Field, facts: &FieldFacts) -> FieldCtx {
        let wire = f.name.value.clone();
        let ident = facts.rust_name.clone();
        let mut serde = Vec::new();
        if unraw(&ident) != wire {
            serde.push(format!("rename = {}", str_lit(&wire)));
        }
        if f.optional {
            serde.push("skip_serializing_if = \"::core::option::Option::is_none\"".to_string());
        }
        FieldCtx {
            ty: types::field_type(self.catalog.facts(), f, facts),
            doc: doc_lines(f.description.as_deref(), || format!("The `{wire}` field.")),
            deprecated: f.deprecated.as_deref().map(str_lit),
            allow_deprecated: types::names_deprecated(&self.catalog, &f.spec),
            complex: types::field_is_complex(f, facts),
            serde,
            ident,
            wire,
        }
    }

    /// The keys the struct's `Deserialize` reads, identity first, as [`ReadCtx`] says.
    fn reads(&self, def: &Definition, fields: &[FieldCtx]) -> Vec<ReadCtx> {
        let mut out = Vec::new();
        if let Some(Identity::Attributed { org, .. }) = &def.identity {
            for (wire, optional) in [("user_id", false), ("org_id", *org == OrgPolicy::Optional)] {
                out.push(ReadCtx {
                    ident: wire.to_string(),
                    key: str_lit(wire),
                    read: "plain",
                    optional,
                });
            }
        }
        out.extend(def.fields().iter().zip(fields).map(|(f, ctx)| ReadCtx {
            ident: ctx.ident.clone(),
            key: str_lit(&f.name.value),
            read: if f.spec.unique_as_json(&self.catalog) {
                "unique"
            } else if types::is_strict(&f.spec) {
                "strict"
            } else {
                "plain"
            },
            optional: f.optional,
        }));
        out
    }

    fn defaults(&self, def: &Definition) -> Vec<DefaultAccessor> {
        self.catalog
            .facts()
            .fields(def)
            .filter_map(|(f, facts)| defaults::accessor(self.catalog, f, facts))
            .collect()
    }

    /// Checks of `user_id` / `org_id` when the config makes them shorter than the runtime's 255.
    fn identity_validations(&self, def: &Definition) -> Vec<ValidationCtx> {
        let Some(Identity::Attributed { org, .. }) = &def.identity else {
            return Vec::new();
        };
        let config = &self.catalog.config;
        let mut out = Vec::new();
        if let Some(node) = validate::identity_node(config.user_id.max_length, false) {
            out.push(identity_validation(
                "user_id",
                "self.user_id.as_str()",
                node,
            ));
        }
        let optional = *org == OrgPolicy::Optional;
        if let Some(node) = validate::identity_node(config.org_id.max_length, optional) {
            let expr = if optional {
                "self.org_id.as_ref().map(::contractc_runtime::OrgId::as_str)"
            } else {
                "self.org_id.as_str()"
            };
            out.push(identity_validation("org_id", expr, node));
        }
        out
    }

    /// The context of an enum definition.
    pub fn enumeration(&self, def: &Definition) -> EnumCtx {
        let values: Vec<&str> = match &def.body {
            Body::Enum(values) => values.iter().map(|v| v.value.as_str()).collect(),
            Body::Struct(_) => Vec::new(),
        };
        let wire = &def.name.value;
        let facts = self.catalog.facts().definition(def);
        EnumCtx {
            ident: facts.rust_name.clone(),
            wire: Some(wire.clone()),
            doc: doc_lines(def.description.as_deref(), || format!("The `{wire}` enum.")),
            deprecated: def.deprecated.as_deref().map(str_lit),
            variants: variants(&values, &facts.variants),
            version: option_lit(def.version.map(|v| format!("{v}_u32"))),
            description: option_lit(def.description.as_deref().map(str_lit)),
        }
    }

    fn inline_enums(&self, def: &Definition) -> Vec<EnumCtx> {
        let owner = &def.name.value;
        self.catalog
            .facts()
            .fields(def)
            .filter_map(|(f, facts)| {
                let names = facts.inline_enum.as_ref()?;
                let values: Vec<&str> = f.spec.inline_enum()?.iter().map(String::as_str).collect();
                Some(EnumCtx {
                    ident: names.rust_name.clone(),
                    wire: None,
                    doc: doc_lines(None, || format!("Values of `{owner}.{}`.", f.name.value)),
                    deprecated: None,
                    variants: variants(&values, &names.variants),
                    version: "::core::option::Option::None".to_string(),
                    description: "::core::option::Option::None".to_string(),
                })
            })
            .collect()
    }
}

/// Doc lines as string literals, from a description or a fallback.
fn doc_lines(description: Option<&str>, fallback: impl FnOnce() -> String) -> Vec<String> {
    docs::doc_lines(description, fallback)
        .iter()
        .map(|line| {
            if line.is_empty() {
                str_lit("")
            } else {
                str_lit(&format!(" {line}"))
            }
        })
        .collect()
}

fn identity_validation(wire: &str, expr: &str, node: Node) -> ValidationCtx {
    ValidationCtx {
        wire: wire.to_string(),
        key: str_lit(wire),
        expr: expr.to_string(),
        node,
    }
}

fn variants(values: &[&str], idents: &[String]) -> Vec<VariantCtx> {
    values
        .iter()
        .zip(idents)
        .map(|(v, ident)| VariantCtx {
            ident: ident.clone(),
            value: str_lit(v),
            doc: str_lit(&format!(" The value `{}`.", v.escape_debug())),
        })
        .collect()
}

/// `(attributed, org_required, exempt reason literal)`.
fn identity(def: &Definition) -> (bool, bool, Option<String>) {
    match &def.identity {
        Some(Identity::Attributed { org, .. }) => (true, *org == OrgPolicy::Required, None),
        Some(Identity::Exempt { reason, .. }) => (false, false, Some(str_lit(reason))),
        None => (false, false, None),
    }
}

fn kind_variant(kind: Kind) -> &'static str {
    match kind {
        Kind::Request => "Request",
        Kind::Command => "Command",
        Kind::Event => "Event",
        Kind::Response => "Response",
        Kind::Record | Kind::Enum => "",
    }
}

fn option_lit(value: Option<String>) -> String {
    match value {
        Some(v) => format!("::core::option::Option::Some({v})"),
        None => "::core::option::Option::None".to_string(),
    }
}
