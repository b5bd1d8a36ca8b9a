//! `contractc validate`: JSON lines checked against a message's emitted JSON Schema, with the
//! `jsonschema` crate asserting `format`.

use contractc::CheckedCatalog;
use contractc::emit::json_schema;
use std::fmt;

pub use contractc_runtime::lines::{Line, MAX_LINE_BYTES, for_each_line};

/// A compiled JSON Schema of one message.
pub struct SchemaValidator {
    validator: jsonschema::Validator,
}

impl fmt::Debug for SchemaValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SchemaValidator")
    }
}

impl SchemaValidator {
    /// Compiles the emitted schema of message `name`; the error says why there is none.
    pub fn new(catalog: CheckedCatalog<'_>, name: &str) -> Result<Self, String> {
        let Some(schema) = json_schema::message_schema(catalog, name) else {
            let known: Vec<_> = catalog.messages().map(|m| m.name.value.as_str()).collect();
            let hint = contractc::diag::suggest(name, known.iter().copied())
                .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
            return Err(format!("`{name}` is not a message of the catalog{hint}"));
        };
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("the emitted schema of `{name}` does not compile: {e}"))?;
        Ok(SchemaValidator { validator })
    }

    /// The verdict on one line of input.
    pub fn check(&self, line: &[u8]) -> Verdict {
        let value: serde_json::Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => return Verdict::invalid("", format!("not a JSON document: {e}")),
        };
        let violations: Vec<_> = self
            .validator
            .iter_errors(&value)
            .map(|e| (e.instance_path().to_string(), e.to_string()))
            .collect();
        if violations.is_empty() {
            Verdict::Ok
        } else {
            Verdict::Invalid(violations)
        }
    }
}

/// The answer for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Valid.
    Ok,
    /// Every violation: JSON pointer and message.
    Invalid(Vec<(String, String)>),
}

impl Verdict {
    /// A single violation.
    pub fn invalid(pointer: &str, message: impl Into<String>) -> Self {
        Verdict::Invalid(vec![(pointer.to_string(), message.into())])
    }
}

impl fmt::Display for Verdict {
    /// `ok`, or `invalid: POINTER: MESSAGE` with several joined by `; `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Ok => f.write_str("ok"),
            Verdict::Invalid(items) => {
                f.write_str("invalid: ")?;
                for (i, (pointer, message)) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    let pointer = if pointer.is_empty() { "/" } else { pointer };
                    // One line per input: newlines in messages would break the protocol.
                    write!(f, "{pointer}: {}", message.replace(['\n', '\r'], " "))?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_joins_violations() {
        let v = Verdict::Invalid(vec![
            ("".into(), "a".into()),
            ("/x/0".into(), "b\nc".into()),
        ]);
        assert_eq!(v.to_string(), "invalid: /: a; /x/0: b c");
        assert_eq!(Verdict::Ok.to_string(), "ok");
    }
}
