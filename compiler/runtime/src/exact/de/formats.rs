//! `format: date`, `date-time` and `uuid` exactly as the `jsonschema` crate 0.61 checks them,
//! plus conversion of accepted strings to chrono / uuid values.
//!
//! A port of `is_valid_date`, `is_valid_time`, `is_valid_datetime` and `is_valid_uuid` from
//! `jsonschema/src/keywords/format.rs` (0.61.2, MIT licence), same rules in the same order.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use uuid::Uuid;
use uuid_simd::{Out, parse_hyphenated};

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
    let year = digits(&b[0..4])?;
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

/// Mirrors the leap-second rule: second 60 only where UTC reads 23:59.
fn leap_second_ok(hour: u32, minute: u32, offset: i32) -> bool {
    // Minutes since midnight, moved to UTC and wrapped into one day.
    let local = i64::from(hour * 60 + minute);
    let utc = (local - i64::from(offset / 60)).rem_euclid(24 * 60);
    utc == 23 * 60 + 59
}

/// Parses `HH:MM:SS[.frac](Z|z|±hh:mm)` with `is_valid_time`'s rules.
fn parse_time(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (hour, minute, second) = (digits(&b[..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
    if hour > 23 || minute > 59 || second > 60 {
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
    if second == 60 && !leap_second_ok(hour, minute, offset) {
        return None;
    }
    let nanos = nanos(frac);
    Some(Time {
        hour,
        minute,
        second,
        nanos,
        offset,
    })
}

/// Whether `s` is a `format: "date"` (`YYYY-MM-DD`, a real calendar day, year 0000-9999).
///
/// Mirrors `jsonschema` 0.61's `is_valid_date`.
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Whether `s` is a `format: "date-time"` (RFC 3339 with an offset).
///
/// Mirrors `jsonschema` 0.61's `is_valid_datetime`: split at the first `T` or `t`; a
/// [`is_date`] before it; `HH:MM:SS`, optional `.` and at least one digit, then `Z`, `z` or
/// `±hh:mm` (hh ≤ 23, mm ≤ 59) after it. Second 60 is a leap second, accepted only when the
/// time is 23:59 in UTC.
pub fn is_datetime(s: &str) -> bool {
    split_datetime(s).is_some_and(|(d, t)| is_date(d) && parse_time(t).is_some())
}

/// Whether `s` is a `format: "uuid"`: 8-4-4-4-12 hex digits with hyphens, any letter case.
///
/// Mirrors `jsonschema` 0.61's `is_valid_uuid` (`uuid_simd::parse_hyphenated`).
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
/// Fractional digits past the ninth are dropped (chrono holds nanoseconds); a leap second
/// becomes chrono's leap-second representation (second 59, nanoseconds ≥ 10⁹).
pub fn parse_datetime(s: &str) -> Option<DateTime<FixedOffset>> {
    let (d, t) = split_datetime(s)?;
    let date = parse_naive_date(d)?;
    let time = parse_time(t)?;
    let (second, nanos) = if time.second == 60 {
        (59, time.nanos + 1_000_000_000)
    } else {
        (time.second, time.nanos)
    };
    let naive_time = NaiveTime::from_hms_nano_opt(time.hour, time.minute, second, nanos)?;
    let offset = FixedOffset::east_opt(time.offset)?;
    offset
        .from_local_datetime(&date.and_time(naive_time))
        .single()
}

/// The UUID `s` names, if [`is_uuid`] accepts it.
pub fn parse_uuid(s: &str) -> Option<Uuid> {
    let mut out = [0u8; 16];
    parse_hyphenated(s.as_bytes(), Out::from_mut(&mut out)).ok()?;
    Some(Uuid::from_bytes(out))
}

#[cfg(test)]
mod tests;
