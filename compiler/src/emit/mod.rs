//! Emitters: they read only the resolved model, never YAML.

pub mod graph;
pub mod json_schema;
pub mod python;
pub mod rust;
