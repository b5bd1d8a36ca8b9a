//! `contractc build`: check, then write JSON Schemas and Rust; `--check` compares instead.

use super::check::{report, summary, summary_text};
use super::{CatalogArg, FINDINGS, ReportArgs, USAGE};
use clap::Args;
use contractc::Checked;
use contractc::build::generate;
use contractc::diag::render::Format;
use contractc::emit::rust::Templates;
use contractc::output::Outputs;
use contractc::record::Record;
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
    /// Check and generate even when nothing changed since the last clean build.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// Runs the build; nothing is written unless every check and every template succeeded.
pub fn run(args: &BuildArgs) -> u8 {
    let replay = replayable(args).then(|| Record::replay(&args.catalog.catalog, &args.out));
    if let Some(record) = replay.flatten() {
        eprint!("{}", record.summary);
        eprintln!(
            "contractc: nothing changed since the last build of {}; wrote 0 files",
            args.out.display()
        );
        return 0;
    }
    let mut checked = contractc::check_dir(&args.catalog.catalog);
    if args.report.deny_warnings {
        checked.diagnostics.deny_warnings();
    }
    let generated = checked.emittable().map(|catalog| {
        let templates = match &args.templates {
            Some(dir) => Templates::from_dir(dir),
            None => Ok(Templates::builtin()),
        };
        templates.and_then(|t| generate(catalog, &t))
    });
    if let Some(generated) = generated {
        match generated {
            Ok(outputs) => {
                let code = report(&mut checked.diagnostics, &checked.sources, &args.report);
                let text = summary_text(&checked, "built");
                eprint!("{text}");
                let code = finish(args, &outputs).max(code);
                if !args.check && code == 0 {
                    remember(args, &checked, &outputs, text);
                }
                return code;
            }
            Err(diags) => checked.diagnostics.extend(diags),
        }
    }
    let code = report(&mut checked.diagnostics, &checked.sources, &args.report);
    summary(&checked, "checked");
    eprintln!("contractc: nothing was written");
    code
}

/// Whether a build may answer from the record of the last one: a plain build with the
/// built-in templates and human output (a machine format always gets a full report).
fn replayable(args: &BuildArgs) -> bool {
    !args.check && !args.force && args.templates.is_none() && args.report.format == Format::Human
}

/// Records a clean build (no diagnostic at all), so the next one can see it has nothing to
/// do; any other build forgets the record. A failure here only costs the next build time.
fn remember(args: &BuildArgs, checked: &Checked, outputs: &Outputs, summary: String) {
    let record = (args.templates.is_none() && checked.diagnostics.is_empty())
        .then(|| Record::new(&checked.sources, outputs, &args.out, summary))
        .flatten();
    let saved = match record {
        Some(record) => record.save(&args.out),
        None => Record::forget(&args.out),
    };
    if let Err(e) = saved {
        eprintln!(
            "warning: cannot record the build in {}: {e}",
            args.out.display()
        );
    }
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
