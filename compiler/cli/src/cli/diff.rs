//! `contractc diff`: the changes between catalogs that break the readers of a mode.

use super::ReportArgs;
use super::USAGE;
use super::check::{count, report};
use clap::{Args, ValueEnum};
use contractc::diff::load::{CatalogSource, load_all};
use contractc::diff::{Mode, Options, diff_all};

/// Arguments of `contractc diff`.
#[derive(Args)]
pub struct DiffArgs {
    /// OLD [NEW]: the catalog before the change and the one after (default `schemas`), each a
    /// directory or `git:REV` (the same catalog at a git revision). A transitive mode takes
    /// several OLD catalogs, oldest first, then NEW: `OLD... NEW`.
    #[arg(required = true, value_parser = CatalogSource::parse, value_name = "CATALOG")]
    catalogs: Vec<CatalogSource>,
    /// Which readers must keep working: backward (consumers on NEW read data written under OLD),
    /// forward (consumers on OLD read data written under NEW), full (both); the `-transitive`
    /// modes judge NEW against every OLD catalog given.
    #[arg(long, value_enum, default_value_t = ModeArg::Full)]
    mode: ModeArg,
    /// Judge open objects (`unknown_fields: ignore`) as Confluent Schema Registry does: old data
    /// may carry any undeclared key with any value, so adding an optional field breaks backward
    /// and removing one breaks forward.
    #[arg(long)]
    strict_open_content: bool,
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
    /// Backward, against every OLD catalog given.
    BackwardTransitive,
    /// Forward, against every OLD catalog given.
    ForwardTransitive,
    /// Full, against every OLD catalog given.
    FullTransitive,
}

impl From<ModeArg> for Mode {
    fn from(mode: ModeArg) -> Mode {
        match mode {
            ModeArg::Backward => Mode::Backward,
            ModeArg::Forward => Mode::Forward,
            ModeArg::Full => Mode::Full,
            ModeArg::BackwardTransitive => Mode::BackwardTransitive,
            ModeArg::ForwardTransitive => Mode::ForwardTransitive,
            ModeArg::FullTransitive => Mode::FullTransitive,
        }
    }
}

/// Reads the catalogs, reports their errors or the breaking changes; returns the exit code.
pub fn run(args: &DiffArgs) -> u8 {
    let mode = Mode::from(args.mode);
    let (olds, new) = match split(&args.catalogs, mode) {
        Ok(split) => split,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    let loaded = match load_all(olds, &new) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    let names = olds
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if loaded.diagnostics.has_errors() {
        let mut diagnostics = loaded.diagnostics;
        let code = report(&mut diagnostics, &loaded.sources, &args.report);
        eprintln!("contractc: cannot diff {names} and {new}: fix the catalog errors first");
        return code;
    }
    let options = Options {
        strict_open_content: args.strict_open_content,
    };
    let olds_ref: Vec<_> = loaded.olds.iter().map(|(l, c)| (l.clone(), c)).collect();
    let mut d = diff_all(&olds_ref, &loaded.new, mode, options);
    let code = report(&mut d, &loaded.sources, &args.report);
    eprintln!(
        "contractc: diff {names} -> {new} (mode {}): {}, {}",
        mode.as_str(),
        count(d.error_count(), "breaking change"),
        count(d.warning_count(), "warning")
    );
    code
}

/// The OLD catalogs and NEW: one argument is OLD (NEW is `schemas`); a mode that is not
/// transitive takes at most two.
fn split(
    catalogs: &[CatalogSource],
    mode: Mode,
) -> Result<(&[CatalogSource], CatalogSource), String> {
    match catalogs {
        [] => Err("give the OLD catalog".into()),
        [old] => Ok((
            std::slice::from_ref(old),
            CatalogSource::Dir("schemas".into()),
        )),
        [olds @ .., new] if olds.len() == 1 || mode.is_transitive() => Ok((olds, new.clone())),
        _ => Err(format!(
            "--mode {} compares one OLD catalog with NEW; to judge NEW against several, use --mode {}-transitive",
            mode.as_str(),
            mode.as_str()
        )),
    }
}
