//! `contractc explain`: the diagnostic code reference.

use clap::Args;
use contractc::diag::{Code, reference_markdown};

/// Arguments of `contractc explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// A code (`C0201`) or name (`unattributed-message`); omit to list every code.
    code: Option<String>,
    /// Print the whole reference as Markdown (the source of docs/diagnostics.md).
    #[arg(long)]
    markdown: bool,
}

/// Prints one code, every code, or the Markdown reference.
pub fn run(args: &ExplainArgs) -> u8 {
    if args.markdown {
        print!("{}", reference_markdown());
        return 0;
    }
    match &args.code {
        Some(text) => match Code::lookup(text) {
            Some(code) => {
                let i = code.info();
                println!(
                    "{} {} ({})\n\n{}\n\nhelp: {}",
                    i.code,
                    i.name,
                    i.severity.as_str(),
                    i.summary,
                    i.help
                );
                0
            }
            None => {
                eprintln!(
                    "error: unknown diagnostic code `{text}`; `contractc explain` lists them"
                );
                super::USAGE
            }
        },
        None => {
            for code in Code::ALL {
                let i = code.info();
                println!(
                    "{}  {:<28} {:<7} {}",
                    i.code,
                    i.name,
                    i.severity.as_str(),
                    i.summary
                );
            }
            0
        }
    }
}
