//! What only the `contractc` command line needs, kept out of the `contractc` library that
//! build scripts link: the JSON Schema validator of `contractc validate` (the `jsonschema`
//! crate) and the SARIF format of `--format sarif` (`serde-sarif`). The binary adds clap.

pub mod sarif;
pub mod validate;
