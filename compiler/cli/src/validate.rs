//! `contractc validate`: JSON lines checked against a message's emitted JSON Schema, with the
//! `jsonschema` crate asserting `format`, and integers decided from their text
//! ([`contractc_runtime::numbers`]), not from the `f64` a `Value` holds.

mod words;

use contractc::CheckedCatalog;
use contractc::emit::json_schema;
use contractc::model::{Catalog, Definition, Type, TypeSpec};
use contractc_runtime::numbers::{self, Step};
use serde_json::Value;
use std::fmt;

pub use contractc_runtime::lines::{Line, MAX_LINE_BYTES, for_each_line};

/// A compiled JSON Schema of one message.
pub struct SchemaValidator {
    validator: jsonschema::Validator,
    /// The catalog and the message's name: what type a path of a document has.
    catalog: Catalog,
    name: String,
    /// The contract's words for each `pattern` the schema spells in its portable form.
    patterns: words::Patterns,
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
            // The same list as the typed validator prints: one message per line.
            let list: String = known.iter().map(|m| format!("\n  {m}")).collect();
            return Err(format!(
                "`{name}` is not a message of the catalog{hint}\nmessages of the catalog:{list}"
            ));
        };
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("the emitted schema of `{name}` does not compile: {e}"))?;
        Ok(SchemaValidator {
            validator,
            catalog: catalog.catalog().clone(),
            name: name.to_string(),
            patterns: words::Patterns::of(&catalog),
        })
    }

    /// The verdict on one line of input.
    pub fn check(&self, line: &[u8]) -> Verdict {
        let mut value: Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => return Verdict::invalid("", format!("not a JSON document: {e}")),
        };
        // Integers the `Value` holds as a rounded `f64` get their exact value back; numbers
        // that are not integers but read as integral doubles are judged where an `int` is.
        let fractions = numbers::misread(line)
            .map(|found| numbers::fix_integers(&mut value, found))
            .unwrap_or_default();
        let not_integers: Vec<String> = fractions
            .iter()
            .filter(|path| self.is_int_at(path))
            .map(|path| pointer(path))
            .collect();
        let mut violations: Vec<_> = self
            .validator
            .iter_errors(&value)
            .flat_map(|e| words::violations(&e, &self.patterns))
            .filter(|(at, _)| !not_integers.contains(at))
            .collect();
        // A format is stated twice (`format` and the `pattern` of its portable syntax): one
        // broken format is one violation.
        let mut seen = std::collections::HashSet::new();
        violations.retain(|v| seen.insert(v.clone()));
        for at in not_integers {
            let message = "is not an integer (its value has a fraction a double cannot hold)";
            violations.push((at, message.to_string()));
        }
        if violations.is_empty() {
            Verdict::Ok
        } else {
            Verdict::Invalid(violations)
        }
    }
}

impl SchemaValidator {
    /// Whether the contract declares an `int` at `path` of a document of this message.
    fn is_int_at(&self, path: &[Step]) -> bool {
        let Some(def) = self.catalog.get(&self.name) else {
            return false;
        };
        let mut spec: Option<&TypeSpec> = None;
        let mut object: Option<&Definition> = Some(def);
        for step in path {
            let next = match (object, spec.map(|s| &s.ty), step) {
                (Some(def), _, Step::Key(key)) => def
                    .fields()
                    .iter()
                    .find(|f| f.name.value == *key)
                    .map(|f| &f.spec),
                (None, Some(Type::Map(inner)), Step::Key(_))
                | (None, Some(Type::List(inner)), Step::Index(_)) => Some(&**inner),
                _ => None,
            };
            let Some(next) = next else { return false };
            spec = Some(next);
            object = match &next.ty {
                Type::Ref(name) => self.catalog.get(name).filter(|d| !d.fields().is_empty()),
                _ => None,
            };
        }
        spec.is_some_and(|s| s.ty == Type::Int)
    }
}

/// The JSON pointer of a path, as the `jsonschema` crate writes instance paths.
fn pointer(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
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

    /// A catalog of one message with a full-`i64` field, a default `int` and a `float`.
    fn wide() -> SchemaValidator {
        let dir = tempfile::tempdir().unwrap();
        let yaml = "name: WideV1\nkind: event\nidentity: { exempt: \"numbers only, for a test\" }\n\
                    fields:\n  n: { type: int?, min: -9223372036854775808, max: 9223372036854775807 }\n\
                    \x20 d: int?\n  f: float?\n  l: { type: list<int>?, unique: true, items: { max: 9223372036854775807 } }\n";
        std::fs::write(dir.path().join("w.yaml"), yaml).unwrap();
        let checked = contractc::check_dir(dir.path());
        assert!(
            !checked.diagnostics.has_errors(),
            "{:?}",
            checked.diagnostics
        );
        SchemaValidator::new(checked.emittable().unwrap(), "WideV1").unwrap()
    }

    fn ok(v: &SchemaValidator, doc: &str) -> bool {
        v.check(doc.as_bytes()) == Verdict::Ok
    }

    /// The i64 bug: `-9223372036854775809` (and `…808.5`, `…809.0`) passed `minimum: -2^63`,
    /// and `9223372036854775807.0`, which equals the maximum, failed: through `f64` they are
    /// −2^63 and 2^63.
    #[test]
    fn integers_are_compared_exactly_not_through_f64() {
        let v = wide();
        for bad in [
            "-9223372036854775809",
            "-9223372036854775808.5",
            "-9223372036854775809.0",
            "9223372036854775808",
            "9223372036854775807.5",
            "9.2233720368547758075e18",
        ] {
            assert!(!ok(&v, &format!(r#"{{"n": {bad}}}"#)), "{bad}");
        }
        for good in [
            "9223372036854775807.0",
            "9.223372036854775807e18",
            "-9223372036854775808.0",
            "-9223372036854775808",
            "92233720368547758070e-1",
        ] {
            assert!(ok(&v, &format!(r#"{{"n": {good}}}"#)), "{good}");
        }
        // A fraction a double rounds to an integer is still not one, in the default range too.
        assert!(!ok(&v, r#"{"d": 9007199254740990.5}"#));
        assert!(!ok(&v, r#"{"d": 1e-400}"#));
        assert!(ok(&v, r#"{"d": 9007199254740991.0}"#));
        // A float is a double: the same texts are plain numbers there.
        assert!(ok(&v, r#"{"f": 9007199254740990.5}"#));
        assert!(ok(&v, r#"{"f": 1e-400}"#));
        // Two integers one double apart are two items, and a repeated key keeps the last.
        assert!(ok(
            &v,
            r#"{"l": [9223372036854775807.0, 9223372036854775806.0]}"#
        ));
        assert!(ok(
            &v,
            r#"{"n": 9223372036854775808, "n": 9223372036854775807.0}"#
        ));
        assert!(!ok(
            &v,
            r#"{"n": 9223372036854775807.0, "n": 9223372036854775808}"#
        ));
        let Verdict::Invalid(why) = v.check(br#"{"d": 9007199254740990.5}"#) else {
            panic!("invalid");
        };
        assert_eq!(why.len(), 1);
        assert_eq!(why[0].0, "/d");
    }

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
