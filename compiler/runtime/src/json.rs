//! Parse and validate in one call.

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

use crate::validate::{Validate, Violation, Violations, push_escaped};

/// Parse JSON bytes into `T` and validate; a structural error gives one [`Violation`] with
/// the JSON pointer of where parsing failed (re-parsing with position tracking only then).
///
/// The success path is `serde_json::from_slice` followed by [`Validate::validate`]. Nesting
/// deeper than serde_json's recursion limit (128) is an error, never a stack overflow.
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
/// ```
pub fn from_json<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, Violations> {
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => value.validate().map(|()| value),
        Err(err) => Err(Violations::from(vec![locate::<T>(bytes, err)])),
    }
}

/// Re-parses `bytes` tracking the path, to say where `err` happened.
fn locate<T: DeserializeOwned>(bytes: &[u8], err: serde_json::Error) -> Violation {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let tracked = serde_path_to_error::deserialize::<_, T>(&mut de)
        .map_err(|e| (pointer(e.path()), e.into_inner()))
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
#[path = "json_tests.rs"]
mod tests;
