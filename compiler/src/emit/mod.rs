//! Emitters: they read only the resolved model, never YAML.

pub mod graph;
pub mod json_schema;
pub mod python;
pub mod rust;

/// Every message of an error and its sources, outermost first (Tera nests the cause).
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
