//! `contractc check`: the identity gate.

use super::{CatalogArg, Color, FINDINGS, Format, ReportArgs, USAGE};
use clap::Args;
use contractc::diag::render;
use contractc::{Checked, Code, Diagnostics, SourceMap};
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
    let code = report(&mut checked.diagnostics, &checked.sources, &args.report);
    summary(&checked, "checked");
    code
}

/// Prints the diagnostics in the chosen format; returns the exit code they call for.
pub fn report(diagnostics: &mut Diagnostics, sources: &SourceMap, args: &ReportArgs) -> u8 {
    if args.deny_warnings {
        diagnostics.deny_warnings();
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => args.format == Format::Human && std::io::stderr().is_terminal(),
    };
    // Human output goes to stderr like rustc's; machine formats to stdout.
    let written = match args.format {
        Format::Human => render::render(
            diagnostics,
            sources,
            render::Format::Human,
            color,
            &mut std::io::stderr().lock(),
        ),
        Format::Json | Format::Github | Format::Sarif => {
            let mut out = std::io::stdout().lock();
            let written = match args.format {
                Format::Json => {
                    render::render(diagnostics, sources, render::Format::Json, false, &mut out)
                }
                Format::Github => render::render(
                    diagnostics,
                    sources,
                    render::Format::Github,
                    false,
                    &mut out,
                ),
                _ => contractc_cli::sarif::write(diagnostics, sources, &mut out),
            };
            written.and_then(|()| out.flush())
        }
    };
    if let Err(e) = written {
        eprintln!("error: cannot write diagnostics: {e}");
        return USAGE;
    }
    if only_io_errors(diagnostics) {
        USAGE
    } else if diagnostics.has_errors() {
        FINDINGS
    } else {
        0
    }
}

/// A catalog (or one of its files) that could not be read is an I/O error (exit 2), not a finding.
fn only_io_errors(diagnostics: &Diagnostics) -> bool {
    let mut errors = diagnostics
        .iter()
        .filter(|d| d.severity == contractc::Severity::Error)
        .peekable();
    errors.peek().is_some() && errors.all(|d| matches!(d.code, Code::Io | Code::CatalogIsAFile))
}

/// One summary on stderr: counts, and every exempt message with its reason. None when the
/// catalog could not be read at all: there is nothing to count.
pub fn summary(checked: &Checked, verb: &str) {
    if checked.catalog().definitions.is_empty() && only_io_errors(&checked.diagnostics) {
        return;
    }
    let _ = std::io::stderr()
        .lock()
        .write_all(summary_text(checked, verb).as_bytes());
}

/// The summary line of a run and the exempt messages, one per line.
pub fn summary_text(checked: &Checked, verb: &str) -> String {
    let catalog = checked.catalog();
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
