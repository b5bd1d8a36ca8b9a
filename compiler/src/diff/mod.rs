//! Evolution: which changes between two catalogs break which readers (`contractc diff`).
//!
//! One rule decides every verdict, by the documents each side accepts:
//!
//! - a change breaks **backward** compatibility when a document valid under OLD is rejected
//!   by a consumer on NEW (consumers upgraded first, old data still in flight or stored);
//! - it breaks **forward** compatibility when a document valid under NEW is rejected by a
//!   consumer on OLD (producers upgraded first).
//!
//! Each node of a message is compared as a set of values ([`values`]): where the two sets
//! differ, the change names the directions that break and, for each, a *witness*: a whole
//! document valid on one side and rejected by the other, checked before it is shown. Where
//! inclusion cannot be decided (two different patterns) and no witness is found, the
//! direction is reported and the message says it was not decided. Three verdicts are choices
//! rather than documents: a changed topic or kind, and weakened identity, are reported though
//! no document shows them (routing and attribution break, not parsing), and a removed message
//! is reported forward too (readers on OLD wait for data nobody produces).
//!
//! Messages are compared field by field; records and enums through the messages that use
//! them, by structure, so a change inside a record is reported for every message that
//! reaches it (once per message, at the first path in field order), and renaming a record
//! changes nothing on the wire.
//!
//! [`changes`] lists every difference; [`diff`] keeps the ones that break a [`Mode`];
//! [`diff_all`] runs a transitive mode against several OLD catalogs. [`load`] reads the
//! catalogs (directories or `git:REV`) into one source map; [`rules`] is the rules table.

mod compare;
mod constraints;
mod fields;
pub mod git;
mod lists;
pub mod load;
mod messages;
mod numbers;
mod pattern;
pub mod rules;
mod sample;
#[cfg(test)]
mod tests;
mod text;
mod values;
mod witness;

use crate::diag::{Code, Diagnostic, Diagnostics, Severity, Witness};
use crate::model::Catalog;
use crate::source::Pos;
use serde_json::Value;

/// Which readers must keep working (`--mode`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Consumers on NEW read data written under OLD.
    Backward,
    /// Consumers on OLD read data written under NEW.
    Forward,
    /// Both backward and forward.
    #[default]
    Full,
    /// Backward, against every OLD catalog given.
    BackwardTransitive,
    /// Forward, against every OLD catalog given.
    ForwardTransitive,
    /// Full, against every OLD catalog given.
    FullTransitive,
}

impl Mode {
    /// The name written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Backward => "backward",
            Mode::Forward => "forward",
            Mode::Full => "full",
            Mode::BackwardTransitive => "backward-transitive",
            Mode::ForwardTransitive => "forward-transitive",
            Mode::FullTransitive => "full-transitive",
        }
    }

    /// The directions judged against each OLD catalog.
    pub fn base(self) -> Mode {
        match self {
            Mode::BackwardTransitive => Mode::Backward,
            Mode::ForwardTransitive => Mode::Forward,
            Mode::FullTransitive => Mode::Full,
            m => m,
        }
    }

    /// Whether NEW is compared with every OLD catalog of a list, not with one.
    pub fn is_transitive(self) -> bool {
        self.base() != self
    }

    fn protects_backward(self) -> bool {
        matches!(self.base(), Mode::Backward | Mode::Full)
    }

    fn protects_forward(self) -> bool {
        matches!(self.base(), Mode::Forward | Mode::Full)
    }
}

/// Whom a change breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Consumers on NEW may reject data written under OLD.
    Backward,
    /// Consumers on OLD may reject data written under NEW.
    Forward,
    /// Both directions.
    Both,
    /// Identity was weakened: an error in every mode, whatever the readers do.
    Identity,
    /// Nobody is rejected, but the two sides may read a document differently: a warning.
    Warning,
}

impl Impact {
    /// The impact of a change that breaks the directions given (`None` when neither).
    pub fn of(backward: bool, forward: bool) -> Option<Self> {
        match (backward, forward) {
            (true, true) => Some(Impact::Both),
            (true, false) => Some(Impact::Backward),
            (false, true) => Some(Impact::Forward),
            (false, false) => None,
        }
    }

    /// The severity of the change under `mode`; `None` when it breaks nothing the mode protects.
    pub fn severity(self, mode: Mode) -> Option<Severity> {
        match self {
            Impact::Warning => Some(Severity::Warning),
            Impact::Identity | Impact::Both => Some(Severity::Error),
            Impact::Backward => mode.protects_backward().then_some(Severity::Error),
            Impact::Forward => mode.protects_forward().then_some(Severity::Error),
        }
    }

    /// The clause appended to a diagnostic's message.
    fn clause(self, mode: Mode) -> &'static str {
        match (self, mode.base()) {
            (Impact::Backward, _) | (Impact::Both, Mode::Backward) => {
                "breaks backward compatibility"
            }
            (Impact::Forward, _) | (Impact::Both, Mode::Forward) => "breaks forward compatibility",
            (Impact::Both, _) => "breaks backward and forward compatibility",
            (Impact::Identity, _) => "weakens identity",
            (Impact::Warning, _) => "readers may disagree",
        }
    }
}

/// What shows that a change breaks one direction.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// A document valid on one side and rejected by the other (checked by `diff`).
    Witness(Value),
    /// No document was found and the inclusion could not be decided (two different patterns):
    /// reported to be safe; the text says what was not decided.
    Undecided(String),
    /// Reported by design though no document shows it (topic, kind, a removed message).
    Choice,
}

impl Evidence {
    fn document(&self) -> Option<&Value> {
        match self {
            Evidence::Witness(v) => Some(v),
            _ => None,
        }
    }
}

/// One difference between OLD and NEW that matters to some reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Stable code from the `Evolution` block of the code table.
    pub code: Code,
    /// Whom it breaks.
    pub impact: Impact,
    /// Where in the message: `Message`, `Message.field`, `Message.list[].sub`, `Message.map{}`.
    pub path: String,
    /// What changed, naming the path.
    pub message: String,
    /// The changed node in NEW, or in OLD for something removed.
    pub pos: Pos,
    /// What shows the backward break, when there is one.
    pub backward: Option<Evidence>,
    /// What shows the forward break, when there is one.
    pub forward: Option<Evidence>,
}

impl Change {
    /// The diagnostic for this change under `mode` at `severity`: the witnesses of the
    /// directions the mode protects are shown in the help line and carried as data.
    pub fn to_diagnostic(&self, mode: Mode, severity: Severity) -> Diagnostic {
        let always = self.impact == Impact::Identity;
        let backward = self
            .backward
            .as_ref()
            .filter(|_| always || mode.protects_backward());
        let forward = self
            .forward
            .as_ref()
            .filter(|_| always || mode.protects_forward());
        let mut message = format!("{} ({})", self.message, self.impact.clause(mode));
        for (e, dir) in [(backward, "backward"), (forward, "forward")] {
            if let Some(Evidence::Undecided(why)) = e {
                message.push_str(&format!("; {dir}: not decided, {why}"));
            }
        }
        let mut d = Diagnostic::new(self.code, self.pos, message);
        d.severity = severity;
        let witness = Witness {
            backward: backward.and_then(Evidence::document).cloned(),
            forward: forward.and_then(Evidence::document).cloned(),
        };
        let mut help = d.help.clone();
        for (doc, text) in [
            (
                &witness.backward,
                "is valid under OLD and rejected by readers on NEW",
            ),
            (
                &witness.forward,
                "is valid under NEW and rejected by readers on OLD",
            ),
        ] {
            if let Some(doc) = doc {
                help.push_str(&format!("; witness: `{doc}` {text}"));
            }
        }
        d.help = help;
        if witness.backward.is_some() || witness.forward.is_some() {
            d.witness = Some(Box::new(witness));
        }
        d
    }
}

/// How undeclared keys of an open object (`unknown_fields: ignore`) are judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Judge as Confluent Schema Registry does: an open object may carry any undeclared key
    /// with any value, so declaring a key there (even optional) breaks backward, and removing
    /// one breaks forward. Off by default: a key declared on one side is taken to carry that
    /// side's type wherever it appears.
    pub strict_open_content: bool,
}

/// Every change between `old` and `new` that may break a reader, in name order.
pub fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    changes_with(old, new, Options::default())
}

/// [`changes`], with the options given.
pub fn changes_with(old: &Catalog, new: &Catalog, options: Options) -> Vec<Change> {
    messages::compare(old, new, options)
}

/// The changes from `old` to `new` that break `mode` (its base, for a transitive mode), as
/// sorted diagnostics.
pub fn diff(old: &Catalog, new: &Catalog, mode: Mode) -> Diagnostics {
    diff_with(old, new, mode, Options::default())
}

/// [`diff`], with the options given.
pub fn diff_with(old: &Catalog, new: &Catalog, mode: Mode, options: Options) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for change in changes_with(old, new, options) {
        if let Some(severity) = change.impact.severity(mode) {
            diags.push(change.to_diagnostic(mode, severity));
        }
    }
    diags.sort();
    diags
}

/// NEW against every OLD catalog of `olds` (named by the label given), as a transitive mode
/// asks; each diagnostic's message ends with the OLD it was found against.
pub fn diff_all(
    olds: &[(String, &Catalog)],
    new: &Catalog,
    mode: Mode,
    options: Options,
) -> Diagnostics {
    let mut all = Diagnostics::new();
    for (label, old) in olds {
        for mut d in diff_with(old, new, mode, options) {
            if olds.len() > 1 {
                d.message = format!("{} [against {label}]", d.message);
            }
            all.push(d);
        }
    }
    all.sort();
    all
}
