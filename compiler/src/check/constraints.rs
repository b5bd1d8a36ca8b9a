//! Constraints that contradict each other (`min` > `max`, ...), at every list depth.

use crate::diag::{Code, Diagnostics};
use crate::model::{Catalog, Constraints, Format};
use crate::source::Spanned;

/// Reports inconsistent bounds on every field and list element.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for def in catalog.definitions.values() {
        for spec in def.fields().iter().flat_map(|f| f.spec.layers()) {
            check_constraints(&spec.constraints, diags);
            if let Some(format) = spec.ty.format() {
                format_lengths(format, &spec.constraints, diags);
            }
        }
    }
}

fn check_constraints(c: &Constraints, diags: &mut Diagnostics) {
    counts(
        &c.min_length,
        &c.max_length,
        "min_length",
        "max_length",
        diags,
    );
    counts(&c.min_items, &c.max_items, "min_items", "max_items", diags);
    let pairs = [
        (&c.min, &c.max, "min", "max", false),
        (&c.min, &c.exclusive_max, "min", "exclusive_max", true),
        (&c.exclusive_min, &c.max, "exclusive_min", "max", true),
        (
            &c.exclusive_min,
            &c.exclusive_max,
            "exclusive_min",
            "exclusive_max",
            true,
        ),
    ];
    for (low, high, low_name, high_name, strict) in pairs {
        let (Some(low), Some(high)) = (low, high) else {
            continue;
        };
        let (l, h) = (low.value.as_f64(), high.value.as_f64());
        if l > h || (strict && l >= h) {
            diags.emit(
                Code::InconsistentBounds,
                high.pos,
                format!("`{high_name}: {h}` leaves no value above `{low_name}: {l}`"),
            );
        }
    }
}

fn counts(
    low: &Option<Spanned<u64>>,
    high: &Option<Spanned<u64>>,
    low_name: &str,
    high_name: &str,
    diags: &mut Diagnostics,
) {
    if let (Some(low), Some(high)) = (low, high)
        && low.value > high.value
    {
        diags.emit(
            Code::InconsistentBounds,
            high.pos,
            format!(
                "`{high_name}: {}` is less than `{low_name}: {}`",
                high.value, low.value
            ),
        );
    }
}

/// A length bound that no string of the format meets leaves the field without any value
/// (`{ type: email, max_length: 3 }`: the shortest address, `a@b.c`, has 5).
fn format_lengths(format: Format, c: &Constraints, diags: &mut Diagnostics) {
    let (shortest, longest) = format.lengths();
    let name = format.keyword();
    if let Some(max) = c.max_length.as_ref().filter(|m| m.value < shortest) {
        diags.emit(
            Code::InconsistentBounds,
            max.pos,
            format!(
                "`max_length: {}` leaves no value: the shortest {name} has {shortest} characters",
                max.value
            ),
        );
    }
    if let (Some(min), Some(longest)) = (&c.min_length, longest)
        && min.value > longest
    {
        diags.emit(
            Code::InconsistentBounds,
            min.pos,
            format!(
                "`min_length: {}` leaves no value: the longest {name} has {longest} characters",
                min.value
            ),
        );
    }
}
