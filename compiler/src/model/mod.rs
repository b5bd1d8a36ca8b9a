//! The resolved model: a self-contained catalog that emitters, `graph` and `diff` read.
//!
//! Every type name here is resolved (a [`Type::Ref`] always names a record or enum of the
//! same catalog), every constraint fits its type, and every node keeps its source position.
//! What is derived from the definitions lives here too, computed once: [`Facts`] (Rust
//! names, boxing), the walker over types with what it answers ([`walk`]), and the rules a
//! value must satisfy, which the default check and both emitters read ([`rules`]).

mod config;
pub mod facts;
pub mod names;
pub mod rules;
mod types;
pub mod walk;

pub use config::{Config, ExemptionPolicy, IdentityFieldConfig, PythonConfig, Target, Targets};
pub use facts::{DefinitionFacts, Facts, FieldFacts, InlineEnum};
pub use rules::{Format, Rule};
pub use types::{Bound, Constraints, Pattern, SAFE_INT, Type, TypeSpec};

use crate::source::{Pos, Spanned};
use serde::Serialize;
use std::collections::BTreeMap;

/// A checked catalog: definitions by name (sorted) and the config.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Project config from `contractc.yaml` (defaults when absent).
    pub config: Config,
    /// Definitions keyed by wire name; `BTreeMap` keeps every output in name order.
    pub definitions: BTreeMap<String, Definition>,
}

impl Catalog {
    /// The definition with this name.
    pub fn get(&self, name: &str) -> Option<&Definition> {
        self.definitions.get(name)
    }

    /// Every message (request, command, event, response), in name order.
    pub fn messages(&self) -> impl Iterator<Item = &Definition> {
        self.definitions.values().filter(|d| d.kind.is_message())
    }

    /// Messages whose identity is exempt, in name order.
    pub fn exempt_messages(&self) -> impl Iterator<Item = &Definition> {
        self.messages()
            .filter(|d| matches!(d.identity, Some(Identity::Exempt { .. })))
    }
}

/// What a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A client or service asks for something.
    Request,
    /// A service tells another to do something (published to a topic).
    Command,
    /// Something happened (published to a topic).
    Event,
    /// The answer to a request.
    Response,
    /// A nested object shared by messages; never sent on its own.
    Record,
    /// A closed set of string values.
    Enum,
}

impl Kind {
    /// Every kind, in the order the language reference lists them.
    pub const ALL: [Kind; 6] = [
        Kind::Request,
        Kind::Command,
        Kind::Event,
        Kind::Response,
        Kind::Record,
        Kind::Enum,
    ];

    /// The keyword written in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Request => "request",
            Kind::Command => "command",
            Kind::Event => "event",
            Kind::Response => "response",
            Kind::Record => "record",
            Kind::Enum => "enum",
        }
    }

    /// Requests, commands, events and responses travel between services and carry identity.
    pub fn is_message(self) -> bool {
        !matches!(self, Kind::Record | Kind::Enum)
    }

    /// Commands and events are published to a topic.
    pub fn has_topic(self) -> bool {
        matches!(self, Kind::Command | Kind::Event)
    }
}

/// Whether `org_id` must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgPolicy {
    /// `org_id` may be absent or null.
    Optional,
    /// `org_id` must be present.
    Required,
}

/// How a message is attributed.
#[derive(Debug, Clone, PartialEq)]
pub enum Identity {
    /// Carries `user_id` (always required) and `org_id`.
    Attributed {
        /// Whether `org_id` is required.
        org: OrgPolicy,
        /// Position of the `identity` key.
        pos: Pos,
    },
    /// Carries no identity, for the reason given.
    Exempt {
        /// Why the message never consumes anything attributable.
        reason: String,
        /// Position of the `identity` key.
        pos: Pos,
    },
}

impl Identity {
    /// Position of the `identity` key.
    pub fn pos(&self) -> Pos {
        match self {
            Identity::Attributed { pos, .. } | Identity::Exempt { pos, .. } => *pos,
        }
    }

    /// `org_id` policy, or `None` for an exempt message.
    pub fn org(&self) -> Option<OrgPolicy> {
        match self {
            Identity::Attributed { org, .. } => Some(*org),
            Identity::Exempt { .. } => None,
        }
    }
}

/// What to do with object keys a definition does not declare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownFields {
    /// Accept and drop them.
    #[default]
    Ignore,
    /// Reject the document.
    Reject,
}

/// One definition of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// Wire name, kept exactly, with the position of its value.
    pub name: Spanned<String>,
    /// Kind of definition.
    pub kind: Kind,
    /// Explicit or implied (`...V<n>`) version.
    pub version: Option<u32>,
    /// Doc text.
    pub description: Option<String>,
    /// Topic, for commands and events.
    pub topic: Option<Spanned<String>>,
    /// Identity, for messages (always `Some` for messages of a checked catalog).
    pub identity: Option<Identity>,
    /// Upstream messages that lead to this one.
    pub caused_by: Vec<Spanned<String>>,
    /// Deprecation reason.
    pub deprecated: Option<String>,
    /// Policy for undeclared keys (the config default when not written).
    pub unknown_fields: UnknownFields,
    /// Fields (records and messages) or values (enums).
    pub body: Body,
    /// Position of the document's first key, for problems with the whole definition.
    pub pos: Pos,
}

impl Definition {
    /// The fields of a record or message; empty for an enum.
    pub fn fields(&self) -> &[Field] {
        match &self.body {
            Body::Struct(fields) => fields,
            Body::Enum(_) => &[],
        }
    }
}

/// The content of a definition.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Fields of a message or record, in the order written.
    Struct(Vec<Field>),
    /// Values of an enum, in the order written.
    Enum(Vec<Spanned<String>>),
}

/// One field of a message or record.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Wire name, kept exactly.
    pub name: Spanned<String>,
    /// Type and constraints.
    pub spec: TypeSpec,
    /// May be absent or null.
    pub optional: bool,
    /// Value used when absent (optional fields only), already checked.
    pub default: Option<Spanned<serde_json::Value>>,
    /// Doc text.
    pub description: Option<String>,
    /// Deprecation reason.
    pub deprecated: Option<String>,
}
