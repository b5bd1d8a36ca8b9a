//! `uniqueItems`, with JSON equality where it differs from Rust's `==`.

use std::any::Any;

use num_cmp::NumCmp;
use serde_json::{Number, Value};

/// `uniqueItems`: fails when two items are equal.
///
/// Equality is `==`, which is JSON equality for strings, integers, floats (`0.0 == -0.0`, as
/// `jsonschema` compares numbers by value), booleans, and records and enums made of them.
/// Lists of `serde_json::Value` use [`json_eq`] instead (`1` equals `1.0`), as `jsonschema`
/// 0.61 does (`jsonschema_value::cmp::equal`). Quadratic, allocation-free.
///
/// ```
/// use contractc_runtime::check::unique_items;
/// assert_eq!(unique_items(&[1_i64, 2, 3]), None);
/// assert!(unique_items(&["a", "b", "a"]).is_some());
/// let json: Vec<serde_json::Value> = serde_json::from_str("[1, 1.0]").unwrap();
/// assert!(unique_items(&json).is_some());
/// ```
pub fn unique_items<T: PartialEq + 'static>(items: &[T]) -> Option<String> {
    let eq = |a: &T, b: &T| match (
        (a as &dyn Any).downcast_ref::<Value>(),
        (b as &dyn Any).downcast_ref::<Value>(),
    ) {
        (Some(a), Some(b)) => json_eq(a, b),
        _ => a == b,
    };
    for (i, a) in items.iter().enumerate() {
        if items[i + 1..].iter().any(|b| eq(a, b)) {
            return Some("items are not unique".to_owned());
        }
    }
    None
}

/// JSON equality: numbers compare by mathematical value (`1 == 1.0`), objects ignore key order.
///
/// Mirrors `jsonschema_value::cmp::equal` (0.61.2) without `arbitrary-precision`.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => number_eq(a, b),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, va)| b.get(k).is_some_and(|vb| json_eq(va, vb)))
        }
        _ => a == b,
    }
}

/// Exact comparison of two JSON numbers of any representation (u64, i64, f64).
fn number_eq(a: &Number, b: &Number) -> bool {
    if let Some(a) = a.as_u64() {
        eq_with(a, b)
    } else if let Some(a) = a.as_i64() {
        eq_with(a, b)
    } else {
        a.as_f64().is_some_and(|a| eq_with(a, b))
    }
}

/// Compares `a` exactly with `b` whatever `b`'s representation.
fn eq_with<L: NumCmp<u64> + NumCmp<i64> + NumCmp<f64>>(a: L, b: &Number) -> bool {
    if let Some(b) = b.as_u64() {
        a.num_eq(b)
    } else if let Some(b) = b.as_i64() {
        a.num_eq(b)
    } else {
        b.as_f64().is_some_and(|b| a.num_eq(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(json_eq(&parse("1"), &parse("1.0")));
        assert!(json_eq(&parse("-1"), &parse("-1.0")));
        assert!(json_eq(&parse("0"), &parse("-0")));
        assert!(json_eq(&parse("1e3"), &parse("1000")));
        assert!(!json_eq(&parse("1"), &parse("1.5")));
        // 2^63 + 1 is exact as u64 but rounds to 2^63 as f64: exact comparison tells them apart.
        assert!(!json_eq(
            &parse("9223372036854775809"),
            &parse("9223372036854775808.0")
        ));
        assert!(json_eq(
            &parse("9223372036854775808"),
            &parse("9223372036854775808.0")
        ));
    }

    #[test]
    fn structures_compare_deeply() {
        assert!(json_eq(
            &json!({"a": [1, {"b": 2}]}),
            &parse(r#"{"a": [1.0, {"b": 2e0}]}"#)
        ));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 1, "b": 1})));
        assert!(!json_eq(&json!([1, 2]), &json!([2, 1])));
        assert!(!json_eq(&json!("1"), &json!(1)));
        assert!(json_eq(&json!(null), &json!(null)));
    }

    #[test]
    fn unique_items_per_type() {
        assert_eq!(unique_items::<i64>(&[]), None);
        assert_eq!(unique_items(&[1.0_f64, 2.0]), None);
        assert!(unique_items(&[0.0_f64, -0.0]).is_some());
        assert_eq!(
            unique_items(&[1_i64, 2, 1]).as_deref(),
            Some("items are not unique")
        );
        assert_eq!(unique_items(&[json!(1), json!("1")]), None);
        assert!(unique_items(&[json!({"a": 1}), parse(r#"{"a": 1.0}"#)]).is_some());
    }
}
