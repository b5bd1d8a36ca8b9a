//! Strategies for documents that follow a message's contract, with values drawn towards the
//! edges of every constraint: bounds, lengths in scalar values, format spellings, few distinct
//! items so unique lists repeat themselves. Validity is not promised, only likely.

use std::sync::Arc;

use contractc::model::{
    Body, Bound, Catalog, Constraints, Definition, Identity, OrgPolicy, Type, TypeSpec,
};
use proptest::prelude::*;
use proptest::sample::select;

use super::json::J;
use super::samples;
use super::scalars::{dedup, from_pool, json_value, random_date, random_datetime, uuid_value};

pub use super::scalars::recase;

/// How deep records may nest in generated documents.
pub const RECORD_DEPTH: u32 = 3;

/// A valid-looking document of `def` (a message of `catalog`).
pub fn message(catalog: &Arc<Catalog>, def: &Definition) -> BoxedStrategy<J> {
    let mut members = identity(catalog, def);
    members.extend(fields(catalog, def, RECORD_DEPTH));
    object(members)
}

/// An object from member strategies (a member may be left out), in a shuffled order.
fn object(members: Vec<BoxedStrategy<Option<(String, J)>>>) -> BoxedStrategy<J> {
    members
        .prop_map(|m| m.into_iter().flatten().collect::<Vec<_>>())
        .prop_shuffle()
        .prop_map(J::Obj)
        .boxed()
}

/// `user_id` and `org_id` members as the message's identity declares them.
fn identity(catalog: &Catalog, def: &Definition) -> Vec<BoxedStrategy<Option<(String, J)>>> {
    let Some(Identity::Attributed { org, .. }) = &def.identity else {
        return Vec::new();
    };
    let user = id_string(catalog.config.user_id.max_length as usize);
    let org_value = id_string(catalog.config.org_id.max_length as usize);
    let org = match org {
        OrgPolicy::Required => present("org_id", org_value),
        OrgPolicy::Optional => optional("org_id", org_value),
    };
    vec![present("user_id", user), org]
}

/// An identifier of 1..=`max` scalar values, often exactly at the limit.
pub fn id_string(max: usize) -> BoxedStrategy<J> {
    prop_oneof![
        3 => Just(J::s("u-1")),
        1 => Just(J::s("x".repeat(max))),
        1 => Just(J::s("\u{1F600}".repeat(max))),
        1 => Just(J::s("e\u{0301}".repeat(max / 2))),
        3 => text(1, 8),
    ]
    .boxed()
}

fn present(key: &'static str, value: BoxedStrategy<J>) -> BoxedStrategy<Option<(String, J)>> {
    value.prop_map(move |v| Some((key.to_string(), v))).boxed()
}

/// Absent, `null`, or a value (absent most often when `depth` is spent).
fn optional(key: &str, value: BoxedStrategy<J>) -> BoxedStrategy<Option<(String, J)>> {
    let key = key.to_string();
    let k2 = key.clone();
    prop_oneof![
        2 => Just(None),
        1 => Just(Some((key, J::Null))),
        4 => value.prop_map(move |v| Some((k2.clone(), v))),
    ]
    .boxed()
}

/// The members of a message's or record's declared fields.
fn fields(
    catalog: &Arc<Catalog>,
    def: &Definition,
    depth: u32,
) -> Vec<BoxedStrategy<Option<(String, J)>>> {
    def.fields()
        .iter()
        .map(|f| {
            let name = f.name.value.clone();
            if f.optional && (depth == 0 || (depth == 1 && recursive(catalog, &f.spec))) {
                return Just(None).boxed();
            }
            let value = spec_value(catalog, &f.spec, depth);
            if f.optional {
                optional(&name, value)
            } else {
                value.prop_map(move |v| Some((name.clone(), v))).boxed()
            }
        })
        .collect()
}

/// Whether a type holds a record (so it may recurse).
fn recursive(catalog: &Catalog, spec: &TypeSpec) -> bool {
    match &spec.ty {
        Type::Ref(name) => matches!(catalog.get(name).map(|d| &d.body), Some(Body::Struct(_))),
        Type::List(inner) | Type::Map(inner) => recursive(catalog, inner),
        _ => false,
    }
}

/// A value of `spec`, `null` now and then when it is nullable.
pub fn spec_value(catalog: &Arc<Catalog>, spec: &TypeSpec, depth: u32) -> BoxedStrategy<J> {
    let base = type_value(catalog, spec, depth);
    if spec.nullable {
        prop_oneof![1 => Just(J::Null), 4 => base].boxed()
    } else {
        base
    }
}

fn type_value(catalog: &Arc<Catalog>, spec: &TypeSpec, depth: u32) -> BoxedStrategy<J> {
    let c = &spec.constraints;
    match &spec.ty {
        Type::String => string_value(c),
        Type::Email => email_value(c),
        Type::Int => int_value(c),
        Type::Float => float_value(c),
        Type::Bool => any::<bool>().prop_map(J::Bool).boxed(),
        Type::Uuid => uuid_value(),
        Type::DateTime => from_pool(samples::DATETIMES, random_datetime()),
        Type::Date => from_pool(samples::DATES, random_date()),
        Type::Json => json_value(2),
        Type::List(item) => list_value(catalog, item, c, depth),
        Type::Map(value) => map_value(catalog, value, depth),
        Type::Ref(name) => ref_value(catalog, name, depth),
        Type::InlineEnum(values) => select(values.clone()).prop_map(J::Str).boxed(),
    }
}

/// Text of `lo..=hi` scalar values from [`samples::CHARS`].
pub fn text(lo: usize, hi: usize) -> BoxedStrategy<J> {
    proptest::collection::vec(select(samples::CHARS), lo..=hi)
        .prop_map(|cs| J::Str(cs.into_iter().collect()))
        .boxed()
}

fn length_range(c: &Constraints) -> (usize, usize) {
    let lo = c.min_length.as_ref().map_or(0, |n| n.value as usize);
    let hi = c.max_length.as_ref().map_or(lo + 6, |n| n.value as usize);
    (lo, hi.max(lo))
}

fn string_value(c: &Constraints) -> BoxedStrategy<J> {
    let (lo, hi) = length_range(c);
    let Some(p) = &c.pattern else {
        return text(lo, hi.min(lo + 12));
    };
    let (matching, near) = samples::pattern_samples(&p.value.source);
    if matching.is_empty() {
        return text(lo, hi.min(lo + 12));
    }
    prop_oneof![
        60 => select(matching).prop_map(J::s),
        1 => select(near).prop_map(J::s),
        1 => text(lo, hi.min(lo + 6)),
    ]
    .boxed()
}

fn email_value(c: &Constraints) -> BoxedStrategy<J> {
    let (lo, hi) = length_range(c);
    prop_oneof![
        15 => select(samples::EMAILS).prop_map(J::s),
        1 => text(lo, hi.min(lo + 6)),
    ]
    .boxed()
}

fn bound(b: &Option<contractc::source::Spanned<Bound>>) -> Option<Bound> {
    b.as_ref().map(|s| s.value)
}

fn int_value(c: &Constraints) -> BoxedStrategy<J> {
    // The whole range of the field: its bounds, else ±(2^53 - 1).
    let (lo, hi) = c.int_range();
    let edges = vec![
        lo,
        hi,
        lo.saturating_add(1),
        hi.saturating_sub(1),
        0.clamp(lo, hi),
    ];
    let value = prop_oneof![1 => select(edges), 3 => lo..=hi];
    let form = prop_oneof![3 => Just(0u8), 1 => 0..5u8];
    (value, form)
        .prop_map(|(v, form)| J::Num(int_spelling(v, form)))
        .boxed()
}

/// `v` written as JSON Schema integers may be written: `5`, `5.0`, `5e0`, `0.5e1`, `50e-1`.
pub fn int_spelling(v: i64, form: u8) -> String {
    match form {
        1 => format!("{v}.0"),
        2 => format!("{v}e0"),
        3 if v != 0 && v.unsigned_abs() < 1 << 52 => format!("{v}0e-1"),
        4 if v.unsigned_abs() < 1 << 52 => format!("{v}.000E+0"),
        _ => v.to_string(),
    }
}

fn float_value(c: &Constraints) -> BoxedStrategy<J> {
    let f = |b: &Option<contractc::source::Spanned<Bound>>| bound(b).map(Bound::as_f64);
    let lo = f(&c.min).or(f(&c.exclusive_min)).unwrap_or(-1e6);
    let hi = f(&c.max).or(f(&c.exclusive_max)).unwrap_or(1e6);
    let mut edges = vec![0.0, -0.0, lo, hi, (lo + hi) / 2.0];
    for b in [&c.min, &c.max, &c.exclusive_min, &c.exclusive_max] {
        if let Some(v) = f(b) {
            edges.extend([v, v.next_up(), v.next_down()]);
        }
    }
    let value = prop_oneof![1 => select(edges), 4 => lo..=hi];
    (value, any::<bool>())
        .prop_map(|(v, as_int)| {
            if as_int && v.fract() == 0.0 && v.abs() < 1e15 {
                J::Num(format!("{}", v as i64))
            } else {
                J::Num(format!("{v:?}"))
            }
        })
        .boxed()
}

fn list_value(
    catalog: &Arc<Catalog>,
    item: &TypeSpec,
    c: &Constraints,
    depth: u32,
) -> BoxedStrategy<J> {
    let lo = c.min_items.as_ref().map_or(0, |n| n.value as usize);
    let hi = c
        .max_items
        .as_ref()
        .map_or(lo + 3, |n| n.value as usize)
        .min(lo + 3);
    if depth == 0 {
        // Spent: no items (a record's own list would otherwise recurse forever).
        return Just(J::Arr(Vec::new())).boxed();
    }
    proptest::collection::vec(spec_value(catalog, item, depth - 1), lo..=hi)
        .prop_map(J::Arr)
        .boxed()
}

fn map_value(catalog: &Arc<Catalog>, value: &TypeSpec, depth: u32) -> BoxedStrategy<J> {
    if depth == 0 {
        return Just(J::Obj(Vec::new())).boxed();
    }
    let keys = select(&["a", "b", "é", "a/b", "~0", ""][..]).prop_map(str::to_string);
    proptest::collection::vec((keys, spec_value(catalog, value, depth - 1)), 0..=2)
        .prop_map(|m| J::Obj(dedup(m)))
        .boxed()
}

fn ref_value(catalog: &Arc<Catalog>, name: &str, depth: u32) -> BoxedStrategy<J> {
    let Some(def) = catalog.get(name) else {
        return Just(J::Null).boxed();
    };
    match &def.body {
        Body::Enum(values) => {
            let values: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
            select(values).prop_map(J::Str).boxed()
        }
        Body::Struct(_) => object(fields(catalog, def, depth.saturating_sub(1))),
    }
}
