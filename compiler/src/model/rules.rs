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
use contractc_runtime::check::{self, words};
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

    /// The shortest and the longest string of this format, in scalar values, as its portable
    /// syntax allows (`local@a.b` is the shortest e-mail address; its local part has at most
    /// 64 and its domain 253).
    pub fn lengths(self) -> (u64, Option<u64>) {
        match self {
            Format::Uuid => (36, Some(36)),
            Format::Date => (10, Some(10)),
            Format::DateTime => (20, None),
            Format::Email => (5, Some(318)),
        }
    }

    /// Whether `s` has this format, as the runtime (and so the generated Rust) reads it.
    pub fn accepts(self, s: &str) -> bool {
        match self {
            Format::Uuid => contractc_runtime::de::is_uuid(s),
            Format::DateTime => contractc_runtime::de::is_datetime(s),
            Format::Date => contractc_runtime::de::is_date(s),
            Format::Email => check::email_format(s).is_none(),
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
    /// An integer within this inclusive range (the `int` type): the written `min` and `max`,
    /// else the I-JSON range ±(2^53 − 1) ([`super::Constraints::int_range`]). Compared exactly.
    IntRange {
        /// The smallest value allowed.
        min: i64,
        /// The largest value allowed.
        max: i64,
    },
    /// A lower bound of a `float` (`min`, or `exclusive_min` when `exclusive`).
    Lower {
        /// The bound as written.
        bound: Bound,
        /// The value must differ from the bound too.
        exclusive: bool,
    },
    /// An upper bound of a `float` (`max`, or `exclusive_max` when `exclusive`).
    Upper {
        /// The bound as written.
        bound: Bound,
        /// The value must differ from the bound too.
        exclusive: bool,
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
        if self.ty == Type::Int {
            let (min, max) = c.int_range();
            rules.push(Rule::IntRange { min, max });
        }
        if self.ty == Type::Float {
            let lower = |b: &Option<crate::source::Spanned<Bound>>, exclusive| {
                b.as_ref().map(|b| Rule::Lower {
                    bound: b.value,
                    exclusive,
                })
            };
            let upper = |b: &Option<crate::source::Spanned<Bound>>, exclusive| {
                b.as_ref().map(|b| Rule::Upper {
                    bound: b.value,
                    exclusive,
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
        words::no_match(&self.source)
    }
}

/// `value` exactly, when JSON Schema counts it an integer (`3` and `3.0`, not `3.5`); an
/// `i128` holds every `i64` and `u64` without rounding, so a range check never goes through
/// an `f64`.
pub fn as_integer(value: &Value) -> Option<i128> {
    let n = value.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(i128::from(u));
    }
    // An integral double beyond ±2^127 is no `int` anyone checks: treat it as out of range.
    #[allow(clippy::cast_possible_truncation)]
    n.as_f64()
        .filter(|f| f.fract() == 0.0 && f.abs() < 1.7e38)
        .map(|f| f as i128)
}

/// How many enum values a violation lists before it says how many more there are.
const VALUES_SHOWN: usize = 10;

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
                (!f.accepts(s)).then(|| words::not_format(f.keyword()))
            }
            (Rule::IntRange { min, max }, Value::Number(_)) => match as_integer(value) {
                None => Some(words::wrong_type("an integer", "a number")),
                Some(x) if x < i128::from(*min) => Some(words::less_than(min)),
                Some(x) if x > i128::from(*max) => Some(words::greater_than(max)),
                Some(_) => None,
            },
            (Rule::Lower { bound, exclusive }, Value::Number(_)) => {
                compare(value.as_f64()?, bound.as_f64(), true, *exclusive)
            }
            (Rule::Upper { bound, exclusive }, Value::Number(_)) => {
                compare(value.as_f64()?, bound.as_f64(), false, *exclusive)
            }
            (Rule::MinItems(n), Value::Array(items)) => check::min_items(items, to_usize(*n)),
            (Rule::MaxItems(n), Value::Array(items)) => check::max_items(items, to_usize(*n)),
            (Rule::UniqueItems, Value::Array(items)) => check::unique_items(items),
            (Rule::OneOf(values), Value::String(s)) => {
                (!values.contains(&s.as_str())).then(|| not_one_of(s, values))
            }
            _ => None,
        }
    }
}

/// The enum-membership words, listing at most [`VALUES_SHOWN`] values: an enum may have
/// thousands.
fn not_one_of(s: &str, values: &[&str]) -> String {
    let shown = values.iter().take(VALUES_SHOWN).copied();
    let message = words::not_one_of(s, shown);
    match values.len().saturating_sub(VALUES_SHOWN) {
        0 => message,
        more => format!("{message} and {more} more"),
    }
}

/// The runtime's bound check for `x` against `bound`.
fn compare(x: f64, bound: f64, lower: bool, exclusive: bool) -> Option<String> {
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

    #[test]
    fn integers_compare_exactly_past_2_to_the_53() {
        // 9007199254740993 reads as 9007199254740992.0 in an f64: compared exactly it is over.
        let range = Rule::IntRange {
            min: 0,
            max: 9_007_199_254_740_992,
        };
        assert_eq!(
            range
                .violation(&json!(9_007_199_254_740_993_i64))
                .as_deref(),
            Some("greater than 9007199254740992")
        );
        assert_eq!(range.violation(&json!(9_007_199_254_740_992_i64)), None);
        assert_eq!(range.violation(&json!(3.0)), None);
        let full = Rule::IntRange {
            min: i64::MIN,
            max: i64::MAX,
        };
        assert_eq!(
            full.violation(&json!(9_223_372_036_854_775_808_u64))
                .as_deref(),
            Some("greater than 9223372036854775807")
        );
    }

    #[test]
    fn an_int_without_bounds_has_the_i_json_range() {
        let spec = TypeSpec::plain(Type::Int);
        let safe = super::super::SAFE_INT;
        assert_eq!(
            spec.rules(),
            vec![Rule::IntRange {
                min: -safe,
                max: safe
            }]
        );
    }

    #[test]
    fn each_rule_speaks_with_the_runtime_words() {
        assert_eq!(
            Rule::MinLength(3).violation(&json!("ab")).as_deref(),
            Some("shorter than 3 characters")
        );
        assert_eq!(
            Rule::Format(Format::Uuid).violation(&json!("x")).as_deref(),
            Some(words::not_format("uuid").as_str())
        );
        let range = Rule::IntRange { min: 0, max: 9 };
        assert_eq!(range.violation(&json!(1.0)), None);
        assert!(range.violation(&json!(1.5)).is_some());
        assert!(Rule::UniqueItems.violation(&json!([1, 1.0])).is_some());
        assert_eq!(Rule::OneOf(vec!["a"]).violation(&json!("a")), None);
        assert_eq!(
            Rule::MinLength(3).violation(&json!(5)),
            None,
            "not a string"
        );
    }

    #[test]
    fn a_long_enum_is_listed_in_part() {
        let values: Vec<String> = (0..25).map(|i| format!("v{i}")).collect();
        let rule = Rule::OneOf(values.iter().map(String::as_str).collect());
        let message = rule.violation(&json!("x")).unwrap_or_default();
        assert!(
            message.contains("`v9`") && !message.contains("`v10`"),
            "{message}"
        );
        assert!(message.ends_with("and 15 more"), "{message}");
    }
}
