//! `contractc check`: the identity gate.

use super::{CatalogArg, Color, FINDINGS, ReportArgs, USAGE};
use clap::Args;
use contractc::diag::render::{Format, render};
use contractc::{Checked, Code};
use std::io::{IsTerminal, Write};

/// Arguments of `contractc check`.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    catalog: CatalogArg,
    #[command(flatten)]
    report: ReportArgs,
}

/// Checks the catalog, prints the diagnostics and the summary.
pub fn run(args: &CheckArgs) -> u8 {
    let mut checked = contractc::check_dir(&args.catalog.catalog);
    let code = report(&mut checked, &args.report);
    summary(&checked, "checked");
    code
}

/// Prints the diagnostics in the chosen format; returns the exit code they call for.
pub fn report(checked: &mut Checked, args: &ReportArgs) -> u8 {
    if args.deny_warnings {
        checked.diagnostics.deny_warnings();
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => args.format == Format::Human && std::io::stderr().is_terminal(),
    };
    // Human output goes to stderr like rustc's; machine formats to stdout.
    let written = if args.format == Format::Human {
        render(
            &checked.diagnostics,
            &checked.sources,
            args.format,
            color,
            &mut std::io::stderr().lock(),
        )
    } else {
        let mut out = std::io::stdout().lock();
        render(
            &checked.diagnostics,
            &checked.sources,
            args.format,
            false,
            &mut out,
        )
        .and_then(|()| out.flush())
    };
    if let Err(e) = written {
        eprintln!("error: cannot write diagnostics: {e}");
        return USAGE;
    }
    if only_io_errors(checked) {
        USAGE
    } else if checked.diagnostics.has_errors() {
        FINDINGS
    } else {
        0
    }
}

/// A catalog (or one of its files) that could not be read is an I/O error (exit 2), not a finding.
fn only_io_errors(checked: &Checked) -> bool {
    let mut errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == contractc::Severity::Error)
        .peekable();
    errors.peek().is_some() && errors.all(|d| matches!(d.code, Code::Io | Code::CatalogIsAFile))
}

/// One summary on stderr: counts, and every exempt message with its reason. None when the
/// catalog could not be read at all: there is nothing to count.
pub fn summary(checked: &Checked, verb: &str) {
    if checked.catalog.definitions.is_empty() && only_io_errors(checked) {
        return;
    }
    let _ = std::io::stderr()
        .lock()
        .write_all(summary_text(checked, verb).as_bytes());
}

/// The summary line of a run and the exempt messages, one per line.
pub fn summary_text(checked: &Checked, verb: &str) -> String {
    let catalog = &checked.catalog;
    let messages = catalog.messages().count();
    let shared = catalog.definitions.len() - messages;
    let d = &checked.diagnostics;
    let mut out = format!(
        "contractc: {verb} {} ({}, {}) in {}: {}, {}\n",
        count(catalog.definitions.len(), "definition"),
        count(messages, "message"),
        count(shared, "shared type"),
        count(checked.sources.iter().count(), "file"),
        count(d.error_count(), "error"),
        count(d.warning_count(), "warning"),
    );
    for def in catalog.exempt_messages() {
        if let Some(contractc::model::Identity::Exempt { reason, .. }) = &def.identity {
            out.push_str(&format!(
                "  exempt from identity: {} ({reason})\n",
                def.name.value
            ));
        }
    }
    out
}

/// `1 error`, `2 errors`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
