//! Hostnames as the `jsonschema` crate 0.61 checks them (the domain of an e-mail address).
//!
//! A port of `is_valid_hostname`, `decode_punycode` and `validate_unicode_label` from
//! `jsonschema/src/keywords/format.rs` (0.61.2, MIT licence), same rules in the same order,
//! with the same `unicode-general-category` crate for RFC 5892 PVALID.

use unicode_general_category::{GeneralCategory, get_general_category};

/// Whether `label` (bytes between dots) has RFC 1034 length and hyphen placement.
fn label_ok(label: &[u8]) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
}

/// Mirrors `is_valid_ascii_hostname`: letters, digits, hyphens and dots, at most 253 bytes.
fn is_ascii_hostname(hostname: &str) -> bool {
    let bytes = hostname.as_bytes();
    if bytes.is_empty() || bytes.len() > 253 || bytes.last() == Some(&b'.') {
        return false;
    }
    bytes.split(|&b| b == b'.').all(|label| {
        label_ok(label)
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// Whether `label` starts with the A-label prefix `xn--`.
fn is_punycode_label(label: &[u8]) -> bool {
    label.starts_with(b"xn--")
}

/// Mirrors `is_valid_hostname`: ASCII rules, then every `xn--` label must decode to a
/// valid Unicode label, and no other label may have `--` in positions 3 and 4.
pub(crate) fn is_hostname(hostname: &str) -> bool {
    if !is_ascii_hostname(hostname) {
        return false;
    }
    hostname.split('.').all(|label| {
        let bytes = label.as_bytes();
        if is_punycode_label(bytes) {
            decode_punycode(&label[4..]).is_some_and(|decoded| is_unicode_label(&decoded))
        } else {
            !(bytes.len() >= 4 && &bytes[2..4] == b"--")
        }
    })
}

// RFC 3492 parameters for the Punycode variant used by IDNA.
const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// The value of one Punycode digit (`a`-`z` / `A`-`Z` are 0-25, `0`-`9` are 26-35).
fn digit_value(byte: u8) -> Option<u32> {
    match byte {
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 26),
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a')),
        _ => None,
    }
}

/// RFC 3492 section 6.1 bias adaptation.
fn adapt(mut delta: u32, count: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / count;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + ((BASE - TMIN + 1) * delta) / (delta + SKEW)
}

/// Decodes one generalized variable-length integer starting at `*pos` (RFC 3492 6.2).
fn decode_delta(encoded: &[u8], pos: &mut usize, mut index: u32, bias: u32) -> Option<u32> {
    let mut weight: u32 = 1;
    let mut k = BASE;
    loop {
        let digit = digit_value(*encoded.get(*pos)?)?;
        *pos += 1;
        index = index.checked_add(digit.checked_mul(weight)?)?;
        let threshold = if k <= bias {
            TMIN
        } else if k >= bias + TMAX {
            TMAX
        } else {
            k - bias
        };
        if digit < threshold {
            return Some(index);
        }
        weight = weight.checked_mul(BASE - threshold)?;
        k += BASE;
    }
}

/// Mirrors `decode_punycode`: the payload of an A-label (after `xn--`), RFC 3492 section 6.2.
fn decode_punycode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let (basic, encoded) = match bytes.iter().rposition(|&b| b == b'-') {
        Some(position) if position > 0 => (&bytes[..position], &bytes[position + 1..]),
        _ => (&bytes[..0], bytes),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.iter().map(|&b| char::from(b)).collect();
    let (mut code_point, mut index, mut bias, mut pos) = (INITIAL_N, 0u32, INITIAL_BIAS, 0);
    while pos < encoded.len() {
        let previous = index;
        index = decode_delta(encoded, &mut pos, index, bias)?;
        let count = u32::try_from(output.len()).ok()? + 1;
        bias = adapt(index - previous, count, previous == 0);
        code_point = code_point.checked_add(index / count)?;
        index %= count;
        output.insert(index as usize, char::from_u32(code_point)?);
        index += 1;
    }
    Some(output.into_iter().collect())
}

/// RFC 5892 appendix A.2: the viramas after which ZERO WIDTH JOINER may appear.
fn is_virama(c: char) -> bool {
    matches!(
        c,
        '\u{094D}'
            | '\u{09CD}'
            | '\u{0A4D}'
            | '\u{0ACD}'
            | '\u{0B4D}'
            | '\u{0BCD}'
            | '\u{0C4D}'
            | '\u{0CCD}'
            | '\u{0D4D}'
            | '\u{0DCA}'
            | '\u{0E3A}'
            | '\u{0F84}'
            | '\u{1039}'
            | '\u{1714}'
            | '\u{1734}'
            | '\u{17D2}'
            | '\u{1A60}'
            | '\u{1B44}'
            | '\u{1BAA}'
            | '\u{1BF2}'
            | '\u{1BF3}'
            | '\u{2D7F}'
            | '\u{A806}'
            | '\u{A8C4}'
            | '\u{A953}'
            | '\u{ABED}'
            | '\u{10A3F}'
            | '\u{11046}'
            | '\u{1107F}'
            | '\u{110B9}'
            | '\u{11133}'
            | '\u{111C0}'
            | '\u{11235}'
            | '\u{112EA}'
            | '\u{1134D}'
            | '\u{11442}'
            | '\u{114C2}'
            | '\u{115BF}'
            | '\u{1163F}'
            | '\u{116B6}'
            | '\u{1172B}'
            | '\u{11839}'
            | '\u{119E0}'
            | '\u{11A34}'
            | '\u{11A47}'
            | '\u{11A99}'
            | '\u{11C3F}'
            | '\u{11D44}'
            | '\u{11D45}'
            | '\u{11D97}'
    )
}

/// RFC 5892: PVALID general categories (letters, combining marks, decimal digits).
fn is_pvalid_category(category: GeneralCategory) -> bool {
    matches!(
        category,
        GeneralCategory::UppercaseLetter
            | GeneralCategory::LowercaseLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::ModifierLetter
            | GeneralCategory::OtherLetter
            | GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::DecimalNumber
    )
}

/// Whether `c` is a combining mark (not allowed to start a label).
fn is_mark(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::SpacingMark
            | GeneralCategory::NonspacingMark
            | GeneralCategory::EnclosingMark
    )
}

/// Whole-label flags for the RFC 5892 rules that look beyond one neighbour.
#[derive(Default)]
struct LabelFlags {
    katakana_middle_dot: bool,
    hiragana_katakana_han: bool,
    arabic_indic_digits: bool,
    extended_arabic_indic_digits: bool,
}

/// One code point's verdict in context (`prev`, `next`); records whole-label flags.
fn char_ok(c: char, prev: Option<char>, next: Option<char>, flags: &mut LabelFlags) -> bool {
    match c {
        '\u{200D}' => prev.is_some_and(is_virama),
        '\u{00B7}' => prev == Some('l') && next == Some('l'),
        '\u{0375}' => next.is_some_and(|n| ('\u{0370}'..='\u{03FF}').contains(&n)),
        '\u{05F3}' | '\u{05F4}' => prev.is_some_and(|p| ('\u{0590}'..='\u{05FF}').contains(&p)),
        '\u{30FB}' => {
            flags.katakana_middle_dot = true;
            true
        }
        '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' => {
            flags.hiragana_katakana_han = true;
            true
        }
        '\u{0660}'..='\u{0669}' => {
            flags.arabic_indic_digits = true;
            true
        }
        '\u{06F0}'..='\u{06F9}' => {
            flags.extended_arabic_indic_digits = true;
            true
        }
        '\u{0640}' | '\u{07FA}' | '\u{302E}' | '\u{302F}' | '\u{3031}' | '\u{3032}'
        | '\u{3033}' | '\u{3034}' | '\u{3035}' | '\u{303B}' => false,
        '\u{200C}' | '\u{06FD}' | '\u{06FE}' | '\u{0F0B}' | '\u{3007}' => true,
        other => other.is_ascii() || is_pvalid_category(get_general_category(other)),
    }
}

/// Mirrors `validate_unicode_label`: RFC 5892 contextual rules and PVALID categories.
fn is_unicode_label(label: &str) -> bool {
    if label.chars().next().is_some_and(is_mark) {
        return false;
    }
    let mut flags = LabelFlags::default();
    let mut prev = None;
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        if !char_ok(c, prev, chars.peek().copied(), &mut flags) {
            return false;
        }
        prev = Some(c);
    }
    !((flags.katakana_middle_dot && !flags.hiragana_katakana_han)
        || (flags.arabic_indic_digits && flags.extended_arabic_indic_digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_rules() {
        assert!(is_hostname("example.com"));
        assert!(is_hostname("a"));
        assert!(is_hostname("a-b.c"));
        assert!(!is_hostname(""));
        assert!(!is_hostname("a..b"));
        assert!(!is_hostname("-a.com"));
        assert!(!is_hostname("a-.com"));
        assert!(!is_hostname("a.com."));
        assert!(!is_hostname("a_b.com"));
        assert!(is_hostname(&"a".repeat(63)));
        assert!(!is_hostname(&"a".repeat(64)));
        let long = [
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(61),
        ]
        .join(".");
        assert_eq!(long.len(), 253);
        assert!(is_hostname(&long));
        assert!(!is_hostname(&format!("{long}e")));
    }

    #[test]
    fn hyphens_in_positions_three_and_four_need_an_a_label() {
        assert!(!is_hostname("ab--c.com"));
        assert!(is_hostname("xn--bcher-kva.com"));
        assert!(!is_hostname("xn--x.com"));
    }

    #[test]
    fn punycode_decodes_rfc3492_samples() {
        assert_eq!(decode_punycode("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(decode_punycode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(decode_punycode("-abc"), None);
        assert_eq!(decode_punycode("99999999999"), None);
    }

    #[test]
    fn unicode_label_rules() {
        assert!(is_unicode_label("bücher"));
        assert!(!is_unicode_label("\u{0301}a"));
        assert!(is_unicode_label("l\u{00B7}l"));
        assert!(!is_unicode_label("a\u{00B7}l"));
        assert!(!is_unicode_label("a\u{200D}"));
        assert!(is_unicode_label("क\u{094D}\u{200D}"));
        assert!(!is_unicode_label("\u{094D}\u{200D}"));
        assert!(!is_unicode_label("\u{30FB}a"));
        assert!(is_unicode_label("\u{30FB}\u{3041}"));
        assert!(!is_unicode_label("\u{0660}\u{06F0}"));
        assert!(!is_unicode_label("\u{0640}"));
        assert!(!is_unicode_label("a\u{2603}"));
    }
}
