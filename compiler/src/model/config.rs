//! Project config (`contractc.yaml`), with the defaults of the language reference.

use super::UnknownFields;
use crate::source::Pos;

/// The project config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Prefix of every JSON Schema `$id`.
    pub id_base: String,
    /// `user_id` limits and the JWT claim it comes from.
    pub user_id: IdentityFieldConfig,
    /// `org_id` limits and the JWT claim it comes from.
    pub org_id: IdentityFieldConfig,
    /// Whether messages may be exempt from identity.
    pub exemptions: ExemptionPolicy,
    /// Default `unknown_fields` for definitions that do not set it.
    pub unknown_fields: UnknownFields,
    /// Where `policy.exemptions` was written, when it was.
    pub exemptions_pos: Option<Pos>,
    /// What `contractc build` writes when no `--target` is given.
    pub targets: Targets,
    /// Name and version of the Python package (the `python` target).
    pub python: PythonConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            id_base: "https://contracts.example.com/schemas/".to_string(),
            user_id: IdentityFieldConfig {
                max_length: 255,
                claim: "sub".to_string(),
            },
            org_id: IdentityFieldConfig {
                max_length: 255,
                claim: "org_id".to_string(),
            },
            exemptions: ExemptionPolicy::Allow,
            unknown_fields: UnknownFields::Ignore,
            exemptions_pos: None,
            targets: Targets::default(),
            python: PythonConfig::default(),
        }
    }
}

/// Limits of one identity field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityFieldConfig {
    /// Maximum length in Unicode scalar values (1..=255).
    pub max_length: u32,
    /// JWT claim the value is taken from.
    pub claim: String,
}

/// Whether identity exemptions are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExemptionPolicy {
    /// Exempt messages are allowed (and listed in every summary).
    Allow,
    /// Every message must be attributed.
    Deny,
}

/// An output of `contractc build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// `rust/contracts.rs`.
    Rust,
    /// `jsonschema/<Name>.schema.json`, one per message.
    JsonSchema,
    /// `python/`: a pip-installable package of pydantic models.
    Python,
}

impl Target {
    /// Every target, in the order the language reference lists them.
    pub const ALL: [Target; 3] = [Target::Rust, Target::JsonSchema, Target::Python];

    /// The name written in `targets:` and after `--target`.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Rust => "rust",
            Target::JsonSchema => "json-schema",
            Target::Python => "python",
        }
    }
}

/// A set of targets, in [`Target::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets(std::collections::BTreeSet<Target>);

impl Default for Targets {
    /// Rust and JSON Schema, as the language reference says.
    fn default() -> Self {
        Targets::of([Target::Rust, Target::JsonSchema])
    }
}

impl Targets {
    /// The set of these targets (repeats count once).
    pub fn of(targets: impl IntoIterator<Item = Target>) -> Self {
        Targets(targets.into_iter().collect())
    }

    /// Whether `target` is in the set.
    pub fn has(&self, target: Target) -> bool {
        self.0.contains(&target)
    }

    /// The targets, in [`Target::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = Target> + '_ {
        self.0.iter().copied()
    }
}

/// The `python:` section: the package the `python` target writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonConfig {
    /// Import name and distribution name (`contracts`).
    pub package: String,
    /// Distribution version (`0.1.0`).
    pub version: String,
}

impl Default for PythonConfig {
    fn default() -> Self {
        PythonConfig {
            package: "contracts".to_string(),
            version: "0.1.0".to_string(),
        }
    }
}
