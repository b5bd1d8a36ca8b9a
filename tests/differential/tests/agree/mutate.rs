//! Mutations of a document at one path, chosen by what the contract says is there: missing,
//! null, wrong type, off by one at each bound, lengths in scalar values, `1.0` and `1e3` for
//! integers, integers past i64, repeated items and keys, unknown values and keys, bad formats,
//! raw escapes and deep nesting.

use contractc::model::{Body, Catalog, Constraints, Definition, Type, TypeSpec};

use super::edges::{enum_edges, float_edges, int_edges, lengths, strings, text_edges};
use super::json::{J, Seg, deep_array, deep_object, escaped_keys};
use super::samples;
use super::slots::{Slot, definition, slot_at};
use super::values::recase;

/// One change to the value at a path.
#[derive(Clone, Debug)]
pub enum Edit {
    /// Replace the value.
    Replace(J),
    /// Remove the member (the path ends at an object member).
    Remove,
    /// Append a member to the object (the key may already be there).
    Push(String, J),
    /// Append an item to the array.
    PushItem(J),
}

/// Applies mutation `choice` at the `at`-th path of `doc` (a document of message `def`).
pub fn mutate(catalog: &Catalog, def: &Definition, doc: &mut J, at: usize, choice: usize) {
    let paths = doc.paths();
    let path = &paths[at % paths.len()];
    let Some(node) = doc.at(path) else { return };
    let slot = slot_at(catalog, def, doc, path);
    let mut edits = generic(node, matches!(path.last(), Some(Seg::Member(_))));
    edits.extend(specific(catalog, slot, node));
    let edit = edits[choice % edits.len()].clone();
    apply(doc, path, edit);
}

fn apply(doc: &mut J, path: &[Seg], edit: Edit) {
    match edit {
        Edit::Remove => {
            let (Some(Seg::Member(i)), Some(parent)) = (path.last(), path.split_last()) else {
                return;
            };
            if let Some(J::Obj(members)) = doc.at_mut(parent.1) {
                members.remove(*i);
            }
        }
        Edit::Replace(j) => {
            if let Some(node) = doc.at_mut(path) {
                *node = j;
            }
        }
        Edit::Push(k, v) => {
            if let Some(J::Obj(members)) = doc.at_mut(path) {
                members.push((k, v));
            }
        }
        Edit::PushItem(v) => {
            if let Some(J::Arr(items)) = doc.at_mut(path) {
                items.push(v);
            }
        }
    }
}

/// Edits that fit any value: remove it, null, every other JSON type, deep nesting, escapes.
fn generic(node: &J, is_member: bool) -> Vec<Edit> {
    let mut out: Vec<Edit> = [
        J::Null,
        J::Bool(true),
        J::n("1"),
        J::n("1e400"),
        J::s("x"),
        J::Arr(Vec::new()),
        J::Obj(Vec::new()),
        J::Arr(vec![node.clone()]),
        J::Raw(r#""\ud800""#.into()),
        deep_array(127),
        deep_array(129),
        deep_object(128),
        deep_array(10_000),
    ]
    .into_iter()
    .map(Edit::Replace)
    .collect();
    if is_member {
        out.push(Edit::Remove);
    }
    out
}

fn specific(catalog: &Catalog, slot: Slot<'_>, node: &J) -> Vec<Edit> {
    match slot {
        Slot::Object(def) => object(def, node),
        Slot::Identity { org } => identity(catalog, org),
        Slot::Value(spec) => value(catalog, spec, node),
        Slot::Free => Vec::new(),
    }
}

/// Unknown keys, repeated keys, missing declared keys as null, and the object as an array.
fn object(def: &Definition, node: &J) -> Vec<Edit> {
    let members = node.members();
    let mut out: Vec<Edit> = [
        ("zz", J::Null),
        ("User_Id", J::s("u")),
        ("userId", J::s("u")),
        ("", J::n("1")),
        ("user_id", J::s("u-2")),
        ("org_id", J::s("o-2")),
        ("org_id", J::Null),
    ]
    .into_iter()
    .map(|(k, v)| Edit::Push(k.into(), v))
    .collect();
    for (k, v) in members {
        out.push(Edit::Push(k.clone(), v.clone()));
        out.push(Edit::Push(k.clone(), J::Null));
        out.push(Edit::Push(k.clone(), J::s("")));
    }
    for f in def.fields() {
        out.push(Edit::Push(f.name.value.clone(), J::Null));
    }
    let values: Vec<J> = members.iter().map(|(_, v)| v.clone()).collect();
    out.push(Edit::Replace(J::Arr(values)));
    out.push(Edit::Replace(escaped_keys(members)));
    out
}

fn identity(catalog: &Catalog, org: bool) -> Vec<Edit> {
    let cfg = if org {
        &catalog.config.org_id
    } else {
        &catalog.config.user_id
    };
    let max = cfg.max_length as usize;
    let mut out: Vec<Edit> = lengths(Some(1), Some(max))
        .into_iter()
        .map(Edit::Replace)
        .collect();
    out.extend(
        [
            J::s("e\u{0301}".repeat(max / 2 + 1)),
            J::s("\u{1F600}".repeat(256)),
            J::Raw(r#""\u0000""#.into()),
            J::Raw(r#""\ud83d\ude00""#.into()),
            J::Arr(vec![J::s("u")]),
        ]
        .map(Edit::Replace),
    );
    out.push(Edit::Remove);
    out
}

fn value(catalog: &Catalog, spec: &TypeSpec, node: &J) -> Vec<Edit> {
    let c = &spec.constraints;
    let replace = |v: Vec<J>| v.into_iter().map(Edit::Replace).collect::<Vec<_>>();
    match &spec.ty {
        Type::Int => replace(int_edges(c)),
        Type::Float => replace(float_edges(c)),
        Type::String | Type::Email => replace(text_edges(spec)),
        Type::Uuid => replace(strings(samples::BAD_UUIDS, node)),
        Type::DateTime => {
            let mut v = strings(samples::BAD_DATETIMES, node);
            v.extend(samples::DATETIMES.iter().map(|s| J::s(*s)));
            replace(v)
        }
        Type::Date => replace(strings(samples::BAD_DATES, node)),
        Type::Bool => replace(vec![J::s("true"), J::n("0"), J::n("1.0")]),
        Type::Json => Vec::new(),
        Type::List(_) => list(c, node),
        Type::Map(_) => map(node),
        Type::InlineEnum(values) => replace(enum_edges(values)),
        Type::Ref(_) => match definition(catalog, Slot::Value(spec)) {
            Some(
                d @ Definition {
                    body: Body::Struct(_),
                    ..
                },
            ) => object(d, node),
            Some(Definition {
                body: Body::Enum(values),
                ..
            }) => {
                let values: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
                replace(enum_edges(&values))
            }
            None => Vec::new(),
        },
    }
}

/// A value JSON tells apart from `j` but Rust may not: letter case, another spelling of a
/// number, an explicit `null` or an extra key in an object.
fn look_alike(j: &J) -> J {
    match j {
        J::Str(s) if s.chars().any(|c| c.is_ascii_lowercase()) => J::s(recase(s, 0, 1)),
        J::Str(s) => J::s(recase(s, 0, 0)),
        J::Num(n) if !n.contains(['.', 'e', 'E']) => J::Num(format!("{n}.0")),
        J::Num(n) => J::Num(format!("{n}0")),
        J::Obj(members) => {
            let mut m = members.clone();
            match m.iter().position(|(_, v)| *v == J::Null) {
                Some(i) => {
                    m.remove(i);
                }
                None => m.push(("zz".into(), J::Null)),
            }
            J::Obj(m)
        }
        J::Arr(items) => J::Arr(items.iter().map(look_alike).collect()),
        other => other.clone(),
    }
}

/// Repeated items (equal, and look-alikes), too many items, null and wrong items.
fn list(c: &Constraints, node: &J) -> Vec<Edit> {
    let J::Arr(items) = node else {
        return Vec::new();
    };
    let mut out = vec![
        Edit::PushItem(J::Null),
        Edit::PushItem(J::s("x")),
        Edit::Replace(J::Arr(Vec::new())),
    ];
    for item in items {
        out.extend([
            Edit::PushItem(item.clone()),
            Edit::PushItem(look_alike(item)),
        ]);
    }
    if let (Some(max), Some(first)) = (c.max_items.as_ref(), items.first()) {
        let n = max.value as usize + 1;
        let mut longer = items.clone();
        longer.extend((items.len()..n).map(|i| look_alike_n(first, i)));
        out.push(Edit::Replace(J::Arr(longer)));
    }
    out
}

/// The `i`-th of a run of items made from `j` (alternating look-alikes).
fn look_alike_n(j: &J, i: usize) -> J {
    if i.is_multiple_of(2) {
        j.clone()
    } else {
        look_alike(j)
    }
}

/// Repeated keys, null values and values of the wrong type.
fn map(node: &J) -> Vec<Edit> {
    let mut out = vec![
        Edit::Push("new".into(), J::Null),
        Edit::Push("new".into(), J::s("x")),
        Edit::Push("n".into(), J::n("1.0")),
    ];
    for (k, v) in node.members() {
        out.extend([
            Edit::Push(k.clone(), v.clone()),
            Edit::Push(k.clone(), look_alike(v)),
        ]);
    }
    out
}
