//! Strategies for the formatted scalars (`uuid`, `datetime`, `date`) and for `json`: few
//! distinct values in several spellings, so lists repeat them in ways Rust and JSON may
//! compare differently.

use proptest::prelude::*;
use proptest::sample::select;

use super::json::J;
use super::samples;

/// A UUID from a small pool or random, its hex digits in random letter case.
pub fn uuid_value() -> BoxedStrategy<J> {
    let pooled = select(samples::UUIDS).prop_map(str::to_string);
    let random = any::<u128>().prop_map(|n| {
        let h = format!("{n:032x}");
        format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..]
        )
    });
    (prop_oneof![3 => pooled, 1 => random], any::<u32>(), 0..3u8)
        .prop_map(|(u, mask, mode)| J::Str(recase(&u, mask, mode)))
        .boxed()
}

/// `s` lower-case (mode 0), upper-case (1), or with letters upper-cased where `mask` says.
pub fn recase(s: &str, mask: u32, mode: u8) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| match mode {
            0 => c.to_ascii_lowercase(),
            1 => c.to_ascii_uppercase(),
            _ if mask >> (i % 32) & 1 == 1 => c.to_ascii_uppercase(),
            _ => c,
        })
        .collect()
}

pub fn from_pool(pool: &'static [&'static str], random: BoxedStrategy<String>) -> BoxedStrategy<J> {
    prop_oneof![2 => select(pool).prop_map(str::to_string), 1 => random]
        .prop_map(J::Str)
        .boxed()
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn random_date() -> BoxedStrategy<String> {
    // Year 0000 now and then: the portable syntax refuses it.
    (
        prop_oneof![1 => Just(0u32), 40 => 1..=9999u32],
        1..=12u32,
        1..=31u32,
    )
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{:02}", d.min(days_in(y, m))))
        .boxed()
}

pub fn random_datetime() -> BoxedStrategy<String> {
    let offset = prop_oneof![
        Just("Z".to_string()),
        Just("z".to_string()),
        (0..24u32, 0..60u32, any::<bool>())
            .prop_map(|(h, m, neg)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' })),
    ];
    let frac = prop_oneof![
        Just(String::new()),
        (0..1_000_000u32).prop_map(|n| format!(".{n}"))
    ];
    (
        random_date(),
        0..24u32,
        0..60u32,
        0..60u32,
        frac,
        offset,
        any::<bool>(),
    )
        .prop_map(|(d, h, mi, s, f, o, upper)| {
            format!(
                "{d}{}{h:02}:{mi:02}:{s:02}{f}{o}",
                if upper { 'T' } else { 't' }
            )
        })
        .boxed()
}

/// Any JSON, numbers in several spellings of few values (`1` equals `1.0` to JSON Schema).
pub fn json_value(depth: u32) -> BoxedStrategy<J> {
    const NUMBERS: &[&str] = &[
        "1",
        "1.0",
        "-0",
        "0",
        "0.0",
        "1e0",
        "2",
        "10e-1",
        "18446744073709551616",
    ];
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        select(NUMBERS).prop_map(J::n),
        select(["a", "b", "é", ""].as_slice()).prop_map(J::s),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let inner = json_value(depth - 1);
    let keys = select(&["a", "b"][..]).prop_map(str::to_string);
    prop_oneof![
        3 => leaf,
        1 => proptest::collection::vec(inner.clone(), 0..3).prop_map(J::Arr),
        1 => proptest::collection::vec((keys, inner), 0..3).prop_map(|m| J::Obj(dedup(m))),
    ]
    .boxed()
}

/// Members with each key once (the first wins).
pub fn dedup(members: Vec<(String, J)>) -> Vec<(String, J)> {
    let mut out: Vec<(String, J)> = Vec::new();
    for (k, v) in members {
        if !out.iter().any(|(seen, _)| *seen == k) {
            out.push((k, v));
        }
    }
    out
}
