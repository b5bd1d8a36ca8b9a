//! The portable form of each constraint: the JSON Schema text that the `jsonschema` crate,
//! Python `jsonschema` (and check-jsonschema), ajv with ajv-formats and `@cfworker/json-schema`
//! all read alike, where the plain keyword would mean different things to them.
//!
//! - **Patterns** are printed again from the expression's parsed form (`regex-syntax`'s `Hir`
//!   of the Rust twin): every class becomes its explicit code-point ranges (`\d` is `[0-9]`,
//!   never Python's Unicode digits; `.` excludes exactly ECMA-262's line terminators), and the
//!   end anchor `$` becomes `$(?!\n)`, because Python's `$` also matches before a final `\n`.
//! - **Formats** keep their `format` and add a `pattern` for the syntax every validator's
//!   format check accepts ([`contractc_runtime::check::portable`], which the Rust validators
//!   follow).
//! - **Numbers**: `int` has the I-JSON range ±(2^53 − 1) unless its bounds say otherwise
//!   ([`crate::model::Constraints::int_range`]); an unbounded `float` is bounded by ±`f64::MAX`,
//!   so a parser that reads `1e400` as Infinity rejects it, as contractc does.

use std::fmt::Write;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::model::{Format, Pattern};

pub use contractc_runtime::check::portable::{DATE, DATE_TIME, EMAIL, UUID};

/// The `pattern` of every `string`: Unicode scalar values only. Python and JavaScript keep a
/// lone surrogate escape (`"\ud800"`) as a string; contractc refuses such a document, and
/// this makes their validators refuse it too. (Rust strings hold no surrogates, so to the
/// `jsonschema` crate it matches every string.)
pub const SCALAR_VALUES: &str = "^[\\x00-\\uD7FF\\uE000-\u{10FFFF}]*$";

/// The largest finite double: the bound of an unbounded `float`, so that Infinity fails it.
pub const FLOAT_LIMIT: f64 = f64::MAX;

/// The `pattern` of the syntax of a format that every validator accepts.
pub fn format_pattern(format: Format) -> &'static str {
    match format {
        Format::Uuid => UUID,
        Format::DateTime => DATE_TIME,
        Format::Date => DATE,
        Format::Email => EMAIL,
    }
}

/// The `pattern` keyword for a constraint: the expression printed in the portable subset.
///
/// Falls back to the source as written if the Rust twin does not parse, which a checked
/// catalog rules out.
pub fn pattern(p: &Pattern) -> String {
    match regex_syntax::ParserBuilder::new().build().parse(&p.rust) {
        Ok(hir) => {
            let mut out = String::new();
            alternation(&hir, &mut out);
            out
        }
        Err(_) => p.source.clone(),
    }
}

/// Prints `hir` at the loosest precedence: alternatives need no group.
fn alternation(hir: &Hir, out: &mut String) {
    match hir.kind() {
        HirKind::Alternation(branches) => {
            for (i, branch) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                concat(branch, out);
            }
        }
        _ => concat(hir, out),
    }
}

/// Prints `hir` as a sequence: an alternation inside it is grouped.
fn concat(hir: &Hir, out: &mut String) {
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().for_each(|part| item(part, out)),
        _ => item(hir, out),
    }
}

/// Prints one item of a sequence.
fn item(hir: &Hir, out: &mut String) {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(lit) => String::from_utf8_lossy(&lit.0)
            .chars()
            .for_each(|c| literal(c, out)),
        HirKind::Class(class) => self::class(class, out),
        HirKind::Look(look) => out.push_str(anchor(*look)),
        HirKind::Repetition(rep) => {
            atom(&rep.sub, out);
            let _ = match (rep.min, rep.max) {
                (0, None) => write!(out, "*"),
                (1, None) => write!(out, "+"),
                (0, Some(1)) => write!(out, "?"),
                (n, None) => write!(out, "{{{n},}}"),
                (n, Some(m)) if n == m => write!(out, "{{{n}}}"),
                (n, Some(m)) => write!(out, "{{{n},{m}}}"),
            };
            if !rep.greedy {
                out.push('?');
            }
        }
        HirKind::Capture(cap) => group(&cap.sub, out),
        HirKind::Concat(_) | HirKind::Alternation(_) => group(hir, out),
    }
}

/// Prints `hir` so that a quantifier after it applies to all of it.
fn atom(hir: &Hir, out: &mut String) {
    let single = match hir.kind() {
        HirKind::Literal(lit) => String::from_utf8_lossy(&lit.0).chars().count() == 1,
        HirKind::Class(_) | HirKind::Capture(_) => true,
        _ => false,
    };
    if single {
        item(hir, out);
    } else {
        group(hir, out);
    }
}

/// `(?:...)` around `hir`.
fn group(hir: &Hir, out: &mut String) {
    out.push_str("(?:");
    alternation(hir, out);
    out.push(')');
}

/// The anchors the portable subset allows (`check` rejects every other assertion).
fn anchor(look: Look) -> &'static str {
    match look {
        Look::Start => "^",
        // Python's `$` also matches before a final "\n"; ECMA-262's and Rust's do not.
        Look::End => "$(?!\\n)",
        _ => "(?!)",
    }
}

/// A class as its explicit ranges; an empty class (it matches nothing) as `(?!)`.
fn class(class: &Class, out: &mut String) {
    let Class::Unicode(class) = class else {
        out.push_str("(?!)");
        return;
    };
    if class.ranges().is_empty() {
        out.push_str("(?!)");
        return;
    }
    out.push('[');
    for range in class.ranges() {
        let (start, end) = (range.start(), range.end());
        // Python and ECMA-262 strings may hold lone surrogates, which no Rust `char` range
        // does: a range across them is split, so it means the same scalar values everywhere.
        if start <= '\u{D7FF}' && end >= '\u{E000}' {
            class_range(start, '\u{D7FF}', out);
            class_range('\u{E000}', end, out);
        } else {
            class_range(start, end, out);
        }
    }
    out.push(']');
}

/// `a-b` (or `a`, or `ab`) inside a class.
fn class_range(start: char, end: char, out: &mut String) {
    class_char(start, out);
    if end != start {
        if u32::from(end) > u32::from(start) + 1 {
            out.push('-');
        }
        class_char(end, out);
    }
}

/// A character outside a class: syntax characters escaped, the rest as [`class_char`] would
/// print it unless it is plain printable ASCII.
fn literal(c: char, out: &mut String) {
    if "\\^$.|?*+()[]{}/".contains(c) {
        out.push('\\');
        out.push(c);
    } else if c.is_ascii_graphic() || c == ' ' {
        out.push(c);
    } else {
        class_char(c, out);
    }
}

/// A character inside a class, in a spelling Python's `re`, ECMA-262 (with the `u` flag) and
/// Rust's `regex` all read as that one code point: letters, digits and `_` as they are, other
/// ASCII as `\xHH` (no `&&`, `--` or `~~`, which Rust reads as set operations), the rest of
/// the Basic Multilingual Plane as `\uHHHH`, and astral characters as themselves (Python has
/// no `\u{...}`, ECMA-262 no `\U`).
fn class_char(c: char, out: &mut String) {
    let code = u32::from(c);
    let _ = if c.is_ascii_alphanumeric() || c == '_' {
        write!(out, "{c}")
    } else if c.is_ascii() {
        write!(out, "\\x{code:02X}")
    } else if code <= 0xFFFF {
        write!(out, "\\u{code:04X}")
    } else {
        write!(out, "{c}")
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portable(source: &str) -> String {
        let p = crate::resolve::pattern::translate(source).expect("a portable pattern");
        pattern(&p)
    }

    #[test]
    fn shorthand_classes_become_explicit_ranges() {
        assert_eq!(
            portable(r"^\d{3}-\w{2}$"),
            r"^[0-9]{3}-[0-9A-Z_a-z]{2}$(?!\n)"
        );
        assert_eq!(
            portable(r"^\D$"),
            "^[\\x00-\\x2F\\x3A-\\uD7FF\\uE000-\u{10FFFF}]$(?!\\n)"
        );
        assert_eq!(
            portable(r"a\sb"),
            r"a[\x09-\x0D\x20\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]b"
        );
    }

    #[test]
    fn dot_excludes_ecma_line_terminators_only() {
        assert_eq!(
            portable("^a.c$"),
            "^a[\\x00-\\x09\\x0B\\x0C\\x0E-\\u2027\\u202A-\\uD7FF\\uE000-\u{10FFFF}]c$(?!\\n)"
        );
    }

    #[test]
    fn structure_and_escapes_survive() {
        assert_eq!(
            portable("^(cat|dog|bird)s?$"),
            "^(?:cat|dog|bird)s?$(?!\\n)"
        );
        assert_eq!(portable("^a{2,3}b*c+d?$"), "^a{2,3}b*c+d?$(?!\\n)");
        assert_eq!(portable("(ab){2,}x*?"), "(?:ab){2,}x*?");
        assert_eq!(
            portable(r"^\$\.\(\)\[\]\{\}\|\\\^\*\+\?/$"),
            r"^\$\.\(\)\[\]\{\}\|\\\^\*\+\?\/$(?!\n)"
        );
        assert_eq!(portable("^[à-ü]+$"), r"^[\u00E0-\u00FC]+$(?!\n)");
        assert_eq!(
            portable("[^a-z]"),
            "[\\x00-\\x60\\x7B-\\uD7FF\\uE000-\u{10FFFF}]"
        );
        assert_eq!(portable("^x"), "^x");
        assert_eq!(portable("a|"), "a|");
    }
}
