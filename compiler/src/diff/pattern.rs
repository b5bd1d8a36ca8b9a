//! What `diff` can decide about patterns, from `regex-syntax`'s high-level IR of their Rust
//! twin: the same pattern respelt (equal IR once capture groups are dropped), a pattern that
//! matches every string, and strings that match one.
//!
//! Whether one pattern's strings are all matched by another is not decided here: `diff`
//! looks for a string that shows the difference and, finding none, says it cannot decide.

use crate::model::Pattern;
use regex_syntax::hir::{Class, Hir, HirKind, Look, Repetition};

/// The IR of a pattern's Rust twin, without capture groups (they do not change what matches).
fn hir(p: &Pattern) -> Option<Hir> {
    regex_syntax::Parser::new().parse(&p.rust).ok().map(strip)
}

fn strip(h: Hir) -> Hir {
    match h.into_kind() {
        HirKind::Capture(c) => strip(*c.sub),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(strip(*r.sub)),
            ..r
        }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(strip).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(strip).collect()),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
    }
}

/// Whether two patterns are one pattern written two ways (`\d+` and `[0-9]{1,}`).
pub(super) fn same(a: &Pattern, b: &Pattern) -> bool {
    a.rust == b.rust || matches!((hir(a), hir(b)), (Some(x), Some(y)) if x == y)
}

/// Whether every string contains a match: the pattern matches the empty string at the start
/// of any string (`^`, `x*`, `^.*`) or at its end (`$`, `.*$`).
pub(super) fn universal(p: &Pattern) -> bool {
    hir(p).is_some_and(|h| empty_with(&h, Look::Start) || empty_with(&h, Look::End))
}

/// Whether `h` can match the empty string where only the assertion `holds` is known to hold.
fn empty_with(h: &Hir, holds: Look) -> bool {
    match h.kind() {
        HirKind::Empty => true,
        HirKind::Literal(_) | HirKind::Class(_) => false,
        HirKind::Look(look) => *look == holds,
        HirKind::Repetition(r) => r.min == 0 || empty_with(&r.sub, holds),
        HirKind::Capture(c) => empty_with(&c.sub, holds),
        HirKind::Concat(subs) => subs.iter().all(|s| empty_with(s, holds)),
        HirKind::Alternation(subs) => subs.iter().any(|s| empty_with(s, holds)),
    }
}

/// Strings that match `p` (unchecked: the caller confirms each one), shortest first.
///
/// `variant` picks other alternatives and characters; `grow` adds that many extra rounds
/// to every repetition that allows them.
pub(super) fn samples(p: &Pattern) -> Vec<String> {
    let Some(h) = hir(p) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for grow in [0, 1, 2, 4, 8, 16, 32] {
        for variant in 0..4 {
            match generate(&h, variant, grow) {
                Some(s) if !out.contains(&s) => out.push(s),
                _ => {}
            }
        }
    }
    out
}

fn generate(h: &Hir, variant: usize, grow: u32) -> Option<String> {
    Some(match h.kind() {
        HirKind::Empty | HirKind::Look(_) => String::new(),
        HirKind::Literal(l) => String::from_utf8(l.0.to_vec()).ok()?,
        HirKind::Class(c) => class_char(c, variant)?.to_string(),
        HirKind::Repetition(r) => {
            let extra = r
                .max
                .map_or(grow, |max| grow.min(max.saturating_sub(r.min)));
            let one = generate(&r.sub, variant, grow)?;
            one.repeat(usize::try_from(r.min.saturating_add(extra)).ok()?.min(256))
        }
        HirKind::Capture(c) => generate(&c.sub, variant, grow)?,
        HirKind::Concat(subs) => subs
            .iter()
            .map(|s| generate(s, variant, grow))
            .collect::<Option<String>>()?,
        HirKind::Alternation(subs) => {
            let n = subs.len();
            (0..n).find_map(|i| generate(&subs[(variant + i) % n], variant, grow))?
        }
    })
}

/// A character of the class: a letter or digit when it has one, else its first.
fn class_char(c: &Class, variant: usize) -> Option<char> {
    let Class::Unicode(u) = c else {
        return None;
    };
    let preferred = ["a", "b", "0", "1", "A", "x"];
    let contains = |ch: char| {
        u.ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&ch))
    };
    preferred
        .iter()
        .cycle()
        .skip(variant % preferred.len())
        .take(preferred.len())
        .filter_map(|s| s.chars().next())
        .find(|ch| contains(*ch))
        .or_else(|| u.ranges().first().map(|r| r.start()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::pattern::translate;

    fn p(source: &str) -> Pattern {
        translate(source).expect("portable")
    }

    #[test]
    fn respelt_patterns_are_the_same() {
        assert!(same(&p(r"^\d+$"), &p("^[0-9]{1,}$")));
        assert!(same(&p("^(a|b)$"), &p("^[ab]$")));
        assert!(same(&p("(?:x)y{1}"), &p("xy")));
        assert!(!same(&p("^a"), &p("a")));
    }

    #[test]
    fn patterns_that_match_everything_are_found() {
        for all in ["", ".*", "^", "$", "^.*", ".*$", "a*", "(x|)", "^(?:abc)?"] {
            assert!(universal(&p(all)), "{all}");
        }
        for not in ["^$", "^.*$", "a", "^a*$", "[^x]"] {
            assert!(!universal(&p(not)), "{not}");
        }
    }

    #[test]
    fn samples_match_their_pattern() {
        for source in [
            "^[a-z]{3}-[0-9]+$",
            "^(foo|bar)baz?$",
            r"\d{2,4}",
            "^x(ab)*y$",
        ] {
            let pattern = p(source);
            let found = samples(&pattern);
            assert!(found.len() > 1, "{source}");
            assert!(
                found.iter().all(|s| pattern.is_match(s)),
                "{source}: {found:?}"
            );
        }
    }
}
