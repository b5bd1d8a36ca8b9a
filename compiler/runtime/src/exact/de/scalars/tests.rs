use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;
use uuid::Uuid;

use crate::de::strict;

#[derive(Deserialize, Debug)]
struct Int {
    #[serde(deserialize_with = "strict")]
    v: i64,
}

fn int(text: &str) -> Result<i64, String> {
    serde_json::from_str::<Int>(&format!(r#"{{"v": {text}}}"#))
        .map(|i| i.v)
        .map_err(|e| e.to_string())
}

#[test]
fn integers_by_value() {
    assert_eq!(int("1"), Ok(1));
    assert_eq!(int("1.0"), Ok(1));
    assert_eq!(int("1e3"), Ok(1000));
    assert_eq!(int("1E3"), Ok(1000));
    assert_eq!(int("1.5e10"), Ok(15_000_000_000));
    assert_eq!(int("-0"), Ok(0));
    assert_eq!(int("-0.0"), Ok(0));
    assert_eq!(int("0e5"), Ok(0));
    assert_eq!(int("9223372036854775807"), Ok(i64::MAX));
    assert_eq!(int("-9223372036854775808"), Ok(i64::MIN));
    assert_eq!(int("-9223372036854775808.0"), Ok(i64::MIN));
    assert_eq!(int("-9.223372036854775808e18"), Ok(i64::MIN));
    // As `f64` this is 2^63, past i64::MAX: read from the text, it is i64::MAX.
    assert_eq!(int("9223372036854775807.0"), Ok(i64::MAX));
    assert_eq!(int("92233720368547758070e-1"), Ok(i64::MAX));
}

/// As `f64` each of these is an integer within i64 (−2^63, or 9007199254740990): read from
/// the text, none is.
#[test]
fn integers_are_read_from_the_text_not_through_f64() {
    assert!(int("-9223372036854775809").is_err());
    assert!(int("-9223372036854775809.0").is_err());
    assert!(int("-9223372036854775808.5").is_err());
    assert!(int("9007199254740990.5").is_err());
    assert!(int("1e-400").is_err());
    assert!(int("1.00000000000000000001").is_err());
    // Through a `Value` (documents with a repeated key) there is no text: the `f64` decides.
    let value: serde_json::Value = serde_json::from_str(r#"{"v": 1e3}"#).unwrap();
    assert_eq!(Int::deserialize(&value).unwrap().v, 1000);
}

#[test]
fn non_integers_and_out_of_range() {
    let half = int("1.5").unwrap_err();
    assert!(
        half.starts_with("invalid value: floating point `1.5`, expected an integer"),
        "{half}"
    );
    assert!(int("1e-10").is_err());
    assert!(int("0.1").is_err());
    let big = int("9223372036854775808").unwrap_err();
    assert!(
        big.starts_with("invalid value: integer `9223372036854775808`"),
        "{big}"
    );
    assert!(int("9223372036854775808.0").is_err());
    assert!(int("18446744073709551616").is_err());
    assert!(int("18446744073709551615").is_err());
    assert!(int("1e19").is_err());
    assert!(int("\"1\"").is_err());
    assert!(int("true").is_err());
    assert!(int("null").is_err());
}

#[derive(Deserialize, Debug)]
struct Formats {
    #[serde(deserialize_with = "strict")]
    id: Uuid,
    #[serde(deserialize_with = "strict")]
    at: DateTime<FixedOffset>,
    #[serde(deserialize_with = "strict")]
    on: NaiveDate,
}

fn formats(id: &str, at: &str, on: &str) -> Result<Formats, String> {
    let doc = serde_json::json!({"id": id, "at": at, "on": on});
    Formats::deserialize(doc).map_err(|e| e.to_string())
}

const ID: &str = "f308a72c-fa84-11eb-9a03-0242ac130003";

#[test]
fn formats_accept_what_jsonschema_accepts() {
    let f = formats(&ID.to_uppercase(), "2020-01-01t10:00:00.5z", "2020-02-29").unwrap();
    assert_eq!(f.id.to_string(), ID);
    assert_eq!(f.at.to_rfc3339(), "2020-01-01T10:00:00.500+00:00");
    assert_eq!(f.on.to_string(), "2020-02-29");
}

#[test]
fn formats_reject_what_serde_would_take() {
    let simple = formats(
        "f308a72cfa8411eb9a030242ac130003",
        "2020-01-01T00:00:00Z",
        "2020-01-01",
    );
    let err = simple.unwrap_err();
    assert!(
        err.contains("expected a UUID (8-4-4-4-12 hex digits)"),
        "{err}"
    );
    assert!(
        formats(
            &format!("urn:uuid:{ID}"),
            "2020-01-01T00:00:00Z",
            "2020-01-01"
        )
        .is_err()
    );
    let no_offset = formats(ID, "2020-01-01T00:00:00", "2020-01-01").unwrap_err();
    assert!(
        no_offset.contains("expected an RFC 3339 date-time with an offset"),
        "{no_offset}"
    );
    assert!(formats(ID, "2020-01-01 00:00:00Z", "2020-01-01").is_err());
    assert!(formats(ID, "2020-01-01T23:58:60Z", "2020-01-01").is_err());
    assert!(formats(ID, "2020-01-01T00:00:00Z", "2021-02-29").is_err());
    assert!(formats(ID, "2020-01-01T00:00:00Z", "+2020-01-01").is_err());
    let date_err = formats(ID, "2020-01-01T00:00:00Z", "20200101").unwrap_err();
    assert!(
        date_err.contains("expected a date (YYYY-MM-DD)"),
        "{date_err}"
    );
    let wrong_type = Formats::deserialize(
        serde_json::json!({"id": 1, "at": "2020-01-01T00:00:00Z", "on": "2020-01-01"}),
    );
    assert!(
        wrong_type
            .unwrap_err()
            .to_string()
            .starts_with("invalid type: integer `1`")
    );
}

/// What serde_json with `arbitrary_precision` hands the visitor: a one-entry map.
fn arbitrary_precision(text: &str) -> Result<i64, serde::de::value::Error> {
    use crate::de::Strict;
    let entry = [("$serde_json::private::Number", text)];
    i64::deserialize_strict(serde::de::value::MapDeserializer::new(entry.into_iter()))
}

#[test]
fn arbitrary_precision_numbers_follow_the_same_rules() {
    assert_eq!(arbitrary_precision("1.0").unwrap(), 1);
    assert_eq!(arbitrary_precision("-0").unwrap(), 0);
    assert_eq!(arbitrary_precision("1e3").unwrap(), 1000);
    assert_eq!(
        arbitrary_precision("-9223372036854775808").unwrap(),
        i64::MIN
    );
    assert!(arbitrary_precision("9223372036854775808").is_err());
    assert!(arbitrary_precision("1.5").is_err());
    assert!(arbitrary_precision("1e400").is_err());
    let other_map = [("a", "1")];
    let map = serde::de::value::MapDeserializer::new(other_map.into_iter());
    let err: Result<i64, serde::de::value::Error> = crate::de::strict(map);
    assert!(
        err.unwrap_err()
            .to_string()
            .starts_with("invalid type: map")
    );
}
