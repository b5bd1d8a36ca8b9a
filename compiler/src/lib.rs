//! contractc: compiles a catalog of YAML message contracts into Rust, JSON Schema and
//! validators that always carry the user and organization each message belongs to.
//!
//! The pipeline is visible in the modules: [`parse`] (YAML with positions → raw
//! definitions) → [`resolve`] (names, types, config → [`model`]) → [`check`]
//! (diagnostics) → [`emit`] (Rust, JSON Schema, graph). [`diff`] compares two models.

pub mod check;
pub mod diag;
pub mod emit;
pub mod model;
pub mod parse;
pub mod resolve;
pub mod source;

pub use diag::{Code, Diagnostic, Diagnostics, Severity};
pub use model::Catalog;
pub use source::SourceMap;
