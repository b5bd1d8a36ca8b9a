//! Emitters: they read only the resolved model, never YAML.

pub mod graph;
pub mod json_schema;
pub mod python;
pub mod rust;

/// A Tera error on one line: what went wrong, then the template, line and column it points at;
/// other errors with their sources, outermost first.
pub(crate) fn error_chain(e: &tera::Error) -> String {
    let mut text = match e.kind() {
        // Tera's own report spans several lines (source and carets); a diagnostic is one line.
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => format!(
            "{} (`{}`, line {}, column {})",
            r.message(),
            r.filename(),
            r.span().start_line,
            r.span().start_col + 1
        ),
        _ => e.to_string(),
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A template value as text for the literal filters: strings as they are, anything else as JSON.
pub(crate) fn template_text(v: &tera::Value) -> String {
    match v.as_str() {
        Some(s) => s.to_owned(),
        None => serde_json::to_string(v).unwrap_or_else(|_| v.to_string()),
    }
}
