//! Python literals for text, numbers and JSON values that end up in generated code.

use crate::model::Bound;
use serde_json::Value;

/// A Python string literal holding exactly `text`.
///
/// JSON's string syntax is a subset of Python's (serde_json writes `\"`, `\\`, `\n`, `\uXXXX`
/// and leaves the rest as it is), so a JSON string is a Python string literal.
pub(crate) fn str_lit(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// A docstring (`"""..."""`) holding `text`, its continuation lines indented by `indent`.
pub(crate) fn doc_lit(text: &str, indent: &str) -> String {
    let mut out = String::from("\"\"\"");
    let mut quotes = 0;
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(indent);
            }
        }
        for c in line.trim_end().chars() {
            quotes = if c == '"' { quotes + 1 } else { 0 };
            match c {
                '\\' => out.push_str("\\\\"),
                // A third quote in a row would close the docstring.
                '"' if quotes == 3 => {
                    out.push_str("\\\"");
                    quotes = 0;
                }
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => out.push(c),
            }
        }
        quotes = 0;
    }
    if out.ends_with('"') && !out.ends_with("\\\"") {
        out.pop();
        out.push_str("\\\"");
    }
    if text.trim().contains('\n') {
        out.push('\n');
        out.push_str(indent);
    }
    out.push_str("\"\"\"");
    out
}

/// A Python expression for a JSON value: `None`, `True`, numbers as JSON writes them, strings,
/// lists and dicts.
pub(crate) fn json_lit(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => str_lit(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_lit).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", str_lit(k), json_lit(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// A bound as a Python number: integers exactly, floats as the shortest text that reads back.
pub(crate) fn bound_lit(bound: Bound) -> String {
    match bound {
        Bound::Int(i) => i.to_string(),
        Bound::Float(f) => {
            let text = format!("{f:?}");
            if text.contains(['.', 'e', 'E']) {
                text
            } else {
                format!("{text}.0")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(str_lit("a\"b\\c\nd\u{0}é"), r#""a\"b\\c\nd\u0000é""#);
    }

    #[test]
    fn docstrings_cannot_close_early() {
        assert_eq!(doc_lit("One line.", "    "), "\"\"\"One line.\"\"\"");
        assert_eq!(
            doc_lit("Ends in \"quotes\"", "    "),
            "\"\"\"Ends in \"quotes\\\"\"\"\""
        );
        assert_eq!(
            doc_lit("a \"\"\" b \\ c", ""),
            "\"\"\"a \"\"\\\" b \\\\ c\"\"\""
        );
        assert_eq!(
            doc_lit("First.\n\n  - item", "    "),
            "\"\"\"First.\n\n      - item\n    \"\"\""
        );
    }

    #[test]
    fn json_values_become_python() {
        let v = json!({"a": [1, 2.5, null, true, "x"], "b": {}});
        assert_eq!(json_lit(&v), r#"{"a": [1, 2.5, None, True, "x"], "b": {}}"#);
    }

    #[test]
    fn bounds_read_back_exactly() {
        assert_eq!(bound_lit(Bound::Int(i64::MIN)), "-9223372036854775808");
        assert_eq!(bound_lit(Bound::Float(1000.0)), "1000.0");
        assert_eq!(bound_lit(Bound::Float(0.1)), "0.1");
        assert_eq!(bound_lit(Bound::Float(1e300)), "1e300");
    }
}
