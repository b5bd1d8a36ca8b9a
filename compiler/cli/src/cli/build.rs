//! `contractc build`: check, then write the targets (Rust, JSON Schemas, the Python package);
//! `--check` compares instead.

use super::check::{report, summary, summary_text};
use super::{CatalogArg, FINDINGS, Format, ReportArgs, USAGE};
use clap::Args;
use contractc::build::{Builder, Built, Error};
use contractc::model::Target;
use contractc_cli::record::Record;
use std::path::PathBuf;

/// Arguments of `contractc build`.
#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    catalog: CatalogArg,
    /// Output directory: `DIR/rust/contracts.rs`, `DIR/jsonschema/<name>.schema.json` and the
    /// Python package `DIR/python/`.
    #[arg(long)]
    out: PathBuf,
    /// What to write; repeatable. Default: `targets` of contractc.yaml (rust and json-schema).
    #[arg(long = "target", value_enum, value_name = "TARGET")]
    targets: Vec<TargetArg>,
    /// Write nothing; fail (exit 1) when any output is missing or out of date.
    #[arg(long)]
    check: bool,
    /// Directory of Tera templates overriding the built-in ones.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Also generate `validate_json(name, bytes)` for messages named at run time; it
    /// compiles the parse of every message into the crate, so it is off by default.
    #[arg(long)]
    registry: bool,
    /// Check and generate even when nothing changed since the last clean build.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// A `--target` value.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetArg {
    /// `DIR/rust/contracts.rs`.
    Rust,
    /// `DIR/jsonschema/<Name>.schema.json` and `DIR/jsonschema/index.json`.
    JsonSchema,
    /// `DIR/python/`: a pip-installable package of pydantic models.
    Python,
}

impl From<TargetArg> for Target {
    fn from(arg: TargetArg) -> Target {
        match arg {
            TargetArg::Rust => Target::Rust,
            TargetArg::JsonSchema => Target::JsonSchema,
            TargetArg::Python => Target::Python,
        }
    }
}

/// Runs the build through the library's one entry point ([`Builder::run`]); nothing is
/// written unless every check and every template succeeded.
pub fn run(args: &BuildArgs) -> u8 {
    let replay =
        replayable(args).then(|| Record::replay(&args.catalog.catalog, &args.out, &options(args)));
    if let Some(record) = replay.flatten() {
        eprint!("{}", record.summary);
        eprintln!(
            "contractc: nothing changed since the last build of {}; wrote 0 files",
            args.out.display()
        );
        return 0;
    }
    let mut builder = Builder::new()
        .catalog(&args.catalog.catalog)
        .output_dir(&args.out)
        .deny_warnings(args.report.deny_warnings)
        .registry(args.registry)
        .check(args.check);
    if let Some(dir) = &args.templates {
        builder = builder.templates(dir);
    }
    if !args.targets.is_empty() {
        builder = builder.targets(args.targets.iter().copied().map(Target::from));
    }
    match builder.run() {
        Ok(mut built) => {
            let code = report(
                &mut built.checked.diagnostics,
                &built.checked.sources,
                &args.report,
            );
            let text = summary_text(&built.checked, "built");
            eprint!("{text}");
            let code = finish(args, &built).max(code);
            if !args.check && code == 0 {
                remember(args, &built, text);
            }
            code
        }
        Err(Error::Catalog { mut checked, .. }) => {
            let code = report(&mut checked.diagnostics, &checked.sources, &args.report);
            summary(&checked, "checked");
            eprintln!("contractc: nothing was written");
            code
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", args.out.display());
            USAGE
        }
    }
}

/// Whether a build may answer from the record of the last one: a plain build with the
/// built-in templates, the config's targets and human output (a machine format always gets a
/// full report).
fn replayable(args: &BuildArgs) -> bool {
    !args.check && !args.force && plain(args) && args.report.format == Format::Human
}

/// The built-in templates and the config's targets: what a record of the last build stands
/// for (a build of other targets must not stand for the next plain one).
fn plain(args: &BuildArgs) -> bool {
    args.templates.is_none() && args.targets.is_empty()
}

/// The options that change what a build writes, as the record of a build keeps them.
fn options(args: &BuildArgs) -> String {
    if args.registry { "registry" } else { "" }.to_owned()
}

/// Records a clean build (no diagnostic at all), so the next one can see it has nothing to
/// do; any other build forgets the record. A failure here only costs the next build time.
fn remember(args: &BuildArgs, built: &Built, summary: String) {
    let checked = &built.checked;
    let record = (plain(args) && checked.diagnostics.is_empty())
        .then(|| {
            let options = options(args);
            Record::new(
                &checked.sources,
                &built.outputs,
                &args.out,
                &options,
                summary,
            )
        })
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

/// Says what the build wrote, or what `--check` found stale; the exit code it calls for.
fn finish(args: &BuildArgs, built: &Built) -> u8 {
    if args.check {
        for s in &built.stale {
            eprintln!("stale: {s}");
        }
        if built.stale.is_empty() {
            eprintln!(
                "contractc: {} files up to date in {}",
                built.outputs.files.len(),
                args.out.display()
            );
            return 0;
        }
        eprintln!(
            "contractc: {} stale files; run `contractc build --out {}`",
            built.stale.len(),
            args.out.display()
        );
        return FINDINGS;
    }
    eprintln!(
        "contractc: wrote {} files, {} unchanged, {} removed in {}",
        built.written.len(),
        built.unchanged,
        built.removed.len(),
        args.out.display()
    );
    0
}
