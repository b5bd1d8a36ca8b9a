//! Runtime support for the crates contractc generates: identity types, the contract traits,
//! validation with JSON pointers, and JSON Schema-exact parsing.
//!
//! A generated crate depends on this crate only; it re-exports [`serde`], [`serde_json`],
//! [`uuid`], [`chrono`] and [`regex`] for the generated code (`#[serde(crate =
//! "::contractc_runtime::serde")]`).
//!
//! The rules follow the emitted JSON Schema as the `jsonschema` crate 0.61 reads it with
//! format validation on, so the Rust types and the schema accept the same documents:
//! integers by value (`1.0` is an integer, [`de`]), string lengths in Unicode scalar values
//! ([`check`]), and `email`, `uuid`, `date`, `date-time` formats ported from, or delegated
//! to the same crates as, `jsonschema`.
//!
//! # Example
//!
//! Identity from JWT claims, its quota source, and a message built from it; the struct is
//! written by hand the way contractc generates one.
//!
//! ```
//! use contractc_runtime::{check, thread_identity, Identity, OrgId, Path, UserId, Validate, Violations};
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! #[serde(crate = "::contractc_runtime::serde")]
//! struct EssaySubmittedV1 {
//!     user_id: UserId,
//!     #[serde(default)]
//!     org_id: Option<OrgId>,
//!     title: String,
//!     #[serde(deserialize_with = "::contractc_runtime::de::strict")]
//!     words: i64,
//! }
//!
//! impl Validate for EssaySubmittedV1 {
//!     fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
//!         out.push_opt(&path.key("title"), check::max_length(&self.title, 20));
//!         out.push_opt(&path.key("words"), check::min(self.words, 1));
//!     }
//! }
//!
//! let claims = serde_json::json!({"sub": "user-42", "org_id": "acme"});
//! let identity = Identity::from_claims(&claims, "sub", "org_id")?;
//! assert_eq!(identity.quota_source().to_string(), "org:acme");
//!
//! let event = thread_identity!(identity => EssaySubmittedV1 { title: "On Rust".into(), words: 0 });
//! assert_eq!(event.validate().unwrap_err().to_string(), "/words: less than 1");
//!
//! let parsed: EssaySubmittedV1 = contractc_runtime::from_json(
//!     br#"{"user_id": "user-42", "title": "On Rust", "words": 1.2e3}"#,
//! )?;
//! assert_eq!(parsed.words, 1200);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
// Tests may unwrap (the common rules); library code never does.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub use chrono;
pub use regex;
pub use serde;
pub use serde_json;
pub use uuid;

pub mod check;
pub mod claims;
pub mod contract;
pub mod exact;
pub mod identity;
pub mod lines;
#[doc(hidden)]
pub mod macros;
pub mod numbers;
pub mod validate;

pub use claims::ClaimsError;
pub use contract::{Attributed, Contract, Message, MessageKind};
pub use exact::{de, from_json};
pub use identity::{Identity, IdentityError, IdentityPolicy, MAX_LEN, OrgId, QuotaSource, UserId};
pub use validate::{Path, PathSeg, Validate, Violation, Violations};
