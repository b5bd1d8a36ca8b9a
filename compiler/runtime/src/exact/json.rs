//! Parse and validate in one call.

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Segment, Track};

use crate::de::Exact;
use crate::exact::scan::{Keys, scan};
use crate::lines::MAX_LINE_BYTES;
use crate::validate::{Validate, Violation, Violations, push_escaped};

/// Parse JSON bytes into `T` and validate; a structural error gives one [`Violation`] with
/// the JSON pointer of where parsing failed (re-parsing with position tracking only then).
///
/// The document is read as the `jsonschema` crate sees it after `serde_json` parsed it into a
/// `Value`: anything such a parse rejects is rejected (a 129-deep array under an ignored key,
/// `1e400`), an object that repeats a key keeps the last value (serde's derive would reject
/// the repeated field), structs are read from objects only and enums from strings only
/// ([`crate::de::Exact`]). Nesting deeper than 128 is an error, never a stack overflow.
///
/// One pass in the common case: the typed parse runs first, watched so that its success
/// proves the document well formed with distinct keys (`whole.rs`); a document it cannot
/// decide (any error, a repeated key, over 16 MiB) takes the scan path, which decides every
/// document alone, so the outcome is the same either way (see [`crate::exact`]).
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
        Some(value) => value,
        None => scanned::<T>(bytes)?,
    };
    value.validate().map(|()| value)
}

/// The scan path: the scan first (syntax, depth, repeated keys), then the typed parse it
/// calls for. It decides any document alone; [`from_json`] takes it when the single pass
/// cannot decide.
pub(crate) fn scanned<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Violations> {
    Ok(match scan(bytes) {
        Ok(Keys::Distinct) => from_bytes::<T>(bytes)?,
        Ok(Keys::Repeated) if bytes.len() > MAX_LINE_BYTES => return Err(too_big_to_repeat()),
        Ok(Keys::Repeated) => from_value::<T>(bytes)?,
        Err(err) => return Err(Violations::from(vec![locate::<Value>(bytes, err)])),
    })
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

/// The typed parse of a document without repeated keys.
fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Violations> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    T::deserialize(Exact(&mut de))
        .and_then(|v| de.end().map(|()| v))
        .map_err(|err| Violations::from(vec![locate::<T>(bytes, err)]))
}

/// The typed parse of a document with repeated keys, through a `Value` (last key wins).
fn from_value<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Violations> {
    let mut value: Value = serde_json::from_slice(bytes)
        .map_err(|err| Violations::from(vec![locate::<Value>(bytes, err)]))?;
    // A `Value` holds `9223372036854775807.0` as 2^63: put the exact integers back, as
    // `contractc validate` does. (A fraction that reads as an integral `f64` stays one here.)
    if let Some(found) = crate::numbers::misread(bytes) {
        crate::numbers::fix_integers(&mut value, found);
    }
    // The typed parse reads each number from the `Value`'s text, where a large integral float
    // is respelt (−2^63 as `-9.223372036854776e18`, read exactly another integer).
    crate::numbers::spell_integers_exactly(&mut value);
    let mut track = Track::new();
    T::deserialize(Exact(serde_path_to_error::Deserializer::new(
        &value, &mut track,
    )))
    .map_err(|err| {
        Violations::from(vec![Violation {
            pointer: pointer(&track.path()),
            message: plain_words(&err.to_string()),
        }])
    })
}

/// Re-parses `bytes` tracking the path, to say where `err` happened.
fn locate<T: DeserializeOwned>(bytes: &[u8], err: serde_json::Error) -> Violation {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut track = Track::new();
    let tracked = T::deserialize(Exact(serde_path_to_error::Deserializer::new(
        &mut de, &mut track,
    )))
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
