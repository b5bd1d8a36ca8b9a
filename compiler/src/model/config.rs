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
