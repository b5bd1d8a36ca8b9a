//! `contractc validate`: JSON lines against a message's emitted JSON Schema.

use super::check::{report, summary};
use super::{CatalogArg, FINDINGS, ReportArgs, USAGE};
use clap::Args;
use contractc_cli::validate::{Line, MAX_LINE_BYTES, SchemaValidator, Verdict, for_each_line};
use std::io::{BufReader, Write};
use std::path::PathBuf;

/// Arguments of `contractc validate`.
#[derive(Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    catalog: CatalogArg,
    /// The message whose schema the documents must satisfy.
    #[arg(long)]
    contract: String,
    /// File of JSON lines (default: standard input).
    #[arg(long)]
    input: Option<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

/// Answers every input line with `ok` or `invalid: ...`; exit 1 when any is invalid.
pub fn run(args: &ValidateArgs) -> u8 {
    let mut checked = contractc::check_dir(&args.catalog.catalog);
    let Some(catalog) = checked.emittable() else {
        let code = report(&mut checked.diagnostics, &checked.sources, &args.report);
        summary(&checked, "checked");
        return code;
    };
    let validator = match SchemaValidator::new(catalog, &args.contract) {
        Ok(v) => v,
        Err(message) => {
            eprintln!("error: {message}");
            return USAGE;
        }
    };
    let result = match &args.input {
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => answer(BufReader::new(file), &validator),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return USAGE;
            }
        },
        None => answer(std::io::stdin().lock(), &validator),
    };
    match result {
        Ok(true) => 0,
        Ok(false) => FINDINGS,
        Err(e) => {
            eprintln!("error: {e}");
            USAGE
        }
    }
}

/// Prints one verdict per line; true when every line was valid.
fn answer(input: impl std::io::BufRead, validator: &SchemaValidator) -> std::io::Result<bool> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all_ok = true;
    let mut write_err = None;
    for_each_line(input, MAX_LINE_BYTES, |line| {
        let verdict = match line {
            Line::Text(bytes) => validator.check(bytes),
            Line::TooLong(n) => Verdict::invalid(
                "",
                format!("line of {n} bytes is longer than the {MAX_LINE_BYTES}-byte limit"),
            ),
        };
        all_ok &= verdict == Verdict::Ok;
        if let Err(e) = writeln!(out, "{verdict}") {
            write_err.get_or_insert(e);
        }
    })?;
    if let Some(e) = write_err {
        return Err(e);
    }
    out.flush()?;
    Ok(all_ok)
}
