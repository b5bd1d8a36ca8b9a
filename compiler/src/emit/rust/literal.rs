//! Rust literals for text and numbers that end up in generated code.

/// A Rust string literal holding exactly `text` (`"a\"b"`).
pub(crate) fn str_lit(text: &str) -> String {
    // `Debug` for `str` writes a valid Rust string literal: quotes, `\"`, `\\`, `\n`, `\u{..}`.
    format!("{text:?}")
}

/// A raw string literal holding exactly `text`, with one more `#` than the longest run of
/// `#` after a `"` in the text, so the content can never close it early. Text with a carriage
/// return (not allowed bare in Rust source) falls back to an escaped literal.
pub(crate) fn raw_str_lit(text: &str) -> String {
    if text.contains('\r') {
        return str_lit(text);
    }
    let hashes = "#".repeat(longest_quote_hash_run(text) + 1);
    format!("r{hashes}\"{text}\"{hashes}")
}

fn longest_quote_hash_run(text: &str) -> usize {
    text.split('"')
        .skip(1)
        .map(|after| after.len() - after.trim_start_matches('#').len())
        .max()
        .unwrap_or(0)
}

/// An `i64` literal, exact for every value including `i64::MIN`.
pub(crate) fn i64_lit(value: i64) -> String {
    if value == i64::MIN {
        "i64::MIN".to_string()
    } else {
        format!("{value}_i64")
    }
}

/// An `f64` literal that reads back as exactly `value` (`1.0`, `-2.5`, `1e300`).
pub(crate) fn f64_lit(value: f64) -> String {
    let text = format!("{value:?}");
    if text.contains(['.', 'e', 'E']) {
        format!("{text}_f64")
    } else {
        format!("{text}.0_f64")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]
mod tests {
    use super::*;

    #[test]
    fn raw_strings_cannot_be_closed_by_their_content() {
        assert_eq!(raw_str_lit("plain"), "r#\"plain\"#");
        assert_eq!(raw_str_lit("a \"# b"), "r##\"a \"# b\"##");
        assert_eq!(raw_str_lit("\"### x \"#"), "r####\"\"### x \"#\"####");
        assert_eq!(raw_str_lit("cr\r"), "\"cr\\r\"");
        for text in ["a \"# b", "\"###\"##", "{\"$id\": \"x\"}"] {
            let parsed: syn::LitStr = syn::parse_str(&raw_str_lit(text)).unwrap();
            assert_eq!(parsed.value(), text);
        }
    }

    #[test]
    fn string_literals_round_trip() {
        for text in ["a\"b", "back\\slash", "line\nbreak", "tab\t", "é ☃ \u{7f}"] {
            let parsed: syn::LitStr = syn::parse_str(&str_lit(text)).unwrap();
            assert_eq!(parsed.value(), text);
        }
    }

    #[test]
    fn number_literals_are_exact() {
        assert_eq!(i64_lit(-3), "-3_i64");
        assert_eq!(i64_lit(i64::MIN), "i64::MIN");
        assert_eq!(f64_lit(1.0), "1.0_f64");
        assert_eq!(f64_lit(-2.5), "-2.5_f64");
        assert_eq!(f64_lit(1e300), "1e300_f64");
        assert_eq!(f64_lit(3.0), "3.0_f64");
    }
}
