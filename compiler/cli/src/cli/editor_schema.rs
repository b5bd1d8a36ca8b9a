//! `contractc editor-schema`: the JSON Schema of contract files, for editors.

use std::io::Write;

/// Prints the schema on stdout (`docs/contract.schema.json` holds the same text).
pub fn run() -> u8 {
    let mut out = std::io::stdout().lock();
    match out
        .write_all(contractc::parse::EDITOR_SCHEMA.as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot write the schema: {e}");
            super::USAGE
        }
    }
}
