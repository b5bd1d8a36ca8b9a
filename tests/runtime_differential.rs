//! The runtime's formats, integers, lengths and uniqueness agree with the `jsonschema` crate
//! (the validator contractc's JSON Schemas are read by) on many generated inputs.

#![allow(clippy::unwrap_used)]

use contractc_runtime::check;
use contractc_runtime::de::{self, is_date, is_datetime, is_uuid};
use serde::Deserialize;
use serde_json::{Value, json};

/// SplitMix64: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Applies one to three random edits to `seed`: replace a digit by a digit (keeps the shape,
/// moves values across range limits), replace, insert, delete or duplicate a character.
fn mutate(rng: &mut Rng, seed: &str, alphabet: &[char]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(chars.len() + 1);
        if rng.below(2) == 0
            && let Some(c) = chars.get_mut(at).filter(|c| c.is_ascii_digit())
        {
            *c = char::from(b'0' + rng.below(10) as u8);
            continue;
        }
        match rng.below(4) {
            0 if at < chars.len() => chars[at] = *rng.pick(alphabet),
            1 => chars.insert(at, *rng.pick(alphabet)),
            2 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars.insert(at, chars[at]),
            _ => chars.push(*rng.pick(alphabet)),
        }
    }
    chars.into_iter().collect()
}

fn validator(schema: Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

/// Checks `ours` against `format` with its portable `pattern` (the schema contractc emits) on
/// every seed and `rounds` mutations of the seeds.
fn agree_on_format(format: &str, seeds: &[&str], alphabet: &[char], ours: fn(&str) -> bool) {
    let pattern = match format {
        "date" => check::portable::DATE,
        "date-time" => check::portable::DATE_TIME,
        "uuid" => check::portable::UUID,
        _ => check::portable::EMAIL,
    };
    let v = validator(json!({"type": "string", "format": format, "pattern": pattern}));
    let mut rng = Rng(format.len() as u64);
    let mut accepted = 0;
    let rounds = 20_000;
    for i in 0..seeds.len() + rounds {
        let text = match seeds.get(i) {
            Some(seed) => (*seed).to_owned(),
            None => {
                let seed = *rng.pick(seeds);
                mutate(&mut rng, seed, alphabet)
            }
        };
        let theirs = v.is_valid(&Value::String(text.clone()));
        assert_eq!(ours(&text), theirs, "format {format}: {text:?}");
        accepted += usize::from(theirs);
    }
    // Guard against a generator that only produces one kind of answer.
    assert!(
        accepted > rounds / 20 && accepted < rounds,
        "{format}: {accepted} accepted"
    );
}

#[test]
fn date_agrees() {
    let seeds = [
        "2020-02-29",
        "2021-02-28",
        "1900-02-28",
        "2000-02-29",
        "0000-01-01",
        "9999-12-31",
        "2023-04-30",
        "2023-13-01",
    ];
    let alphabet = ['0', '1', '2', '3', '9', '-', '/', 'T', ' ', 'a', 'é', '٣'];
    agree_on_format("date", &seeds, &alphabet, is_date);
}

#[test]
fn datetime_agrees() {
    let seeds = [
        "2020-01-01T00:00:00Z",
        "2020-01-01t00:00:00z",
        "1998-12-31T23:59:60Z",
        "1998-12-31T15:59:60-08:00",
        "1999-01-01T00:59:60+01:00",
        "2020-06-01T12:00:00.123456789+05:30",
        "2020-06-01T12:00:00.5-23:59",
        "2020-02-29T23:59:59+00:00",
    ];
    let alphabet = [
        '0', '1', '2', '3', '5', '6', '9', '-', '+', ':', '.', 'T', 't', 'Z', 'z', ' ', 'é',
    ];
    agree_on_format("date-time", &seeds, &alphabet, is_datetime);
}

#[test]
fn uuid_agrees() {
    let seeds = [
        "f308a72c-fa84-11eb-9a03-0242ac130003",
        "F308A72C-FA84-11EB-9A03-0242AC130003",
        "00000000-0000-0000-0000-000000000000",
        "{f308a72c-fa84-11eb-9a03-0242ac130003}",
        "f308a72cfa8411eb9a030242ac130003",
    ];
    let alphabet = [
        '0', '9', 'a', 'f', 'A', 'F', 'g', 'G', '-', '{', '}', ' ', 'é',
    ];
    agree_on_format("uuid", &seeds, &alphabet, is_uuid);
}

#[test]
fn email_agrees() {
    let seeds = [
        "joe.bloggs@example.com",
        "a@b.co",
        "\"joe bloggs\"@example.com",
        "\"\"@example.com",
        "user@[127.0.0.1]",
        "user@[IPv6:2001:db8::1]",
        "Joe <joe@example.com>",
        "a@xn--bcher-kva.example",
        "a@xn--mnchen-3ya.de",
        "first.last+tag@sub-domain.example.org",
        "δοκιμή@example.com",
        "x@ab--cd.com",
    ];
    let alphabet = [
        'a', 'z', '0', '@', '.', '-', '_', '+', '"', '\\', '[', ']', '<', '>', ' ', '(', ')', ',',
        ':', ';', 'x', 'n', 'é', '\u{00B7}', '\u{0301}',
    ];
    agree_on_format("email", &seeds, &alphabet, |s| {
        check::email_format(s).is_none()
    });
}

#[derive(Deserialize)]
struct Int(#[serde(deserialize_with = "de::strict")] i64);

/// A JSON number literal of a random shape: sign, digits, fraction, exponent.
fn number_literal(rng: &mut Rng) -> String {
    let specials = [
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "9223372036854775807.0",
        "-9223372036854775808.0",
        "9.223372036854775807e18",
        "-0",
        "-0.0",
        "1e400",
        "1e-400",
        "0.1e1",
        "1.5e10",
        "1e-10",
    ];
    if rng.below(10) == 0 {
        return (*rng.pick(&specials)).to_owned();
    }
    let mut s = String::new();
    if rng.below(2) == 0 {
        s.push('-');
    }
    let len = 1 + rng.below(20);
    for i in 0..len {
        let d = rng.below(10);
        s.push(char::from(
            b'0' + if i == 0 && len > 1 { d.max(1) } else { d } as u8,
        ));
    }
    if rng.below(3) == 0 {
        s.push('.');
        for _ in 0..=rng.below(4) {
            s.push(*rng.pick(&['0', '0', '0', '5', '1']));
        }
    }
    if rng.below(3) == 0 {
        s.push(*rng.pick(&['e', 'E']));
        let sign = *rng.pick(&["", "+", "-"]);
        s.push_str(sign);
        s.push_str(&rng.below(25).to_string());
    }
    s
}

#[test]
fn integers_agree_with_an_i64_bounded_integer_schema() {
    let v = validator(json!({
        "type": "integer",
        "minimum": i64::MIN,
        "maximum": i64::MAX,
    }));
    let mut rng = Rng(7);
    let (mut accepted, rounds) = (0, 50_000);
    for _ in 0..rounds {
        let text = number_literal(&mut rng);
        let ours = serde_json::from_str::<Int>(&text).map(|i| i.0);
        match serde_json::from_str::<Value>(&text) {
            Ok(mut value) => {
                // As `contractc validate` reads it: exact integers put back in the `Value`,
                // and a fraction that reads as an integral double is no integer.
                let found = contractc_runtime::numbers::misread(text.as_bytes()).unwrap();
                let fractions = contractc_runtime::numbers::fix_integers(&mut value, found);
                let theirs = fractions.is_empty() && v.is_valid(&value);
                assert_eq!(ours.is_ok(), theirs, "{text}");
                if let Ok(n) = &ours {
                    // The accepted integer is the value JSON Schema compared.
                    assert_eq!(
                        Some(*n),
                        value.as_i64().or(value.as_f64().map(|f| f as i64)),
                        "{text}"
                    );
                }
                accepted += usize::from(theirs);
            }
            Err(_) => assert!(ours.is_err(), "{text}"),
        }
    }
    assert!(
        accepted > rounds / 10 && accepted < rounds * 9 / 10,
        "{accepted} accepted"
    );
}

/// A string of random length from a mix of one-, two-, three- and four-byte characters.
fn mixed_string(rng: &mut Rng) -> String {
    let chars = ['a', 'é', '€', '\u{1F600}', '\u{0301}', '\u{10FFFF}'];
    (0..rng.below(12)).map(|_| *rng.pick(&chars)).collect()
}

#[test]
fn lengths_agree() {
    let mut rng = Rng(11);
    for bound in 0..8 {
        let min = validator(json!({"type": "string", "minLength": bound}));
        let max = validator(json!({"type": "string", "maxLength": bound}));
        for _ in 0..500 {
            let s = mixed_string(&mut rng);
            let value = Value::String(s.clone());
            assert_eq!(
                check::min_length(&s, bound).is_none(),
                min.is_valid(&value),
                "{s:?}"
            );
            assert_eq!(
                check::max_length(&s, bound).is_none(),
                max.is_valid(&value),
                "{s:?}"
            );
        }
    }
}

/// A small JSON value whose numbers come in several spellings of few values.
fn small_value(rng: &mut Rng, depth: usize) -> Value {
    let numbers = ["1", "1.0", "-0", "0", "0.0", "1e0", "2", "10e-1"];
    match rng.below(if depth == 0 { 3 } else { 5 }) {
        0 => {
            let number = *rng.pick(&numbers);
            serde_json::from_str(number).expect("number")
        }
        1 => json!(rng.pick(&["a", "b"])),
        2 => json!(rng.pick(&[Value::Null, json!(true), json!(false)])),
        3 => Value::Array(
            (0..rng.below(3))
                .map(|_| small_value(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let keys = ["a", "b"];
            let n = rng.below(3);
            Value::Object(
                (0..n)
                    .map(|i| (keys[i % 2].to_owned(), small_value(rng, depth - 1)))
                    .collect(),
            )
        }
    }
}

#[test]
fn unique_json_items_agree() {
    let v = validator(json!({"type": "array", "uniqueItems": true}));
    let mut rng = Rng(13);
    let mut unique = 0;
    for _ in 0..5_000 {
        let items: Vec<Value> = (0..rng.below(5))
            .map(|_| small_value(&mut rng, 2))
            .collect();
        let theirs = v.is_valid(&Value::Array(items.clone()));
        assert_eq!(check::unique_items(&items).is_none(), theirs, "{items:?}");
        unique += usize::from(theirs);
    }
    assert!(unique > 500 && unique < 4_500, "{unique} unique");
}

#[test]
fn float_bounds_agree_below_two_pow_53() {
    let v = validator(
        json!({"minimum": -1.5, "maximum": 2.25, "exclusiveMinimum": -2, "exclusiveMaximum": 2.25}),
    );
    let mut rng = Rng(17);
    for _ in 0..5_000 {
        let x = (rng.below(2000) as f64 - 1000.0) / 200.0;
        let ours = check::min(x, -1.5).is_none()
            && check::max(x, 2.25).is_none()
            && check::exclusive_min(x, -2.0).is_none()
            && check::exclusive_max(x, 2.25).is_none();
        assert_eq!(ours, v.is_valid(&json!(x)), "{x}");
    }
}
