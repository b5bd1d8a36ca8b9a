//! `identity:` blocks: attributed (`user_id` + `org_id`) or exempt (with a reason).

use super::reader::MapReader;
use crate::diag::{Code, Diagnostics};
use crate::model::{Identity, OrgPolicy};
use crate::parse::{Node, Scalar};

/// Shortest exemption reason accepted, in characters.
pub const MIN_EXEMPTION_REASON: usize = 10;

/// Reads an identity block. A malformed block still yields an identity (attributed, org
/// optional) so that the message is not also reported as unattributed.
pub fn read_identity(key: &Node, node: &Node, diags: &mut Diagnostics) -> Option<Identity> {
    let pos = key.pos;
    let fallback = Identity::Attributed {
        org: OrgPolicy::Optional,
        pos,
    };
    let Some(map) = MapReader::new(
        node,
        "`identity`",
        &["user_id", "org_id", "exempt"],
        &[],
        diags,
    ) else {
        return Some(fallback);
    };
    if let Some((exempt_key, reason)) = map.entry("exempt") {
        if map.get("user_id").is_some() || map.get("org_id").is_some() {
            diags.emit(
                Code::MixedIdentity,
                exempt_key.pos,
                "`exempt` cannot be combined with `user_id` / `org_id`",
            );
            return Some(fallback);
        }
        return Some(read_exemption(reason, pos, diags));
    }
    match map.get("user_id") {
        None => diags.emit(
            Code::IdentityKeyMissing,
            pos,
            "`identity` does not write out `user_id: required`",
        ),
        Some(v) if v.text() != Some("required") || v.as_map().is_some() => diags.emit(
            Code::UserIdNotRequired,
            v.pos,
            format!("`user_id` must be `required`, found {}", shown(v)),
        ),
        Some(_) => {}
    }
    let org = match map.get("org_id") {
        None => {
            diags.emit(
                Code::IdentityKeyMissing,
                pos,
                "`identity` does not write out `org_id: optional` or `org_id: required`",
            );
            OrgPolicy::Optional
        }
        Some(v) => match v.as_str() {
            Some("optional") => OrgPolicy::Optional,
            Some("required") => OrgPolicy::Required,
            _ => {
                diags.emit(
                    Code::OrgIdInvalid,
                    v.pos,
                    format!(
                        "`org_id` must be `optional` or `required`, found {}",
                        shown(v)
                    ),
                );
                OrgPolicy::Optional
            }
        },
    };
    Some(Identity::Attributed { org, pos })
}

fn read_exemption(reason: &Node, pos: crate::source::Pos, diags: &mut Diagnostics) -> Identity {
    let text = match reason.scalar() {
        Some(Scalar::Str(s)) => s.trim().to_string(),
        _ => String::new(),
    };
    if text.chars().count() < MIN_EXEMPTION_REASON {
        diags.emit(
            Code::ExemptionReasonTooShort,
            reason.pos,
            format!("an exemption needs a reason of at least {MIN_EXEMPTION_REASON} characters, found {}", shown(reason)),
        );
    }
    Identity::Exempt { reason: text, pos }
}

fn shown(node: &Node) -> String {
    match node.text() {
        Some(t) if node.as_map().is_none() => format!("`{t}`"),
        _ => node.describe().to_string(),
    }
}
