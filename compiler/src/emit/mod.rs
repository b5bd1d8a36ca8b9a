//! Emitters: they read only the resolved model, never YAML.
pub mod rust;
