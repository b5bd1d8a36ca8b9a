//! Two nodes of the same place compared as sets of values: a change of type by the whole
//! sets, the same type constraint by constraint (each direction a constraint of one side
//! rejects some value of the other), maps value by value; lists are in `lists.rs`.

use super::Evidence;
use super::constraints::{self, Sites};
use super::messages::Differ;
use super::numbers::{self, Num};
use super::values::{Kind, Node, Side};
use super::witness::{At, Leaf, Step};
use crate::diag::Code;
use crate::model::{Catalog, Type, TypeSpec};
use crate::source::Pos;
use serde_json::Value;

/// What was written for a node, for wording and positions.
#[derive(Debug, Clone, Copy)]
pub(super) struct Written<'a> {
    /// The type in OLD, when the node has one written.
    pub old: Option<&'a TypeSpec>,
    /// The type in NEW.
    pub new: Option<&'a TypeSpec>,
    /// Where the node sits on each side.
    pub sites: Sites,
    /// The identity field whose limits come from `contractc.yaml`, for `user_id`/`org_id`.
    pub config: Option<&'static str>,
}

impl<'a> Written<'a> {
    /// A field's types.
    pub fn field(old: &'a TypeSpec, new: &'a TypeSpec, sites: Sites) -> Self {
        Written {
            old: Some(old),
            new: Some(new),
            sites,
            config: None,
        }
    }

    /// An identity field, whose limits are the project config's.
    pub fn config(name: &'static str, pos: Pos) -> Self {
        Written {
            old: None,
            new: None,
            sites: Sites { old: pos, new: pos },
            config: Some(name),
        }
    }

    /// The element type of a list or map.
    pub fn inner(&self) -> Self {
        let inner = |s: Option<&'a TypeSpec>| match s.map(|s| &s.ty) {
            Some(Type::List(t) | Type::Map(t)) => Some(&**t),
            _ => None,
        };
        Written {
            old: inner(self.old),
            new: inner(self.new),
            ..*self
        }
    }
}

/// Whether a value set includes another, as far as can be told.
enum Found {
    /// Every value of the one is a value of the other.
    Included,
    /// A value of the one that the other rejects.
    Witness(Value),
    /// No value was found, and inclusion is not proven (why).
    Unknown(&'static str),
}

/// Whether two kinds are the same type, to be compared constraint by constraint.
fn same_type(o: &Kind<'_>, n: &Kind<'_>) -> bool {
    match (o, n) {
        (Kind::Text(a), Kind::Text(b)) => {
            a.format == b.format && a.values.is_some() == b.values.is_some()
        }
        _ => std::mem::discriminant(o) == std::mem::discriminant(n),
    }
}

/// The JSON type of a kind's values; `None` for `json`.
fn json_type(k: &Kind<'_>) -> Option<u8> {
    Some(match k {
        Kind::Any => return None,
        Kind::Bool => 0,
        Kind::Int { .. } | Kind::Float { .. } => 1,
        Kind::Text(_) => 2,
        Kind::List(_) => 3,
        Kind::Map(_) | Kind::Record(_) => 4,
    })
}

pub(super) fn accepts_null(n: &Node<'_>) -> bool {
    n.nullable || n.kind == Kind::Any
}

impl<'a> Differ<'a> {
    /// Compares two nodes at `at`.
    pub fn node(&mut self, at: &At, o: &Node<'a>, n: &Node<'a>, w: &Written<'a>) {
        if !same_type(&o.kind, &n.kind) {
            self.type_changed(at, o, n, w);
            return;
        }
        self.nullability(at, o, n, w);
        match (&o.kind, &n.kind) {
            (Kind::Int { lo: a, hi: b }, Kind::Int { lo: c, hi: d }) => {
                let num = |x: &i64| Num::I(i128::from(*x));
                self.bounds(at, o, n, w, [num(a), num(b)], [num(c), num(d)]);
            }
            (Kind::Float { lo: a, hi: b }, Kind::Float { lo: c, hi: d }) => {
                let num = |x: &f64| Num::F(*x);
                self.bounds(at, o, n, w, [num(a), num(b)], [num(c), num(d)]);
            }
            (Kind::Text(a), Kind::Text(b)) => self.text(at, o, n, (a, b), w),
            (Kind::List(a), Kind::List(b)) => self.list(at, (a, b), w),
            (Kind::Map(a), Kind::Map(b)) => self.node(&at.value(), a, b, &w.inner()),
            (Kind::Record(a), Kind::Record(b)) => self.record(at, a, b),
            _ => {}
        }
    }

    /// A value of the side's node (`backward`: OLD's) that `violates` marks as rejected by
    /// the other side, from the candidates both sides' limits suggest.
    pub fn find(
        &self,
        backward: bool,
        o: &Node<'_>,
        n: &Node<'_>,
        violates: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        let (from, node, to, other) = if backward {
            (&self.sides.old, o, &self.sides.new, n)
        } else {
            (&self.sides.new, n, &self.sides.old, o)
        };
        from.candidates(node, to, other, 0)
            .into_iter()
            .find(|c| from.accepts(node, c, 0) && violates(c))
    }

    /// The evidence for a direction from a value found (or not) at `at`.
    pub fn shown(&self, at: &At, backward: bool, found: Option<Value>) -> Evidence {
        match found {
            Some(v) => self.evidence(at, backward, Leaf::Set(v)),
            None => Evidence::Undecided("no value was found to show it".into()),
        }
    }

    fn nullability(&mut self, at: &At, o: &Node<'_>, n: &Node<'_>, w: &Written<'_>) {
        // A key's `null` goes with its optionality, judged with the key.
        if matches!(at.steps.last(), Some(Step::Key(_))) {
            return;
        }
        let (on, nn) = (accepts_null(o), accepts_null(n));
        let (code, backward, what) = match (on, nn) {
            (false, true) => (
                Code::ItemsMadeNullable,
                false,
                "elements may now be null: readers on OLD reject null",
            ),
            (true, false) => (
                Code::ItemsMadeNonNull,
                true,
                "elements may no longer be null: data written under OLD may hold null",
            ),
            _ => return,
        };
        let e = Some(self.evidence(at, backward, Leaf::Set(Value::Null)));
        let (b, f) = if backward { (e, None) } else { (None, e) };
        self.push(code, at, w.sites.new, what.to_string(), b, f);
    }

    /// A change of type, judged on the whole sets of values (`null` included).
    fn type_changed(&mut self, at: &At, o: &Node<'_>, n: &Node<'_>, w: &Written<'_>) {
        let direction = |d: &Self, backward: bool| {
            let (a, b) = if backward { (o, n) } else { (n, o) };
            let found = match d.difference(backward, o, n) {
                Found::Included if accepts_null(a) && !accepts_null(b) => {
                    Found::Witness(Value::Null)
                }
                f => f,
            };
            match found {
                Found::Included => None,
                Found::Witness(v) => Some(d.evidence(at, backward, Leaf::Set(v))),
                Found::Unknown(why) => Some(Evidence::Undecided(why.to_string())),
            }
        };
        let (backward, forward) = (direction(self, true), direction(self, false));
        let (old, new) = (
            self.describe(&self.sides.old, w.old, o),
            self.describe(&self.sides.new, w.new, n),
        );
        let (code, what) = match (backward.is_some(), forward.is_some()) {
            (true, true) => (
                Code::TypeChanged,
                format!("type changed from {old} to {new}"),
            ),
            (false, true) => (
                Code::TypeWidened,
                format!(
                    "type widened from {old} to {new}: NEW accepts every value OLD accepts, and more"
                ),
            ),
            (true, false) => (
                Code::TypeNarrowed,
                format!(
                    "type narrowed from {old} to {new}: OLD accepts every value NEW accepts, and more"
                ),
            ),
            (false, false) => return,
        };
        self.push(code, at, w.sites.new, what, backward, forward);
    }

    /// A value of one side's node (non-null) outside the other's, or why none was found.
    fn difference(&self, backward: bool, o: &Node<'_>, n: &Node<'_>) -> Found {
        let (from, a, b) = if backward {
            (&self.sides.old, o, n)
        } else {
            (&self.sides.new, n, o)
        };
        let to = if backward {
            &self.sides.new
        } else {
            &self.sides.old
        };
        if b.kind == Kind::Any {
            return Found::Included;
        }
        let proven = match (json_type(&a.kind), json_type(&b.kind)) {
            (Some(x), Some(y)) if x != y => {
                return from.sample(a, 0).map_or(
                    Found::Unknown("no value of the type was found"),
                    Found::Witness,
                );
            }
            _ => self.included(a, b),
        };
        if proven == Some(true) {
            return Found::Included;
        }
        let found = self.find(backward, o, n, |v| !v.is_null() && !to.accepts(b, v, 0));
        match (found, proven) {
            (Some(v), _) => Found::Witness(v),
            // Objects: every key was tried with every candidate of its type.
            (None, None) if matches!(a.kind, Kind::Record(_) | Kind::Map(_)) => Found::Included,
            (None, None) => Found::Unknown("contractc cannot decide it for a pattern"),
            (None, _) => Found::Unknown("no value was found to show it"),
        }
    }

    /// Whether every non-null value of `a` is one of `b`'s, where it can be told without a
    /// witness: `Some(false)` proven not, `None` open (a pattern, an object).
    fn included(&self, a: &Node<'_>, b: &Node<'_>) -> Option<bool> {
        match (&a.kind, &b.kind) {
            (_, Kind::Any) => Some(true),
            (Kind::Any, _) => Some(false),
            (Kind::Int { .. } | Kind::Float { .. }, Kind::Int { .. } | Kind::Float { .. }) => {
                Some(numbers_included(&a.kind, &b.kind))
            }
            (Kind::Text(x), Kind::Text(y)) => self.text_included(x, y),
            _ => None,
        }
    }

    /// Bounds of two numbers of the same type: raising the lower or lowering the upper breaks
    /// backward, the reverse forward.
    fn bounds(
        &mut self,
        at: &At,
        o: &Node<'_>,
        n: &Node<'_>,
        w: &Written<'_>,
        a: [Num; 2],
        b: [Num; 2],
    ) {
        for (i, lower) in [(0, true), (1, false)] {
            // `Less` when the first admits values beyond the second's limit.
            let beyond = |x: Num, y: Num| {
                let c = numbers::cmp(x, y);
                if lower { c.is_lt() } else { c.is_gt() }
            };
            let violates =
                |limit: Num| move |v: &Value| numbers::of(v).is_some_and(|x| beyond(x, limit));
            let backward = beyond(a[i], b[i])
                .then(|| self.shown(at, true, self.find(true, o, n, violates(b[i]))));
            let forward = beyond(b[i], a[i])
                .then(|| self.shown(at, false, self.find(false, o, n, violates(a[i]))));
            if backward.is_none() && forward.is_none() {
                continue;
            }
            let (what, pos) = constraints::bound_change(lower, w, a[i], b[i]);
            let code = if backward.is_some() {
                Code::ConstraintTightened
            } else {
                Code::ConstraintLoosened
            };
            self.push(code, at, pos, what, backward, forward);
        }
    }

    /// `` `int` ``, `` record `Essay` ``, `` enum `Course` ``, from the written type when known.
    fn describe(&self, side: &Side<'_>, spec: Option<&TypeSpec>, node: &Node<'_>) -> String {
        match spec {
            Some(spec) => describe_type(side.catalog, &spec.ty),
            None => match &node.kind {
                Kind::Text(t) => format!("`{}`", t.format.name()),
                _ => "its type".to_string(),
            },
        }
    }
}

/// The smallest and largest number of a numeric kind.
fn range(k: &Kind<'_>) -> [Num; 2] {
    match k {
        Kind::Float { lo, hi } => [Num::F(*lo), Num::F(*hi)],
        Kind::Int { lo, hi } => [Num::I(i128::from(*lo)), Num::I(i128::from(*hi))],
        _ => [Num::I(0), Num::I(-1)],
    }
}

/// Whether every number of `a` is a number of `b`.
fn numbers_included(a: &Kind<'_>, b: &Kind<'_>) -> bool {
    let ([lo, hi], [b_lo, b_hi]) = (range(a), range(b));
    let fractions = match a {
        Kind::Float { lo, hi } => numbers::non_integer_in(*lo, *hi).is_some(),
        _ => false,
    };
    let integers_only = matches!(b, Kind::Int { .. });
    numbers::cmp(lo, b_lo).is_ge()
        && numbers::cmp(hi, b_hi).is_le()
        && !(integers_only && fractions)
}

/// `` `int` ``, `` record `Essay` ``, `` enum `Course` ``.
pub(super) fn describe_type(catalog: &Catalog, ty: &Type) -> String {
    match ty {
        Type::Ref(name) => match catalog.get(name).map(|d| &d.body) {
            Some(crate::model::Body::Enum(_)) => format!("enum `{name}`"),
            _ => format!("record `{name}`"),
        },
        Type::InlineEnum(_) => format!("inline `{}`", ty.display()),
        _ => format!("`{}`", ty.display()),
    }
}
