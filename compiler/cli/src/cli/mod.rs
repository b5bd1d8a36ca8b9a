//! Argument parsing and the subcommands; each returns an exit code (0 ok, 1 findings, 2 usage/IO).

mod build;
mod check;
mod diff;
mod editor_schema;
mod explain;
mod graph;
mod validate;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code: the catalog (or a validated document) has errors.
pub const FINDINGS: u8 = 1;
/// Exit code: usage or I/O error.
pub const USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "contractc",
    version,
    about = "Compile message contracts that always carry their user and organization identity.",
    after_help = "The contract language, the checks and the outputs: docs/language.md in the \
                  contractc repository. One diagnostic code: `contractc explain CODE`."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse the catalog and run every check; write nothing.
    Check(check::CheckArgs),
    /// Check, then write the JSON Schemas and the Rust code.
    Build(build::BuildArgs),
    /// Validate JSON lines against a message's JSON Schema.
    Validate(validate::ValidateArgs),
    /// Draw the messages, their caused_by edges and their identity (Mermaid or DOT).
    Graph(graph::GraphArgs),
    /// Report the changes between two catalogs that break producers or consumers.
    Diff(diff::DiffArgs),
    /// Explain a diagnostic code, or list them all.
    Explain(explain::ExplainArgs),
    /// Print the JSON Schema of contract files, for editors (yaml-language-server).
    EditorSchema,
}

/// Options shared by every command that reports diagnostics.
#[derive(Args, Clone)]
pub struct ReportArgs {
    /// Output format for diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

/// An output format for diagnostics (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-like text with source excerpts, for terminals.
    Human,
    /// One JSON object per line, for scripts.
    Json,
    /// GitHub Actions workflow commands, which become annotations on the pull request.
    Github,
    /// One SARIF 2.1.0 document, for code-scanning tools.
    Sarif,
}

/// When to use ANSI colors.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When stderr is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The catalog directory argument, default `schemas`.
#[derive(Args, Clone)]
pub struct CatalogArg {
    /// Catalog directory.
    #[arg(default_value = "schemas")]
    pub catalog: PathBuf,
}

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::EditorSchema => editor_schema::run(),
    };
    ExitCode::from(code)
}
