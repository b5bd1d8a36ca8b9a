//! The `contractc` command line: check, build, validate, graph and diff a contract catalog.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
