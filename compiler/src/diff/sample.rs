//! Values that `diff` builds: a small valid value of a type (to fill the rest of a witness
//! document), several distinct ones (for unique lists), and the candidates a witness is
//! looked for among. Nothing here is trusted: every value is checked with
//! [`Side::accepts`] before it is used.

use super::numbers::{self, Num};
use super::pattern;
use super::values::{Format, Kind, MAX_DEPTH, Node, Object, Side, Text};
use crate::model::Definition;
use contractc_runtime::check::json_eq;
use serde_json::{Map, Value, json};

/// A key that no contract of either side declares, for documents with an undeclared key.
pub(super) fn undeclared_key(a: &Object<'_>, b: &Object<'_>) -> String {
    let mut name = "undeclared".to_string();
    let mut n = 0;
    while a.key(&name).is_some() || b.key(&name).is_some() {
        n += 1;
        name = format!("undeclared_{n}");
    }
    name
}

impl Side<'_> {
    /// A small non-null value of the node, if one can be found.
    pub fn sample(&self, node: &Node<'_>, depth: usize) -> Option<Value> {
        self.distinct(node, 1, &[], depth).and_then(|mut v| v.pop())
    }

    /// `n` non-null values of the node, pairwise distinct and distinct from `avoid`.
    pub fn distinct(
        &self,
        node: &Node<'_>,
        n: usize,
        avoid: &[Value],
        depth: usize,
    ) -> Option<Vec<Value>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut out: Vec<Value> = Vec::with_capacity(n);
        if n == 0 {
            return Some(out);
        }
        let take = |c: Value, out: &mut Vec<Value>| {
            if !c.is_null()
                && self.accepts(node, &c, depth)
                && !avoid.iter().chain(out.iter()).any(|v| json_eq(v, &c))
            {
                out.push(c);
            }
            out.len() == n
        };
        match &node.kind {
            // The shortest lists first; elements are only built when a list needs them.
            Kind::List(l) => {
                let shortest = usize::try_from(l.min)
                    .ok()
                    .filter(|n| *n as u64 <= MAX_LEN)?;
                for len in shortest..=shortest + n + avoid.len() {
                    if l.max.is_some_and(|m| len as u64 > m) {
                        break;
                    }
                    let items = if l.unique {
                        self.distinct(&l.items, len, &[], depth + 1)
                    } else {
                        self.sample(&l.items, depth + 1).map(|s| vec![s; len])
                    };
                    if take(Value::Array(items?), &mut out) {
                        return Some(out);
                    }
                }
            }
            _ => {
                for c in self.own_candidates(node, depth) {
                    if take(c, &mut out) {
                        return Some(out);
                    }
                }
            }
        }
        None
    }

    /// A value of a record or message: every required key filled, nothing else.
    pub fn object_sample(&self, object: &Object<'_>, depth: usize) -> Option<Map<String, Value>> {
        let mut map = Map::new();
        for key in object.keys.iter().filter(|k| !k.optional) {
            map.insert(key.name.to_string(), self.sample(&key.node, depth + 1)?);
        }
        Some(map)
    }

    /// A record's sample, computed once per record (records can share records many times
    /// over, and can contain themselves).
    fn record_sample(&self, def: &Definition, depth: usize) -> Option<Map<String, Value>> {
        let name = def.name.value.as_str();
        if let Some(known) = self.memo(name) {
            return known;
        }
        // A record met again while its sample is being built has none (yet): `None`.
        self.remember(name, None);
        let sample = self
            .object_sample(&self.object(def), depth)
            .filter(|m| size(m.values(), MAX_NODES) < MAX_NODES);
        self.remember(name, sample.clone());
        sample
    }

    /// Values of this side's node to look for a witness among, against `other`'s node on
    /// `other_side` (whose limits give the interesting values). Not all of them are in the node.
    pub fn candidates(
        &self,
        node: &Node<'_>,
        other_side: &Side<'_>,
        other: &Node<'_>,
        depth: usize,
    ) -> Vec<Value> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let mut out = match (&node.kind, &other.kind) {
            (Kind::Text(t), Kind::Text(u)) => self.texts(t, Some(u)),
            // Below the first levels a record offers its sample only: records may share
            // records many times over.
            (Kind::Record(def), _) if depth < 2 => {
                self.record_candidates(&self.object(def), other_side, other, depth)
            }
            (Kind::Map(values), Kind::Record(def)) => {
                let mut out = vec![json!({})];
                for key in other_side.object(def).keys {
                    for c in self.candidates(values, other_side, &key.node, depth + 1) {
                        out.push(json!({ key.name: c }));
                    }
                }
                if let Some(s) = self.sample(values, depth + 1) {
                    out.push(json!({ "undeclared": s }));
                }
                out
            }
            (Kind::Map(values), Kind::Map(other_values)) => self
                .candidates(values, other_side, other_values, depth + 1)
                .into_iter()
                .map(|c| json!({ "k": c }))
                .collect(),
            // Numbers come next, past the other side's limits first.
            (Kind::Int { .. } | Kind::Float { .. }, _) => Vec::new(),
            _ => self.own_candidates(node, depth),
        };
        out.extend(self.numbers(&node.kind, Some(&other.kind)));
        out
    }

    /// Candidates from the node's own limits only.
    fn own_candidates(&self, node: &Node<'_>, depth: usize) -> Vec<Value> {
        match &node.kind {
            Kind::Any => any_values(),
            Kind::Bool => vec![json!(true), json!(false)],
            Kind::Int { .. } | Kind::Float { .. } => self.numbers(&node.kind, None),
            Kind::Text(t) => self.texts(t, None).into_iter().collect(),
            Kind::List(_) => self.distinct(node, 3, &[], depth).unwrap_or_default(),
            Kind::Map(values) => {
                let mut out = vec![json!({})];
                if let Some(s) = self.sample(values, depth + 1) {
                    out.push(json!({ "k": s }));
                }
                out
            }
            Kind::Record(def) => self
                .record_sample(def, depth)
                .map(Value::Object)
                .into_iter()
                .collect(),
        }
    }

    /// A record's sample, and that sample with one key changed: omitted, `null`, another
    /// value, or an undeclared key added.
    fn record_candidates(
        &self,
        object: &Object<'_>,
        other_side: &Side<'_>,
        other: &Node<'_>,
        depth: usize,
    ) -> Vec<Value> {
        let Some(base) = self.object_sample(object, depth) else {
            return Vec::new();
        };
        let mut out = vec![Value::Object(base.clone())];
        let other_keys = match &other.kind {
            Kind::Record(def) => Some(other_side.object(def)),
            _ => None,
        };
        let with = |name: &str, v: Option<Value>| {
            let mut m = base.clone();
            match v {
                Some(v) => m.insert(name.to_string(), v),
                None => m.remove(name),
            };
            Value::Object(m)
        };
        for key in &object.keys {
            out.push(with(key.name, None));
            out.push(with(key.name, Some(Value::Null)));
            let against = match (&other.kind, &other_keys) {
                (Kind::Map(values), _) => Some(values.as_ref().clone()),
                (_, Some(keys)) => keys.key(key.name).map(|k| k.node.clone()),
                _ => None,
            };
            let values = match against {
                Some(n) => self.candidates(&key.node, other_side, &n, depth + 1),
                None => self.own_candidates(&key.node, depth + 1),
            };
            out.extend(values.into_iter().map(|v| with(key.name, Some(v))));
        }
        for v in any_values() {
            out.push(with("undeclared", Some(v)));
        }
        out
    }

    /// Numbers at and around the limits of `kind` and of `other`.
    fn numbers(&self, kind: &Kind<'_>, other: Option<&Kind<'_>>) -> Vec<Value> {
        let mut points: Vec<Num> = [0, 1, -1, 2, 10, -10]
            .into_iter()
            .map(Num::I)
            .chain([0.5, -0.5, 1.5].map(Num::F))
            .collect();
        // The other side's limits first: a witness is looked for just past them.
        for k in [other, Some(kind)].into_iter().flatten() {
            match k {
                Kind::Int { lo, hi } => {
                    for x in [*lo, *hi] {
                        let x = i128::from(x);
                        points.extend([x, x - 1, x + 1].map(Num::I));
                        // Past the 64-bit range only a float can go.
                        points.push(Num::F(x as f64 * 2.0));
                    }
                }
                Kind::Float { lo, hi } => {
                    for x in [*lo, *hi] {
                        points.extend(
                            [
                                x,
                                x.next_up(),
                                x.next_down(),
                                x.floor(),
                                x.ceil(),
                                x - 1.0,
                                x + 1.0,
                            ]
                            .map(Num::F),
                        );
                        points.push(Num::F(x.floor() + 0.5));
                    }
                    points.extend(numbers::non_integer_in(*lo, *hi).map(Num::F));
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for p in points {
            let p = match p {
                Num::F(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15 => {
                    Num::I(f as i128)
                }
                p => p,
            };
            let v = numbers::to_json(p);
            if !v.is_null() && !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    /// Strings of the text set at the lengths that matter, against `other`'s limits.
    fn texts(&self, t: &Text<'_>, other: Option<&Text<'_>>) -> Vec<Value> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: String| {
            if !out.contains(&s) {
                out.push(s);
            }
        };
        for set in [Some(t), other].into_iter().flatten() {
            for v in set.values.iter().flatten() {
                push((*v).to_string());
                push(format!("{v}x"));
            }
        }
        let mut lengths: Vec<u64> = vec![0, 1, 2, 3, 5, 10, 20, 36];
        for set in [Some(t), other].into_iter().flatten() {
            lengths.extend([set.min_len, set.min_len + 1, set.min_len.saturating_sub(1)]);
            if let Some(m) = set.max_len {
                lengths.extend([m, m + 1, m.saturating_sub(1)]);
            }
        }
        let mut bases: Vec<String> = Vec::new();
        for set in [Some(t), other].into_iter().flatten() {
            if let Some(p) = set.pattern {
                bases.extend(pattern::samples(p));
            }
            bases.extend(format_samples(set.format));
        }
        for base in &bases {
            lengths.push(base.chars().count() as u64);
        }
        lengths.sort_unstable();
        lengths.dedup();
        for len in lengths.into_iter().filter(|l| *l <= MAX_LEN) {
            let len = usize::try_from(len).unwrap_or(0);
            for s in of_length(t.format, len, &bases) {
                push(s);
            }
        }
        for base in &bases {
            push(base.clone());
            push(format!("x{base}"));
            push(format!("{base}x"));
        }
        out.into_iter().map(Value::String).collect()
    }
}

/// The longest string or list `diff` builds: a longer one is no witness anybody reads.
pub(super) const MAX_LEN: u64 = 65_536;

/// Values in a sample at most: a witness is meant to be read (records that share records can
/// need a document of exponential size).
const MAX_NODES: usize = 2000;

/// The number of values in `values` and below, counted up to `cap`.
fn size<'v>(values: impl Iterator<Item = &'v Value>, cap: usize) -> usize {
    let mut n = 0;
    for v in values {
        n += 1 + match v {
            Value::Array(items) => size(items.iter(), cap),
            Value::Object(map) => size(map.values(), cap),
            _ => 0,
        };
        if n >= cap {
            return cap;
        }
    }
    n
}

/// One value of every JSON type.
fn any_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(0),
        json!(""),
        json!(true),
        json!(1.5),
        json!("a"),
        json!([]),
        json!({}),
    ]
}

/// Typical values of a format.
fn format_samples(format: Format) -> Vec<String> {
    let list: &[&str] = match format {
        Format::Plain => &[],
        Format::Uuid => &[
            "123e4567-e89b-12d3-a456-426614174000",
            "00000000-0000-0000-0000-000000000000",
        ],
        Format::Date => &["2024-01-01", "1999-12-31"],
        Format::DateTime => &["2024-01-01T00:00:00Z", "2024-01-01T00:00:00+01:00"],
        Format::Email => &["a@example.com", "a@b.co"],
    };
    list.iter().map(|s| (*s).to_string()).collect()
}

/// Strings of exactly `len` scalar values that may have the format (checked by the caller):
/// plain text of several characters, format values padded to the length, and `bases`
/// (pattern samples) padded.
fn of_length(format: Format, len: usize, bases: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    match format {
        Format::Plain => {
            let chars: &[char] = if len > 64 {
                &['a', 'b']
            } else {
                &['a', 'b', '0', 'A', '-', ' ', '~', 'é', '\n']
            };
            for ch in chars {
                out.push(ch.to_string().repeat(len));
            }
        }
        Format::DateTime if len >= 22 => {
            out.push(format!("2024-01-01T00:00:00.{}Z", "0".repeat(len - 21)));
        }
        Format::Email if len >= 5 => {
            for domain in ["@example.com", "@b.co", "@b.c"] {
                let local = len.saturating_sub(domain.len());
                if (1..=64).contains(&local) {
                    out.push(format!("{}{domain}", "a".repeat(local)));
                }
            }
            if len > 66 {
                // A long domain of 63-letter labels.
                let mut domain = String::new();
                let mut rest = len - 2;
                while rest > 0 {
                    let label = rest.min(63);
                    domain.push_str(&"b".repeat(label));
                    rest -= label;
                    if rest > 0 {
                        domain.push('.');
                        rest -= 1;
                        if rest == 0 {
                            domain.push('b');
                        }
                    }
                }
                out.push(format!("a@{domain}"));
            }
        }
        _ => {}
    }
    for base in bases {
        let n = base.chars().count();
        if n < len {
            let pad = "a".repeat(len - n);
            out.push(format!("{base}{pad}"));
            out.push(format!("{pad}{base}"));
            if let Some(last) = base.chars().last() {
                out.push(format!("{base}{}", last.to_string().repeat(len - n)));
            }
        }
    }
    out
}
