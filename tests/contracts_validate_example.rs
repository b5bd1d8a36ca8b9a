//! The `validate` example, run on in-memory streams: one verdict per line in the format of
//! `contractc validate`, exit codes 0/1/2, and hostile lines answered `invalid`, never a crash.

#[path = "../generated/examples/validate.rs"]
#[allow(dead_code)] // the example's `main` is not called here
mod validate;

use std::io::{BufReader, Read};

const VALID: &str =
    r#"{"user_id":"u-1","org_id":"acme","expected_essay_count":3,"course_code":"ENG5"}"#;

/// Runs the example with `args` on `input`: exit code, stdout lines, stderr.
fn run(args: &[&str], input: impl Read) -> (u8, Vec<String>, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = validate::run(&args, BufReader::new(input), &mut out, &mut err);
    let out = String::from_utf8(out).unwrap();
    let lines = out.lines().map(str::to_owned).collect();
    (code, lines, String::from_utf8(err).unwrap())
}

fn registration(input: impl Read) -> (u8, Vec<String>) {
    let (code, lines, _) = run(&["BatchRegistrationRequestV1"], input);
    (code, lines)
}

#[test]
fn a_valid_document_is_ok_and_exits_0() {
    let input = format!("{VALID}\n{VALID}\r\n");
    assert_eq!(
        registration(input.as_bytes()),
        (0, vec!["ok".into(), "ok".into()])
    );
}

#[test]
fn every_violation_is_reported_with_its_pointer_on_one_line() {
    let input = concat!(
        r#"{"user_id":"u-1","expected_essay_count":0,"course_code":"ENG5","class_id":"","#,
        r#""student_prompt_storage_id":"XYZ"}"#,
        "\n",
        r#"{"user_id":"u-1","expected_essay_count":3,"course_code":"ENG5","colour":1}"#,
        "\n",
        r#"{"user_id":"","expected_essay_count":3,"course_code":"ENG5"}"#,
    );
    let (code, lines) = registration(input.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "invalid: /expected_essay_count: less than 1; /class_id: shorter than 1 character; \
             /student_prompt_storage_id: does not match the pattern \"^[a-f0-9]{32}$\"",
            "invalid: /colour: unknown field `colour`",
            "invalid: /user_id: shorter than 1 character",
        ]
    );
}

#[test]
fn hostile_lines_are_answered_invalid_one_line_each() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_in_field = format!(
        r#"{{"user_id":"u","expected_essay_count":3,"course_code":"ENG5","essay_ids":{deep}}}"#
    );
    let mut input: Vec<u8> = Vec::new();
    for line in [
        &b"not json"[..],
        b"\xff\xfe\x00garbage",
        b"{\"user_id\":\"\xc3\x28\"}",
        b"",
        b"null",
        deep.as_bytes(),
        deep_in_field.as_bytes(),
        VALID.as_bytes(),
    ] {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    let (code, lines) = registration(&input[..]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 8, "{lines:#?}");
    for line in &lines[..7] {
        assert!(line.starts_with("invalid: /"), "{line}");
    }
    assert_eq!(
        lines[7], "ok",
        "the line after the hostile ones is still read"
    );
}

#[test]
fn a_100_mb_line_is_invalid_and_the_next_line_is_still_read() {
    let huge = std::io::repeat(b'x').take(100 * 1024 * 1024);
    let tail = format!("\"}}\n{VALID}\n");
    let input = b"{\"a\":\"".chain(huge).chain(tail.as_bytes());
    let (code, lines) = registration(input);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "invalid: /: line of 104857608 bytes is longer than the 16777216-byte limit",
            "ok",
        ]
    );
}

#[test]
fn an_unknown_name_exits_2_and_lists_the_messages() {
    let (code, lines, err) = run(&["BatchRegistrationRequest"], &b"{}\n"[..]);
    assert_eq!(code, 2);
    assert!(lines.is_empty(), "no input is read: {lines:?}");
    assert!(err.contains("`BatchRegistrationRequest` is not a message of the catalog"));
    let listed: Vec<&str> = err.lines().filter_map(|l| l.strip_prefix("  ")).collect();
    assert_eq!(listed, contracts::MESSAGE_NAMES);
    let (code, _, err) = run(&[], &b""[..]);
    assert_eq!(code, 2);
    assert!(err.starts_with("usage: validate NAME"), "{err}");
}

#[test]
fn records_are_not_messages() {
    let (code, _, _) = run(&["EssayRefV1"], &b"{}\n"[..]);
    assert_eq!(code, 2);
}

/// The JSON Schema says `"type": "object"`; serde's derived `Deserialize` also accepts a
/// struct written as a JSON array of its fields in order, so the Rust validator says `ok`.
/// serde's derive would read a struct from an array of its fields; JSON Schema says object
/// (spec §7). The generated `Deserialize` reads structs only from objects.
#[test]
fn an_array_is_not_a_message() {
    let array = br#"["u-1",null,3,null,"ENG5"]"#;
    let (code, lines) = registration(&array[..]);
    assert_eq!(code, 1, "{lines:?}");
}
