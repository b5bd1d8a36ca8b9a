//! `pattern` constraints: the subset of regular expressions that Rust's `regex` crate and
//! ECMA-262 (JSON Schema) read alike, and the Rust twin of each one.
//!
//! The translation is the `jsonschema` crate's own (`jsonschema-regex`): `\d` → `[0-9]`,
//! `\w` → `[A-Za-z0-9_]`, `\s` → ECMA white space, `.` → anything but ECMA line terminators.
//! Using the very function the JSON Schema validator uses means the two cannot drift.
//! On top of it, constructs whose meaning differs (or that only one side has) are rejected.

use crate::model::Pattern;
use regex_syntax::ast::{self, AssertionKind, Ast, ClassSetItem, GroupKind};
use std::cell::RefCell;
use std::collections::HashMap;

/// Why a pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// Not a regular expression at all (`C0303`).
    Invalid(String),
    /// Valid somewhere, but not read alike by Rust and ECMA-262 (`C0304`).
    NonPortable(String),
}

/// Checks a pattern and returns it with its Rust translation. Catalogs repeat their patterns,
/// and compiling one is the dearest step of a check: answers are remembered per thread.
pub fn translate(source: &str) -> Result<Pattern, PatternError> {
    /// Distinct patterns remembered before the memory starts over.
    const REMEMBERED: usize = 4096;
    thread_local! {
        static SEEN: RefCell<HashMap<String, Result<Pattern, PatternError>>> =
            RefCell::new(HashMap::new());
    }
    SEEN.with_borrow_mut(|seen| {
        if let Some(answer) = seen.get(source) {
            return answer.clone();
        }
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        let answer = translate_once(source);
        seen.insert(source.to_owned(), answer.clone());
        answer
    })
}

fn translate_once(source: &str) -> Result<Pattern, PatternError> {
    if let Some(why) = rust_only_escape(source) {
        return Err(PatternError::NonPortable(why));
    }
    let rust = jsonschema_regex::to_rust_regex(source)
        .map_err(|()| PatternError::Invalid("not a valid ECMA-262 regular expression".into()))?
        .into_owned();
    let ast = ast::parse::Parser::new().parse(&rust).map_err(|e| match e.kind() {
        ast::ErrorKind::UnsupportedLookAround => {
            PatternError::NonPortable("look-around (`(?=`, `(?!`, `(?<=`, `(?<!`) is not supported by Rust's regex engine".into())
        }
        ast::ErrorKind::UnsupportedBackreference => {
            PatternError::NonPortable("back-references (`\\1`) are not supported by Rust's regex engine".into())
        }
        kind => PatternError::Invalid(kind.to_string()),
    })?;
    ast::visit(&ast, Portability).map_err(PatternError::NonPortable)?;
    Pattern::compile(source, rust).map_err(PatternError::Invalid)
}

/// Escapes and quantifiers only Rust reads: `\x{..}`, `\u{..}`, `\U`, `\A`, `\z`, `\p`, `{,n}`.
fn rust_only_escape(source: &str) -> Option<String> {
    let mut chars = source.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else { break };
                let brace = chars.peek() == Some(&'{');
                let why = match next {
                    'x' | 'u' if brace => {
                        "`\\x{...}` / `\\u{...}` escapes (write `\\xHH` or `\\uHHHH`)"
                    }
                    'U' => "`\\U` escapes (write `\\uHHHH`)",
                    'A' | 'z' => "`\\A` / `\\z` (use `^` and `$`)",
                    'p' | 'P' => {
                        "Unicode classes `\\p{...}` (ECMA-262 needs the `u` flag for them)"
                    }
                    'b' | 'B' if !in_class => {
                        "word boundaries `\\b` / `\\B` (Rust's are Unicode-aware, ECMA-262's ASCII-only)"
                    }
                    _ => continue,
                };
                return Some(format!("{why} are read differently by ECMA-262 and Rust"));
            }
            '[' => in_class = true,
            ']' => in_class = false,
            '{' if !in_class && chars.peek() == Some(&',') => {
                return Some(
                    "`{,n}` is a quantifier in Rust but literal text in ECMA-262 (write `{0,n}`)"
                        .into(),
                );
            }
            _ => {}
        }
    }
    None
}

struct Portability;

impl ast::Visitor for Portability {
    type Output = ();
    type Err = String;

    fn finish(self) -> Result<(), String> {
        Ok(())
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), String> {
        match ast {
            Ast::Flags(_) => Err("inline flags such as `(?i)` are not ECMA-262".into()),
            Ast::Group(group) => match &group.kind {
                GroupKind::CaptureName { starts_with_p: true, .. } => {
                    Err("`(?P<name>...)` is not ECMA-262: write `(?<name>...)`".into())
                }
                GroupKind::NonCapturing(flags) if !flags.items.is_empty() => {
                    Err("flag groups such as `(?i:...)` are not ECMA-262".into())
                }
                _ => Ok(()),
            },
            Ast::Assertion(a) if !matches!(a.kind, AssertionKind::StartLine | AssertionKind::EndLine) => {
                Err("only the `^` and `$` anchors are read alike by Rust and ECMA-262".into())
            }
            Ast::Repetition(r) if matches!(*r.ast, Ast::Repetition(_)) => {
                Err("a quantifier directly after another (`a**`, `a{2}{3}`) is a syntax error in ECMA-262".into())
            }
            Ast::ClassUnicode(_) => {
                Err("Unicode classes `\\p{...}` need ECMA-262's `u` flag".into())
            }
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), String> {
        match item {
            ClassSetItem::Ascii(_) => Err("POSIX classes `[[:alpha:]]` are not ECMA-262".into()),
            ClassSetItem::Unicode(_) => {
                Err("Unicode classes `\\p{...}` need ECMA-262's `u` flag".into())
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_shorthand_classes_like_jsonschema() {
        let p = translate(r"^\d{3}-\w+$").unwrap();
        assert_eq!(p.rust, "^[0-9]{3}-[A-Za-z0-9_]+$");
        assert_eq!(p.source, r"^\d{3}-\w+$");
        let dot = translate("a.c").unwrap();
        assert!(!regex::Regex::new(&dot.rust).unwrap().is_match("a\rc"));
    }

    #[test]
    fn accepts_common_patterns() {
        for ok in [
            "^[A-Z]{2,4}[0-9]+$",
            "^(foo|bar)?baz*$",
            "[a-z]+@[a-z]+\\.com",
            "^\\S+$",
            "x{2,}",
            "(?:ab)+",
            "(?<year>[0-9]{4})",
        ] {
            assert!(translate(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_non_portable_and_invalid() {
        for bad in [
            "(?i)abc",
            "(?=a)b",
            "(a)\\1",
            "\\Aabc\\z",
            "\\p{L}+",
            "a{,3}",
            "(?P<n>a)",
            "\\x{41}",
            "\\bword\\b",
            "a**",
        ] {
            assert!(
                matches!(translate(bad), Err(PatternError::NonPortable(_))),
                "{bad}"
            );
        }
        for bad in ["(", "[a-", "a{2"] {
            assert!(
                matches!(translate(bad), Err(PatternError::Invalid(_))),
                "{bad}"
            );
        }
    }
}
