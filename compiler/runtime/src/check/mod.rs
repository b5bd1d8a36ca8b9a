//! Constraint checks for generated validators: each returns `None` (allocating nothing) when
//! the value passes, else the violation message.
//!
//! Semantics follow the `jsonschema` crate 0.61 for the keyword each check stands for
//! (`minLength`, `pattern`, `minimum`, `uniqueItems`, `format: email`, …).

mod email;
mod hostname;
mod pattern;
pub mod portable;
mod unique;
pub mod words;

use std::fmt::Display;

use regex::Regex;

pub use email::email;
pub use pattern::Pattern;
pub use unique::{json_eq, unique_items};

/// Length in Unicode scalar values, as JSON Schema counts (`minLength` / `maxLength`).
#[inline]
pub fn len_chars(s: &str) -> usize {
    s.chars().count()
}

/// `minLength`: fails when `s` has fewer than `min` scalar values.
#[inline]
pub fn min_length(s: &str, min: usize) -> Option<String> {
    // A scalar value takes 1 to 4 bytes, so `len / 4 <= chars <= len`: count only when
    // the byte length leaves the answer open.
    if s.len() < min || (s.len() < min.saturating_mul(4) && len_chars(s) < min) {
        return Some(words::shorter_than(min));
    }
    None
}

/// `maxLength`: fails when `s` has more than `max` scalar values.
#[inline]
pub fn max_length(s: &str, max: usize) -> Option<String> {
    if s.len() > max && len_chars(s) > max {
        return Some(words::longer_than(max));
    }
    None
}

/// `pattern`: fails unless `re` matches somewhere in `s` (searched, not anchored).
pub fn pattern(s: &str, re: &Regex) -> Option<String> {
    if re.is_match(s) {
        None
    } else {
        Some(words::no_match(re.as_str()))
    }
}

/// A number type that JSON Schema bounds apply to (`i64`, `f64`).
pub trait Number: Copy + PartialOrd + Display + private::Sealed {}
impl Number for i64 {}
impl Number for f64 {}

mod private {
    /// Keeps [`super::Number`] to the two types contracts use.
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for f64 {}
}

/// `minimum`: fails when `value < min`.
pub fn min<N: Number>(value: N, min: N) -> Option<String> {
    (value < min).then(|| words::less_than(min))
}

/// `maximum`: fails when `value > max`.
pub fn max<N: Number>(value: N, max: N) -> Option<String> {
    (value > max).then(|| words::greater_than(max))
}

/// `exclusiveMinimum`: fails when `value <= min`.
pub fn exclusive_min<N: Number>(value: N, min: N) -> Option<String> {
    (value <= min).then(|| words::not_greater_than(min))
}

/// `exclusiveMaximum`: fails when `value >= max`.
pub fn exclusive_max<N: Number>(value: N, max: N) -> Option<String> {
    (value >= max).then(|| words::not_less_than(max))
}

/// `minItems`: fails when the list has fewer than `min` items.
pub fn min_items<T>(items: &[T], min: usize) -> Option<String> {
    (items.len() < min).then(|| words::fewer_items_than(min))
}

/// `maxItems`: fails when the list has more than `max` items.
pub fn max_items<T>(items: &[T], max: usize) -> Option<String> {
    (items.len() > max).then(|| words::more_items_than(max))
}

/// `format: "email"` with its portable syntax as a check: fails unless `s` is an address to
/// both [`email`] and [`portable::email_syntax`], as the emitted schema states.
pub fn email_format(s: &str) -> Option<String> {
    (!(portable::email_syntax(s) && email(s))).then(|| words::not_format("email"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_scalar_values() {
        assert_eq!(len_chars("a\u{1F600}é"), 3);
        assert_eq!(
            min_length("ab", 3).as_deref(),
            Some("shorter than 3 characters")
        );
        assert_eq!(min_length("abc", 3), None);
        // Three scalar values, twelve bytes: long enough for 3, too short for 4.
        let astral = "\u{1F600}".repeat(3);
        assert_eq!(min_length(&astral, 3), None);
        assert!(min_length(&astral, 4).is_some());
        assert_eq!(max_length(&astral, 3), None);
        assert_eq!(
            max_length(&astral, 2).as_deref(),
            Some("longer than 2 characters")
        );
        assert_eq!(max_length("", 0), None);
        // At four bytes per scalar value, the byte length alone decides.
        assert_eq!(min_length(&"\u{1F600}".repeat(2), 2), None);
        assert!(min_length(&"\u{1F600}".repeat(2), 3).is_some());
        assert!(min_length(&"\u{1F600}".repeat(2), usize::MAX).is_some());
        assert!(min_length("", 1).is_some());
    }

    /// The byte-length shortcuts agree with counting on every mix of 1- to 4-byte scalars.
    #[test]
    fn length_shortcuts_agree_with_counting() {
        let pieces = ["a", "\u{e9}", "\u{20ac}", "\u{1F600}"];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
        }
        strings.dedup();
        for s in &strings {
            for n in 0..20 {
                let chars = s.chars().count();
                assert_eq!(min_length(s, n).is_some(), chars < n, "{s:?} min {n}");
                assert_eq!(max_length(s, n).is_some(), chars > n, "{s:?} max {n}");
            }
        }
    }

    #[test]
    fn pattern_is_searched_not_anchored() {
        let re = Regex::new("b+").unwrap();
        assert_eq!(pattern("abbc", &re), None);
        assert_eq!(
            pattern("ac", &re).as_deref(),
            Some("does not match the pattern \"b+\"")
        );
        let anchored = Regex::new("^a").unwrap();
        assert_eq!(
            pattern("ba", &anchored).as_deref(),
            Some("does not match the pattern \"^a\"")
        );
    }

    #[test]
    fn bounds_inclusive_and_exclusive() {
        assert_eq!(min(0_i64, 1).as_deref(), Some("less than 1"));
        assert_eq!(min(1_i64, 1), None);
        assert_eq!(max(11_i64, 10).as_deref(), Some("greater than 10"));
        assert_eq!(max(10_i64, 10), None);
        assert_eq!(min(0.5_f64, 0.75).as_deref(), Some("less than 0.75"));
        assert_eq!(max(2.0_f64, 1.0).as_deref(), Some("greater than 1"));
        assert_eq!(
            exclusive_min(1.0_f64, 1.0).as_deref(),
            Some("less than or equal to 1")
        );
        assert_eq!(exclusive_min(1.000_000_1_f64, 1.0), None);
        assert_eq!(
            exclusive_max(5.0_f64, 5.0).as_deref(),
            Some("greater than or equal to 5")
        );
        assert_eq!(exclusive_max(4.9_f64, 5.0), None);
        assert_eq!(min(-0.0_f64, 0.0), None);
    }

    #[test]
    fn item_counts() {
        assert_eq!(
            min_items::<i64>(&[], 1).as_deref(),
            Some("fewer than 1 item")
        );
        assert_eq!(min_items(&[1], 1), None);
        assert_eq!(
            max_items(&[1, 2, 3, 4, 5, 6], 5).as_deref(),
            Some("more than 5 items")
        );
        assert_eq!(max_items(&[1, 2, 3, 4, 5], 5), None);
    }

    #[test]
    fn email_message() {
        assert_eq!(email_format("a@b.co"), None);
        assert_eq!(
            email_format("nope").as_deref(),
            Some("not an email address")
        );
    }
}
