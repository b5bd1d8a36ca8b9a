//! Definition-level changes: removed messages, kind, topic, identity; then the message's keys.

use super::compare::Written;
use super::values::{Node, Side};
use super::witness::{At, Leaf, Sides};
use super::{Change, Evidence, Impact, Options};
use crate::diag::Code;
use crate::model::{Catalog, Definition, Identity, OrgPolicy, UnknownFields};
use crate::source::Pos;
use std::collections::BTreeSet;

/// Walks OLD and NEW side by side and collects the changes.
pub(super) struct Differ<'a> {
    /// Both catalogs as value sets.
    pub sides: Sides<'a>,
    /// How open objects are judged.
    pub options: Options,
    /// The message being compared (its name is the same on both sides).
    pub message: String,
    /// Shared types (old name, new name) already compared for the current message.
    pub seen: BTreeSet<(String, String)>,
    out: Vec<Change>,
}

impl Differ<'_> {
    /// Records a change that breaks the directions given evidence for; nothing when neither
    /// is given or reachable.
    pub fn push(
        &mut self,
        code: Code,
        at: &At,
        pos: Pos,
        what: String,
        backward: Option<Evidence>,
        forward: Option<Evidence>,
    ) {
        let backward = backward.filter(|_| at.old_reaches);
        let forward = forward.filter(|_| at.new_reaches);
        let Some(impact) = Impact::of(backward.is_some(), forward.is_some()) else {
            return;
        };
        self.report(code, impact, at, pos, what, (backward, forward));
    }

    /// Records a change whatever the readers do (identity weakened, a changed default).
    pub fn report(
        &mut self,
        code: Code,
        impact: Impact,
        at: &At,
        pos: Pos,
        what: String,
        (backward, forward): (Option<Evidence>, Option<Evidence>),
    ) {
        self.out.push(Change {
            code,
            impact,
            path: at.text.clone(),
            message: format!("`{}`: {what}", at.text),
            pos,
            backward,
            forward,
        });
    }

    /// The evidence that `leaf` at `at` breaks backward (`true`) or forward.
    pub fn evidence(&self, at: &At, backward: bool, leaf: Leaf) -> Evidence {
        self.sides.evidence(&self.message, at, backward, leaf)
    }
}

/// Every change, message by message in name order.
pub(super) fn compare(old: &Catalog, new: &Catalog, options: Options) -> Vec<Change> {
    let mut d = Differ {
        sides: Sides {
            old: Side::new(old),
            new: Side::new(new),
        },
        options,
        message: String::new(),
        seen: BTreeSet::new(),
        out: Vec::new(),
    };
    for o in old.definitions.values() {
        d.message = o.name.value.clone();
        match new.get(&o.name.value) {
            Some(n) => d.definition(o, n),
            None if o.kind.is_message() => d.message_removed(o),
            // Shared types matter only through the messages that use them.
            None => {}
        }
    }
    d.out
}

impl<'a> Differ<'a> {
    /// A message removed: any of its OLD documents has no contract on NEW; forward is a
    /// choice (readers on OLD wait for data nobody produces any more).
    fn message_removed(&mut self, o: &Definition) {
        let at = At::message(&o.name.value);
        let backward = self.evidence(&at, true, Leaf::Omit);
        let what = format!("{} removed", o.kind.as_str());
        let (b, f) = (Some(backward), Some(Evidence::Choice));
        self.report(
            Code::MessageRemoved,
            Impact::Both,
            &at,
            o.name.pos,
            what,
            (b, f),
        );
    }

    fn definition(&mut self, o: &'a Definition, n: &'a Definition) {
        let at = At::message(&n.name.value);
        if o.kind != n.kind {
            if o.kind.is_message() || n.kind.is_message() {
                let what = format!(
                    "kind changed from {} to {}",
                    o.kind.as_str(),
                    n.kind.as_str()
                );
                let (b, f) = (Some(Evidence::Choice), Some(Evidence::Choice));
                self.report(
                    Code::KindChanged,
                    Impact::Both,
                    &at,
                    n.name.pos,
                    what,
                    (b, f),
                );
            }
            return;
        }
        if !n.kind.is_message() {
            return;
        }
        self.topic(&at, o, n);
        self.identity(&at, o, n);
        self.seen.clear();
        self.compare_struct(&at, o, n);
    }

    fn topic(&mut self, at: &At, o: &Definition, n: &Definition) {
        let old = o.topic.as_ref().map(|t| t.value.as_str());
        let new = n.topic.as_ref().map(|t| t.value.as_str());
        if old != new {
            let pos = n.topic.as_ref().map_or(n.name.pos, |t| t.pos);
            let what = format!(
                "topic changed from `{}` to `{}`",
                old.unwrap_or("-"),
                new.unwrap_or("-")
            );
            let (b, f) = (Some(Evidence::Choice), Some(Evidence::Choice));
            self.report(Code::TopicChanged, Impact::Both, at, pos, what, (b, f));
        }
    }

    fn identity(&mut self, at: &At, o: &'a Definition, n: &'a Definition) {
        let (Some(oi), Some(ni)) = (&o.identity, &n.identity) else {
            return;
        };
        let pos = ni.pos();
        let user = at.key("user_id");
        match (oi, ni) {
            (Identity::Attributed { .. }, Identity::Exempt { reason, .. }) => {
                let what = format!(
                    "became exempt from identity (\"{reason}\"): its data can no longer be attributed"
                );
                let forward = self.evidence(&user, false, Leaf::Omit);
                let backward = self.user_id_rejected(&user, n);
                let (b, f) = (backward, Some(forward));
                self.report(
                    Code::IdentityWeakened,
                    Impact::Identity,
                    at,
                    pos,
                    what,
                    (b, f),
                );
            }
            (Identity::Exempt { .. }, Identity::Attributed { .. }) => {
                let what =
                    "became attributed: data written under OLD carries no `user_id`".to_string();
                let backward = self.evidence(&user, true, Leaf::Omit);
                let forward = self.user_id_rejected_forward(&user, o);
                self.push(
                    Code::IdentityStrengthened,
                    at,
                    pos,
                    what,
                    Some(backward),
                    forward,
                );
            }
            (Identity::Attributed { org: oo, .. }, Identity::Attributed { org: no, .. }) => {
                self.org_policy(at, pos, *oo, *no);
                self.identity_limits(at, o, n);
            }
            (Identity::Exempt { .. }, Identity::Exempt { .. }) => {}
        }
    }

    /// Backward evidence for an exempt NEW that rejects undeclared keys: OLD's `user_id`.
    fn user_id_rejected(&self, user: &At, n: &Definition) -> Option<Evidence> {
        (n.unknown_fields == UnknownFields::Reject)
            .then(|| self.evidence(user, true, self.user_value()))
    }

    /// Forward evidence for an exempt OLD that rejects undeclared keys: NEW's `user_id`.
    fn user_id_rejected_forward(&self, user: &At, o: &Definition) -> Option<Evidence> {
        (o.unknown_fields == UnknownFields::Reject)
            .then(|| self.evidence(user, false, self.user_value()))
    }

    fn user_value(&self) -> Leaf {
        Leaf::Set(serde_json::Value::String("u".to_string()))
    }

    fn org_policy(&mut self, at: &At, pos: Pos, old: OrgPolicy, new: OrgPolicy) {
        let org = at.key("org_id");
        match (old, new) {
            (OrgPolicy::Required, OrgPolicy::Optional) => {
                let what = "`org_id` changed from required to optional: usage could be charged to the user instead of the org";
                let forward = Some(self.evidence(&org, false, Leaf::Omit));
                let impact = Impact::Identity;
                self.report(
                    Code::IdentityWeakened,
                    impact,
                    at,
                    pos,
                    what.into(),
                    (None, forward),
                );
            }
            (OrgPolicy::Optional, OrgPolicy::Required) => {
                let what = "`org_id` changed from optional to required: data written under OLD may carry none";
                let backward = Some(self.evidence(&org, true, Leaf::Omit));
                self.push(
                    Code::IdentityStrengthened,
                    at,
                    pos,
                    what.into(),
                    backward,
                    None,
                );
            }
            _ => {}
        }
    }

    /// `user_id` and `org_id` as values: the limits of the project config.
    fn identity_limits(&mut self, at: &At, o: &'a Definition, n: &'a Definition) {
        let (ok, nk) = (self.sides.old.object(o), self.sides.new.object(n));
        for name in ["user_id", "org_id"] {
            let (Some(a), Some(b)) = (ok.key(name), nk.key(name)) else {
                continue;
            };
            let (a, b): (Node<'a>, Node<'a>) = (a.node.clone(), b.node.clone());
            let pos = n.identity.as_ref().map_or(n.name.pos, Identity::pos);
            let written = Written::config(name, pos);
            self.node(&at.key(name), &a, &b, &written);
        }
    }
}
