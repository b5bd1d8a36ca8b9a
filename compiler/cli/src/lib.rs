//! What only the `contractc` command line needs, kept out of the `contractc` library that
//! build scripts link: the JSON Schema validator of `contractc validate` (the `jsonschema`
//! crate), the SARIF format of `--format sarif` (`serde-sarif`) and the record of the last
//! build that lets `contractc build` skip an unchanged catalog (`sha2`). The binary adds clap.

pub mod record;
pub mod sarif;
pub mod validate;

/// The library's diagnostics under the paths its shared test samples use.
#[cfg(test)]
mod diag {
    pub use contractc::diag::*;
}

/// The library's sources under the paths its shared test samples use.
#[cfg(test)]
mod source {
    pub use contractc::source::*;
}
