//! Constraint changes: a stricter constraint breaks backward, a looser one breaks forward, a
//! different `pattern` breaks both.

use super::Impact;
use super::fields::Sites;
use super::messages::Differ;
use crate::diag::Code;
use crate::model::{Bound, Constraints, Pattern};
use crate::source::{Pos, Spanned};
use std::cmp::Ordering;

/// Which end of a range a limit closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// `min...`: raising it tightens.
    Lower,
    /// `max...`: lowering it tightens.
    Upper,
}

/// A numeric bound in effect: value, exclusive or not, and where it was written.
#[derive(Debug, Clone, Copy)]
struct Edge {
    value: Bound,
    exclusive: bool,
    pos: Pos,
}

impl Differ<'_> {
    /// Every constraint of two types that agree.
    pub fn constraints(&mut self, path: &str, o: &Constraints, n: &Constraints, sites: Sites) {
        let counts = [
            ("min_length", Side::Lower, &o.min_length, &n.min_length),
            ("max_length", Side::Upper, &o.max_length, &n.max_length),
            ("min_items", Side::Lower, &o.min_items, &n.min_items),
            ("max_items", Side::Upper, &o.max_items, &n.max_items),
        ];
        for (key, side, old, new) in counts {
            self.count(path, key, side, old.as_ref(), new.as_ref(), sites);
        }
        self.unique(path, o.unique.as_ref(), n.unique.as_ref(), sites);
        self.pattern(path, o.pattern.as_ref(), n.pattern.as_ref());
        self.bound(path, Side::Lower, lower(o), lower(n), sites);
        self.bound(path, Side::Upper, upper(o), upper(n), sites);
    }

    /// Pushes a tightened (`Greater`) or loosened (`Less`) constraint.
    fn judged(&mut self, path: &str, tighter: Ordering, pos: Pos, what: String) {
        let (code, impact) = match tighter {
            Ordering::Greater => (Code::ConstraintTightened, Impact::Backward),
            Ordering::Less => (Code::ConstraintLoosened, Impact::Forward),
            Ordering::Equal => return,
        };
        self.push(code, impact, path, pos, what);
    }

    fn count(
        &mut self,
        path: &str,
        key: &str,
        side: Side,
        o: Option<&Spanned<u64>>,
        n: Option<&Spanned<u64>>,
        sites: Sites,
    ) {
        // An absent minimum is 0; an absent maximum is no limit at all.
        let value = |c: Option<&Spanned<u64>>| match side {
            Side::Lower => Some(c.map_or(0, |c| c.value)),
            Side::Upper => c.map(|c| c.value),
        };
        let (ov, nv) = (value(o), value(n));
        let tighter = match (ov, nv) {
            (Some(a), Some(b)) if side == Side::Lower => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
        };
        let what = match (o, n) {
            (Some(a), Some(b)) => {
                let verb = if b.value > a.value {
                    "raised"
                } else {
                    "lowered"
                };
                format!("`{key}` {verb} from {} to {}", a.value, b.value)
            }
            (None, Some(b)) => format!("`{key}: {}` added", b.value),
            (Some(a), None) => format!("`{key}: {}` removed", a.value),
            (None, None) => return,
        };
        let pos = n.or(o).map_or(sites.new, |c| c.pos);
        self.judged(path, tighter, pos, what);
    }

    fn unique(
        &mut self,
        path: &str,
        o: Option<&Spanned<bool>>,
        n: Option<&Spanned<bool>>,
        sites: Sites,
    ) {
        let (ou, nu) = (o.is_some_and(|u| u.value), n.is_some_and(|u| u.value));
        let pos = n.or(o).map_or(sites.new, |u| u.pos);
        let what = format!("`unique` changed from {ou} to {nu}");
        self.judged(path, nu.cmp(&ou), pos, what);
    }

    fn pattern(&mut self, path: &str, o: Option<&Spanned<Pattern>>, n: Option<&Spanned<Pattern>>) {
        match (o, n) {
            (Some(a), Some(b)) if a.value.source != b.value.source => {
                let what = format!(
                    "`pattern` changed from `{}` to `{}`",
                    a.value.source, b.value.source
                );
                self.push(Code::PatternChanged, Impact::Both, path, b.pos, what);
            }
            (None, Some(b)) => {
                let what = format!("`pattern: {}` added", b.value.source);
                self.judged(path, Ordering::Greater, b.pos, what);
            }
            (Some(a), None) => {
                let what = format!("`pattern: {}` removed", a.value.source);
                self.judged(path, Ordering::Less, a.pos, what);
            }
            _ => {}
        }
    }

    fn bound(&mut self, path: &str, side: Side, o: Option<Edge>, n: Option<Edge>, sites: Sites) {
        let tighter = compare_edges(side, n.as_ref(), o.as_ref());
        let name = match side {
            Side::Lower => "lower bound",
            Side::Upper => "upper bound",
        };
        let what = match (o, n) {
            (Some(a), Some(b)) => {
                let verb = if tighter == Ordering::Greater {
                    "tightened"
                } else {
                    "loosened"
                };
                format!(
                    "{name} {verb} from `{}` to `{}`",
                    show(side, a),
                    show(side, b)
                )
            }
            (None, Some(b)) => format!("{name} `{}` added", show(side, b)),
            (Some(a), None) => format!("{name} `{}` removed", show(side, a)),
            (None, None) => return,
        };
        let pos = n.or(o).map_or(sites.new, |e| e.pos);
        self.judged(path, tighter, pos, what);
    }
}

/// The lower bound in effect: the stricter of `min` and `exclusive_min`.
fn lower(c: &Constraints) -> Option<Edge> {
    strictest(Side::Lower, c.min.as_ref(), c.exclusive_min.as_ref())
}

/// The upper bound in effect: the stricter of `max` and `exclusive_max`.
fn upper(c: &Constraints) -> Option<Edge> {
    strictest(Side::Upper, c.max.as_ref(), c.exclusive_max.as_ref())
}

fn strictest(
    side: Side,
    inclusive: Option<&Spanned<Bound>>,
    exclusive: Option<&Spanned<Bound>>,
) -> Option<Edge> {
    let edge = |b: &Spanned<Bound>, exclusive| Edge {
        value: b.value,
        exclusive,
        pos: b.pos,
    };
    let a = inclusive.map(|b| edge(b, false));
    let b = exclusive.map(|b| edge(b, true));
    match compare_edges(side, a.as_ref(), b.as_ref()) {
        Ordering::Greater => a,
        _ => b.or(a),
    }
}

/// `Greater` when `a` admits fewer values than `b`; no bound admits the most.
fn compare_edges(side: Side, a: Option<&Edge>, b: Option<&Edge>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(a), Some(b)) => {
            let by_value = compare_bounds(a.value, b.value);
            let by_value = match side {
                Side::Lower => by_value,
                Side::Upper => by_value.reverse(),
            };
            by_value.then(a.exclusive.cmp(&b.exclusive))
        }
    }
}

fn compare_bounds(a: Bound, b: Bound) -> Ordering {
    match (a, b) {
        (Bound::Int(a), Bound::Int(b)) => a.cmp(&b),
        // Bounds are finite; `-0.0` equals `0.0`.
        _ => a
            .as_f64()
            .partial_cmp(&b.as_f64())
            .unwrap_or(Ordering::Equal),
    }
}

/// `>= 1`, `> 0.5`, `<= 10`.
fn show(side: Side, e: Edge) -> String {
    let op = match (side, e.exclusive) {
        (Side::Lower, false) => ">=",
        (Side::Lower, true) => ">",
        (Side::Upper, false) => "<=",
        (Side::Upper, true) => "<",
    };
    format!("{op} {}", e.value.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn edge(value: Bound, exclusive: bool) -> Edge {
        Edge {
            value,
            exclusive,
            pos: Pos::file_start(FileId(0)),
        }
    }

    #[test]
    fn an_exclusive_bound_is_stricter_at_the_same_value() {
        let (incl, excl) = (edge(Bound::Int(0), false), edge(Bound::Float(0.0), true));
        assert_eq!(
            compare_edges(Side::Lower, Some(&excl), Some(&incl)),
            Ordering::Greater
        );
        assert_eq!(
            compare_edges(Side::Upper, Some(&excl), Some(&incl)),
            Ordering::Greater
        );
        assert_eq!(
            compare_edges(Side::Lower, None, Some(&incl)),
            Ordering::Less
        );
    }

    #[test]
    fn bounds_compare_by_value_and_side() {
        let (one, two) = (edge(Bound::Int(1), false), edge(Bound::Float(2.0), false));
        assert_eq!(
            compare_edges(Side::Lower, Some(&two), Some(&one)),
            Ordering::Greater
        );
        assert_eq!(
            compare_edges(Side::Upper, Some(&two), Some(&one)),
            Ordering::Less
        );
        // Integers compare exactly, even where f64 cannot tell them apart.
        assert_eq!(
            compare_bounds(Bound::Int(i64::MAX), Bound::Int(i64::MAX - 1)),
            Ordering::Greater
        );
        assert_eq!(
            compare_bounds(Bound::Float(-0.0), Bound::Int(0)),
            Ordering::Equal
        );
    }

    #[test]
    fn shown_bounds_read_like_comparisons() {
        assert_eq!(show(Side::Lower, edge(Bound::Int(1), false)), ">= 1");
        assert_eq!(show(Side::Upper, edge(Bound::Float(0.5), true)), "< 0.5");
    }
}
