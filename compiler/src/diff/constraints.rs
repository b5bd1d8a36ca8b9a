//! How a constraint change reads, and where it points: the constraints as written when there
//! are any, else the limits in effect. The verdicts are the value sets' (`compare.rs`).

use super::compare::Written;
use super::numbers::{self, Num};
use crate::model::{Bound, Constraints, Pattern};
use crate::source::{Pos, Spanned};
use std::cmp::Ordering;

/// Where a compared node sits in OLD and in NEW (the field's name when nothing finer is known).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sites {
    /// Position in OLD.
    pub old: Pos,
    /// Position in NEW.
    pub new: Pos,
}

fn written<'a>(w: &Written<'a>) -> (Option<&'a Constraints>, Option<&'a Constraints>) {
    (w.old.map(|s| &s.constraints), w.new.map(|s| &s.constraints))
}

/// The position of a constraint: as written in NEW, else in OLD (removed), else the node's.
fn at<T>(w: &Written<'_>, o: Option<&Spanned<T>>, n: Option<&Spanned<T>>) -> Pos {
    n.map(|s| s.pos).or(o.map(|s| s.pos)).unwrap_or(w.sites.new)
}

/// A count (`min_length`, `max_items`, ...) that changed: `key` is also its name in the
/// constraints, `lower` whether it is a minimum; `a` and `b` are the limits in effect.
pub(super) fn count_change<'a>(
    key: &str,
    w: &Written<'a>,
    a: Option<u64>,
    b: Option<u64>,
) -> (String, Pos) {
    let pick = |c: Option<&'a Constraints>| {
        c.and_then(|c| match key {
            "min_length" => c.min_length.as_ref(),
            "max_length" => c.max_length.as_ref(),
            "min_items" => c.min_items.as_ref(),
            _ => c.max_items.as_ref(),
        })
    };
    let (oc, nc) = written(w);
    let (o, n) = (pick(oc), pick(nc));
    let pos = at(w, o, n);
    let what = match (o.map(|s| s.value), n.map(|s| s.value)) {
        (Some(x), Some(y)) if x != y => changed(key, x, y),
        (None, Some(y)) => format!("`{key}: {y}` added"),
        (Some(x), None) => format!("`{key}: {x}` removed"),
        _ => match (a, b) {
            (Some(x), Some(y)) => changed(key, x, y),
            (None, Some(y)) => format!("`{key}: {y}` in effect"),
            (Some(x), None) => format!("`{key}: {x}` no longer in effect"),
            (None, None) => format!("`{key}` changed"),
        },
    };
    match w.config {
        Some(field) => (
            format!("{what} (contractc.yaml `identity.{field}.{key}`)"),
            pos,
        ),
        None => (what, pos),
    }
}

fn changed(key: &str, x: u64, y: u64) -> String {
    let verb = if y > x { "raised" } else { "lowered" };
    format!("`{key}` {verb} from {x} to {y}")
}

/// `unique` turned on or off.
pub(super) fn unique_change<'a>(w: &Written<'a>, a: bool, b: bool) -> (String, Pos) {
    let (oc, nc) = written(w);
    let pick = |c: Option<&'a Constraints>| c.and_then(|c| c.unique.as_ref());
    (
        format!("`unique` changed from {a} to {b}"),
        at(w, pick(oc), pick(nc)),
    )
}

/// A pattern added, removed or replaced.
pub(super) fn pattern_change<'a>(
    w: &Written<'a>,
    a: Option<&Pattern>,
    b: Option<&Pattern>,
) -> (String, Pos) {
    let (oc, nc) = written(w);
    let pick = |c: Option<&'a Constraints>| c.and_then(|c| c.pattern.as_ref());
    let pos = at(w, pick(oc), pick(nc));
    let what = match (a, b) {
        (Some(a), Some(b)) => format!("`pattern` changed from `{}` to `{}`", a.source, b.source),
        (None, Some(b)) => format!("`pattern: {}` added", b.source),
        (Some(a), None) => format!("`pattern: {}` removed", a.source),
        (None, None) => "`pattern` changed".to_string(),
    };
    (what, pos)
}

/// A numeric bound in effect as written: value, exclusive or not, and where.
#[derive(Debug, Clone, Copy)]
struct Edge {
    value: Bound,
    exclusive: bool,
    pos: Pos,
}

/// A lower (`lower`) or upper bound that changed; `a` and `b` are the bounds in effect.
pub(super) fn bound_change(lower: bool, w: &Written<'_>, a: Num, b: Num) -> (String, Pos) {
    let name = if lower { "lower bound" } else { "upper bound" };
    let (oc, nc) = written(w);
    let edge = |c: Option<&Constraints>| c.and_then(|c| strictest(lower, c));
    let (o, n) = (edge(oc), edge(nc));
    let tighter = if lower {
        numbers::cmp(b, a)
    } else {
        numbers::cmp(a, b)
    };
    let verb = if tighter == Ordering::Greater {
        "tightened"
    } else {
        "loosened"
    };
    let pos = n.or(o).map_or(w.sites.new, |e| e.pos);
    let what = match (o, n) {
        (Some(x), Some(y)) => format!(
            "{name} {verb} from `{}` to `{}`",
            show(lower, x),
            show(lower, y)
        ),
        (None, Some(y)) => format!("{name} `{}` added", show(lower, y)),
        (Some(x), None) => format!("{name} `{}` removed", show(lower, x)),
        (None, None) => format!(
            "{name} {verb} from `{}` to `{}`",
            show_num(lower, a),
            show_num(lower, b)
        ),
    };
    (what, pos)
}

/// The stricter of the inclusive and exclusive bound written on one end.
fn strictest(lower: bool, c: &Constraints) -> Option<Edge> {
    let (inclusive, exclusive) = if lower {
        (c.min.as_ref(), c.exclusive_min.as_ref())
    } else {
        (c.max.as_ref(), c.exclusive_max.as_ref())
    };
    let edge = |b: &Spanned<Bound>, exclusive| Edge {
        value: b.value,
        exclusive,
        pos: b.pos,
    };
    match (
        inclusive.map(|b| edge(b, false)),
        exclusive.map(|b| edge(b, true)),
    ) {
        (Some(i), Some(e)) => {
            let by_value = i.value.as_f64().partial_cmp(&e.value.as_f64());
            let inclusive_stricter = match by_value {
                Some(Ordering::Greater) => lower,
                Some(Ordering::Less) => !lower,
                _ => false,
            };
            Some(if inclusive_stricter { i } else { e })
        }
        (i, e) => i.or(e),
    }
}

/// `>= 1`, `> 0.5`, `<= 10`.
fn show(lower: bool, e: Edge) -> String {
    let op = match (lower, e.exclusive) {
        (true, false) => ">=",
        (true, true) => ">",
        (false, false) => "<=",
        (false, true) => "<",
    };
    format!("{op} {}", e.value.to_json())
}

fn show_num(lower: bool, n: Num) -> String {
    let op = if lower { ">=" } else { "<=" };
    format!("{op} {}", numbers::to_json(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn spanned(value: Bound) -> Option<Spanned<Bound>> {
        Some(Spanned {
            value,
            pos: Pos::file_start(FileId(0)),
        })
    }

    #[test]
    fn the_stricter_of_two_written_bounds_is_the_one_in_effect() {
        let c = Constraints {
            min: spanned(Bound::Int(0)),
            exclusive_min: spanned(Bound::Float(0.0)),
            max: spanned(Bound::Int(5)),
            exclusive_max: spanned(Bound::Float(10.0)),
            ..Constraints::default()
        };
        let low = strictest(true, &c).expect("lower");
        assert!(low.exclusive);
        let high = strictest(false, &c).expect("upper");
        assert_eq!(
            (show(false, high), high.exclusive),
            ("<= 5".to_string(), false)
        );
        assert_eq!(show(true, low), "> 0.0");
    }
}
