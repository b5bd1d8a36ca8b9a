//! Values at and around the edges of each type and constraint: the replacements the
//! mutations draw from.

use contractc::model::{Bound, Constraints, Type, TypeSpec};
use contractc::source::Spanned;

use super::json::J;
use super::samples;
use super::values::{int_spelling, recase};

/// Strings of `n` scalar values for `n` around each limit, in characters of 1 to 4 bytes
/// and in combining sequences (two scalar values each).
pub fn lengths(min: Option<usize>, max: Option<usize>) -> Vec<J> {
    let mut sizes = vec![0];
    for n in [min, max].into_iter().flatten() {
        sizes.extend([n.saturating_sub(1), n, n + 1]);
    }
    let mut out = Vec::new();
    for n in sizes {
        for unit in ["a", "é", "\u{1F600}", "\u{10FFFF}"] {
            out.push(J::s(unit.repeat(n)));
        }
        out.push(J::s(format!(
            "{}{}",
            "e\u{0301}".repeat(n / 2),
            "e".repeat(n % 2)
        )));
    }
    out
}

/// `samples`, plus the node's own text in upper and lower case.
pub fn strings(samples: &[&str], node: &J) -> Vec<J> {
    let mut out: Vec<J> = samples.iter().map(|s| J::s(*s)).collect();
    if let J::Str(s) = node {
        out.extend([
            J::s(recase(s, 0, 1)),
            J::s(recase(s, 0, 0)),
            J::s(format!("{s}\n")),
        ]);
    }
    out
}

pub fn int_edges(c: &Constraints) -> Vec<J> {
    let mut out: Vec<J> = [
        "1.5",
        "1e3",
        "1E3",
        "1e-3",
        "-0",
        "-0.0",
        "0.1e1",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "1e19",
        "-1e19",
        "9223372036854775807.0",
        "-9223372036854775808.0",
        "9.223372036854775807e18",
        "-9223372036854775808.5",
        "9007199254740993",
        "9007199254740992.0",
        "-9007199254740992",
    ]
    .map(J::n)
    .into();
    out.push(J::s("1"));
    // Around each end of the field's range (its bounds, else ±(2^53 - 1)), in every spelling.
    let (lo, hi) = c.int_range();
    for b in [lo, hi] {
        for v in [b.checked_sub(1), Some(b), b.checked_add(1)]
            .into_iter()
            .flatten()
        {
            out.extend((0..5).map(|form| J::Num(int_spelling(v, form))));
        }
    }
    out
}

pub fn float_edges(c: &Constraints) -> Vec<J> {
    let mut out: Vec<J> = [
        "1e400",
        "-1e400",
        "9007199254740993",
        "-9007199254740993",
        "9007199254740992",
        "9007199254740993.0",
        "1e308",
        "5e-324",
        "-0",
        "18446744073709551616",
        "123456789012345678901234567890",
    ]
    .map(J::n)
    .into();
    out.push(J::s("1.0"));
    for b in [&c.min, &c.max, &c.exclusive_min, &c.exclusive_max] {
        let Some(b) = b.as_ref().map(|s| s.value) else {
            continue;
        };
        if let Bound::Int(i) = b {
            out.extend([i.saturating_sub(1), i, i.saturating_add(1)].map(J::n));
        }
        let f = b.as_f64();
        for v in [
            f.next_down(),
            f,
            f.next_up(),
            f - 1.0,
            f + 1.0,
            f - 0.5,
            f + 0.5,
        ] {
            out.push(J::Num(format!("{v:?}")));
        }
    }
    out
}

pub fn text_edges(spec: &TypeSpec) -> Vec<J> {
    let c = &spec.constraints;
    let count = |b: &Option<Spanned<u64>>| b.as_ref().map(|s| s.value as usize);
    let mut out = lengths(count(&c.min_length), count(&c.max_length));
    if let Some(p) = &c.pattern {
        let (matching, near) = samples::pattern_samples(&p.value.source);
        for s in matching.iter().chain(near) {
            out.extend([J::s(*s), J::s(format!("{s}\n")), J::s(format!(" {s}"))]);
        }
    }
    if spec.ty == Type::Email {
        out.extend(samples::BAD_EMAILS.iter().map(|s| J::s(*s)));
        out.push(J::s(format!("{}@b.co", "a".repeat(65))));
    }
    out.extend(
        [
            r#""\u00e9\u00e9""#,
            r#""\ud800""#,
            r#""\udc00\ud800""#,
            r#""\ud83d\ude00\ud83d\ude00""#,
            r#""\u0000a""#,
        ]
        .map(|r| J::Raw(r.into())),
    );
    out
}

pub fn enum_edges(values: &[String]) -> Vec<J> {
    let mut out = vec![J::s(""), J::s("purple"), J::s("U\u{0308}ni\u{0308}code")];
    for v in values {
        out.extend([
            J::s(v.to_uppercase()),
            J::s(v.to_lowercase()),
            J::s(format!("{v} ")),
            J::Obj(vec![(v.clone(), J::Null)]),
            J::Arr(vec![J::s(v.clone())]),
        ]);
    }
    out
}
