//! `format: date`, `date-time` and `uuid` as the emitted schema states them: the `jsonschema`
//! crate 0.61's format check and the portable `pattern` beside it
//! ([`crate::check::portable`]), plus conversion of accepted strings to chrono / uuid values.
//!
//! A port of `is_valid_date`, `is_valid_time`, `is_valid_datetime` and `is_valid_uuid` from
//! `jsonschema/src/keywords/format.rs` (0.61.2, MIT licence), same rules in the same order,
//! narrowed to the portable syntax: no year 0000 and no leap second (Python's checks refuse
//! both), so every validator reads these formats alike.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use uuid::Uuid;

/// The value of `bytes` as ASCII decimal digits, or `None` if any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Mirrors `is_leap_year`.
fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Parses `YYYY-MM-DD` into (year, month, day) with `is_valid_date`'s rules.
fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // Year 0000 is outside the portable syntax (`check::portable::DATE`).
    let year = digits(&b[0..4]).filter(|&y| y > 0)?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=last).contains(&day).then_some((year, month, day))
}

/// A time of day as `is_valid_time` reads it.
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    /// East of UTC, in seconds.
    offset: i32,
}

/// Nanoseconds from fractional-second digits (the first nine count; the rest are dropped).
fn nanos(frac: &[u8]) -> u32 {
    let mut n = 0;
    for i in 0..9 {
        n = n * 10 + frac.get(i).map_or(0, |&d| u32::from(d - b'0'));
    }
    n
}

/// Parses the `±hh:mm` offset in `rest` (sign included) into seconds east of UTC.
fn parse_offset(rest: &[u8]) -> Option<i32> {
    if rest.len() != 6 || rest[3] != b':' {
        return None;
    }
    let (hh, mm) = (digits(&rest[1..3])?, digits(&rest[4..6])?);
    if hh > 23 || mm > 59 {
        return None;
    }
    let secs = i32::try_from(hh * 3600 + mm * 60).ok()?;
    Some(if rest[0] == b'-' { -secs } else { secs })
}

/// Parses `HH:MM:SS[.frac](Z|z|±hh:mm)` with `is_valid_time`'s rules.
fn parse_time(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (digits(&b[..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
    // Second 60 (a leap second) is outside the portable syntax (`check::portable::DATE_TIME`).
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut i = 8;
    let mut frac: &[u8] = &[];
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start + b[start..].iter().take_while(|d| d.is_ascii_digit()).count();
        frac = &b[start..i];
        if frac.is_empty() {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i == b.len() - 1 => 0,
        b'+' | b'-' => parse_offset(&b[i..])?,
        _ => return None,
    };
    let nanos = nanos(frac);
    Some(Time {
        hour,
        minute,
        second,
        nanos,
        offset,
    })
}

/// Whether `s` is a `format: "date"` (`YYYY-MM-DD`, a real calendar day, year 0001-9999).
///
/// Mirrors `jsonschema` 0.61's `is_valid_date` with [`crate::check::portable::DATE`].
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Whether `s` is a `format: "date-time"` (RFC 3339 with an offset).
///
/// Mirrors `jsonschema` 0.61's `is_valid_datetime` with
/// [`crate::check::portable::DATE_TIME`]: split at the first `T` or `t`; a [`is_date`] before
/// it; `HH:MM:SS` (seconds up to 59), optional `.` and at least one digit, then `Z`, `z` or
/// `±hh:mm` (hh ≤ 23, mm ≤ 59) after it.
pub fn is_datetime(s: &str) -> bool {
    split_datetime(s).is_some_and(|(d, t)| is_date(d) && parse_time(t).is_some())
}

/// Whether `s` is a `format: "uuid"`: 8-4-4-4-12 hex digits with hyphens, any letter case.
///
/// Mirrors `jsonschema` 0.61's `is_valid_uuid` (`uuid_simd::parse_hyphenated`), which accepts
/// what `uuid`'s own parser accepts at 36 bytes (its braced, URN and simple forms have other
/// lengths).
pub fn is_uuid(s: &str) -> bool {
    parse_uuid(s).is_some()
}

/// Splits a date-time at its first `T`/`t` (the separator is dropped).
fn split_datetime(s: &str) -> Option<(&str, &str)> {
    let t = s.bytes().position(|b| b == b'T' || b == b't')?;
    Some((&s[..t], &s[t + 1..]))
}

/// The calendar day `s` names, if [`is_date`] accepts it.
pub fn parse_naive_date(s: &str) -> Option<NaiveDate> {
    let (y, m, d) = parse_date(s)?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The instant and offset `s` names, if [`is_datetime`] accepts it.
///
/// Fractional digits past the ninth are dropped (chrono holds nanoseconds).
pub fn parse_datetime(s: &str) -> Option<DateTime<FixedOffset>> {
    let (d, t) = split_datetime(s)?;
    let date = parse_naive_date(d)?;
    let time = parse_time(t)?;
    let naive_time = NaiveTime::from_hms_nano_opt(time.hour, time.minute, time.second, time.nanos)?;
    let offset = FixedOffset::east_opt(time.offset)?;
    offset
        .from_local_datetime(&date.and_time(naive_time))
        .single()
}

/// The UUID `s` names, if [`is_uuid`] accepts it.
pub fn parse_uuid(s: &str) -> Option<Uuid> {
    if s.len() != 36 {
        return None;
    }
    Uuid::try_parse(s).ok()
}

#[cfg(test)]
mod tests;
