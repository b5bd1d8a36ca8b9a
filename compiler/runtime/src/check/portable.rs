//! The syntax of each format that every mainstream validator's format check accepts, as the
//! `pattern` the JSON Schema emitter adds beside `format`, and as the matchers the Rust
//! validators apply for it.
//!
//! Validators disagree at the edges of `format` (Python's `uuid` takes `+eb8aa08-…`, ajv's
//! takes `urn:uuid:…`; Python refuses leap seconds and year 0000; ajv refuses quoted e-mail
//! local parts and address literals, Python takes anything with an `@`). Each pattern below
//! keeps to what all of them accept, so a validator that asserts `format` and one that does
//! not give the same verdict on a schema that has both. Every pattern ends in `$(?!\n)`:
//! Python's `$` also matches before a final newline.

/// `format: uuid`: 8-4-4-4-12 hex digits, either case.
pub const UUID: &str =
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$(?!\\n)";

/// `format: date`: `YYYY-MM-DD`, year 0001 to 9999 (the calendar is left to `format`).
pub const DATE: &str = "^(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$(?!\\n)";

/// `format: date-time`: RFC 3339 with `T` or `t`, seconds 00 to 59 (no leap second), optional
/// fraction, `Z`, `z` or a `±hh:mm` offset; year 0001 to 9999.
pub const DATE_TIME: &str = "^(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$(?!\\n)";

/// `format: email`: an ASCII dot-atom local part of at most 64 characters, `@`, and a
/// domain of at most 253 characters: two or more labels of letters, digits and inner
/// hyphens, 1 to 63 each, none with `--` at its third and fourth characters (no A-labels).
/// No quoted local parts, address literals or single-label domains.
pub const EMAIL: &str = "^(?=[^@]{1,64}@)[0-9A-Za-z!#$%&'*+/=?^_`{|}~-]+(?:\\.[0-9A-Za-z!#$%&'*+/=?^_`{|}~-]+)*@(?=[^@]{1,253}$(?!\\n))(?![0-9A-Za-z-]{2}--)[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?(?:\\.(?![0-9A-Za-z-]{2}--)[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?)+$(?!\\n)";

/// Whether `s` matches [`EMAIL`].
pub fn email_syntax(s: &str) -> bool {
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b);
    // No A-label: `--` at the third and fourth characters (`xn--`) is IDNA's mark.
    let label = |l: &[u8]| super::email::ldh_label(l) && l.get(2..4) != Some(b"--");
    super::email::ascii_address(s, atext, label, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `email_syntax` decides exactly what the pattern states, as an ECMA-262 validator (here
    /// the `jsonschema` crate, which reads look-around) reads [`EMAIL`].
    #[test]
    fn email_syntax_is_the_pattern() {
        let schema = serde_json::json!({ "pattern": EMAIL });
        let pattern = jsonschema::validator_for(&schema).unwrap();
        let locals = [
            "a",
            "a.b",
            ".a",
            "a.",
            "a..b",
            "a+b",
            "!#$%&'*+/=?^_`{|}~-",
            "\"q\"",
            "é",
            "a b",
            "",
        ];
        let long_local = "l".repeat(64);
        let too_long_local = "l".repeat(65);
        let label63 = "d".repeat(63);
        let domains = [
            "b.c",
            "b",
            "example.com",
            "a-b.co",
            "-a.co",
            "a-.co",
            "ab--c.co",
            "xn--a.co",
            "a.xn--b",
            "a..b",
            ".a.b",
            "a.b.",
            "[1.2.3.4]",
            "a_b.co",
            "ÿ.co",
            "1.2",
        ];
        let long_domain = format!("{label63}.{label63}.{label63}.{}", "d".repeat(61));
        let too_long_domain = format!("{long_domain}d");
        let too_long_label = format!("{}.co", "d".repeat(64));
        let mut checked = 0;
        for local in locals
            .iter()
            .copied()
            .chain([long_local.as_str(), too_long_local.as_str()])
        {
            for domain in domains.iter().copied().chain([
                long_domain.as_str(),
                too_long_domain.as_str(),
                too_long_label.as_str(),
            ]) {
                for tail in ["", "\n"] {
                    let s = format!("{local}@{domain}{tail}");
                    let by_pattern = pattern.is_valid(&serde_json::Value::String(s.clone()));
                    assert_eq!(email_syntax(&s), by_pattern, "{s:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 400);
        assert!(!email_syntax("a@@b.c") && !email_syntax("a@b.c@d.e"));
    }
}
