//! `contractc validate` on hostile standard input: every line gets its own `ok` or
//! `invalid: ...`, in order, from the real binary under a 1 GiB address-space limit; never a
//! panic, a hang, or unbounded memory.

#[path = "support/child.rs"]
mod child;

use std::process::Command;
use std::time::Duration;

/// Far above a real run; only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(300);

const MB: usize = 1024 * 1024;

struct Outcome {
    status: i32,
    lines: Vec<String>,
    stderr: String,
}

/// Runs `contractc validate` on the differential catalog's `contract` with `input` on stdin.
fn validate(contract: &str, input: Vec<u8>) -> Outcome {
    let bin = env!("CARGO_BIN_EXE_contractc");
    let catalog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/differential/catalog"
    );
    let script =
        format!("ulimit -v 1048576; exec '{bin}' validate '{catalog}' --contract {contract}");
    let mut command = Command::new("sh");
    command.arg("-c").arg(script);
    let out = child::run(command, Some(input), HANG_GUARD, "contractc validate");
    Outcome {
        status: out.status,
        lines: String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn line(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(bytes);
    out.push(b'\n');
}

#[test]
fn every_hostile_line_is_answered_invalid_in_order() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let mut input = Vec::new();
    line(&mut input, br#"{"user_id":"u"}"#);
    line(&mut input, b"not json");
    line(&mut input, b"\xff\xfe\x00\x01");
    line(&mut input, b"{\"user_id\":\"\xc3\x28\"}");
    line(&mut input, &vec![b'a'; 100 * MB]);
    line(&mut input, deep(10_000).as_bytes());
    line(
        &mut input,
        format!(r#"{{"user_id":"u","x":{}}}"#, deep(10_000)).as_bytes(),
    );
    line(&mut input, br#"{"user_id":"u","x":1e400}"#);
    let mut big = br#"{"user_id":"u","x":""#.to_vec();
    big.extend(std::iter::repeat_n(b'a', 15 * MB));
    big.extend_from_slice(br#""}"#);
    line(&mut input, &big);
    input.extend_from_slice(br#"{"user_id":"u"}"#);
    let out = validate("NoteRequestV1", input);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(out.status, 1, "stderr: {}", out.stderr);
    let verdicts: Vec<&str> = out
        .lines
        .iter()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    let expected = [
        "ok", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "ok",
        "ok",
    ];
    assert_eq!(verdicts, expected, "{:#?}", out.lines);
    assert!(
        out.lines[1].contains("not a JSON document"),
        "{}",
        out.lines[1]
    );
    assert!(out.lines[4].contains("longer than the"), "{}", out.lines[4]);
    assert!(out.lines[5].contains("recursion limit"), "{}", out.lines[5]);
}

#[test]
fn a_stream_of_binary_data_is_answered_line_by_line() {
    let mut input: Vec<u8> = (0..=255u8).cycle().take(3 * MB).collect();
    input.retain(|&b| b != b'\n');
    input.extend_from_slice(b"\n\n\x00");
    let out = validate("HeartbeatV1", input);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_eq!(out.status, 1);
    assert_eq!(out.lines.len(), 3, "{:?}", out.lines);
    assert!(
        out.lines.iter().all(|l| l.starts_with("invalid: ")),
        "{:?}",
        out.lines
    );
}
