//! `contractc.yaml`: the project config (§6), every key optional.

use super::reader::{count_value, MapReader};
use crate::diag::{Code, Diagnostics};
use crate::model::{Config, ExemptionPolicy, IdentityFieldConfig, UnknownFields};
use crate::parse::Node;

/// Reads the config document; unknown keys and bad values are reported, defaults kept.
pub fn read_config(doc: &Node, diags: &mut Diagnostics) -> Config {
    let mut config = Config::default();
    if doc.is_null() {
        return config;
    }
    let Some(map) = MapReader::new(doc, "contractc.yaml", &["json_schema", "identity", "policy"], &[], diags) else {
        return config;
    };
    if let Some(node) = map.get("json_schema") {
        if let Some(js) = MapReader::new(node, "`json_schema`", &["id_base"], &[], diags) {
            if let Some(base) = js.string("id_base", diags) {
                config.id_base = base.value;
            }
        }
    }
    if let Some(node) = map.get("identity") {
        if let Some(id) = MapReader::new(node, "`identity`", &["user_id", "org_id"], &[], diags) {
            read_identity_field(id.get("user_id"), "user_id", &mut config.user_id, diags);
            read_identity_field(id.get("org_id"), "org_id", &mut config.org_id, diags);
        }
    }
    if let Some(node) = map.get("policy") {
        if let Some(policy) = MapReader::new(node, "`policy`", &["exemptions", "unknown_fields"], &[], diags) {
            if let Some(e) = policy.choice("exemptions", &[("allow", ExemptionPolicy::Allow), ("deny", ExemptionPolicy::Deny)], diags) {
                config.exemptions = e.value;
                config.exemptions_pos = Some(e.pos);
            }
            if let Some(u) = policy.choice("unknown_fields", &[("ignore", UnknownFields::Ignore), ("reject", UnknownFields::Reject)], diags) {
                config.unknown_fields = u.value;
            }
        }
    }
    config
}

fn read_identity_field(node: Option<&Node>, name: &str, out: &mut IdentityFieldConfig, diags: &mut Diagnostics) {
    let Some(node) = node else { return };
    let what = format!("`identity.{name}`");
    let Some(map) = MapReader::new(node, &what, &["max_length", "claim"], &[], diags) else { return };
    if let Some(max) = map.get("max_length").and_then(|n| count_value(n, "max_length", diags)) {
        match u32::try_from(max.value) {
            Ok(m) if (1..=255).contains(&m) => out.max_length = m,
            _ => diags.emit(
                Code::WrongValue,
                max.pos,
                format!("`{name}.max_length` must be between 1 and 255 (the config can only tighten identity), found {}", max.value),
            ),
        }
    }
    if let Some(claim) = map.string("claim", diags) {
        if claim.value.is_empty() {
            diags.emit(Code::WrongValue, claim.pos, "`claim` must not be empty");
        } else {
            out.claim = claim.value;
        }
    }
}
