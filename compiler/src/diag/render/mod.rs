//! Printing diagnostics: human, json, github and sarif.
