//! Reading JSON lines with a bound on memory: a line longer than the limit is skipped, not
//! held, so `validate` tools answer a 100 MB line without a 100 MB buffer.

use std::io::BufRead;

/// Longest line a `validate` tool reads; the rest of a longer line is skipped.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// One line of input: its bytes, or how long it was when it exceeded the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// The line without its `\n` (and `\r`).
    Text(&'a [u8]),
    /// A line longer than the limit; its bytes were skipped.
    TooLong(usize),
}

/// Calls `f` for every line of `reader`, holding at most `max` bytes of one line in memory.
pub fn for_each_line<R: BufRead>(
    mut reader: R,
    max: usize,
    mut f: impl FnMut(Line<'_>),
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut skipped = 0usize;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            if skipped > 0 {
                f(Line::TooLong(skipped));
            } else if !buf.is_empty() {
                f(Line::Text(trim_cr(&buf)));
            }
            return Ok(());
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if skipped > 0 || buf.len() + part.len() > max {
            skipped += buf.len() + part.len();
            buf.clear();
        } else {
            buf.extend_from_slice(part);
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            if skipped > 0 {
                f(Line::TooLong(skipped));
            } else {
                f(Line::Text(trim_cr(&buf)));
            }
            buf.clear();
            skipped = 0;
        }
    }
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<String> {
        let mut out = Vec::new();
        for_each_line(input, max, |l| {
            out.push(match l {
                Line::Text(t) => String::from_utf8_lossy(t).into_owned(),
                Line::TooLong(n) => format!("<{n}>"),
            });
        })
        .unwrap();
        out
    }

    #[test]
    fn splits_lines_and_caps_long_ones() {
        assert_eq!(lines(b"a\nb\r\n\nc", 10), ["a", "b", "", "c"]);
        assert_eq!(
            lines(b"short\nthis line is long\nok\n", 8),
            ["short", "<17>", "ok"]
        );
        assert_eq!(lines(b"", 8), Vec::<String>::new());
    }
}
