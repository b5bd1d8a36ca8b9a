//! Arbitrary bytes through the generated crate's validate path: `validate_json` directly, and
//! the line reader a `validate` tool puts in front of it. Every input is answered `invalid`,
//! never a panic; the large ones run in a child process under a 1 GiB address-space limit.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use contractc_differential::{MESSAGE_NAMES, validate_json};
use contractc_runtime::lines::{Line, MAX_LINE_BYTES, for_each_line};

use super::harness;

const MB: usize = 1024 * 1024;

/// Small hostile inputs, each checked against every message in this process.
pub fn small_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes();
    let deep_obj = |n: usize| format!("{}null{}", "{\"a\":".repeat(n), "}".repeat(n)).into_bytes();
    vec![
        ("empty", Vec::new()),
        ("whitespace", b" \t ".to_vec()),
        ("not JSON", b"hello".to_vec()),
        ("truncated", br#"{"user_id": "u"#.to_vec()),
        ("invalid UTF-8", b"\xff\xfe\xfd".to_vec()),
        (
            "invalid UTF-8 in a string",
            b"{\"user_id\": \"\xc3\x28\"}".to_vec(),
        ),
        ("NUL bytes", b"{\0}".to_vec()),
        (
            "byte order mark",
            b"\xef\xbb\xbf{\"user_id\": \"u\"}".to_vec(),
        ),
        ("trailing garbage", br#"{"user_id": "u"} {}"#.to_vec()),
        ("10,000-deep array", deep(10_000)),
        ("10,000-deep object", deep_obj(10_000)),
        ("100,000-deep array", deep(100_000)),
        (
            "deep under a key",
            format!(r#"{{"x":{}}}"#, String::from_utf8(deep(10_000)).unwrap()).into_bytes(),
        ),
        (
            "number out of range",
            br#"{"user_id": "u", "x": 1e99999}"#.to_vec(),
        ),
        ("lone surrogate", br#"{"user_id": "\udfff"}"#.to_vec()),
    ]
}

#[test]
fn small_hostile_inputs_are_invalid_for_every_message() {
    let h = harness();
    for (what, bytes) in small_inputs() {
        for name in MESSAGE_NAMES {
            let typed = validate_json(name, &bytes).expect("a message");
            assert!(typed.is_err(), "{name} accepted {what}");
            assert!(
                !h.verdicts(name, &bytes).accepted(),
                "schema accepted {what}"
            );
        }
    }
}

/// The large inputs, by name: built in the child, so the parent never holds them.
fn large_input(case: &str) -> Vec<u8> {
    let body = |prefix: &str, fill: &str, n: usize, suffix: &str| {
        let mut v = Vec::with_capacity(prefix.len() + n * fill.len() + suffix.len());
        v.extend_from_slice(prefix.as_bytes());
        for _ in 0..n {
            v.extend_from_slice(fill.as_bytes());
        }
        v.extend_from_slice(suffix.as_bytes());
        v
    };
    match case {
        "garbage" => vec![b'a'; 100 * MB],
        "open brackets" => vec![b'['; 100 * MB],
        "long string" => body(r#"{"user_id":"u","note":""#, "a", 100 * MB, r#""}"#),
        "long identity" => body(r#"{"user_id":""#, "\u{1F600}", 8 * MB, r#""}"#),
        "many numbers" => body(r#"{"user_id":"","x":[0"#, ",1", 50 * MB, "]}"),
        "many keys" => many_keys(2_000_000),
        // Just past the 16 MiB up to which a document that repeats a key is read.
        "repeated keys" => body(r#"{"user_id":"u","user_id":"","x":[0"#, ",1", 10 * MB, "]}"),
        _ => panic!("unknown case {case}"),
    }
}

/// An object of `n` distinct keys under an ignored key (about 10 bytes a key).
fn many_keys(n: usize) -> Vec<u8> {
    let mut v = br#"{"user_id":"","x":{"#.to_vec();
    for i in 0..n {
        if i > 0 {
            v.push(b',');
        }
        v.extend_from_slice(format!(r#""{i:x}":0"#).as_bytes());
    }
    v.extend_from_slice(b"}}");
    v
}

const LARGE: &[&str] = &[
    "garbage",
    "open brackets",
    "long string",
    "long identity",
    "many numbers",
    "many keys",
    "repeated keys",
];

/// Run by the parent below in a memory-limited child: answers one large input.
#[test]
#[ignore = "run by large_inputs_are_invalid_in_bounded_memory in a child process"]
fn child_answers_one_large_input() {
    let Ok(case) = std::env::var("HOSTILE_CASE") else {
        return;
    };
    let bytes = large_input(&case);
    let verdict = validate_json("NoteRequestV1", &bytes).expect("a message");
    println!("VERDICT {}", if verdict.is_ok() { "ok" } else { "invalid" });
    // The same bytes as one line of a stream, between two valid documents: the reader
    // skips the long line without holding it, as a `validate` tool does.
    let mut stream = br#"{"user_id":"u"}"#.to_vec();
    stream.push(b'\n');
    stream.extend_from_slice(&bytes);
    drop(bytes);
    stream.extend_from_slice(b"\n{\"user_id\":\"u\"}\n");
    let mut answers = Vec::new();
    for_each_line(stream.as_slice(), MAX_LINE_BYTES, |line| {
        answers.push(match line {
            Line::Text(t) => validate_json("NoteRequestV1", t)
                .expect("a message")
                .is_ok(),
            Line::TooLong(_) => false,
        });
    })
    .expect("read");
    println!("LINES {answers:?}");
}

#[test]
fn large_inputs_are_invalid_in_bounded_memory() {
    let exe = std::env::current_exe().expect("test binary");
    for case in LARGE {
        let script = format!(
            "ulimit -v 1048576; exec '{}' --exact hostile::child_answers_one_large_input \
             --ignored --nocapture --test-threads=1",
            exe.display()
        );
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("HOSTILE_CASE", case)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        while child.try_wait().expect("wait").is_none() {
            assert!(started.elapsed() < Duration::from_secs(300), "{case}: hung");
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = child.wait_with_output().expect("output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let _ = std::io::stderr().write_all(&out.stderr);
        assert!(out.status.success(), "{case}: {:?}\n{stdout}", out.status);
        assert!(stdout.contains("VERDICT invalid"), "{case}: {stdout}");
        assert!(
            stdout.contains("LINES [true, false, true]"),
            "{case}: {stdout}"
        );
        eprintln!("hostile: {case}: invalid, {:.1?}", started.elapsed());
    }
}
