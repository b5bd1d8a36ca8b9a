//! The typed twin of `contractc validate`: JSON lines on stdin, checked by the generated Rust
//! types and validators of the message NAME, one `ok` or `invalid: POINTER: MESSAGE` per line.
//!
//! ```sh
//! echo '{"user_id":"u-1"}' | cargo run -p contracts --example validate -- NAME
//! ```
//!
//! Exit codes as `contractc validate`: 0 every line valid, 1 some line invalid, 2 usage or I/O
//! error (an unknown NAME lists the messages of the catalog). Lines longer than
//! [`MAX_LINE_BYTES`] are answered `invalid` without being held in memory. The example names
//! no particular contract: it works for whatever catalog the crate was built from.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use contractc_runtime::lines::{Line, MAX_LINE_BYTES, for_each_line};

/// Exit code: some line is invalid.
const FINDINGS: u8 = 1;
/// Exit code: usage or I/O error.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(
        &args,
        std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}

/// The whole program on explicit streams: arguments, input, output, errors; the exit code.
pub fn run(args: &[String], input: impl BufRead, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let [name] = args else {
        let _ = writeln!(err, "usage: validate NAME < lines.jsonl");
        list_messages(err);
        return USAGE;
    };
    if !contracts::MESSAGE_NAMES.contains(&name.as_str()) {
        let _ = writeln!(err, "error: `{name}` is not a message of the catalog");
        list_messages(err);
        return USAGE;
    }
    match answer(input, out, name) {
        Ok(true) => 0,
        Ok(false) => FINDINGS,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            USAGE
        }
    }
}

/// Lists the messages NAME may be, one per line.
fn list_messages(err: &mut impl Write) {
    let _ = writeln!(err, "messages of the catalog:");
    for name in contracts::MESSAGE_NAMES {
        let _ = writeln!(err, "  {name}");
    }
}

/// Writes one verdict per input line; true when every line was valid.
pub fn answer(input: impl BufRead, out: &mut impl Write, name: &str) -> std::io::Result<bool> {
    let mut out = std::io::BufWriter::new(out);
    let mut all_ok = true;
    let mut write_err = None;
    for_each_line(input, MAX_LINE_BYTES, |line| {
        let verdict = verdict(name, line);
        all_ok &= verdict == "ok";
        if let Err(e) = writeln!(out, "{verdict}") {
            write_err.get_or_insert(e);
        }
    })?;
    match write_err {
        Some(e) => Err(e),
        None => out.flush().map(|()| all_ok),
    }
}

/// `ok`, or `invalid: POINTER: MESSAGE; ...` on one line.
pub fn verdict(name: &str, line: Line<'_>) -> String {
    let result = match line {
        Line::Text(bytes) => contracts::validate_json(name, bytes),
        Line::TooLong(n) => {
            return format!(
                "invalid: /: line of {n} bytes is longer than the {MAX_LINE_BYTES}-byte limit"
            );
        }
    };
    match result {
        Some(Ok(())) => "ok".to_owned(),
        // One line per input: a newline inside a message would break the protocol.
        Some(Err(violations)) => format!("invalid: {violations}").replace(['\n', '\r'], " "),
        None => format!("invalid: /: `{name}` is not a message of the catalog"),
    }
}
