//! Evolution: which changes between two catalogs break which readers (`contractc diff`).
//!
//! Definitions are matched by name, whatever file they live in. A change is judged by the
//! documents each side accepts:
//!
//! - it breaks **backward** compatibility when a document valid under OLD is rejected by a
//!   consumer on NEW (consumers upgraded first, old data still in flight or stored);
//! - it breaks **forward** compatibility when a document valid under NEW is rejected by a
//!   consumer on OLD (producers upgraded first).
//!
//! Messages are compared field by field; records and enums are compared through the
//! messages that use them, by structure, so a change inside a record is reported for every
//! message that reaches it (once per message, at the first path in field order), and renaming
//! a record changes nothing on the wire. Weakened identity is reported in every mode.
//!
//! [`changes`] lists every difference with its [`Impact`]; [`diff`] keeps the ones that break
//! a [`Mode`] and turns them into diagnostics. [`load`] reads OLD and NEW (directories or
//! `git:REV`) into one source map.

mod constraints;
mod fields;
pub mod git;
pub mod load;
mod messages;
#[cfg(test)]
mod tests;

use crate::diag::{Code, Diagnostic, Diagnostics, Severity};
use crate::model::Catalog;
use crate::source::Pos;

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
}

impl Mode {
    /// The name written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Backward => "backward",
            Mode::Forward => "forward",
            Mode::Full => "full",
        }
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
    /// `Backward`, widened to `Both` when `also_forward` holds.
    pub fn backward_and(also_forward: bool) -> Self {
        if also_forward {
            Impact::Both
        } else {
            Impact::Backward
        }
    }

    /// `Forward`, widened to `Both` when `also_backward` holds.
    pub fn forward_and(also_backward: bool) -> Self {
        if also_backward {
            Impact::Both
        } else {
            Impact::Forward
        }
    }

    /// The severity of the change under `mode`; `None` when it breaks nothing the mode protects.
    pub fn severity(self, mode: Mode) -> Option<Severity> {
        match (self, mode) {
            (Impact::Warning, _) => Some(Severity::Warning),
            (Impact::Backward, Mode::Forward) | (Impact::Forward, Mode::Backward) => None,
            _ => Some(Severity::Error),
        }
    }

    /// The clause appended to a diagnostic's message.
    fn clause(self) -> &'static str {
        match self {
            Impact::Backward => "breaks backward compatibility",
            Impact::Forward => "breaks forward compatibility",
            Impact::Both => "breaks backward and forward compatibility",
            Impact::Identity => "weakens identity",
            Impact::Warning => "readers may disagree",
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
}

impl Change {
    /// The diagnostic for this change at `severity`.
    pub fn to_diagnostic(&self, severity: Severity) -> Diagnostic {
        let mut d = Diagnostic::new(
            self.code,
            self.pos,
            format!("{} ({})", self.message, self.impact.clause()),
        );
        d.severity = severity;
        d
    }
}

/// Every change between `old` and `new` that may break a reader, in name order.
pub fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    messages::compare(old, new)
}

/// The changes from `old` to `new` that break `mode`, as sorted diagnostics.
pub fn diff(old: &Catalog, new: &Catalog, mode: Mode) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for change in changes(old, new) {
        if let Some(severity) = change.impact.severity(mode) {
            diags.push(change.to_diagnostic(severity));
        }
    }
    diags.sort();
    diags
}
