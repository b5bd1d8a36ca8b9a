//! Diagnostics are data: checks push them here, renderers print them.

mod codes;
pub mod render;

pub use codes::{Code, CodeInfo, reference_markdown};

use crate::source::Pos;
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the run.
    Error,
    /// Reported; fails the run only under `--deny-warnings`.
    Warning,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a catalog (or in a document being validated).
///
/// It points at one primary place (`pos`, with the text `label`) and at any number of
/// secondary ones (`secondary`): a name defined twice points at both definitions, as rustc's
/// "first defined here" does. Every output format shows every place.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable code from the table in `codes.rs`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where; `None` only for problems with no file (an empty catalog directory).
    pub pos: Option<Pos>,
    /// What the primary place is, shown beside it; may be empty.
    pub label: String,
    /// Other places the problem concerns, each with what it is.
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: String,
    /// Documents that show a compatibility break (`contractc diff`); `None` elsewhere.
    pub witness: Option<Box<Witness>>,
}

/// The documents that show a `contractc diff` finding: each valid on one side and rejected
/// by readers on the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Witness {
    /// Valid under OLD, rejected by readers on NEW.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backward: Option<serde_json::Value>,
    /// Valid under NEW, rejected by readers on OLD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward: Option<serde_json::Value>,
}

/// A secondary place of a diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Where.
    pub pos: Pos,
    /// What this place is (`first defined here`).
    pub text: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and help line.
    pub fn new(code: Code, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.info().severity,
            message: message.into(),
            pos: Some(pos),
            label: String::new(),
            secondary: Vec::new(),
            help: code.info().help.to_string(),
            witness: None,
        }
    }

    /// A diagnostic that belongs to no file.
    pub fn global(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.info().severity,
            message: message.into(),
            pos: None,
            label: String::new(),
            secondary: Vec::new(),
            help: code.info().help.to_string(),
            witness: None,
        }
    }

    /// Sets the text shown beside the primary place.
    pub fn with_label(mut self, text: impl Into<String>) -> Self {
        self.label = text.into();
        self
    }

    /// Adds a secondary place, e.g. `.with_secondary(first.pos, "first defined here")`.
    pub fn with_secondary(mut self, pos: Pos, text: impl Into<String>) -> Self {
        self.secondary.push(Label {
            pos,
            text: text.into(),
        });
        self
    }

    /// Replaces the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }
}

/// Every diagnostic of a run, in the order found; phases push, nobody stops early.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds a diagnostic built from a code, a position and a message.
    pub fn emit(&mut self, code: Code, pos: Pos, message: impl Into<String>) {
        self.push(Diagnostic::new(code, pos, message));
    }

    /// Moves every diagnostic of `other` into this one.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one error was found.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// Sorts by file, line, column, then code, so output does not depend on check order.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.pos.map(|p| (p.file, p.line, p.column));
            key(a)
                .cmp(&key(b))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
        self.items.dedup();
    }

    /// The diagnostics, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of diagnostics.
    pub fn len(&self) -> usize {
        self.items.len()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// The closest candidate to `word`, for "did you mean" help lines.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_finds_close_key() {
        assert_eq!(
            suggest("feilds", ["name", "fields", "kind"]),
            Some("fields")
        );
        assert_eq!(suggest("zzz", ["name", "fields"]), None);
    }
}
