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
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let atext = |b: &u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(b);
    let local_ok = (1..=64).contains(&local.len())
        && local
            .as_bytes()
            .split(|&b| b == b'.')
            .all(|atom| !atom.is_empty() && atom.iter().all(atext));
    let label_ok = |label: &[u8]| {
        (1..=63).contains(&label.len())
            && label.first().is_some_and(u8::is_ascii_alphanumeric)
            && label.last().is_some_and(u8::is_ascii_alphanumeric)
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
            && label.get(2..4) != Some(b"--")
    };
    local_ok
        && (1..=253).contains(&domain.len())
        && domain.bytes().filter(|&b| b == b'.').count() >= 1
        && domain.as_bytes().split(|&b| b == b'.').all(label_ok)
}
