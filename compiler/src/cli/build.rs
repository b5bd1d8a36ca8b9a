//! `contractc build`: check, then write JSON Schemas and Rust; `--check` compares instead.

use super::check::{report, summary};
use super::{CatalogArg, FINDINGS, ReportArgs, USAGE};
use clap::Args;
use contractc::build::generate;
use contractc::emit::rust::Templates;
use std::path::PathBuf;

/// Arguments of `contractc build`.
#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    catalog: CatalogArg,
    /// Output directory: `DIR/jsonschema/<name>.schema.json` and `DIR/rust/contracts.rs`.
    #[arg(long)]
    out: PathBuf,
    /// Write nothing; fail (exit 1) when any output is missing or out of date.
    #[arg(long)]
    check: bool,
    /// Directory of Tera templates overriding the built-in ones.
    #[arg(long)]
    templates: Option<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

/// Runs the build; nothing is written unless every check and every template succeeded.
pub fn run(args: &BuildArgs) -> u8 {
    let mut checked = contractc::check_dir(&args.catalog.catalog);
    if args.report.deny_warnings {
        checked.diagnostics.deny_warnings();
    }
    if !checked.diagnostics.has_errors() {
        let templates = match &args.templates {
            Some(dir) => Templates::from_dir(dir),
            None => Ok(Templates::builtin()),
        };
        match templates.and_then(|t| generate(&checked.catalog, &t)) {
            Ok(outputs) => {
                let code = report(&mut checked, &args.report);
                summary(&checked, "built");
                return finish(args, &outputs).max(code);
            }
            Err(diags) => checked.diagnostics.extend(diags),
        }
    }
    let code = report(&mut checked, &args.report);
    summary(&checked, "checked");
    eprintln!("contractc: nothing was written");
    code
}

fn finish(args: &BuildArgs, outputs: &contractc::output::Outputs) -> u8 {
    if args.check {
        let stale = outputs.staleness(&args.out);
        for s in &stale {
            eprintln!("stale: {s}");
        }
        if stale.is_empty() {
            eprintln!(
                "contractc: {} files up to date in {}",
                outputs.files.len(),
                args.out.display()
            );
            return 0;
        }
        eprintln!(
            "contractc: {} stale files; run `contractc build --out {}`",
            stale.len(),
            args.out.display()
        );
        return FINDINGS;
    }
    match outputs.write(&args.out) {
        Ok(s) => {
            eprintln!(
                "contractc: wrote {} files, {} unchanged, {} removed in {}",
                s.written.len(),
                s.unchanged,
                s.removed.len(),
                args.out.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", args.out.display());
            USAGE
        }
    }
}
