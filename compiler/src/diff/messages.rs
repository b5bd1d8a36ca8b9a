//! Definition-level changes: removed messages, kind, topic, identity, `unknown_fields`.

use super::{Change, Impact};
use crate::diag::Code;
use crate::model::{Catalog, Definition, Identity, OrgPolicy, UnknownFields};
use crate::source::Pos;
use std::collections::BTreeSet;

/// Walks OLD and NEW side by side and collects the changes.
pub(super) struct Differ<'a> {
    /// The catalog before the change.
    pub old: &'a Catalog,
    /// The catalog after the change.
    pub new: &'a Catalog,
    /// Shared types (old name, new name) already compared for the current message.
    pub seen: BTreeSet<(String, String)>,
    out: Vec<Change>,
}

impl Differ<'_> {
    /// Records a change.
    pub fn push(&mut self, code: Code, impact: Impact, path: &str, pos: Pos, what: String) {
        self.out.push(Change {
            code,
            impact,
            path: path.to_string(),
            message: format!("`{path}`: {what}"),
            pos,
        });
    }
}

/// Every change, message by message in name order.
pub(super) fn compare(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut d = Differ {
        old,
        new,
        seen: BTreeSet::new(),
        out: Vec::new(),
    };
    for o in old.definitions.values() {
        match new.get(&o.name.value) {
            Some(n) => d.definition(o, n),
            None if o.kind.is_message() => d.push(
                Code::MessageRemoved,
                Impact::Both,
                &o.name.value,
                o.name.pos,
                format!("{} removed", o.kind.as_str()),
            ),
            // Shared types matter only through the messages that use them.
            None => {}
        }
    }
    d.out
}

impl Differ<'_> {
    fn definition(&mut self, o: &Definition, n: &Definition) {
        let path = n.name.value.as_str();
        if o.kind != n.kind {
            if o.kind.is_message() || n.kind.is_message() {
                let what = format!(
                    "kind changed from {} to {}",
                    o.kind.as_str(),
                    n.kind.as_str()
                );
                self.push(Code::KindChanged, Impact::Both, path, n.name.pos, what);
            }
            return;
        }
        if !n.kind.is_message() {
            return;
        }
        self.topic(o, n);
        self.identity(o, n);
        self.unknown_fields(path, o, n);
        self.seen.clear();
        self.compare_struct(path, o, n);
    }

    fn topic(&mut self, o: &Definition, n: &Definition) {
        let old = o.topic.as_ref().map(|t| t.value.as_str());
        let new = n.topic.as_ref().map(|t| t.value.as_str());
        if old != new {
            let pos = n.topic.as_ref().map_or(n.name.pos, |t| t.pos);
            let what = format!(
                "topic changed from `{}` to `{}`",
                old.unwrap_or("-"),
                new.unwrap_or("-")
            );
            self.push(Code::TopicChanged, Impact::Both, &n.name.value, pos, what);
        }
    }

    /// `unknown_fields` of a message or of a record reached at `path`.
    pub fn unknown_fields(&mut self, path: &str, o: &Definition, n: &Definition) {
        let (code, impact) = match (o.unknown_fields, n.unknown_fields) {
            (UnknownFields::Ignore, UnknownFields::Reject) => {
                (Code::UnknownFieldsRejected, Impact::Backward)
            }
            (UnknownFields::Reject, UnknownFields::Ignore) => {
                (Code::UnknownFieldsIgnored, Impact::Forward)
            }
            _ => return,
        };
        let what = match impact {
            Impact::Backward => {
                "`unknown_fields` changed from ignore to reject: data written under OLD may carry undeclared keys"
            }
            _ => {
                "`unknown_fields` changed from reject to ignore: OLD readers reject the undeclared keys NEW data may carry"
            }
        };
        self.push(
            code,
            impact,
            path,
            n.name.pos,
            if path == n.name.value {
                what.to_string()
            } else {
                format!("{what} (record `{}`)", n.name.value)
            },
        );
    }

    fn identity(&mut self, o: &Definition, n: &Definition) {
        let (Some(oi), Some(ni)) = (&o.identity, &n.identity) else {
            return;
        };
        let path = n.name.value.as_str();
        let pos = ni.pos();
        match (oi, ni) {
            (Identity::Attributed { .. }, Identity::Exempt { reason, .. }) => {
                let what = format!(
                    "became exempt from identity (\"{reason}\"): its data can no longer be attributed"
                );
                self.push(Code::IdentityWeakened, Impact::Identity, path, pos, what);
            }
            (Identity::Exempt { .. }, Identity::Attributed { .. }) => {
                let what =
                    "became attributed: data written under OLD carries no `user_id`".to_string();
                let impact = Impact::backward_and(o.unknown_fields == UnknownFields::Reject);
                self.push(Code::IdentityStrengthened, impact, path, pos, what);
            }
            (Identity::Attributed { org: oo, .. }, Identity::Attributed { org: no, .. }) => {
                self.org_policy(path, pos, *oo, *no);
                self.identity_limits(path, pos);
            }
            (Identity::Exempt { .. }, Identity::Exempt { .. }) => {}
        }
    }

    fn org_policy(&mut self, path: &str, pos: Pos, old: OrgPolicy, new: OrgPolicy) {
        match (old, new) {
            (OrgPolicy::Required, OrgPolicy::Optional) => {
                let what = "`org_id` changed from required to optional: usage could be charged to the user instead of the org";
                self.push(
                    Code::IdentityWeakened,
                    Impact::Identity,
                    path,
                    pos,
                    what.to_string(),
                );
            }
            (OrgPolicy::Optional, OrgPolicy::Required) => {
                let what = "`org_id` changed from optional to required: data written under OLD may carry none";
                self.push(
                    Code::IdentityStrengthened,
                    Impact::Backward,
                    path,
                    pos,
                    what.to_string(),
                );
            }
            _ => {}
        }
    }

    /// `identity.<field>.max_length` of the project config, as it applies to this message.
    fn identity_limits(&mut self, path: &str, pos: Pos) {
        let limits = [
            (
                "user_id",
                self.old.config.user_id.max_length,
                self.new.config.user_id.max_length,
            ),
            (
                "org_id",
                self.old.config.org_id.max_length,
                self.new.config.org_id.max_length,
            ),
        ];
        for (field, old, new) in limits {
            let (code, impact, verb) = match new.cmp(&old) {
                std::cmp::Ordering::Less => {
                    (Code::ConstraintTightened, Impact::Backward, "lowered")
                }
                std::cmp::Ordering::Greater => {
                    (Code::ConstraintLoosened, Impact::Forward, "raised")
                }
                std::cmp::Ordering::Equal => continue,
            };
            let what = format!(
                "`max_length` {verb} from {old} to {new} (contractc.yaml `identity.{field}.max_length`)"
            );
            self.push(code, impact, &format!("{path}.{field}"), pos, what);
        }
    }
}
