//! `contractc diff`: every rule of the rules table judged in each mode, with its code, path,
//! position and witnesses (`diff/rules.rs`); the README's table regenerated from the rules
//! (`diff/readme.rs`); generated OLD/NEW pairs judged against documents checked through the
//! emitted JSON Schemas (`diff/property.rs`); records and enums reached through messages
//! (`diff/shared.rs`); the command line on fixture folders (`diff/cli.rs`); `git:REV` on
//! temporary repositories (`diff/git.rs`).

#[path = "diff/cli.rs"]
mod cli;
#[path = "diff/documents.rs"]
mod documents;
#[path = "diff/git.rs"]
mod git;
#[path = "diff/pairs.rs"]
mod pairs;
#[path = "diff/property.rs"]
mod property;
#[path = "diff/readme.rs"]
mod readme;
#[path = "diff/rules.rs"]
mod rules;
#[path = "diff/shared.rs"]
mod shared;

use contractc::diff::{Mode, diff};
use contractc::{Catalog, Diagnostics, Severity, SourceMap};
use std::path::PathBuf;

/// What a mode says about a change: an error, a warning, or nothing at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum V {
    /// Reported as an error.
    E,
    /// Reported as a warning.
    W,
    /// Not reported.
    N,
}

/// Which catalog a position is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// The catalog before the change.
    Old,
    /// The catalog after the change.
    New,
}

/// The modes in the order verdicts are written: backward, forward, full.
pub const MODES: [Mode; 3] = [Mode::Backward, Mode::Forward, Mode::Full];

/// OLD and NEW, checked into one source map (files shown as `old/...` and `new/...`).
pub struct Pair {
    /// Every file of both catalogs.
    pub sources: SourceMap,
    /// The catalog before the change.
    pub old: Catalog,
    /// The catalog after the change.
    pub new: Catalog,
}

impl Pair {
    /// Checks both catalogs; panics (with the diagnostics) when either has errors.
    pub fn load(name: &str, old: &[(&str, String)], new: &[(&str, String)]) -> Pair {
        let mut sources = SourceMap::default();
        let (old, old_diags) = contractc::check_files(&mut sources, files("old", old));
        let (new, new_diags) = contractc::check_files(&mut sources, files("new", new));
        for (side, d) in [("OLD", &old_diags), ("NEW", &new_diags)] {
            assert!(
                !d.has_errors(),
                "{name}: {side} has errors: {:#?}",
                d.iter().collect::<Vec<_>>()
            );
        }
        Pair { sources, old, new }
    }

    /// The diagnostics of `mode`.
    pub fn diff(&self, mode: Mode) -> Diagnostics {
        diff(&self.old, &self.new, mode)
    }

    /// `(side, line, column)` of a diagnostic.
    pub fn at(&self, d: &contractc::Diagnostic) -> (Side, u32, u32) {
        let pos = d.pos.expect("diff diagnostics have a position");
        let side = if self.sources.path(pos.file).starts_with("old") {
            Side::Old
        } else {
            Side::New
        };
        (side, pos.line, pos.column)
    }
}

fn files(side: &str, files: &[(&str, String)]) -> Vec<(PathBuf, PathBuf, Vec<u8>)> {
    files
        .iter()
        .map(|(name, yaml)| {
            (
                PathBuf::from(format!("{side}/{name}")),
                PathBuf::from(name),
                yaml.as_bytes().to_vec(),
            )
        })
        .collect()
}

/// The verdict a diagnostic stands for.
pub fn verdict(d: &contractc::Diagnostic) -> V {
    match d.severity {
        Severity::Error => V::E,
        Severity::Warning => V::W,
    }
}
