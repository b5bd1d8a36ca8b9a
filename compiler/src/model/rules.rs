//! The rules a value must satisfy, written once: bounds, lengths, patterns, formats,
//! uniqueness and enum membership.
//!
//! [`TypeSpec::rules`] lists the rules of one layer of a type, in a fixed order, and
//! [`Definition::enum_rule`] the rule of an enum. Three readers use the same list: the
//! JSON Schema emitter writes each rule as its keyword, the Rust emitter as a call to the
//! runtime check of the same name (or leaves it to a Rust type that enforces it), and the
//! check of `default` values ([`Rule::violation`]) applies it through those very runtime
//! checks, so a default is accepted exactly when the generated validator would accept it.

use super::{Body, Bound, Definition, Pattern, Type, TypeSpec};
use contractc_runtime::check;
use serde_json::Value;

/// A string format that JSON Schema asserts (`format: ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `uuid`: the hyphenated text form of RFC 4122.
    Uuid,
    /// `date-time`: RFC 3339 with an offset.
    DateTime,
    /// `date`: `YYYY-MM-DD`.
    Date,
    /// `email`.
    Email,
}

impl Format {
    /// The JSON Schema `format` keyword value.
    pub fn keyword(self) -> &'static str {
        match self {
            Format::Uuid => "uuid",
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Email => "email",
        }
    }

    /// Whether `s` has this format, as the runtime (and so the generated Rust) reads it.
    pub fn accepts(self, s: &str) -> bool {
        match self {
            Format::Uuid => contractc_runtime::de::is_uuid(s),
            Format::DateTime => contractc_runtime::de::is_datetime(s),
            Format::Date => contractc_runtime::de::is_date(s),
            Format::Email => check::email(s),
        }
    }
}

/// One rule on the value at one layer of a type.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule<'a> {
    /// At least this many Unicode scalar values (`min_length`).
    MinLength(u64),
    /// At most this many Unicode scalar values (`max_length`).
    MaxLength(u64),
    /// The pattern matches somewhere in the string (`pattern`).
    Pattern(&'a Pattern),
    /// The string has this format (the `uuid`, `datetime`, `date` and `email` types).
    Format(Format),
    /// An integer that fits 64 bits (the `int` type): JSON Schema must say the range, Rust's
    /// `i64` says it by itself.
    Int64,
    /// A lower bound (`min`, or `exclusive_min` when `exclusive`); `integer` when the value
    /// is an `int`, compared as an `i64`.
    Lower {
        /// The bound as written.
        bound: Bound,
        /// The value must differ from the bound too.
        exclusive: bool,
        /// The value is an `int`.
        integer: bool,
    },
    /// An upper bound (`max`, or `exclusive_max` when `exclusive`); see [`Rule::Lower`].
    Upper {
        /// The bound as written.
        bound: Bound,
        /// The value must differ from the bound too.
        exclusive: bool,
        /// The value is an `int`.
        integer: bool,
    },
    /// At least this many items (`min_items`).
    MinItems(u64),
    /// At most this many items (`max_items`).
    MaxItems(u64),
    /// No two items equal as JSON values (`unique`).
    UniqueItems,
    /// One of these strings (an inline enum, or an enum definition).
    OneOf(Vec<&'a str>),
}

impl TypeSpec {
    /// The rules of this layer's own value (not of its elements), in a fixed order: lengths,
    /// pattern, format, integer range, bounds, item counts, uniqueness, enum values.
    pub fn rules(&self) -> Vec<Rule<'_>> {
        let c = &self.constraints;
        let mut rules = Vec::new();
        if self.ty.is_text() {
            rules.extend(c.min_length.as_ref().map(|n| Rule::MinLength(n.value)));
            rules.extend(c.max_length.as_ref().map(|n| Rule::MaxLength(n.value)));
            rules.extend(c.pattern.as_ref().map(|p| Rule::Pattern(&p.value)));
        }
        rules.extend(self.ty.format().map(Rule::Format));
        if self.ty.is_number() {
            let integer = self.ty == Type::Int;
            if integer {
                rules.push(Rule::Int64);
            }
            let lower = |b: &Option<crate::source::Spanned<Bound>>, exclusive| {
                b.as_ref().map(|b| Rule::Lower {
                    bound: b.value,
                    exclusive,
                    integer,
                })
            };
            let upper = |b: &Option<crate::source::Spanned<Bound>>, exclusive| {
                b.as_ref().map(|b| Rule::Upper {
                    bound: b.value,
                    exclusive,
                    integer,
                })
            };
            rules.extend(lower(&c.min, false));
            rules.extend(upper(&c.max, false));
            rules.extend(lower(&c.exclusive_min, true));
            rules.extend(upper(&c.exclusive_max, true));
        }
        if matches!(self.ty, Type::List(_)) {
            rules.extend(c.min_items.as_ref().map(|n| Rule::MinItems(n.value)));
            rules.extend(c.max_items.as_ref().map(|n| Rule::MaxItems(n.value)));
            if self.is_unique() {
                rules.push(Rule::UniqueItems);
            }
        }
        if let Type::InlineEnum(values) = &self.ty {
            rules.push(Rule::OneOf(values.iter().map(String::as_str).collect()));
        }
        rules
    }
}

impl Type {
    /// The string format values of this type have, if any.
    pub fn format(&self) -> Option<Format> {
        match self {
            Type::Uuid => Some(Format::Uuid),
            Type::DateTime => Some(Format::DateTime),
            Type::Date => Some(Format::Date),
            Type::Email => Some(Format::Email),
            _ => None,
        }
    }
}

impl Definition {
    /// The rule of an enum definition: one of its values; `None` for other kinds.
    pub fn enum_rule(&self) -> Option<Rule<'_>> {
        match &self.body {
            Body::Enum(values) => Some(Rule::OneOf(
                values.iter().map(|v| v.value.as_str()).collect(),
            )),
            Body::Struct(_) => None,
        }
    }
}

impl Pattern {
    /// The violation message of a string the pattern does not match, naming the pattern as
    /// written (not its Rust twin).
    pub fn message(&self) -> String {
        format!("does not match pattern \"{}\"", self.source)
    }
}

/// An integer bound in the form the generated code compares with: an `i64` and whether the
/// comparison is exclusive. A fractional bound becomes the nearest integer inside it,
/// inclusive (an integer is beyond `1.5` exactly when it is beyond or at `2`); `as` saturates,
/// so a bound beyond `i64` clamps.
pub fn int_bound(bound: Bound, exclusive: bool, lower: bool) -> (i64, bool) {
    match bound {
        Bound::Int(i) => (i, exclusive),
        Bound::Float(f) if f.fract() != 0.0 => {
            let rounded = if lower { f.ceil() } else { f.floor() };
            (rounded as i64, false)
        }
        Bound::Float(f) => (f as i64, exclusive),
    }
}

/// `value` as an `i64` when JSON Schema counts it an integer (`3` and `3.0`, not `3.5`) and
/// it fits 64 bits.
pub fn as_int64(value: &Value) -> Option<i64> {
    let n = value.as_number()?;
    n.as_i64().or_else(|| {
        n.as_f64()
            .filter(|f| {
                f.fract() == 0.0
                    && (-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(f)
            })
            .map(|f| f as i64)
    })
}

impl Rule<'_> {
    /// Why `value` breaks the rule, in the words of the runtime check the generated code
    /// calls; `None` when it keeps it, or when the rule does not apply to a value of this
    /// shape (the type is checked apart).
    pub fn violation(&self, value: &Value) -> Option<String> {
        match (self, value) {
            (Rule::MinLength(n), Value::String(s)) => check::min_length(s, to_usize(*n)),
            (Rule::MaxLength(n), Value::String(s)) => check::max_length(s, to_usize(*n)),
            (Rule::Pattern(p), Value::String(s)) => (!p.is_match(s)).then(|| p.message()),
            (Rule::Format(f), Value::String(s)) => {
                (!f.accepts(s)).then(|| format!("not a valid {}", f.keyword()))
            }
            (Rule::Int64, Value::Number(_)) => as_int64(value)
                .is_none()
                .then(|| format!("{value} is not a 64-bit integer")),
            (Rule::Lower { .. } | Rule::Upper { .. }, Value::Number(_)) => self.bound(value),
            (Rule::MinItems(n), Value::Array(items)) => check::min_items(items, to_usize(*n)),
            (Rule::MaxItems(n), Value::Array(items)) => check::max_items(items, to_usize(*n)),
            (Rule::UniqueItems, Value::Array(items)) => check::unique_items(items),
            (Rule::OneOf(values), Value::String(s)) => (!values.contains(&s.as_str()))
                .then(|| format!("\"{s}\" is not one of the enum's values")),
            _ => None,
        }
    }

    /// A bound rule on a number: integers exactly as `i64`, floats as `f64`.
    fn bound(&self, value: &Value) -> Option<String> {
        let (Rule::Lower {
            bound,
            exclusive,
            integer,
        }
        | Rule::Upper {
            bound,
            exclusive,
            integer,
        }) = *self
        else {
            return None;
        };
        let lower = matches!(self, Rule::Lower { .. });
        if integer {
            let x = as_int64(value)?;
            let (b, exclusive) = int_bound(bound, exclusive, lower);
            return compare(x, b, lower, exclusive);
        }
        compare(value.as_f64()?, bound.as_f64(), lower, exclusive)
    }
}

/// The runtime's bound check for `x` against `bound`.
fn compare<N: check::Number>(x: N, bound: N, lower: bool, exclusive: bool) -> Option<String> {
    match (lower, exclusive) {
        (true, false) => check::min(x, bound),
        (true, true) => check::exclusive_min(x, bound),
        (false, false) => check::max(x, bound),
        (false, true) => check::exclusive_max(x, bound),
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn upper(bound: Bound, integer: bool) -> Rule<'static> {
        Rule::Upper {
            bound,
            exclusive: false,
            integer,
        }
    }

    #[test]
    fn integers_compare_exactly_past_2_to_the_53() {
        // 9007199254740993 reads as 9007199254740992.0 in an f64: compared as i64 it is over.
        let max = upper(Bound::Int(9_007_199_254_740_992), true);
        assert_eq!(
            max.violation(&json!(9_007_199_254_740_993_i64)).as_deref(),
            Some("greater than 9007199254740992")
        );
        assert_eq!(max.violation(&json!(9_007_199_254_740_992_i64)), None);
        assert_eq!(max.violation(&json!(3.0)), None);
    }

    #[test]
    fn fractional_bounds_on_integers_become_the_nearest_integer_inside() {
        assert_eq!(int_bound(Bound::Float(1.5), true, true), (2, false));
        assert_eq!(int_bound(Bound::Float(1.5), true, false), (1, false));
        assert_eq!(int_bound(Bound::Float(2.0), true, true), (2, true));
        assert_eq!(int_bound(Bound::Int(3), false, true), (3, false));
    }

    #[test]
    fn each_rule_speaks_with_the_runtime_words() {
        assert_eq!(
            Rule::MinLength(3).violation(&json!("ab")).as_deref(),
            Some("shorter than 3 characters")
        );
        assert_eq!(
            Rule::Format(Format::Uuid).violation(&json!("x")).as_deref(),
            Some("not a valid uuid")
        );
        assert_eq!(Rule::Int64.violation(&json!(1.0)), None);
        assert!(Rule::Int64.violation(&json!(1.5)).is_some());
        assert!(Rule::UniqueItems.violation(&json!([1, 1.0])).is_some());
        assert_eq!(Rule::OneOf(vec!["a"]).violation(&json!("a")), None);
        assert_eq!(
            Rule::MinLength(3).violation(&json!(5)),
            None,
            "not a string"
        );
    }
}
