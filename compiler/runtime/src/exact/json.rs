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
/// assert_eq!(wrong.to_string(), "/text: invalid type: integer `1`, expected a string");
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
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|err| Violations::from(vec![locate::<Value>(bytes, err)]))?;
    let mut track = Track::new();
    T::deserialize(Exact(serde_path_to_error::Deserializer::new(
        &value, &mut track,
    )))
    .map_err(|err| {
        Violations::from(vec![Violation {
            pointer: pointer(&track.path()),
            message: err.to_string(),
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

/// serde_json's message without the ` at line L column C` suffix (the pointer says where).
fn without_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests;
