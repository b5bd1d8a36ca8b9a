//! Lists: element counts (with the most a unique list of a finite type can hold), `unique`,
//! then the elements themselves.

use super::Evidence;
use super::compare::{Written, accepts_null};
use super::constraints;
use super::messages::Differ;
use super::sample::MAX_LEN;
use super::values::{Kind, List, Side};
use super::witness::At;
use crate::diag::Code;
use serde_json::Value;

impl<'a> Differ<'a> {
    /// Two lists: counts, `unique`, then the elements where a document can hold one.
    pub fn list(&mut self, at: &At, (a, b): (&List<'a>, &List<'a>), w: &Written<'a>) {
        let (amax, bmax) = (self.sides.old.max_items(a), self.sides.new.max_items(b));
        for (key, lower) in [("min_items", true), ("max_items", false)] {
            let limits = |l: &List<'_>, max: Option<u64>| if lower { Some(l.min) } else { max };
            let (la, lb) = (limits(a, amax), limits(b, bmax));
            let beyond = |x: Option<u64>, y: Option<u64>| match (x, y) {
                _ if lower => x < y,
                (None, Some(_)) => true,
                (Some(x), Some(y)) => x > y,
                _ => false,
            };
            let backward = beyond(la, lb).then(|| {
                let len = if lower {
                    a.min
                } else {
                    lb.map_or(0, |m| m + 1).max(a.min)
                };
                self.list_of(at, true, a, len)
            });
            let forward = beyond(lb, la).then(|| {
                let len = if lower {
                    b.min
                } else {
                    la.map_or(0, |m| m + 1).max(b.min)
                };
                self.list_of(at, false, b, len)
            });
            if backward.is_some() || forward.is_some() {
                let (what, pos) = constraints::count_change(key, w, la, lb);
                let code = if backward.is_some() {
                    Code::ConstraintTightened
                } else {
                    Code::ConstraintLoosened
                };
                self.push(code, at, pos, what, backward, forward);
            }
        }
        let repeats = |l: &List<'_>, max: Option<u64>| !l.unique && max.is_none_or(|m| m >= 2);
        let backward = (b.unique && repeats(a, amax)).then(|| self.repeated(at, true, a));
        let forward = (a.unique && repeats(b, bmax)).then(|| self.repeated(at, false, b));
        if backward.is_some() || forward.is_some() {
            let (what, pos) = constraints::unique_change(w, a.unique, b.unique);
            let code = if backward.is_some() {
                Code::ConstraintTightened
            } else {
                Code::ConstraintLoosened
            };
            self.push(code, at, pos, what, backward, forward);
        }
        let mut items = at.item();
        items.old_reaches &= amax.is_none_or(|m| m >= 1) && at.old_reaches;
        items.new_reaches &= bmax.is_none_or(|m| m >= 1) && at.new_reaches;
        self.node(&items, &a.items, &b.items, &w.inner());
    }

    /// Evidence of a list of `len` elements of one side.
    fn list_of(&self, at: &At, backward: bool, l: &List<'_>, len: u64) -> Evidence {
        let side = if backward {
            &self.sides.old
        } else {
            &self.sides.new
        };
        let Some(len) = usize::try_from(len).ok().filter(|n| *n as u64 <= MAX_LEN) else {
            return Evidence::Undecided("the list would be too long to show".into());
        };
        let items = if l.unique {
            side.distinct(&l.items, len, &[], 1)
        } else {
            side.sample(&l.items, 1).map(|s| vec![s; len])
        };
        self.shown(at, backward, items.map(Value::Array))
    }

    /// Evidence of a list (of a side that is not unique) with one element twice.
    fn repeated(&self, at: &At, backward: bool, l: &List<'_>) -> Evidence {
        self.list_of(at, backward, l, l.min.max(2))
    }
}

impl Side<'_> {
    /// The most elements a list can hold: its `max_items`, or for a unique list of a finite
    /// type the number of values of that type. A type with more values than the longest list
    /// `diff` builds ([`MAX_LEN`]; an `int` has 2^54 − 1) caps nothing a document can reach:
    /// such a list is far past the 16 MiB line limit of the validators.
    pub fn max_items(&self, l: &List<'_>) -> Option<u64> {
        let finite = if l.unique {
            let null = u64::from(accepts_null(&l.items));
            match &l.items.kind {
                Kind::Bool => Some(2 + null),
                Kind::Text(t) => t.values.as_ref().map(|v| v.len() as u64 + null),
                Kind::Int { lo, hi } => u64::try_from(i128::from(*hi) - i128::from(*lo) + 1)
                    .ok()
                    .map(|n| n.saturating_add(null)),
                _ => None,
            }
        } else {
            None
        };
        let finite = finite.filter(|n| *n <= MAX_LEN);
        match (l.max, finite) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
