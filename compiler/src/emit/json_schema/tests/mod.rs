//! Tests of the JSON Schema emitter, on catalogs built by hand.
#![allow(clippy::unwrap_used)]

mod fixtures;
mod shape;
mod types;
mod validate;
