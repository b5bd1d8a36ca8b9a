//! The generated Rust validators (`validate_json`) and the `jsonschema` crate reading the
//! emitted JSON Schemas with format validation on (`contractc validate`) give the same verdict
//! on every document: generated, mutated, hostile.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod classes;
mod differential;
mod edges;
mod hostile;
mod identity;
mod json;
mod mutate;
mod portable;
mod python;
#[path = "../../../python/env.rs"]
mod python_env;
mod samples;
mod scalars;
mod slots;
mod suspects;
mod values;
mod words;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use contractc::model::Catalog;
use contractc_cli::validate::{SchemaValidator, Verdict};
use contractc_runtime::Violations;

/// The catalog and one compiled JSON Schema validator per message.
pub struct Harness {
    /// The checked catalog the crate was generated from.
    pub catalog: Arc<Catalog>,
    validators: BTreeMap<String, SchemaValidator>,
}

/// Both verdicts on one document.
#[derive(Debug)]
pub struct Verdicts {
    /// The generated Rust: `validate_json`.
    pub typed: Result<(), Violations>,
    /// The emitted JSON Schema, read as `contractc validate` reads it.
    pub schema: Verdict,
}

impl Verdicts {
    /// Whether the two validators agree on accept or reject.
    pub fn agree(&self) -> bool {
        self.typed.is_ok() == (self.schema == Verdict::Ok)
    }

    /// Whether the document was accepted (by the schema).
    pub fn accepted(&self) -> bool {
        self.schema == Verdict::Ok
    }

    /// Both verdicts, for a failure message.
    pub fn describe(&self) -> String {
        let typed = match &self.typed {
            Ok(()) => "ok".to_string(),
            Err(v) => format!("invalid: {v}"),
        };
        format!(
            "typed (validate_json): {typed}\n  schema (jsonschema): {}",
            self.schema
        )
    }
}

/// The catalog directory the build script compiled.
pub fn catalog_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog")
}

/// The harness, built once per test binary.
pub fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let checked = contractc::check_dir(&catalog_dir());
        let emittable = checked
            .emittable()
            .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
        let validators = emittable
            .messages()
            .map(|m| {
                let name = m.name.value.clone();
                let v = SchemaValidator::new(emittable, &name).expect("schema compiles");
                (name, v)
            })
            .collect();
        let catalog = Arc::new(checked.catalog().clone());
        Harness {
            catalog,
            validators,
        }
    })
}

impl Harness {
    /// Runs `bytes` through both validators as message `name`.
    pub fn verdicts(&self, name: &str, bytes: &[u8]) -> Verdicts {
        let typed = contractc_differential::validate_json(name, bytes).expect("a message");
        let schema = self.validators[name].check(bytes);
        Verdicts { typed, schema }
    }
}

#[test]
fn the_registry_lists_every_message_of_the_catalog() {
    let h = harness();
    let names: Vec<&str> = h
        .catalog
        .messages()
        .map(|m| m.name.value.as_str())
        .collect();
    assert_eq!(contractc_differential::MESSAGE_NAMES, names.as_slice());
    assert!(contractc_differential::validate_json("PointV1", b"{}").is_none());
}
