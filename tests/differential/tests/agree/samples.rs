//! Hand-picked values near the edges of each format and pattern of the catalog: the
//! generators draw from these, so a run meets the interesting cases often.

/// Characters of 1 to 4 UTF-8 bytes, combining marks, JSON escapes and line terminators.
pub const CHARS: &[char] = &[
    'a',
    'b',
    'Z',
    '0',
    '9',
    '_',
    '-',
    ' ',
    'é',
    'ü',
    '€',
    '\u{1F600}',
    '\u{10FFFF}',
    '\u{0301}',
    '"',
    '\\',
    '/',
    '~',
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{A0}',
    '\u{2028}',
    '\u{FEFF}',
    '٣',
];

/// Valid e-mail addresses of several shapes (every `atext` character, digits, hyphens,
/// IPv4-looking and numeric labels).
pub const EMAILS: &[&str] = &[
    "a@b.co",
    "joe.bloggs@example.com",
    "first.last+tag@sub-domain.example.org",
    "!#$%&'*+/=?^_`{|}~-@b.co",
    "A@B.CO",
    "a@1.2.3.4",
    "a@b.123",
];

/// Invalid or doubtful e-mail addresses: among them the ones only some validators accept
/// (quoted local parts, address literals, A-labels, non-ASCII, one label), which the portable
/// syntax leaves out.
pub const BAD_EMAILS: &[&str] = &[
    "",
    "a",
    "a@",
    "@b.co",
    "a b@c.d",
    "a@@b.co",
    "Joe <joe@example.com>",
    "a@b..co",
    ".a@b.co",
    "a@-b.co",
    "a@[300.0.0.1]",
    "a@b.co\n",
    "\"joe bloggs\"@example.com",
    "user@[127.0.0.1]",
    "user@[IPv6:2001:db8::1]",
    "δοκιμή@example.com",
    "a@xn--bcher-kva.example",
    "x@ab--cd.com",
    "a@b",
];

/// Date-times: the same instants in several spellings (equal in Rust, distinct as JSON).
pub const DATETIMES: &[&str] = &[
    "2020-01-01T00:00:00Z",
    "2020-01-01t00:00:00z",
    "2020-01-01T01:00:00+01:00",
    "2019-12-31T23:00:00-01:00",
    "2020-01-01T00:00:00.000Z",
    "2020-01-01T00:00:00.1234567891Z",
    "2020-01-01T00:00:00.1234567892Z",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-23:59",
];

/// Strings that are not RFC 3339 date-times.
pub const BAD_DATETIMES: &[&str] = &[
    "2020-01-01T00:00:00",
    "2020-01-01 00:00:00Z",
    "2020-01-01T00:00Z",
    "2020-01-01T00:00:00+0100",
    "2020-02-30T00:00:00Z",
    "2020-01-01T24:00:00Z",
    "1998-12-31T23:58:60Z",
    "2020-01-01T00:00:00.Z",
    "2020-01-01",
    "1998-12-31T23:59:60Z",
    "1998-12-31T15:59:60-08:00",
    "0000-01-01T00:00:00+01:00",
    "2020-01-01 00:00:00Z",
    "2020-01-01T00:00:00Z\n",
    "urn:2020-01-01T00:00:00Z",
];

/// Dates, leap days included.
pub const DATES: &[&str] = &[
    "2020-02-29",
    "2000-02-29",
    "1900-02-28",
    "0001-01-01",
    "9999-12-31",
];

/// Strings that are not dates.
pub const BAD_DATES: &[&str] = &[
    "2021-02-29",
    "1900-02-29",
    "2020-13-01",
    "2020-1-01",
    "20200101",
    "2020-01-01T00:00:00Z",
    "２０２０-01-01",
    "0000-01-01",
    "2020-01-01\n",
];

/// UUIDs: few distinct values, so lists repeat them (in other letter cases).
pub const UUIDS: &[&str] = &[
    "f308a72c-fa84-11eb-9a03-0242ac130003",
    "00000000-0000-0000-0000-000000000000",
    "123e4567-e89b-12d3-a456-426614174000",
];

/// Strings that are not hyphenated UUIDs.
pub const BAD_UUIDS: &[&str] = &[
    "f308a72cfa8411eb9a030242ac130003",
    "{f308a72c-fa84-11eb-9a03-0242ac130003}",
    "urn:uuid:f308a72c-fa84-11eb-9a03-0242ac130003",
    "f308a72c-fa84-11eb-9a03-0242ac13000",
    "g308a72c-fa84-11eb-9a03-0242ac130003",
    " f308a72c-fa84-11eb-9a03-0242ac130003",
    "+eb8aa08-fa84-11eb-9a03-0242ac130003",
    "f308a72c-fa84-11eb-9a03-0242ac13000-",
    "f308a72c-fa84-11eb-9a03-0242ac1300_3",
];

/// Strings that match (first) and strings that nearly match (second) each pattern of the
/// catalog, by pattern source.
pub fn pattern_samples(source: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match source {
        r"^\d{3}-\w{2}$" => (
            &["123-ab", "000-__"],
            &["123-a", "12-ab", "123-ab\n", "١٢٣-ab", "123-é1"],
        ),
        r"^\d+$" => (&["0", "0123456789"], &["", "12a", "12\n", "٣", "１"]),
        r"^\w{1,4}$" => (&["a", "_Z9", "abcd"], &["abcde", "", "é", "a b"]),
        r"a\sb" => (
            &[
                "a b",
                "a\tb",
                "xa\nby",
                "a\u{A0}b",
                "a\u{FEFF}b",
                "a\u{2028}b",
                "a\u{3000}b",
            ],
            &["a\u{85}b", "a\u{180E}b", "ab", "a_b", "a\u{200B}b"],
        ),
        r"^a.c$" => (
            &["abc", "a c", "a\u{1F600}c", "a\u{85}c"],
            &["a\nc", "a\rc", "a\u{2028}c", "ac", "abbc"],
        ),
        r"^[A-Za-z_][A-Za-z0-9_-]*$" => (&["a", "_x-1", "Z9", "a-"], &["1a", "a b", "é", "a\n"]),
        "[^a-z]" => (&["A", "abc1", "é", "\u{1F600}", "\n"], &["abc", ""]),
        r"^(cat|dog|bird)s?$" => (&["cat", "dogs", "birds"], &["cats!", "catdog", "", "Cat"]),
        r"^\D\W\S$" => (
            &["a!b", "é é", "!!!", "\u{1F600}\u{1F600}\u{1F600}"],
            &["1!b", "a1b", "a! ", "a_b"],
        ),
        "^[à-ü]+$" => (
            &["àü", "éé", "ààà"],
            &["ü", "ÿ", "aé", "e\u{0301}e", "àààà"],
        ),
        "^x" => (&["x", "xyz"], &["ax", "", "X", "\nx"]),
        "y$" => (&["y", "xy"], &["y\n", "yx", ""]),
        "^a{2,3}b*c+d?$" => (&["aac", "aaabbbcccd"], &["ac", "aaaac", "aacdd", "aabd"]),
        r"^\$\.\(\)\[\]\{\}\|\\\^\*\+\?/$" => (&["$.()[]{}|\\^*+?/"], &["$.()[]{}|\\^*+?", "x"]),
        "^[0-9a-f]{4}$" => (&["00ff", "abcd"], &["ABCD", "0ff", "00fff", "00f\n"]),
        "^[a-z]+$" => (&["a", "abcd"], &["abcde", "A", "", "ab1"]),
        r"^\w+$" => (&["a", "node_1", "abcdefgh"], &["abcdefghi", "é", "", "a-b"]),
        _ => (&[], &[]),
    }
}
