//! Field-level changes: fields added and removed, optionality, defaults, types, and the
//! records and enums reached through them.

use super::Impact;
use super::messages::Differ;
use crate::diag::Code;
use crate::model::{Body, Catalog, Definition, Field, Type, TypeSpec, UnknownFields};
use crate::source::Pos;
use std::collections::{BTreeMap, BTreeSet};

/// Where a compared node sits in OLD and in NEW (the field's name when nothing finer is known).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sites {
    /// Position in OLD.
    pub old: Pos,
    /// Position in NEW.
    pub new: Pos,
}

/// What a named or inline type is on the wire.
enum Shape<'a> {
    /// An object with fields.
    Record(&'a Definition),
    /// A closed set of strings, with the enum definition when it has a name.
    Enum(Option<&'a Definition>, Vec<(&'a str, Option<Pos>)>),
}

impl Differ<'_> {
    /// Compares the fields of two messages or records; `path` names the object.
    pub fn compare_struct(&mut self, path: &str, o: &Definition, n: &Definition) {
        let old: BTreeMap<&str, &Field> = o
            .fields()
            .iter()
            .map(|f| (f.name.value.as_str(), f))
            .collect();
        let new: BTreeMap<&str, &Field> = n
            .fields()
            .iter()
            .map(|f| (f.name.value.as_str(), f))
            .collect();
        // NEW's written order decides which path first reaches a shared type.
        for nf in n.fields() {
            let p = format!("{path}.{}", nf.name.value);
            match old.get(nf.name.value.as_str()) {
                Some(of) => self.field(&p, of, nf),
                None => self.added(&p, nf, o),
            }
        }
        for of in o.fields() {
            if !new.contains_key(of.name.value.as_str()) {
                self.removed(&format!("{path}.{}", of.name.value), of, n);
            }
        }
    }

    fn added(&mut self, path: &str, f: &Field, old_def: &Definition) {
        let strict = old_def.unknown_fields == UnknownFields::Reject;
        let also = strict_note("OLD", old_def, strict);
        if !f.optional {
            let what = format!("required field added: data written under OLD lacks it{also}");
            self.push(
                Code::RequiredFieldAdded,
                Impact::backward_and(strict),
                path,
                f.name.pos,
                what,
            );
        } else if strict {
            let what = format!("optional field added{also}");
            self.push(
                Code::FieldAddedUnderReject,
                Impact::Forward,
                path,
                f.name.pos,
                what,
            );
        }
    }

    fn removed(&mut self, path: &str, f: &Field, new_def: &Definition) {
        let strict = new_def.unknown_fields == UnknownFields::Reject;
        let also = strict_note("NEW", new_def, strict);
        if !f.optional {
            let what = format!("required field removed: readers on OLD need it{also}");
            self.push(
                Code::RequiredFieldRemoved,
                Impact::forward_and(strict),
                path,
                f.name.pos,
                what,
            );
        } else if strict {
            let what =
                format!("optional field removed, but data written under OLD may carry it{also}");
            self.push(
                Code::FieldRemovedUnderReject,
                Impact::Backward,
                path,
                f.name.pos,
                what,
            );
        }
    }

    fn field(&mut self, path: &str, of: &Field, nf: &Field) {
        let sites = Sites {
            old: of.name.pos,
            new: nf.name.pos,
        };
        match (of.optional, nf.optional) {
            (false, true) => {
                let what = "required field became optional: readers on OLD need it".to_string();
                self.push(
                    Code::FieldMadeOptional,
                    Impact::Forward,
                    path,
                    sites.new,
                    what,
                );
            }
            (true, false) => {
                let what = "optional field became required: data written under OLD may lack it"
                    .to_string();
                self.push(
                    Code::FieldMadeRequired,
                    Impact::Backward,
                    path,
                    sites.new,
                    what,
                );
            }
            _ => {}
        }
        self.default(path, of, nf);
        self.spec(path, &of.spec, &nf.spec, sites);
    }

    fn default(&mut self, path: &str, of: &Field, nf: &Field) {
        let (o, n) = (of.default.as_ref(), nf.default.as_ref());
        let what = match (o, n) {
            (Some(o), Some(n)) if o.value == n.value => return,
            (None, None) => return,
            (Some(o), Some(n)) => format!("default changed from `{}` to `{}`", o.value, n.value),
            (None, Some(n)) => format!("default `{}` added", n.value),
            (Some(o), None) => format!("default `{}` removed", o.value),
        };
        let pos = n.or(o).map_or(nf.name.pos, |d| d.pos);
        self.push(Code::DefaultChanged, Impact::Warning, path, pos, what);
    }

    /// Compares two types at `path`, then their constraints when the types agree.
    fn spec(&mut self, path: &str, o: &TypeSpec, n: &TypeSpec, sites: Sites) {
        let same = match (&o.ty, &n.ty) {
            (Type::List(a), Type::List(b)) => self.items(&format!("{path}[]"), a, b, sites),
            (Type::Map(a), Type::Map(b)) => self.items(&format!("{path}{{}}"), a, b, sites),
            (a, b) if is_named(a) && is_named(b) => self.shared(path, a, b, sites),
            (a, b) => a == b,
        };
        if same {
            self.constraints(path, &o.constraints, &n.constraints, sites);
        } else {
            let what = format!(
                "type changed from {} to {}",
                describe(self.old, &o.ty),
                describe(self.new, &n.ty)
            );
            self.push(Code::TypeChanged, Impact::Both, path, sites.new, what);
        }
    }

    /// List or map elements; always `true`: a change below is reported at its own path.
    fn items(&mut self, path: &str, o: &TypeSpec, n: &TypeSpec, sites: Sites) -> bool {
        match (o.nullable, n.nullable) {
            (false, true) => {
                let what = "elements may now be null: readers on OLD reject null".to_string();
                self.push(
                    Code::ItemsMadeNullable,
                    Impact::Forward,
                    path,
                    sites.new,
                    what,
                );
            }
            (true, false) => {
                let what = "elements may no longer be null: data written under OLD may hold null"
                    .to_string();
                self.push(
                    Code::ItemsMadeNonNull,
                    Impact::Backward,
                    path,
                    sites.new,
                    what,
                );
            }
            _ => {}
        }
        self.spec(path, o, n, sites);
        true
    }

    /// Records and enums, by structure; `false` when the two are not the same sort of thing.
    fn shared(&mut self, path: &str, o: &Type, n: &Type, sites: Sites) -> bool {
        let (Some(os), Some(ns)) = (shape(self.old, o), shape(self.new, n)) else {
            return o == n;
        };
        match (os, ns) {
            (Shape::Record(a), Shape::Record(b)) => {
                if self.first_visit(a, b) {
                    self.unknown_fields(path, a, b);
                    self.compare_struct(path, a, b);
                }
                true
            }
            (Shape::Enum(da, va), Shape::Enum(db, vb)) => {
                let first = match (da, db) {
                    (Some(a), Some(b)) => self.first_visit(a, b),
                    _ => true,
                };
                if first {
                    self.enum_values(path, db.or(da), &va, &vb, sites);
                }
                true
            }
            _ => false,
        }
    }

    /// True the first time the current message reaches this pair of shared types.
    fn first_visit(&mut self, o: &Definition, n: &Definition) -> bool {
        self.seen
            .insert((o.name.value.clone(), n.name.value.clone()))
    }

    fn enum_values(
        &mut self,
        path: &str,
        def: Option<&Definition>,
        old: &[(&str, Option<Pos>)],
        new: &[(&str, Option<Pos>)],
        sites: Sites,
    ) {
        let of = def.map_or(String::new(), |d| format!(" of `{}`", d.name.value));
        let (old_set, new_set): (BTreeSet<&str>, BTreeSet<&str>) = (
            old.iter().map(|v| v.0).collect(),
            new.iter().map(|v| v.0).collect(),
        );
        for (value, pos) in new {
            if !old_set.contains(value) {
                let what = format!("enum value `{value}`{of} added: readers on OLD reject it");
                self.push(
                    Code::EnumValueAdded,
                    Impact::Forward,
                    path,
                    pos.unwrap_or(sites.new),
                    what,
                );
            }
        }
        for (value, pos) in old {
            if !new_set.contains(value) {
                let what =
                    format!("enum value `{value}`{of} removed: data written under OLD may hold it");
                self.push(
                    Code::EnumValueRemoved,
                    Impact::Backward,
                    path,
                    pos.unwrap_or(sites.old),
                    what,
                );
            }
        }
    }
}

/// ", and OLD readers reject unknown fields (`X`)" when `strict`.
fn strict_note(side: &str, def: &Definition, strict: bool) -> String {
    if strict {
        format!(
            "; {side} readers reject unknown fields (`unknown_fields: reject` on `{}`)",
            def.name.value
        )
    } else {
        String::new()
    }
}

fn is_named(ty: &Type) -> bool {
    matches!(ty, Type::Ref(_) | Type::InlineEnum(_))
}

fn shape<'a>(catalog: &'a Catalog, ty: &'a Type) -> Option<Shape<'a>> {
    match ty {
        Type::InlineEnum(values) => Some(Shape::Enum(
            None,
            values.iter().map(|v| (v.as_str(), None)).collect(),
        )),
        Type::Ref(name) => {
            let def = catalog.get(name)?;
            Some(match &def.body {
                Body::Struct(_) => Shape::Record(def),
                Body::Enum(values) => Shape::Enum(
                    Some(def),
                    values
                        .iter()
                        .map(|v| (v.value.as_str(), Some(v.pos)))
                        .collect(),
                ),
            })
        }
        _ => None,
    }
}

/// `` `int` ``, `` record `Essay` ``, `` enum `Course` ``.
fn describe(catalog: &Catalog, ty: &Type) -> String {
    match ty {
        Type::Ref(name) => match catalog.get(name).map(|d| &d.body) {
            Some(Body::Enum(_)) => format!("enum `{name}`"),
            _ => format!("record `{name}`"),
        },
        Type::InlineEnum(_) => format!("inline `{}`", ty.display()),
        _ => format!("`{}`", ty.display()),
    }
}
