//! Reading JSON exactly as the emitted JSON Schema sees it, fast: the hard part of the runtime.
//!
//! # The contract
//!
//! [`from_json`] accepts a document exactly when the `jsonschema` crate (0.61, formats
//! asserted) accepts it after `serde_json` parsed it into a `Value`, which is how `contractc
//! validate` reads it. "Exactly" means, beyond the schema's own keywords:
//!
//! - **the same document**: anything a `Value` parse rejects is rejected, also where the
//!   type ignores content (a 129-deep array, `1e400`, a lone surrogate under an unknown key;
//!   serde_json skips those unchecked in a typed parse);
//! - **the last of a repeated key counts**, as in a `Value` (serde's derive rejects the
//!   repeated field);
//! - **the same shapes**: a struct is read from an object only and an enum from a string only
//!   (the generated types' own `Deserialize`, [`de::Exact`] for derived ones), integers by value (`1.0` and `1e3` are integers), formats as the
//!   `jsonschema` crate reads them ([`de`]), a field's own `unique` list compared as JSON
//!   values while parsing ([`de::strict_unique`]);
//! - **bounded memory**: nesting deeper than 128 is an error, never a stack overflow, and a
//!   document with repeated keys is refused past 16 MiB ([`crate::lines::MAX_LINE_BYTES`], the
//!   `validate` tools' line limit) rather than read into a `Value`: the one place where this
//!   reading is stricter than the `jsonschema` crate. For the same reason, a document over
//!   16 MiB that does not parse into its type names the error's line and column at the root
//!   pointer rather than its exact pointer.
//!
//! # Two paths
//!
//! - **The single pass** (`whole.rs`), for the common document: the typed parse runs once
//!   through a wrapper of the deserializer that checks every ignored value as a `Value`
//!   parse would and fails on any repeated or non-string key. Its success proves the scan
//!   below would have found a well-formed document with distinct keys, and that a typed
//!   parse after it would be this very one, visitor call for visitor call.
//! - **The slow path** (`scan.rs`, then `json.rs`), for anything the single pass cannot
//!   decide (an error, a repeated key): one pass that accepts exactly what a `Value` parse
//!   accepts and notes repeated keys, holding one hash per key of the open objects; then the
//!   typed parse of a `Value` of the document (so the last of a repeated key counts), tracked
//!   with `serde_path_to_error` to name the JSON pointer of a failure. This path decides
//!   every document alone; the single pass only skips it when the outcome cannot differ.
//!
//! So each generated type is compiled against two deserializers only: the single pass over
//! the text and the tracked parse of a `Value` (issue 14: a second typed pass over the text,
//! and a third to locate its error, made up most of a generated crate's compile time). The
//! `Value` is faithful to the text where a typed parse can tell: integers a double misreads
//! are written back exactly, and a fraction that reads as an integral double is tried as a
//! plain fraction, so that an `int` rejects it as the single pass does. Where a document
//! breaks several rules, the slow path names the first in the `Value`'s key order.
//!
//! Both compare keys by one hash (`keys.rs`), drawn once per process: a collision only sends a
//! document down the slow path, or, in the scan, reads it through a `Value` with the same
//! result.
//!
//! # The oracles
//!
//! - `tests/differential` (the workspace's differential suite) runs 100,000 generated and
//!   mutated documents through the generated Rust and through the `jsonschema` crate on the
//!   emitted schemas, and fails on any disagreement; `tests/runtime_differential.rs`
//!   compares the formats, integers, lengths and uniqueness of [`de`] and
//!   [`crate::check`] with the `jsonschema` crate on generated inputs.
//! - `whole/tests.rs` compares the single pass with the slow path on crafted documents
//!   (repeated keys, deep nesting under ignored keys, trailing bytes, invalid UTF-8) and on
//!   every one-byte edit of them (over 3,000 documents); `json/tests.rs` and the tests of
//!   `scan.rs` compare the scan with a `Value` parse.
//!
//! # The figures
//!
//! Measured with callgrind on the reference catalog's messages (`contracts` bench payloads):
//!
//! - the slow path parses a document twice (the scan, then the `Value`), the single pass
//!   once: with it, `from_json` (parse and validate) takes 1.13–1.19x the instructions of a
//!   bare serde parse of the same struct (the README's benchmark notes);
//! - reading a unique list of uuids as one `Value` per item costs ~70% of the parse of
//!   `BatchRegistrationRequestV1`: string items are compared as the text read (sorted past 16
//!   items), other items as `Value`s;
//! - hashing keys byte by byte costs ~6% of `from_json` on `CJAssessmentCompletedV1`: keys
//!   are hashed a word at a time (foldhash), and an object's first 16 hashes are held inline,
//!   so reading an object allocates nothing for its keys;
//! - hashing the keys a generated record knows cost up to 3% of `from_json` (1.22x of serde on
//!   `CJAssessmentCompletedV1`, 1.18x without): the single pass hashes only the keys a
//!   [`de::FieldIndex`] record ignores, as its own slots already reject a repeated field.

pub mod de;
mod json;
pub(crate) mod keys;
pub(crate) mod scan;
pub(crate) mod whole;

pub use json::from_json;
