//! Emitters: they read only the resolved model, never YAML.
