//! JSON numbers read exactly where reading them as `f64` would decide an integer wrongly.
//!
//! serde_json (without `arbitrary_precision`, which would change `Value` for every crate of a
//! build) holds an integer literal exactly when it fits `i64` or `u64`, and anything else as
//! the nearest `f64`. That nearest double can be an integer the text is not:
//! `9223372036854775807.0` reads as 2^63, past `i64::MAX` it equals; `-9223372036854775809`
//! reads as −2^63, inside `i64`; `9007199254740990.5` reads as an integer. JSON Schema
//! compares numbers by their value, so `contractc validate` and the Rust validators decide
//! integers from the text ([`exact`]): a number written as `1.0`, `1e3` or `1.5e10` is the
//! integer it denotes, and a fraction is never an integer, however many digits it has.
//!
//! [`misread`] walks a document's text for the numbers whose `f64` reading differs from
//! their value as an integer; [`fix_integers`] writes the exact integer into a parsed
//! `Value` in their place.

use serde_json::{Number, Value};

/// The value of a JSON number's text, as far as integers are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exact {
    /// An integer that fits `i128`.
    Int(i128),
    /// An integer of 39 digits or more (`true`: negative).
    Huge(bool),
    /// Not an integer.
    Fraction,
}

/// The exact value of `text`, a JSON number (`-?digits[.digits][(e|E)[+-]digits]`); `None`
/// when it is not one.
pub fn exact(text: &str) -> Option<Exact> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], rest[at + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // value = digits × 10^scale, with leading and trailing zeros taken off the digits.
    let trimmed = digits.trim_start_matches('0');
    let significant = trimmed.trim_end_matches('0');
    if significant.is_empty() {
        return Some(Exact::Int(0));
    }
    let zeros = (trimmed.len() - significant.len()) as i64;
    let scale = exponent
        .saturating_sub(frac.len() as i64)
        .saturating_add(zeros);
    if scale < 0 {
        return Some(Exact::Fraction);
    }
    if significant.len() as i64 + scale > 38 {
        return Some(Exact::Huge(negative));
    }
    let mut n: i128 = significant.parse().ok()?;
    for _ in 0..scale {
        n *= 10;
    }
    Some(Exact::Int(if negative { -n } else { n }))
}

/// How the exact value of a number differs from serde_json's `f64` reading of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misread {
    /// An integer other than the one its `f64` reading is: write this exact value instead.
    Int(i128),
    /// Not an integer, though its `f64` reading is one.
    Fraction,
}

/// How serde_json's reading of `text` is wrong about it as an integer, if it is.
pub fn misread_number(text: &str) -> Option<Misread> {
    let plain = !text.contains(['.', 'e', 'E']);
    if plain && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok()) {
        return None;
    }
    let float: f64 = text.parse().ok().filter(|f: &f64| f.is_finite())?;
    match exact(text)? {
        // The nearest double of an integer past 2^127 is not an integer anyone checks.
        Exact::Int(n) if float.fract() == 0.0 && float.abs() < 1.7e38 => {
            #[allow(clippy::cast_possible_truncation)]
            let read = float as i128;
            (read != n).then_some(Misread::Int(n))
        }
        Exact::Fraction if float.fract() == 0.0 => Some(Misread::Fraction),
        _ => None,
    }
}

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object member, by key.
    Key(String),
    /// An array element, by index.
    Index(usize),
}

/// Every number of a well-formed JSON document whose `f64` reading is wrong about it as an
/// integer, with its path; a member that a later one of the same key replaces is left out
/// (a `Value` keeps the last). `None` when `bytes` is not well formed.
pub fn misread(bytes: &[u8]) -> Option<Vec<(Vec<Step>, Misread)>> {
    // Most documents have no number the cheap test could flag: no `.`, `e`, `E` and no run
    // of 19 digits. Skip the walk for them.
    if !may_misread(bytes) {
        return Some(Vec::new());
    }
    let mut walk = Walk {
        bytes,
        at: 0,
        path: Vec::new(),
        found: Vec::new(),
    };
    walk.value()?;
    Some(
        walk.found
            .into_iter()
            .filter_map(|(path, m, live)| live.then_some((path, m)))
            .collect(),
    )
}

/// Whether a number in `bytes` could be misread: a `.`, `e` or `E`, or 19 digits in a row.
fn may_misread(bytes: &[u8]) -> bool {
    let mut run = 0;
    for &b in bytes {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 19 {
                return true;
            }
        } else {
            if matches!(b, b'.' | b'e' | b'E') {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Writes the exact integer of every [`Misread::Int`] into `value` (parsed from the same
/// text), where the number at its path is still there; returns the paths of the
/// [`Misread::Fraction`]s, which only the type at the path can judge.
pub fn fix_integers(value: &mut Value, found: Vec<(Vec<Step>, Misread)>) -> Vec<Vec<Step>> {
    let mut fractions = Vec::new();
    for (path, misread) in found {
        let Some(slot @ Value::Number(_)) = at_mut(value, &path) else {
            continue;
        };
        match misread {
            Misread::Int(n) => *slot = Value::Number(integer(n, slot)),
            Misread::Fraction => fractions.push(path),
        }
    }
    fractions
}

/// Rewrites every float of `value` from 1e16 up that is exactly an `i64` or a `u64` as that
/// integer. A `Value` prints such a float in its shortest spelling (−2^63 as
/// `-9.223372036854776e18`), which read exactly is another integer; its own number is the
/// one the document meant once [`fix_integers`] has run. Smaller floats print every digit.
pub fn spell_integers_exactly(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(exact) = n.as_f64().filter(|_| n.is_f64()).and_then(integral_64) {
                *n = exact;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(spell_integers_exactly),
        Value::Object(map) => map.values_mut().for_each(spell_integers_exactly),
        _ => {}
    }
}

/// 2^63 and 2^64 as `f64`: the first floats past `i64` and `u64`.
const I64_END: f64 = 9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

/// The integer a float denotes, if it is one within `i64` (`fract() == 0`): for deserializers
/// that hand over no text, such as a `Value`'s.
pub(crate) fn integral_i64(f: f64) -> Option<i64> {
    // Exact: an integral float in range converts without rounding.
    #[allow(clippy::cast_possible_truncation)]
    (f.fract() == 0.0 && (-I64_END..I64_END).contains(&f)).then_some(f as i64)
}

/// The integer `f` is, as a JSON number, when it is one of 1e16 or more within `i64`/`u64`.
fn integral_64(f: f64) -> Option<Number> {
    if f.abs() < 1e16 {
        return None;
    }
    if let Some(i) = integral_i64(f) {
        return Some(i.into());
    }
    // Exact: an integral float within the range converts without rounding.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (f.fract() == 0.0 && (0.0..U64_END).contains(&f)).then(|| (f as u64).into())
}

/// `n` as a JSON number: exact within `i64` and `u64`; past them, the double beyond the
/// 64-bit range nearest to `n`, so that no `i64` bound accepts it.
fn integer(n: i128, old: &Value) -> Number {
    if let Ok(i) = i64::try_from(n) {
        return i.into();
    }
    if let Ok(u) = u64::try_from(n) {
        return u.into();
    }
    let read = old.as_f64().unwrap_or_default();
    let beyond = if n < 0 {
        read.next_down()
    } else {
        read.next_up()
    };
    Number::from_f64(beyond).unwrap_or_else(|| 0.into())
}

/// The value at `path`.
pub fn at_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, step| match (v, step) {
        (Value::Object(map), Step::Key(k)) => map.get_mut(k),
        (Value::Array(items), Step::Index(i)) => items.get_mut(*i),
        _ => None,
    })
}

/// A walk over well-formed JSON text that records misread numbers with their paths.
struct Walk<'b> {
    bytes: &'b [u8],
    at: usize,
    path: Vec<Step>,
    /// Path, misreading, and whether no later member of the same key replaces it.
    found: Vec<(Vec<Step>, Misread, bool)>,
}

impl Walk<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Option<()> {
        self.skip_space();
        match *self.bytes.get(self.at)? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string().map(drop),
            b't' | b'f' | b'n' => {
                self.at += self.bytes[self.at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                Some(())
            }
            _ => self.number(),
        }
    }

    fn number(&mut self) -> Option<()> {
        let start = self.at;
        self.at += self.bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        if let Some(m) = misread_number(text) {
            self.found.push((self.path.clone(), m, true));
        }
        Some(())
    }

    /// A string's raw text, quotes included.
    fn string(&mut self) -> Option<&[u8]> {
        let start = self.at;
        self.at += 1;
        loop {
            match *self.bytes.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(&self.bytes[start..self.at]);
                }
                _ => self.at += 1,
            }
        }
    }

    fn array(&mut self) -> Option<()> {
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_space();
            match *self.bytes.get(self.at)? {
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                _ => {
                    self.path.push(Step::Index(index));
                    self.value()?;
                    self.path.pop();
                    index += 1;
                }
            }
        }
    }

    fn object(&mut self) -> Option<()> {
        self.at += 1;
        // Where each key's latest member starts in `found`, to retire it when the key repeats.
        let mut latest: std::collections::HashMap<String, (usize, usize)> = Default::default();
        loop {
            self.skip_space();
            match *self.bytes.get(self.at)? {
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                _ => {
                    let raw = self.string()?;
                    let key: String = serde_json::from_slice(raw).ok()?;
                    self.skip_space();
                    self.at += 1; // the ':'
                    let start = self.found.len();
                    self.path.push(Step::Key(key.clone()));
                    self.value()?;
                    self.path.pop();
                    if let Some((from, to)) = latest.insert(key, (start, self.found.len())) {
                        self.found[from..to].iter_mut().for_each(|f| f.2 = false);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_values_of_number_texts() {
        assert_eq!(exact("0"), Some(Exact::Int(0)));
        assert_eq!(exact("-0.0e5"), Some(Exact::Int(0)));
        assert_eq!(exact("1e3"), Some(Exact::Int(1000)));
        assert_eq!(exact("50e-1"), Some(Exact::Int(5)));
        assert_eq!(exact("1.5"), Some(Exact::Fraction));
        assert_eq!(exact("1e-400"), Some(Exact::Fraction));
        assert_eq!(
            exact("9223372036854775807.0"),
            Some(Exact::Int(i128::from(i64::MAX)))
        );
        assert_eq!(
            exact("-9223372036854775809"),
            Some(Exact::Int(i128::from(i64::MIN) - 1))
        );
        assert_eq!(exact("1e400"), Some(Exact::Huge(false)));
        assert_eq!(exact("-1e999999999999"), Some(Exact::Huge(true)));
        assert_eq!(exact("0.000e999999999999"), Some(Exact::Int(0)));
        assert_eq!(exact("x"), None);
    }

    #[test]
    fn misread_numbers_are_the_ones_f64_gets_wrong() {
        assert_eq!(misread_number("9223372036854775807"), None);
        assert_eq!(misread_number("18446744073709551615"), None);
        assert_eq!(misread_number("1.0"), None);
        assert_eq!(misread_number("9007199254740991.0"), None);
        assert_eq!(misread_number("1.5"), None);
        assert_eq!(misread_number("1e400"), None);
        assert_eq!(
            misread_number("9223372036854775807.0"),
            Some(Misread::Int(i128::from(i64::MAX)))
        );
        assert_eq!(
            misread_number("-9223372036854775809"),
            Some(Misread::Int(i128::from(i64::MIN) - 1))
        );
        assert_eq!(
            misread_number("-9223372036854775808.5"),
            Some(Misread::Fraction)
        );
        assert_eq!(
            misread_number("9007199254740990.5"),
            Some(Misread::Fraction)
        );
        assert_eq!(misread_number("1e-400"), Some(Misread::Fraction));
    }

    #[test]
    fn paths_skip_members_a_repeated_key_replaces() {
        let doc = br#"{"a": [1, 9223372036854775807.0], "b": {"c": 1e-400}, "a": 7, "d": "9.5e"}"#;
        let found = misread(doc).unwrap();
        assert_eq!(
            found,
            vec![(
                vec![Step::Key("b".into()), Step::Key("c".into())],
                Misread::Fraction
            )]
        );
        let mut value: Value =
            serde_json::from_slice(br#"[9223372036854775807.0, -9223372036854775809]"#).unwrap();
        let found = misread(br#"[9223372036854775807.0, -9223372036854775809]"#).unwrap();
        assert!(fix_integers(&mut value, found).is_empty());
        assert_eq!(value[0], serde_json::json!(i64::MAX));
        assert!(value[1].as_f64().unwrap() < -9_223_372_036_854_775_808.0);
    }
}
