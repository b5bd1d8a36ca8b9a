//! The documented classes of disagreement between contractc and the other validators: what no
//! JSON Schema can express (README, "Every validator agrees"). Each class is decided from the
//! document's text alone, so a disagreement outside them fails the test.

use super::portable::Doc;

/// The deepest nesting contractc (serde_json) reads: 128 nested arrays or objects are refused,
/// and other parsers read them.
const MAX_DEPTH: usize = 127;

/// The class that explains why a validator that says `ok` (or not) parts from contractc on
/// `doc`, if any; `judge` is contractc's verdict on another text of the same message.
pub fn classify(
    validator: &str,
    ok: bool,
    doc: &Doc,
    judge: &dyn Fn(&str) -> bool,
) -> Option<&'static str> {
    // The document as a reader of doubles sees it: JavaScript reads every number as the
    // nearest double, Python those written with a fraction or an exponent. If contractc,
    // which reads numbers exactly, gives that text the validator's verdict, the numbers are
    // the whole difference.
    let javascript = matches!(validator, "ajv" | "cfworker");
    let doubles = as_doubles(&doc.text, javascript);
    if doubles != doc.text && judge(&doubles) == ok {
        return Some("a number a double cannot hold");
    }
    if doc.ok {
        // contractc accepts: the classes below are documents contractc refuses.
        return None;
    }
    // `1e400` inside a `json` value or under an ignored key: contractc refuses the document
    // (I-JSON), Python and JavaScript read Infinity.
    if numbers(&doc.text).any(|n| n.parse::<f64>().is_ok_and(f64::is_infinite)) {
        return Some("a number past the double range");
    }
    if depth(&doc.text) > MAX_DEPTH {
        Some("nested 128 or more deep")
    } else if lone_surrogate(&doc.text) {
        Some("lone surrogate escape")
    } else {
        None
    }
}

/// `text` with each number (each one written with a fraction or an exponent, unless `all`)
/// replaced by the exact value of its nearest double; numbers past the double range stay.
fn as_doubles(text: &str, all: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    for n in numbers(text) {
        // `numbers` yields slices of `text` in order.
        let at = rest.find(n).unwrap_or(0);
        out.push_str(&rest[..at]);
        let f: f64 = n.parse().unwrap_or(f64::NAN);
        let keep = !f.is_finite() || (!all && !n.contains(['.', 'e', 'E']));
        if keep {
            out.push_str(n);
        } else if f.fract() == 0.0 {
            out.push_str(&format!("{f:.0}"));
        } else {
            out.push_str(&format!("{f:?}"));
        }
        rest = &rest[at + n.len()..];
    }
    out.push_str(rest);
    out
}

/// The number tokens of JSON text (outside strings).
fn numbers(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut i, mut in_string, mut out) = (0, false, Vec::new());
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
            {
                i += 1;
            }
            out.push(&text[start..i]);
            continue;
        }
        i += 1;
    }
    out.into_iter()
}

/// The deepest nesting of arrays and objects in JSON text (brackets inside strings skipped).
pub fn depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Whether a string in JSON text has a `\uD800`–`\uDFFF` escape that is not half of a pair:
/// text that is not Unicode, which contractc refuses (RFC 8259 §8.2) and Python and
/// JavaScript hold as a string.
pub fn lone_surrogate(text: &str) -> bool {
    let bytes = text.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?;
        if &hex[..2] != b"\\u" {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) => {
                if !matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) {
                    return true;
                }
                i += 12;
            }
            Some(0xDC00..=0xDFFF) => return true,
            Some(_) => i += 6,
            // Any other escape is two bytes (`\\` included, so `\\u` is not an escape).
            None => i += 2,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_skips_brackets_in_strings() {
        assert_eq!(depth(r#"{"a":[[1]],"b":"[[[[\"]]"}"#), 3);
        assert_eq!(depth("[]"), 1);
        assert_eq!(depth("1"), 0);
    }

    #[test]
    fn lone_surrogates_are_told_from_pairs() {
        assert!(lone_surrogate(r#""\ud800""#));
        assert!(lone_surrogate(r#""\udc00\ud800""#));
        assert!(!lone_surrogate(r#""\ud83d\ude00""#));
        assert!(!lone_surrogate(r#""\\ud800""#));
        assert!(!lone_surrogate(r#""\u00e9""#));
    }
}
