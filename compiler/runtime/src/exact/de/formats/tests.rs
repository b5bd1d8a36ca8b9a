use super::*;

/// The time cases of `jsonschema` 0.61's own `test_is_valid_time`, as date-time suffixes;
/// its leap seconds (`23:59:60Z`) are outside the portable syntax, so they are `false` here.
const TIMES: &[(&str, bool)] = &[
    ("23:59:59Z", true),
    ("00:00:00Z", true),
    ("12:30:45.123Z", true),
    ("23:59:60Z", false),
    ("12:30:45+01:00", true),
    ("12:30:45-01:00", true),
    ("23:59:60+00:00", false),
    ("23:59:59+01:00", true),
    ("23:59:59A", false),
    ("12:3:45Z", false),
    ("12:30:4Z", false),
    ("12-30-45Z", false),
    ("12:30:45Z+01:00", false),
    ("12:30:45A01:00", false),
    ("12:30:45++01:00", false),
    ("12:30:45+01:60", false),
    ("12:30:45+24:00", false),
    ("12:30:45.", false),
    ("24:00:00Z", false),
    ("12:60:00Z", false),
    ("12:30:61Z", false),
    ("12:30:60+01:00", false),
    ("23:59:60Z+01:00", false),
    ("23:59:60+00:30", false),
    ("ab:59:59Z", false),
    ("23:ab:59Z", false),
    ("23:59:abZ", false),
    ("23:59:59aZ", false),
    ("12:30:45+ab:00", false),
    ("12:30:45+01:ab", false),
    ("12:30:45.abcZ", false),
];

#[test]
fn times_agree_with_jsonschema_own_cases() {
    for &(time, expected) in TIMES {
        let dt = format!("2023-01-01T{time}");
        assert_eq!(is_datetime(&dt), expected, "{dt}");
        assert_eq!(parse_datetime(&dt).is_some(), expected, "{dt}");
    }
}

#[test]
fn dates_agree_with_jsonschema_own_cases() {
    let cases = [
        ("2023-01-01", true),
        ("2020-02-29", true),
        ("1900-02-28", true),
        ("2000-02-29", true),
        ("2400-02-29", true),
        ("0000-01-01", false),
        ("0001-01-01", true),
        ("9999-12-31", true),
        ("202-12-01", false),
        ("2023-1-01", false),
        ("2023-12-1", false),
        ("2023/12/01", false),
        ("2023-13-01", false),
        ("2023-00-01", false),
        ("2023-12-32", false),
        ("2023-11-31", false),
        ("2021-02-29", false),
        ("2023-12-00", false),
        ("99999-12-01", false),
        ("1900-02-29", false),
        ("aaaa-01-12", false),
        ("20:3-01-15", false),
        ("+202-01-01", false),
        ("2023-01-01 ", false),
        ("２０２３-01-01", false),
    ];
    for (date, expected) in cases {
        assert_eq!(is_date(date), expected, "{date}");
        assert_eq!(parse_naive_date(date).is_some(), expected, "{date}");
    }
}

#[test]
fn datetime_separators_and_offsets() {
    assert!(is_datetime("2020-01-01t00:00:00z"));
    assert!(is_datetime("2020-01-01T00:00:00.123456789123Z"));
    assert!(is_datetime("2020-01-01T00:00:00-23:59"));
    assert!(!is_datetime("2020-01-01T00:00:00"));
    assert!(!is_datetime("2020-01-01 00:00:00Z"));
    assert!(!is_datetime("2020-01-01T00:00Z"));
    assert!(!is_datetime("2020-01-01T00:00:00+0100"));
    assert!(!is_datetime("2020-01-01T00:00:00+01"));
    assert!(!is_datetime("2020-01-01"));
    assert!(!is_datetime(""));
    // The first T splits: a T inside the date part is not skipped over.
    assert!(!is_datetime("T2020-01-01T00:00:00Z"));
}

/// Python's checks refuse leap seconds and year 0000, so the portable syntax leaves them out.
#[test]
fn no_leap_second_and_no_year_zero() {
    assert!(!is_datetime("1998-12-31T23:59:60Z"));
    assert!(!is_datetime("1998-12-31T15:59:60-08:00"));
    assert!(!is_datetime("1998-12-31T23:59:60.5Z"));
    assert!(is_datetime("1998-12-31T23:59:59.999Z"));
    assert!(!is_datetime("0000-01-01T00:00:00Z"));
    assert!(is_datetime("0001-01-01T00:00:00Z"));
    assert!(!is_date("0000-12-31"));
    assert!(parse_datetime("0000-01-01T00:00:00+01:00").is_none());
}

#[test]
fn datetime_values_keep_offset_and_truncate_nanos() {
    let dt = parse_datetime("2020-06-01T12:00:00.1234567899+05:30").unwrap();
    assert_eq!(dt.offset().local_minus_utc(), 5 * 3600 + 30 * 60);
    assert_eq!(dt.timestamp_subsec_nanos(), 123_456_789);
    assert_eq!(dt.to_rfc3339(), "2020-06-01T12:00:00.123456789+05:30");
    let first_year = parse_datetime("0001-01-01T00:00:00+01:00").unwrap();
    assert_eq!(first_year.naive_utc().to_string(), "0000-12-31 23:00:00");
}

#[test]
fn uuid_hyphenated_only_any_case() {
    let lower = "f308a72c-fa84-11eb-9a03-0242ac130003";
    assert!(is_uuid(lower));
    assert!(is_uuid(&lower.to_uppercase()));
    assert!(is_uuid("F308a72c-FA84-11eb-9a03-0242AC130003"));
    assert_eq!(parse_uuid(lower).unwrap().to_string(), lower);
    assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
    for bad in [
        "f308a72cfa8411eb9a030242ac130003",
        "{f308a72c-fa84-11eb-9a03-0242ac130003}",
        "urn:uuid:f308a72c-fa84-11eb-9a03-0242ac130003",
        "f308a72c-fa84-11eb-9a03-0242ac13000",
        "f308a72c-fa84-11eb-9a03-0242ac1300034",
        "g308a72c-fa84-11eb-9a03-0242ac130003",
        "f308a72c_fa84-11eb-9a03-0242ac130003",
        "f308a72-cfa84-11eb-9a03-0242ac130003",
        " 308a72c-fa84-11eb-9a03-0242ac130003",
        "+308a72c-fa84-11eb-9a03-0242ac130003",
        "f308a72c-fa84-11eb-9a03-0242ac1300\u{e9}",
        "f308a72c-fa84-11eb-9a03-0242ac13000\u{0}",
        "",
    ] {
        assert!(!is_uuid(bad), "{bad}");
    }
}
