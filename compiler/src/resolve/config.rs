//! `contractc.yaml`: the project config (§6), every key optional.

use super::reader::{MapReader, count_value};
use crate::diag::{Code, Diagnostics};
use crate::model::{Config, ExemptionPolicy, IdentityFieldConfig, UnknownFields};
use crate::parse::Node;

/// Reads the config document; unknown keys and bad values are reported, defaults kept.
pub fn read_config(doc: &Node, diags: &mut Diagnostics) -> Config {
    let mut config = Config::default();
    if doc.is_null() {
        return config;
    }
    let Some(map) = MapReader::new(
        doc,
        "contractc.yaml",
        &["json_schema", "identity", "policy"],
        &[],
        diags,
    ) else {
        return config;
    };
    let section = |key: &str, keys: &[&str], diags: &mut Diagnostics| {
        let node = map.get(key)?;
        MapReader::new(node, &format!("`{key}`"), keys, &[], diags)
    };
    if let Some(js) = section("json_schema", &["id_base"], diags)
        && let Some(base) = js.string("id_base", diags)
    {
        config.id_base = base.value;
    }
    if let Some(id) = section("identity", &["user_id", "org_id"], diags) {
        read_identity_field(id.get("user_id"), "user_id", &mut config.user_id, diags);
        read_identity_field(id.get("org_id"), "org_id", &mut config.org_id, diags);
    }
    if let Some(policy) = section("policy", &["exemptions", "unknown_fields"], diags) {
        let exemptions = [
            ("allow", ExemptionPolicy::Allow),
            ("deny", ExemptionPolicy::Deny),
        ];
        if let Some(e) = policy.choice("exemptions", &exemptions, diags) {
            config.exemptions = e.value;
            config.exemptions_pos = Some(e.pos);
        }
        let unknown = [
            ("ignore", UnknownFields::Ignore),
            ("reject", UnknownFields::Reject),
        ];
        if let Some(u) = policy.choice("unknown_fields", &unknown, diags) {
            config.unknown_fields = u.value;
        }
    }
    config
}

fn read_identity_field(
    node: Option<&Node>,
    name: &str,
    out: &mut IdentityFieldConfig,
    diags: &mut Diagnostics,
) {
    let Some(node) = node else { return };
    let what = format!("`identity.{name}`");
    let Some(map) = MapReader::new(node, &what, &["max_length", "claim"], &[], diags) else {
        return;
    };
    if let Some(max) = map
        .get("max_length")
        .and_then(|n| count_value(n, "max_length", diags))
    {
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
