//! `contractc diff`: the changes between two catalogs that break the readers of a mode.

use super::ReportArgs;
use super::USAGE;
use super::check::{count, report};
use clap::{Args, ValueEnum};
use contractc::diff::load::{CatalogSource, load};
use contractc::diff::{Mode, diff};

/// Arguments of `contractc diff`.
#[derive(Args)]
pub struct DiffArgs {
    /// The catalog before the change: a directory, or `git:REV` for the same catalog at a git revision.
    #[arg(value_parser = CatalogSource::parse)]
    old: CatalogSource,
    /// The catalog after the change: a directory, or `git:REV`.
    #[arg(default_value = "schemas", value_parser = CatalogSource::parse)]
    new: CatalogSource,
    /// Which readers must keep working: backward (consumers on NEW read data written under OLD),
    /// forward (consumers on OLD read data written under NEW), or full (both).
    #[arg(long, value_enum, default_value_t = ModeArg::Full)]
    mode: ModeArg,
    #[command(flatten)]
    report: ReportArgs,
}

/// Which readers must keep working (`--mode`), as [`Mode`].
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ModeArg {
    /// Consumers on NEW read data written under OLD.
    Backward,
    /// Consumers on OLD read data written under NEW.
    Forward,
    /// Both backward and forward.
    Full,
}

impl From<ModeArg> for Mode {
    fn from(mode: ModeArg) -> Mode {
        match mode {
            ModeArg::Backward => Mode::Backward,
            ModeArg::Forward => Mode::Forward,
            ModeArg::Full => Mode::Full,
        }
    }
}

/// Reads both catalogs, reports their errors or the breaking changes; returns the exit code.
pub fn run(args: &DiffArgs) -> u8 {
    let loaded = match load(&args.old, &args.new) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    if loaded.diagnostics.has_errors() {
        let mut diagnostics = loaded.diagnostics;
        let code = report(&mut diagnostics, &loaded.sources, &args.report);
        eprintln!(
            "contractc: cannot diff {} and {}: fix the catalog errors first",
            args.old, args.new
        );
        return code;
    }
    let mut d = diff(&loaded.old, &loaded.new, args.mode.into());
    let code = report(&mut d, &loaded.sources, &args.report);
    eprintln!(
        "contractc: diff {} -> {} (mode {}): {}, {}",
        args.old,
        args.new,
        Mode::from(args.mode).as_str(),
        count(d.error_count(), "breaking change"),
        count(d.warning_count(), "warning")
    );
    code
}
