//! [`Strict`] for the scalar types: integers by value, formats by `jsonschema`'s rules.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserializer;
use serde::de::{self, MapAccess, Unexpected, Visitor};
use uuid::Uuid;

use super::Strict;
use super::formats::{parse_datetime, parse_naive_date, parse_uuid};

/// 2^63 as `f64`: the first float above `i64::MAX`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// The key under which serde_json's `arbitrary_precision` feature (if some crate in the
/// build turns it on) hands over a number it does not hold natively, as a one-entry map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The integer a float denotes, if it is one within `i64` (`fract() == 0`, as `jsonschema`
/// 0.61's `number_is_integer` decides).
fn integral(v: f64) -> Option<i64> {
    // Exact: an integral float in range converts without rounding.
    #[allow(clippy::cast_possible_truncation)]
    (v.fract() == 0.0 && (-TWO_POW_63..TWO_POW_63).contains(&v)).then_some(v as i64)
}

/// Accepts any JSON number that is mathematically an integer within `i64`.
struct I64Visitor;

impl<'de> Visitor<'de> for I64Visitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer from -9223372036854775808 to 9223372036854775807")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Other("integer"), &self))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Other("integer"), &self))
    }

    /// `jsonschema` 0.61 (`number_is_integer`): a float is an integer when `fract() == 0`,
    /// so `1.0`, `1e3`, `1.5e10` and `-0.0` are integers; `1.5` and `1e-10` are not.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        integral(v).ok_or_else(|| E::invalid_value(Unexpected::Float(v), &self))
    }

    /// A number in its decimal text, as serde_json's `arbitrary_precision` passes it: read
    /// as serde_json would read it without that feature (i64, u64, else a rounded f64).
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<i64, A::Error> {
        if map.next_key::<String>()?.as_deref() != Some(NUMBER_TOKEN) {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        let text: String = map.next_value()?;
        let parsed = match text.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) if text.parse::<u64>().is_ok() => None,
            Err(_) => text.parse::<f64>().ok().and_then(integral),
        };
        parsed.ok_or_else(|| de::Error::invalid_value(Unexpected::Other("number"), &self))
    }
}

/// `type: integer` (plus the `i64` range the schema states) as JSON Schema reads it.
impl<'de> Strict<'de> for i64 {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(I64Visitor)
    }
}

/// Accepts a string that `parse` turns into a value; `expecting` names the format.
struct FormatVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Option<T>,
}

impl<T> Visitor<'_> for FormatVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// Deserialises a string in the format `parse` accepts.
fn format<'de, D: Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, D::Error> {
    d.deserialize_str(FormatVisitor { expecting, parse })
}

/// `format: uuid`: hyphenated form only (serde's default also takes simple, braced, URN).
impl<'de> Strict<'de> for Uuid {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        format(d, "a UUID (8-4-4-4-12 hex digits)", parse_uuid)
    }
}

/// `format: date-time`: RFC 3339 with an offset, as `jsonschema` 0.61 checks it.
impl<'de> Strict<'de> for DateTime<FixedOffset> {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        format(d, "an RFC 3339 date-time with an offset", parse_datetime)
    }
}

/// `format: date`: `YYYY-MM-DD`, as `jsonschema` 0.61 checks it.
impl<'de> Strict<'de> for NaiveDate {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        format(d, "a date (YYYY-MM-DD)", parse_naive_date)
    }
}

/// Implements [`Strict`] as plain `Deserialize` for types where serde already agrees with
/// JSON Schema, so `strict` may be put on any field.
macro_rules! strict_is_serde {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> Strict<'de> for $t {
            fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t as serde::Deserialize<'de>>::deserialize(d)
            }
        }
    )*};
}

strict_is_serde!(
    f64,
    bool,
    String,
    serde_json::Value,
    crate::UserId,
    crate::OrgId
);

#[cfg(test)]
mod tests;
