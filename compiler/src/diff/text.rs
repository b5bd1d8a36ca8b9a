//! Strings: enum values, lengths and patterns of two string sets of the same type, and
//! whether one string type's values are all another's (`uuid` → `string`: yes).

use super::Evidence;
use super::compare::Written;
use super::constraints;
use super::messages::Differ;
use super::pattern;
use super::values::{Format, Node, Side, Text};
use super::witness::{At, Leaf};
use crate::diag::Code;
use crate::model::{Body, Pattern, Type, TypeSpec};
use crate::source::Pos;
use contractc_runtime::check::len_chars;
use serde_json::Value;

/// The lengths a format's strings can have, as far as the format alone decides.
fn format_lengths(f: Format) -> (u64, Option<u64>) {
    f.rule().map_or((0, None), crate::model::Format::lengths)
}

/// The shortest and longest string a set can hold, from its lengths and format.
fn lengths(t: &Text<'_>) -> (u64, Option<u64>) {
    let (fmin, fmax) = format_lengths(t.format);
    let max = match (t.max_len, fmax) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (t.min_len.max(fmin), max)
}

/// A pattern that restricts something: not absent, not one that matches every string.
fn restricting(p: Option<&Pattern>) -> Option<&Pattern> {
    p.filter(|p| !pattern::universal(p))
}

fn len(v: &Value) -> Option<u64> {
    v.as_str().map(|s| len_chars(s) as u64)
}

impl<'a> Differ<'a> {
    /// Two string sets of the same type, constraint by constraint.
    pub fn text(
        &mut self,
        at: &At,
        o: &Node<'a>,
        n: &Node<'a>,
        (a, b): (&Text<'a>, &Text<'a>),
        w: &Written<'a>,
    ) {
        if let (Some(va), Some(vb)) = (&a.values, &b.values) {
            self.enum_values(at, (va, vb), w);
            return;
        }
        let ((amin, amax), (bmin, bmax)) = (lengths(a), lengths(b));
        let guessed = |t: &Text<'_>| {
            if restricting(t.pattern).is_some() {
                "a pattern may not allow such lengths"
            } else {
                "no value was found to show it"
            }
        };
        for (key, lower) in [("min_length", true), ("max_length", false)] {
            let beyond = |x: (u64, Option<u64>), y: (u64, Option<u64>)| {
                if lower {
                    x.0 < y.0
                } else {
                    match (x.1, y.1) {
                        (None, Some(_)) => true,
                        (Some(p), Some(q)) => p > q,
                        _ => false,
                    }
                }
            };
            let violates = |limit: (u64, Option<u64>)| {
                move |v: &Value| {
                    len(v).is_some_and(|l| {
                        if lower {
                            l < limit.0
                        } else {
                            limit.1.is_some_and(|m| l > m)
                        }
                    })
                }
            };
            let side = |d: &Self, backward: bool, from: &Text<'_>, limit| {
                let found = d.find(backward, o, n, violates(limit));
                match found {
                    Some(v) => d.evidence(at, backward, Leaf::Set(v)),
                    None => Evidence::Undecided(guessed(from).into()),
                }
            };
            let backward =
                beyond((amin, amax), (bmin, bmax)).then(|| side(self, true, a, (bmin, bmax)));
            let forward =
                beyond((bmin, bmax), (amin, amax)).then(|| side(self, false, b, (amin, amax)));
            if backward.is_some() || forward.is_some() {
                let pick = |l: (u64, Option<u64>)| if lower { Some(l.0) } else { l.1 };
                let (what, pos) = constraints::count_change(
                    key,
                    w,
                    pick((a.min_len, a.max_len)),
                    pick((b.min_len, b.max_len)),
                );
                let code = if backward.is_some() {
                    Code::ConstraintTightened
                } else {
                    Code::ConstraintLoosened
                };
                self.push(code, at, pos, what, backward, forward);
            }
        }
        self.patterns(at, o, n, (a, b), w);
    }

    fn patterns(
        &mut self,
        at: &At,
        o: &Node<'_>,
        n: &Node<'_>,
        (a, b): (&Text<'_>, &Text<'_>),
        w: &Written<'_>,
    ) {
        let (pa, pb) = (a.pattern, b.pattern);
        if matches!((pa, pb), (Some(x), Some(y)) if pattern::same(x, y)) {
            return;
        }
        let direction = |d: &Self, backward: bool| {
            let (from, to) = if backward { (pa, pb) } else { (pb, pa) };
            let to = restricting(to)?;
            let side = if backward { &d.sides.new } else { &d.sides.old };
            let found = d.find(backward, o, n, |v| {
                v.as_str().is_some_and(|s| !side.is_match(to, s))
            });
            Some(match (found, from) {
                (Some(v), _) => d.evidence(at, backward, Leaf::Set(v)),
                (None, Some(from)) => Evidence::Undecided(format!(
                    "contractc cannot tell whether every string matching `{}` matches `{}`",
                    from.source, to.source
                )),
                (None, None) => Evidence::Undecided(format!(
                    "no string was found that `{}` does not match",
                    to.source
                )),
            })
        };
        let (backward, forward) = (direction(self, true), direction(self, false));
        let code = match (&backward, &forward) {
            (Some(_), Some(_)) => Code::PatternChanged,
            (Some(_), None) => Code::ConstraintTightened,
            (None, Some(_)) => Code::ConstraintLoosened,
            (None, None) => return,
        };
        let (what, pos) = constraints::pattern_change(w, pa, pb);
        self.push(code, at, pos, what, backward, forward);
    }

    /// Values added to (breaks forward) or removed from (breaks backward) an enum.
    fn enum_values(&mut self, at: &At, (old, new): (&Vec<&str>, &Vec<&str>), w: &Written<'_>) {
        let named = (w.old.map(|s| &s.ty), w.new.map(|s| &s.ty));
        if let (Some(Type::Ref(a)), Some(Type::Ref(b))) = named
            && !self.seen.insert((a.clone(), b.clone()))
        {
            return;
        }
        let of = match w.new.map(|s| &s.ty) {
            Some(Type::Ref(name)) => format!(" of `{name}`"),
            _ => String::new(),
        };
        for value in new.iter().filter(|v| !old.contains(v)) {
            let what = format!("enum value `{value}`{of} added: readers on OLD reject it");
            let pos = value_pos(&self.sides.new, w.new, value).unwrap_or(w.sites.new);
            let e = self.evidence(at, false, Leaf::Set(Value::from(*value)));
            self.push(Code::EnumValueAdded, at, pos, what, None, Some(e));
        }
        for value in old.iter().filter(|v| !new.contains(v)) {
            let what =
                format!("enum value `{value}`{of} removed: data written under OLD may hold it");
            let pos = value_pos(&self.sides.old, w.old, value).unwrap_or(w.sites.old);
            let e = self.evidence(at, true, Leaf::Set(Value::from(*value)));
            self.push(Code::EnumValueRemoved, at, pos, what, Some(e), None);
        }
    }

    /// Whether every value of `x` is a value of `y`, for two string types that differ in
    /// format or in being an enum: `None` when only a witness search can tell (a pattern).
    pub fn text_included(&self, x: &Text<'_>, y: &Text<'_>) -> Option<bool> {
        let side = &self.sides.old;
        if let Some(values) = &x.values {
            return Some(values.iter().all(|v| side.text_accepts(y, v)));
        }
        let open = restricting(x.pattern).is_some() || x.max_len == Some(0);
        if y.values.is_some() || (y.format != Format::Plain && y.format != x.format) {
            return if open { None } else { Some(false) };
        }
        if restricting(y.pattern).is_some()
            && !matches!((x.pattern, y.pattern), (Some(p), Some(q)) if pattern::same(p, q))
        {
            return None;
        }
        let ((xmin, xmax), (ymin, ymax)) = (lengths(x), (y.min_len, y.max_len));
        let fits = xmin >= ymin
            && match (xmax, ymax) {
                (_, None) => true,
                (Some(a), Some(b)) => a <= b,
                (None, Some(_)) => false,
            };
        match (fits, open) {
            (true, _) => Some(true),
            (false, true) => None,
            (false, false) => Some(false),
        }
    }
}

/// Where an enum value is written, for a named enum.
fn value_pos(side: &Side<'_>, spec: Option<&TypeSpec>, value: &str) -> Option<Pos> {
    let Some(Type::Ref(name)) = spec.map(|s| &s.ty) else {
        return None;
    };
    match &side.catalog.get(name)?.body {
        Body::Enum(values) => values.iter().find(|v| v.value == value).map(|v| v.pos),
        Body::Struct(_) => None,
    }
}
