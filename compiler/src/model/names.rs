//! The one place where wire names become Rust identifiers (like prost-build's `ident.rs`,
//! kept in the front-end as cxx keeps `syntax/ident.rs`).
//!
//! [`super::Facts`] applies these functions once per catalog; the checker reads the names
//! from there to report two that collide (C0112), and the Rust emitter writes them.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords that are valid as raw identifiers (`r#type`), in every edition since 2018.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing underscore instead.
const UNRAWABLE_KEYWORDS: &[&str] = &["crate", "self", "Self", "super"];

/// The Rust field (or variable) name of a wire field name: `fooBar` → `foo_bar`,
/// `type` → `r#type`, `self` → `self_`, `_private` → `_private`.
pub fn field_ident(wire: &str) -> String {
    let underscores = wire.len() - wire.trim_start_matches('_').len();
    let snake = ascii_words(wire).to_snake_case();
    let mut ident = if snake.is_empty() {
        // An underscore-only (or symbol-only) name: keep it distinct and valid.
        format!("{}field", "_".repeat(underscores))
    } else {
        format!("{}{snake}", "_".repeat(underscores))
    };
    if starts_with_digit(&ident) {
        ident.insert(0, '_');
    }
    escape_keyword(ident)
}

/// The Rust type name of a definition name: `essay_v1` → `EssayV1`,
/// `ELS_CJAssessmentRequestV1` → `ElsCjAssessmentRequestV1`.
pub fn type_ident(wire: &str) -> String {
    upper_camel(wire, "T")
}

/// The Rust variant name of an enum value: `llm_tokens` → `LlmTokens`, `ENG5` → `Eng5`,
/// `a-b` → `AB`, `1x` → `V1x`, `+` → `V2b`, `""` → `Empty`.
pub fn variant_ident(value: &str) -> String {
    if value.is_empty() {
        return "Empty".to_string();
    }
    upper_camel(value, "V")
}

/// The Rust type name of the enum written inline on a field: (`EssayV1`, `status`) →
/// `EssayV1Status`.
pub fn inline_enum_ident(struct_wire: &str, field_wire: &str) -> String {
    format!("{}{}", type_ident(struct_wire), type_ident(field_wire))
}

/// The name without its `r#` prefix, as serde and humans read it.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// UpperCamelCase of `text`, ASCII only; `prefix` goes in front of a leading digit or of the
/// hex spelling of a name that has no letter or digit at all.
fn upper_camel(text: &str, prefix: &str) -> String {
    let camel = ascii_words(text).to_upper_camel_case();
    let ident = if camel.is_empty() {
        let hex: String = text
            .chars()
            .map(|c| format!("{:x}", u32::from(c)))
            .collect();
        format!("{prefix}{hex}")
    } else if starts_with_digit(&camel) {
        format!("{prefix}{camel}")
    } else {
        camel
    };
    escape_keyword(ident)
}

/// Replaces every non-ASCII character by a word `U<hex>` so the result is ASCII and
/// distinct names stay distinct; other characters are left to heck.
fn ascii_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!(" U{:x} ", u32::from(c)));
        }
    }
    out
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn escape_keyword(ident: String) -> String {
    if RAW_KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else if UNRAWABLE_KEYWORDS.contains(&ident.as_str()) {
        format!("{ident}_")
    } else {
        ident
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_idents_are_snake_case() {
        assert_eq!(field_ident("fooBar"), "foo_bar");
        assert_eq!(field_ident("foo_bar"), "foo_bar");
        assert_eq!(field_ident("expected_essay_count"), "expected_essay_count");
        assert_eq!(field_ident("HTTPStatus"), "http_status");
        assert_eq!(field_ident("essayV2"), "essay_v2");
    }

    #[test]
    fn field_keywords_become_raw_or_suffixed() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("Type"), "r#type");
        assert_eq!(field_ident("match"), "r#match");
        assert_eq!(field_ident("gen"), "r#gen");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("Self"), "self_");
        assert_eq!(field_ident("super"), "super_");
        assert_eq!(field_ident("crate"), "crate_");
        assert_eq!(field_ident("union"), "union");
    }

    #[test]
    fn field_leading_underscores_and_digits() {
        assert_eq!(field_ident("_private"), "_private");
        assert_eq!(field_ident("__x"), "__x");
        assert_eq!(field_ident("_"), "_field");
        assert_eq!(field_ident("__"), "__field");
        assert_eq!(field_ident("1st"), "_1st");
        assert_eq!(field_ident("_1st"), "_1st");
        assert_ne!(field_ident("_id"), field_ident("id"));
    }

    #[test]
    fn type_idents_are_readable_upper_camel() {
        assert_eq!(
            type_ident("ELS_CJAssessmentRequestV1"),
            "ElsCjAssessmentRequestV1"
        );
        assert_eq!(
            type_ident("BatchRegistrationRequestV1"),
            "BatchRegistrationRequestV1"
        );
        assert_eq!(type_ident("essay_v1"), "EssayV1");
        assert_eq!(type_ident("Self"), "Self_");
        assert_eq!(type_ident("self"), "Self_");
    }

    #[test]
    fn variant_idents_cover_awkward_values() {
        assert_eq!(variant_ident("llm_tokens"), "LlmTokens");
        assert_eq!(variant_ident("ENG5"), "Eng5");
        assert_eq!(variant_ident("a-b"), "AB");
        assert_eq!(variant_ident("1x"), "V1x");
        assert_eq!(variant_ident("+"), "V2b");
        assert_eq!(variant_ident("-"), "V2d");
        assert_eq!(variant_ident(""), "Empty");
        assert_eq!(variant_ident("Self"), "Self_");
        assert_eq!(variant_ident("café"), "CafUe9");
        assert_eq!(variant_ident("日本"), "U65e5U672c");
        assert_ne!(variant_ident("+"), variant_ident("-"));
    }

    #[test]
    fn every_ident_parses_as_a_rust_identifier() {
        let samples = [
            "type", "self", "Self", "_", "1x", "a-b", "+", "", "café", "fooBar", "ELS_CJ", "gen",
            "__", "x y", "async",
        ];
        for s in samples {
            for ident in [field_ident(s), type_ident(s), variant_ident(s)] {
                assert!(
                    syn::parse_str::<syn::Ident>(&ident).is_ok(),
                    "{s:?} gave {ident:?}"
                );
            }
        }
    }

    #[test]
    fn inline_enum_idents_join_struct_and_field() {
        assert_eq!(inline_enum_ident("EssayV1", "status"), "EssayV1Status");
        assert_eq!(inline_enum_ident("EssayV1", "type"), "EssayV1Type");
        assert_eq!(inline_enum_ident("job", "fooBar"), "JobFooBar");
    }

    #[test]
    fn unraw_strips_the_raw_prefix() {
        assert_eq!(unraw("r#type"), "type");
        assert_eq!(unraw("name"), "name");
    }
}
