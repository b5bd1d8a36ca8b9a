//! `contractc graph`: the messages, their `caused_by` edges and their identity, as a drawing.

use super::{CatalogArg, Color, Format, ReportArgs, USAGE};
use clap::{Args, ValueEnum};
use contractc::emit::graph;
use std::io::Write;

/// Arguments of `contractc graph`.
#[derive(Args)]
pub struct GraphArgs {
    #[command(flatten)]
    catalog: CatalogArg,
    /// Drawing language of the graph printed on stdout.
    #[arg(long, value_enum, default_value_t = Drawing::Mermaid)]
    format: Drawing,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// When to color the diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// The language the graph is drawn in.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Drawing {
    /// A Mermaid flowchart, for Markdown.
    Mermaid,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
}

/// Checks the catalog; prints its diagnostics on stderr, and the graph on stdout when it has no errors.
pub fn run(args: &GraphArgs) -> u8 {
    let mut checked = contractc::check_dir(&args.catalog.catalog);
    let report = ReportArgs {
        format: Format::Human,
        deny_warnings: args.deny_warnings,
        color: args.color,
    };
    let code = super::check::report(&mut checked.diagnostics, &checked.sources, &report);
    let Some(catalog) = checked.emittable().filter(|_| code == 0) else {
        return code;
    };
    let text = match args.format {
        Drawing::Mermaid => graph::mermaid(catalog),
        Drawing::Dot => graph::dot(catalog),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot write the graph: {e}");
            USAGE
        }
    }
}
