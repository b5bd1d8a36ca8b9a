//! The words of every broken rule, one function per rule: the generated validators and
//! `contractc validate` (the JSON Schema side) both say what is wrong with these, so the two
//! give the same message for the same mistake.

use std::fmt::Display;

/// `n thing` or `n things`.
fn count(n: impl Display, thing: &str) -> String {
    let n = n.to_string();
    if n == "1" {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// `minLength`.
pub fn shorter_than(min: impl Display) -> String {
    format!("shorter than {}", count(min, "character"))
}

/// `maxLength`.
pub fn longer_than(max: impl Display) -> String {
    format!("longer than {}", count(max, "character"))
}

/// `minimum`.
pub fn less_than(min: impl Display) -> String {
    format!("less than {min}")
}

/// `maximum`.
pub fn greater_than(max: impl Display) -> String {
    format!("greater than {max}")
}

/// `exclusiveMinimum`.
pub fn not_greater_than(min: impl Display) -> String {
    format!("less than or equal to {min}")
}

/// `exclusiveMaximum`.
pub fn not_less_than(max: impl Display) -> String {
    format!("greater than or equal to {max}")
}

/// `minItems`.
pub fn fewer_items_than(min: impl Display) -> String {
    format!("fewer than {}", count(min, "item"))
}

/// `maxItems`.
pub fn more_items_than(max: impl Display) -> String {
    format!("more than {}", count(max, "item"))
}

/// `uniqueItems`.
pub fn not_unique() -> String {
    "items are not unique".to_owned()
}

/// `pattern`, naming the pattern as written in the contract.
pub fn no_match(pattern: &str) -> String {
    format!("does not match the pattern \"{pattern}\"")
}

/// `format`: `what` is `uuid`, `date-time`, `date` or `email` (the JSON Schema format name).
pub fn not_format(what: &str) -> String {
    let described = match what {
        "uuid" => "a UUID (8-4-4-4-12 hex digits)",
        "date-time" => "an RFC 3339 date-time with an offset",
        "date" => "a date (YYYY-MM-DD)",
        "email" => "an email address",
        other => return format!("not a valid {other}"),
    };
    format!("not {described}")
}

/// `required`.
pub fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

/// `additionalProperties: false`.
pub fn unknown_field(field: &str) -> String {
    format!("unknown field `{field}`")
}

/// `enum`: `value` as written, and the values allowed.
pub fn not_one_of<'a>(value: &str, allowed: impl IntoIterator<Item = &'a str>) -> String {
    let allowed: Vec<String> = allowed.into_iter().map(|v| format!("`{v}`")).collect();
    format!("`{value}` is not one of {}", allowed.join(", "))
}

/// `type`: what the contract expects (`a string`, `an integer`, ...) and what was found.
pub fn wrong_type(expected: &str, found: &str) -> String {
    format!("expected {expected}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_only_for_one() {
        assert_eq!(shorter_than(1), "shorter than 1 character");
        assert_eq!(longer_than(280), "longer than 280 characters");
        assert_eq!(fewer_items_than(1), "fewer than 1 item");
        assert_eq!(more_items_than(0), "more than 0 items");
    }

    #[test]
    fn formats_and_values_are_named() {
        assert_eq!(not_format("uuid"), "not a UUID (8-4-4-4-12 hex digits)");
        assert_eq!(
            not_one_of("red", ["a", "b"]),
            "`red` is not one of `a`, `b`"
        );
        assert_eq!(no_match("^x$"), "does not match the pattern \"^x$\"");
    }
}
