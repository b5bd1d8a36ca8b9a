//! The identity gate: every message attributed (or honestly exempt), and no field that
//! smuggles identity in under another name.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Catalog, ExemptionPolicy, Identity, Kind};

/// Spellings of identity that are not `identity:` (lower-cased, `_` and `-` removed).
const LOOKALIKES: [&str; 5] = [
    "userid",
    "orgid",
    "organizationid",
    "organisationid",
    "tenantid",
];

/// Runs every identity check of §4.1.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for def in catalog.definitions.values() {
        if def.kind.is_message() {
            check_declared(catalog, def, diags);
        }
        if def.kind != Kind::Enum {
            check_field_names(def, diags);
        }
    }
}

fn check_declared(catalog: &Catalog, def: &crate::model::Definition, diags: &mut Diagnostics) {
    match &def.identity {
        None => diags.push(
            Diagnostic::new(
                Code::UnattributedMessage,
                def.name.pos,
                format!("{} `{}` does not declare its identity", def.kind.as_str(), def.name.value),
            )
            .with_help(
                "add `identity: { user_id: required, org_id: optional }` (or `org_id: required`); \
                 a message that never consumes anything attributable may declare `identity: { exempt: \"reason\" }`",
            ),
        ),
        Some(Identity::Exempt { pos, .. }) if catalog.config.exemptions == ExemptionPolicy::Deny => {
            let mut d = Diagnostic::new(
                Code::ExemptionsDenied,
                *pos,
                format!("`{}` is exempt, but the project config sets `policy.exemptions: deny`", def.name.value),
            )
            .with_label("exempt here");
            if let Some(deny) = catalog.config.exemptions_pos {
                d = d.with_secondary(deny, "exemptions are denied here");
            }
            diags.push(d);
        }
        Some(_) => {}
    }
}

/// `user_id` / `org_id` are reserved; `userId`, `tenant_id`, ... are identity under another name.
fn check_field_names(def: &crate::model::Definition, diags: &mut Diagnostics) {
    for field in def.fields() {
        let name = &field.name.value;
        if name == "user_id" || name == "org_id" {
            diags.emit(
                Code::ReservedIdentityField,
                field.name.pos,
                format!("`{name}` is reserved: contractc embeds it from `identity:`"),
            );
            continue;
        }
        let normalized: String = name
            .chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        if LOOKALIKES.contains(&normalized.as_str()) {
            let role = if normalized == "userid" {
                "invitee_user_id"
            } else {
                "owner_org_id"
            };
            diags.push(
                Diagnostic::new(
                    Code::IdentityLookalikeField,
                    field.name.pos,
                    format!("field `{name}` in {} `{}` spells an identity field another way", def.kind.as_str(), def.name.value),
                )
                .with_help(if def.kind.is_message() {
                    format!(
                        "identity has one spelling: declare it with `identity:` and contractc embeds `user_id` and `org_id`; if this names another user or org, name it by its role (e.g. `{role}`)"
                    )
                } else {
                    format!(
                        "a {} carries no identity: the message that holds it does; if this names another user or org, name it by its role (e.g. `{role}`)",
                        def.kind.as_str()
                    )
                }),
            );
        }
    }
}
