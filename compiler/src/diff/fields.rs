//! Objects key by key: fields added and removed, optionality, defaults, each field's values,
//! and the unknown-field policy; records reached through fields are compared once per message.
//!
//! An object accepts a document when each declared key is absent only where optional and
//! otherwise holds a value of its type, and (under `unknown_fields: reject`) no other key is
//! there. So one key decides each witness: the rest of the document is the side's sample.

use super::compare::Written;
use super::constraints::Sites;
use super::messages::Differ;
use super::sample::undeclared_key;
use super::values::{Key, Object};
use super::witness::{At, Leaf};
use super::{Evidence, Impact};
use crate::diag::Code;
use crate::model::{Definition, Field};
use serde_json::Value;

impl<'a> Differ<'a> {
    /// A record reached at `at`: compared the first time this message reaches the pair.
    pub fn record(&mut self, at: &At, o: &'a Definition, n: &'a Definition) {
        if self
            .seen
            .insert((o.name.value.clone(), n.name.value.clone()))
        {
            self.compare_struct(at, o, n);
        }
    }

    /// Compares the keys of two messages or records (identity keys are the message's concern).
    pub fn compare_struct(&mut self, at: &At, o: &'a Definition, n: &'a Definition) {
        let (oo, no) = (self.sides.old.object(o), self.sides.new.object(n));
        self.unknown_fields(at, n, (&oo, &no));
        let declared =
            |d: &'a Definition, name: &str| d.fields().iter().find(|f| f.name.value == name);
        // NEW's written order decides which path first reaches a shared type.
        for nf in n.fields() {
            let here = at.key(&nf.name.value);
            match (declared(o, &nf.name.value), no.key(&nf.name.value)) {
                (Some(of), Some(nk)) => {
                    let ok = oo.key(&of.name.value).cloned();
                    if let Some(ok) = ok {
                        self.field(&here, (of, nf), (&ok, &nk.clone()));
                    }
                }
                (None, Some(nk)) => self.added(&here, nk.clone(), &oo),
                _ => {}
            }
        }
        for of in o.fields() {
            if declared(n, &of.name.value).is_some() {
                continue;
            }
            if let Some(ok) = oo.key(&of.name.value).cloned() {
                self.removed(&at.key(&of.name.value), ok, &no);
            }
        }
    }

    /// `unknown_fields` of a message or of a record reached at `at`: a key neither side
    /// declares shows the change.
    fn unknown_fields(&mut self, at: &At, n: &Definition, (oo, no): (&Object<'_>, &Object<'_>)) {
        let (code, backward, what) = match (oo.open, no.open) {
            (true, false) => (
                Code::UnknownFieldsRejected,
                true,
                "`unknown_fields` changed from ignore to reject: data written under OLD may carry undeclared keys",
            ),
            (false, true) => (
                Code::UnknownFieldsIgnored,
                false,
                "`unknown_fields` changed from reject to ignore: OLD readers reject the undeclared keys NEW data may carry",
            ),
            _ => return,
        };
        let key = at.key(&undeclared_key(oo, no));
        let e = Some(self.evidence(&key, backward, Leaf::Set(Value::from(0))));
        let what = if at.steps.is_empty() {
            what.to_string()
        } else {
            format!("{what} (record `{}`)", n.name.value)
        };
        let (b, f) = if backward { (e, None) } else { (None, e) };
        self.push(code, at, n.name.pos, what, b, f);
    }

    /// A key declared only in NEW.
    fn added(&mut self, at: &At, k: Key<'a>, old: &Object<'_>) {
        let closed = !old.open;
        let also = closed_note("OLD", closed);
        let forward = closed.then(|| self.with_sample(at, false, &k));
        if !k.optional {
            let what = format!("required field added: data written under OLD lacks it{also}");
            let backward = Some(self.evidence(at, true, Leaf::Omit));
            self.push(Code::RequiredFieldAdded, at, k.pos, what, backward, forward);
        } else if closed {
            let what = format!("optional field added{also}");
            self.push(Code::FieldAddedUnderReject, at, k.pos, what, None, forward);
        } else if self.options.strict_open_content {
            let what = "optional field added to an open object (strict open content): data written under OLD may carry the key with another value".to_string();
            let backward = self.foreign_value(at, true, &k);
            self.push(
                Code::FieldAddedToOpenContent,
                at,
                k.pos,
                what,
                backward,
                None,
            );
        }
    }

    /// A key declared only in OLD.
    fn removed(&mut self, at: &At, k: Key<'a>, new: &Object<'_>) {
        let closed = !new.open;
        let also = closed_note("NEW", closed);
        let backward = closed.then(|| self.with_sample(at, true, &k));
        if !k.optional {
            let what = format!("required field removed: readers on OLD need it{also}");
            let forward = Some(self.evidence(at, false, Leaf::Omit));
            self.push(
                Code::RequiredFieldRemoved,
                at,
                k.pos,
                what,
                backward,
                forward,
            );
        } else if closed {
            let what =
                format!("optional field removed, but data written under OLD may carry it{also}");
            self.push(
                Code::FieldRemovedUnderReject,
                at,
                k.pos,
                what,
                backward,
                None,
            );
        } else if self.options.strict_open_content {
            let what = "optional field removed from an open object (strict open content): data written under NEW may carry the key with another value".to_string();
            let forward = self.foreign_value(at, false, &k);
            self.push(
                Code::FieldRemovedFromOpenContent,
                at,
                k.pos,
                what,
                None,
                forward,
            );
        }
    }

    /// Evidence of a document of one side holding the key `k` it declares.
    fn with_sample(&self, at: &At, backward: bool, k: &Key<'_>) -> Evidence {
        let side = if backward {
            &self.sides.old
        } else {
            &self.sides.new
        };
        self.shown(at, backward, side.sample(&k.node, 1))
    }

    /// Evidence of a document of one side that carries, undeclared, the key the other side
    /// declares as `k`, with a value `k` rejects; `None` when `k` takes every value.
    fn foreign_value(&self, at: &At, backward: bool, k: &Key<'_>) -> Option<Evidence> {
        let declaring = if backward {
            &self.sides.new
        } else {
            &self.sides.old
        };
        let v = [json_values(), vec![Value::from("a")]]
            .concat()
            .into_iter()
            .find(|v| !v.is_null() && !declaring.accepts(&k.node, v, 0))?;
        Some(self.evidence(at, backward, Leaf::Set(v)))
    }

    fn field(&mut self, at: &At, (of, nf): (&'a Field, &'a Field), (ok, nk): (&Key<'a>, &Key<'a>)) {
        let sites = Sites {
            old: of.name.pos,
            new: nf.name.pos,
        };
        match (ok.optional, nk.optional) {
            (false, true) => {
                let what = "required field became optional: readers on OLD need it".to_string();
                let forward = Some(self.evidence(at, false, Leaf::Omit));
                self.push(Code::FieldMadeOptional, at, sites.new, what, None, forward);
            }
            (true, false) => {
                let what = "optional field became required: data written under OLD may lack it"
                    .to_string();
                let backward = Some(self.evidence(at, true, Leaf::Omit));
                self.push(Code::FieldMadeRequired, at, sites.new, what, backward, None);
            }
            _ => {}
        }
        self.default(at, of, nf);
        let written = Written::field(&of.spec, &nf.spec, sites);
        // An optional key takes `null` as a value: the type comparison must know it.
        let (mut on, mut nn) = (ok.node.clone(), nk.node.clone());
        on.nullable |= ok.optional;
        nn.nullable |= nk.optional;
        self.node(at, &on, &nn, &written);
    }

    fn default(&mut self, at: &At, of: &Field, nf: &Field) {
        let (o, n) = (of.default.as_ref(), nf.default.as_ref());
        let what = match (o, n) {
            (Some(o), Some(n)) if o.value == n.value => return,
            (None, None) => return,
            (Some(o), Some(n)) => format!("default changed from `{}` to `{}`", o.value, n.value),
            (None, Some(n)) => format!("default `{}` added", n.value),
            (Some(o), None) => format!("default `{}` removed", o.value),
        };
        let pos = n.or(o).map_or(nf.name.pos, |d| d.pos);
        self.report(
            Code::DefaultChanged,
            Impact::Warning,
            at,
            pos,
            what,
            (None, None),
        );
    }
}

/// One value of every JSON type but `null`.
fn json_values() -> Vec<Value> {
    vec![
        Value::from(0),
        Value::from(""),
        Value::from(true),
        Value::from(1.5),
        Value::Array(Vec::new()),
        Value::Object(serde_json::Map::new()),
    ]
}

/// "; OLD readers reject unknown fields" when `closed`.
fn closed_note(side: &str, closed: bool) -> String {
    if closed {
        format!("; {side} readers reject unknown fields (`unknown_fields: reject`)")
    } else {
        String::new()
    }
}
