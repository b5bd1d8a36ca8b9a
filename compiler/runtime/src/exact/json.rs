//! Parse and validate in one call.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Segment, Track};

use crate::de::Exact;
use crate::exact::scan::{Keys, scan};
use crate::lines::MAX_LINE_BYTES;
use crate::numbers::Step;
use crate::validate::{Validate, Violation, Violations, push_escaped};

/// Parse JSON bytes into `T` and validate; a structural error gives one [`Violation`] with
/// the JSON pointer of where parsing failed (found through a `Value`, only then).
///
/// The document is read as the `jsonschema` crate sees it after `serde_json` parsed it into a
/// `Value`: anything such a parse rejects is rejected (a 129-deep array under an ignored key,
/// `1e400`), an object that repeats a key keeps the last value (serde's derive would reject
/// the repeated field), structs are read from objects only and enums from strings only
/// ([`crate::de::Exact`]). Nesting deeper than 128 is an error, never a stack overflow.
///
/// One pass in the common case: the typed parse runs first, watched so that its success
/// proves the document well formed with distinct keys (`whole.rs`); a document it cannot
/// decide (any error, a repeated key) takes the slow path, which decides every document
/// alone, so the outcome is the same either way (see [`crate::exact`]).
///
/// Memory: the scan holds a hash per key of the open objects; a document with repeated keys
/// is read through a `Value` and refused past 16 MiB ([`crate::lines::MAX_LINE_BYTES`]), the
/// one place where this parse is stricter than the `jsonschema` crate on its own.
///
/// ```
/// use contractc_runtime::{from_json, Path, Validate, Violations};
/// #[derive(serde::Deserialize)]
/// #[serde(crate = "::contractc_runtime::serde")]
/// struct Note { text: String }
/// impl Validate for Note {
///     fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
///         out.push_opt(&path.key("text"), contractc_runtime::check::max_length(&self.text, 3));
///     }
/// }
/// assert!(from_json::<Note>(br#"{"text": "abc"}"#).is_ok());
/// let long = from_json::<Note>(br#"{"text": "abcd"}"#).err().unwrap();
/// assert_eq!(long.to_string(), "/text: longer than 3 characters");
/// let wrong = from_json::<Note>(br#"{"text": 1}"#).err().unwrap();
/// assert_eq!(wrong.to_string(), "/text: expected a string, found an integer");
/// // The last of a repeated key counts, as in a `serde_json::Value`.
/// assert!(from_json::<Note>(br#"{"text": "too long", "text": "ok"}"#).is_ok());
/// assert!(from_json::<Note>(br#"["abc"]"#).is_err());
/// ```
pub fn from_json<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, Violations> {
    // One pass when the typed parse proves enough (crate::whole); else scan, then parse.
    let value = match crate::exact::whole::parse::<T>(bytes) {
        Ok(value) => value,
        Err(err) if bytes.len() > MAX_LINE_BYTES => return Err(large(bytes, &err)),
        Err(_) => scanned::<T>(bytes)?,
    };
    value.validate().map(|()| value)
}

/// The slow path: the scan first (syntax, depth, repeated keys), then the typed parse
/// through a `Value`, tracking the path so that a failure names its JSON pointer. It decides
/// any document alone; [`from_json`] takes it when the single pass cannot decide.
///
/// Each type is compiled against two deserializers only, the single pass and this one:
/// locating an error costs a `Value` of the document, not a second typed pass over its text.
pub(crate) fn scanned<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Violations> {
    match scan(bytes) {
        Ok(Keys::Repeated) if bytes.len() > MAX_LINE_BYTES => Err(too_big_to_repeat()),
        Ok(_) => {
            let (mut value, fractions) = document(bytes)?;
            let parsed = typed::<T>(&value);
            // The markers go into the `Value` only after the parse that may be kept.
            match fraction_at_int::<T>(&mut value, &fractions) {
                Some(violation) => Err(Violations::from(vec![violation])),
                None => parsed,
            }
        }
        Err(err) => Err(Violations::from(vec![locate_syntax(bytes, err)])),
    }
}

/// A document over 16 MiB that the single pass rejected is not read into a `Value` (several
/// times its size): a syntax error is located as usual and a repeated key refused, and any
/// other error is the single pass's own, at the document's root with its line and column.
fn large(bytes: &[u8], err: &serde_json::Error) -> Violations {
    let violation = match scan(bytes) {
        Err(syntax) => locate_syntax(bytes, syntax),
        Ok(Keys::Repeated) => return too_big_to_repeat(),
        Ok(Keys::Distinct) => Violation {
            pointer: String::new(),
            message: format!(
                "{} (at line {} column {}; a document longer than {MAX_LINE_BYTES} bytes is \
                 not read a second time to name the pointer)",
                without_position(err),
                err.line(),
                err.column()
            ),
        },
    };
    Violations::from(vec![violation])
}

/// A document that repeats a key is read through a `Value`, whose size is several times the
/// document's: past the line limit of the `validate` tools (16 MiB), such a document is refused
/// rather than read.
fn too_big_to_repeat() -> Violations {
    Violations::from(vec![Violation {
        pointer: String::new(),
        message: format!(
            "an object repeats a key in a document longer than {MAX_LINE_BYTES} bytes; \
             repeated keys are read only in documents up to that size"
        ),
    }])
}

/// The document as a `Value` (the last of a repeated key counts) with its integers exact,
/// and the paths of the numbers that are fractions though their `f64` reading is integral.
fn document(bytes: &[u8]) -> Result<(Value, Vec<Vec<Step>>), Violations> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|err| Violations::from(vec![locate_syntax(bytes, err)]))?;
    // A `Value` holds `9223372036854775807.0` as 2^63: put the exact integers back, as
    // `contractc validate` does.
    let found = crate::numbers::misread(bytes).unwrap_or_default();
    let fractions = crate::numbers::fix_integers(&mut value, found);
    // The typed parse reads each number from the `Value`'s text, where a large integral float
    // is respelt (−2^63 as `-9.223372036854776e18`, read exactly another integer).
    crate::numbers::spell_integers_exactly(&mut value);
    Ok((value, fractions))
}

/// The typed parse of a `Value`, naming the JSON pointer of a failure.
fn typed<T: DeserializeOwned>(value: &Value) -> Result<T, Violations> {
    let mut track = Track::new();
    T::deserialize(Exact(serde_path_to_error::Deserializer::new(
        value, &mut track,
    )))
    .map_err(|err| {
        Violations::from(vec![Violation {
            pointer: pointer(&track.path()),
            message: plain_words(&err.to_string()),
        }])
    })
}

/// A number such as `9007199254740990.5` is no integer, but its `f64` reading in a `Value`
/// is one, which a typed parse of the `Value` would take for an `int`. The parse of the text
/// (the single pass) rejects it there; so the parse is run again with each such number made
/// a plain fraction (`0.5`, `1.5`, …), and a failure at one of them is that rejection. The
/// rerun costs a parse only for documents that hold such numbers and took the slow path.
fn fraction_at_int<T: DeserializeOwned>(
    value: &mut Value,
    fractions: &[Vec<Step>],
) -> Option<Violation> {
    if fractions.is_empty() {
        return None;
    }
    for (i, path) in fractions.iter().enumerate() {
        let marker = serde_json::Number::from_f64(i as f64 + 0.5)?;
        *crate::numbers::at_mut(value, path)? = Value::Number(marker);
    }
    let violation = typed::<T>(value).err()?.into_iter().next()?;
    let at_fraction = fractions
        .iter()
        .any(|p| step_pointer(p) == violation.pointer);
    at_fraction.then_some(violation)
}

/// The JSON pointer of a path into a `Value`.
fn step_pointer(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => push_escaped(&mut out, key),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Where a syntax error is, found by a path-tracked parse of the text into a `Value`.
fn locate_syntax(bytes: &[u8], err: serde_json::Error) -> Violation {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = Track::new();
    let tracked = Value::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .map_err(|e| (pointer(&track.path()), e))
        .and_then(|_| de.end().map_err(|e| (String::new(), e)));
    let (pointer, err) = tracked.err().unwrap_or((String::new(), err));
    Violation {
        pointer,
        message: without_position(&err),
    }
}

/// The JSON pointer of a serde path (variant names are object keys in JSON).
fn pointer(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                push_escaped(&mut out, key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// serde_json's message without the ` at line L column C` suffix (the pointer says where),
/// in the words of the JSON Schema side ([`plain_words`]).
fn without_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    plain_words(text.strip_suffix(&suffix).unwrap_or(&text))
}

/// serde's messages for a broken rule, said as [`crate::check::words`] says them, so that
/// this validator and `contractc validate` name the rule the same way; other text is kept.
pub(crate) fn plain_words(message: &str) -> String {
    use crate::check::words;
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, _)) = rest.split_once("`, ")
    {
        return words::unknown_field(field);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once("`, ")
    {
        let listed = expected
            .strip_prefix("expected one of ")
            .or_else(|| expected.strip_prefix("expected "))
            .unwrap_or("");
        let allowed = listed.split(", ").map(|v| v.trim_matches('`'));
        return words::not_one_of(value, allowed.filter(|v| !v.is_empty()));
    }
    let invalid = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((found, expected)) = invalid.and_then(|rest| rest.rsplit_once(", expected ")) {
        // An integer past the 64-bit range breaks the bound JSON Schema states for `int`.
        if let Some(range) = expected.strip_prefix("an integer from ")
            && found.starts_with("integer ")
            && let Some((low, high)) = range.split_once(" to ")
        {
            return if found.contains('-') {
                words::less_than(low)
            } else {
                words::greater_than(high)
            };
        }
        let found = kind_of(found);
        return match expected {
            "a UUID (8-4-4-4-12 hex digits)" if found == "a string" => words::not_format("uuid"),
            "an RFC 3339 date-time with an offset" if found == "a string" => {
                words::not_format("date-time")
            }
            "a date (YYYY-MM-DD)" if found == "a string" => words::not_format("date"),
            _ => words::wrong_type(plain_expected(expected), found),
        };
    }
    message.to_owned()
}

/// serde's `Unexpected` as a JSON kind: `integer `1`` is an integer, `sequence` an array.
fn kind_of(unexpected: &str) -> &str {
    let word = unexpected.split(' ').next().unwrap_or(unexpected);
    match word {
        "null" | "unit" | "Option" => "null",
        "boolean" => "a boolean",
        "integer" => "an integer",
        "floating" => "a number",
        "string" | "character" => "a string",
        "sequence" => "an array",
        "map" => "an object",
        _ => unexpected,
    }
}

/// What serde's `expecting` asks for, as a JSON kind.
fn plain_expected(expected: &str) -> &str {
    if expected.starts_with("an integer") || expected == "i64" {
        "an integer"
    } else if expected == "f64" || expected.starts_with("a number") {
        "a number"
    } else if expected.starts_with("struct ") || expected == "a map" || expected == "an object" {
        "an object"
    } else if expected == "a sequence" || expected == "an array" {
        "an array"
    } else if expected.starts_with("a UUID")
        || expected.starts_with("an RFC 3339")
        || expected.starts_with("a date")
        || expected == "a string"
        || expected.starts_with("enum ")
    {
        "a string"
    } else {
        expected
    }
}

#[cfg(test)]
mod tests;
