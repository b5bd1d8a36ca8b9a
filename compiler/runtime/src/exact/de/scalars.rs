//! [`Strict`] for the scalar types: integers by value, formats by `jsonschema`'s rules.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserializer;
use serde::de::{self, MapAccess, Unexpected, Visitor};
use uuid::Uuid;

use super::Strict;
use super::formats::{parse_datetime, parse_naive_date, parse_uuid};

/// The key under which serde_json hands over the text of a value when asked for a
/// `RawValue` (its `raw_value` feature, which this crate turns on), or of a number it does not
/// hold natively (`arbitrary_precision`, if some crate in the build turns it on): a one-entry
/// map from the token to the text.
const RAW_TOKENS: [&str; 2] = [
    "$serde_json::private::RawValue",
    "$serde_json::private::Number",
];

/// Accepts any JSON number that is mathematically an integer within `i64`, decided from its
/// text where the deserializer gives it ([`crate::numbers::exact`]): `1.0`, `1e3` and
/// `9223372036854775807.0` are integers, `9007199254740990.5` and `-9223372036854775809` are
/// not (in `f64` both read as integers).
struct I64Visitor;

impl I64Visitor {
    /// The integer that number text denotes, or why not.
    fn integer_of<E: de::Error>(self, text: &str) -> Result<i64, E> {
        if let Ok(v) = text.parse::<i64>() {
            return Ok(v);
        }
        match crate::numbers::exact(text) {
            Some(crate::numbers::Exact::Int(n)) => i64::try_from(n).map_err(|_| {
                E::invalid_value(Unexpected::Other(&format!("integer `{text}`")), &self)
            }),
            Some(crate::numbers::Exact::Fraction) => {
                let read = text.parse().unwrap_or_default();
                Err(E::invalid_value(Unexpected::Float(read), &self))
            }
            Some(crate::numbers::Exact::Huge(_)) => Err(E::invalid_value(
                Unexpected::Other(&format!("integer `{text}`")),
                &self,
            )),
            // Not a number: the text of another value, judged as the parsed value would be.
            None => serde_json::from_str::<serde_json::Value>(text)
                .map_err(E::custom)?
                .deserialize_any(self)
                .map_err(E::custom),
        }
    }
}

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

    /// Only from deserializers that give no text: a float is an integer when `fract() == 0`,
    /// so `1.0`, `1e3`, `1.5e10` and `-0.0` are integers; `1.5` and `1e-10` are not.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        crate::numbers::integral_i64(v).ok_or_else(|| E::invalid_value(Unexpected::Float(v), &self))
    }

    /// A deserializer that knows no `RawValue` hands the value itself on.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<i64, D::Error> {
        d.deserialize_any(self)
    }

    /// The value's text, as serde_json passes a `RawValue` (or an `arbitrary_precision`
    /// number): decided exactly.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<i64, A::Error> {
        let key = map.next_key::<String>()?;
        if !key.as_deref().is_some_and(|k| RAW_TOKENS.contains(&k)) {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        let text: std::borrow::Cow<'de, str> = map.next_value::<CowStr<'de>>()?.0;
        self.integer_of(text.trim())
    }
}

/// A string borrowed from the input when the deserializer can, owned otherwise.
struct CowStr<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the text of a JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<CowStr<'de>, E> {
                Ok(CowStr(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// `type: integer` (plus the `i64` range the schema states) as JSON Schema reads it: by the
/// number's value, read from its text.
impl<'de> Strict<'de> for i64 {
    fn deserialize_strict<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(RAW_TOKENS[0], I64Visitor)
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
