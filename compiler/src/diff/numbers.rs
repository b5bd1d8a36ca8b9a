//! Exact arithmetic on JSON numbers: integers and floats compare by value, never through a
//! rounding cast (`9223372036854775807` is less than `9223372036854775808.0`).

use serde_json::Value;
use std::cmp::Ordering;

/// 2^52: every `f64` of at least this magnitude is an integer.
const ALL_INTEGRAL: f64 = 4_503_599_627_370_496.0;

/// A JSON number as `serde_json` holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Num {
    /// An integer (from `i64` or `u64`).
    I(i128),
    /// A finite float.
    F(f64),
}

impl Num {
    /// Whether the number is an integer by value (`1.0` is).
    pub fn is_integral(self) -> bool {
        match self {
            Num::I(_) => true,
            Num::F(f) => f.fract() == 0.0,
        }
    }
}

/// The number `v` holds, if it is one.
pub(super) fn of(v: &Value) -> Option<Num> {
    let n = v.as_number()?;
    if let Some(i) = n.as_i64() {
        Some(Num::I(i128::from(i)))
    } else if let Some(u) = n.as_u64() {
        Some(Num::I(i128::from(u)))
    } else {
        n.as_f64().filter(|f| f.is_finite()).map(Num::F)
    }
}

/// Compares two numbers by value.
pub(super) fn cmp(a: Num, b: Num) -> Ordering {
    match (a, b) {
        (Num::I(a), Num::I(b)) => a.cmp(&b),
        (Num::F(a), Num::F(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Num::I(a), Num::F(b)) => cmp_int_float(a, b),
        (Num::F(a), Num::I(b)) => cmp_int_float(b, a).reverse(),
    }
}

fn cmp_int_float(i: i128, f: f64) -> Ordering {
    // Every i128 this module sees comes from an i64 or u64, well inside ±2^100.
    const FAR: f64 = 1.0e30;
    if f >= FAR {
        return Ordering::Less;
    }
    if f <= -FAR {
        return Ordering::Greater;
    }
    let floor = f.floor();
    // |floor| < 1e30 < 2^127: the cast is exact for an integral float.
    let fi = floor as i128;
    match i.cmp(&fi) {
        Ordering::Equal if f > floor => Ordering::Less,
        other => other,
    }
}

/// A number in `lo..=hi` that is not an integer, if there is one.
pub(super) fn non_integer_in(lo: f64, hi: f64) -> Option<f64> {
    // Only magnitudes below 2^52 hold fractions.
    let lo = lo.max((-ALL_INTEGRAL).next_up());
    let hi = hi.min(ALL_INTEGRAL.next_down());
    if lo > hi {
        return None;
    }
    let nice = [0.5, -0.5, 1.5, lo.floor() + 0.5, hi.ceil() - 0.5];
    nice.into_iter()
        .chain([lo, lo.next_up(), hi])
        .find(|x| (lo..=hi).contains(x) && x.fract() != 0.0)
}

/// `n` as a JSON value.
pub(super) fn to_json(n: Num) -> Value {
    match n {
        Num::I(i) => i64::try_from(i)
            .map(Value::from)
            .or_else(|_| u64::try_from(i).map(Value::from))
            .unwrap_or(Value::Null),
        Num::F(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_floats_compare_by_value() {
        let max = Num::I(i128::from(i64::MAX));
        assert_eq!(cmp(max, Num::F(9.223_372_036_854_776e18)), Ordering::Less);
        assert_eq!(cmp(Num::I(1), Num::F(1.0)), Ordering::Equal);
        assert_eq!(cmp(Num::I(1), Num::F(1.5)), Ordering::Less);
        assert_eq!(cmp(Num::I(-2), Num::F(-1.5)), Ordering::Less);
        assert_eq!(cmp(Num::F(-1.5), Num::I(-2)), Ordering::Greater);
        assert_eq!(cmp(Num::I(0), Num::F(-1e300)), Ordering::Greater);
    }

    #[test]
    fn a_fraction_is_found_where_there_is_one() {
        assert_eq!(non_integer_in(0.0, 10.0), Some(0.5));
        assert_eq!(non_integer_in(1.0, 1.0), None);
        assert_eq!(non_integer_in(2.0, 2.25), Some(2.0f64.next_up()));
        assert_eq!(non_integer_in(1e17, 1e18), None);
        assert!(non_integer_in(-f64::MAX, f64::MAX).is_some());
    }
}
