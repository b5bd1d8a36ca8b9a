//! Rendered text → syn → prettyplease, with template bugs reported as contractc's errors.

/// Parses rendered Rust; on failure, says what is wrong and shows the offending line.
pub(crate) fn parse(code: &str) -> Result<syn::File, String> {
    syn::parse_file(code).map_err(|e| describe(code, &e))
}

/// Prints a parsed file in the canonical layout, with a blank line between top-level items.
#[cfg(test)]
pub(crate) fn unparse(file: &syn::File) -> String {
    space_items(&prettyplease::unparse(file))
}

/// prettyplease prints items back to back; a blank line after the module doc and after
/// every top-level item that ends at column 0 makes the file readable in review.
#[cfg(test)]
pub(crate) fn space_items(code: &str) -> String {
    let mut spacer = Spacer::new(String::with_capacity(code.len() + code.len() / 16));
    spacer.push(code);
    spacer.finish()
}

/// Appends printed Rust, piece by piece, with the blank lines of [`space_items`]: the
/// result is the same as spacing the whole text at once.
pub(crate) struct Spacer {
    out: String,
    /// Whether the previous line ended an item, and whether it was a module doc line.
    prev: Option<(bool, bool)>,
}

impl Spacer {
    /// Starts after `out`, which is kept as it is.
    pub(crate) fn new(out: String) -> Self {
        Spacer { out, prev: None }
    }

    /// Appends whole lines (`text` ends with a newline, or is the end of the file).
    pub(crate) fn push(&mut self, text: &str) {
        const STARTS: &[&str] = &[
            "///", "#[", "pub ", "impl ", "static ", "const ", "fn ", "use ",
        ];
        for line in text.lines() {
            let module_doc = line.starts_with("//!");
            if let Some((ended, prev_doc)) = self.prev {
                let starts_item = STARTS.iter().any(|s| line.starts_with(s));
                if starts_item && (ended || (prev_doc && !module_doc)) {
                    self.out.push('\n');
                }
            }
            self.out.push_str(line);
            self.out.push('\n');
            let ended = line == "}"
                || (!line.starts_with(' ') && (line.ends_with(';') || line.ends_with("{}")));
            self.prev = Some((ended, module_doc));
        }
    }

    /// The text so far.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// `does not parse as Rust (expected ...) at generated line N: <line>`.
fn describe(code: &str, e: &syn::Error) -> String {
    let start = e.span().start();
    let line = code
        .lines()
        .nth(start.line.saturating_sub(1))
        .unwrap_or_default()
        .trim();
    if start.line == 0 {
        format!("renders Rust that does not parse: {e}")
    } else {
        format!(
            "renders Rust that does not parse: {e}, at generated line {}, column {}: `{line}`",
            start.line,
            start.column + 1
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_show_the_offending_line() {
        let Err(err) = parse("pub struct A;\npub struct B {\n  x: u8,\n  y u8,\n}\n") else {
            panic!("parsed");
        };
        assert!(err.contains("generated line 4"), "{err}");
        assert!(err.contains("`y u8,`"), "{err}");
    }

    #[test]
    fn valid_code_is_formatted() {
        let file = parse("pub   struct A{x:u8}").unwrap();
        assert_eq!(unparse(&file), "pub struct A {\n    x: u8,\n}\n");
    }

    #[test]
    fn top_level_items_are_separated_by_a_blank_line() {
        let file =
            parse("//! Doc.\npub struct A{x:u8} pub struct B{} impl A{fn f(){} fn g(){}}").unwrap();
        assert_eq!(
            unparse(&file),
            "//! Doc.\n\npub struct A {\n    x: u8,\n}\n\npub struct B {}\n\nimpl A {\n    fn f() {}\n    fn g() {}\n}\n"
        );
    }
}
