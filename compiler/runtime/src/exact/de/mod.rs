//! Strict deserialisation: JSON Schema semantics where serde's defaults differ.
//!
//! [`Strict`] reads `i64`, `uuid::Uuid`, `DateTime<FixedOffset>` and `NaiveDate` (at any
//! depth of `Option`, `Vec`, `BTreeMap<String, _>`, `Box`) so that they accept exactly what
//! the emitted JSON Schema accepts under the `jsonschema` crate 0.61 with format validation
//! on. Generated records and enums write their own `Deserialize` (objects only, strings only,
//! serde's derive's error texts), which is also their `Strict`: a record reads each key with
//! the one shared [`FieldIndex`], and each value as its type, as a [`StrictValue`] where the
//! type holds one of the types above, a record or an enum, and as a [`UniqueValue`] for a
//! field's own `unique` list whose items Rust compares differently from JSON. So strictness
//! is compiled once per (value type, deserializer), not once per field.
//!
//! For a struct of your own, `#[serde(deserialize_with = "::contractc_runtime::de::strict")]`
//! (or [`strict_unique`]) on a field gives it the same reading; [`Exact`] reads a derived
//! struct from objects only and a derived enum from strings only.
//!
//! ```
//! use contractc_runtime::de;
//! #[derive(serde::Deserialize)]
//! #[serde(crate = "::contractc_runtime::serde")]
//! struct Counts {
//!     #[serde(deserialize_with = "::contractc_runtime::de::strict")]
//!     n: i64,
//!     #[serde(default, deserialize_with = "::contractc_runtime::de::strict")]
//!     more: Option<Vec<i64>>,
//! }
//! let c: Counts = serde_json::from_str(r#"{"n": 1e3, "more": [1.0, -0.0]}"#).unwrap();
//! assert_eq!((c.n, c.more), (1000, Some(vec![1, 0])));
//! assert!(serde_json::from_str::<Counts>(r#"{"n": 1.5}"#).is_err());
//! ```

/// Writes the `Deserializer` methods that a wrapper of a deserializer hands on: each calls the
/// same method of `$inner` with the visitor turned into `$wrap`. The first form writes every
/// method but `deserialize_struct`, `deserialize_enum` and `deserialize_ignored_any`, where
/// wrappers differ; the `@each` form writes the methods it lists.
macro_rules! delegate_deserialize {
    (|$this:ident, $visitor:ident| $inner:expr => $wrap:expr) => {
        $crate::de::delegate_deserialize!(@each |$this, $visitor| $inner => $wrap;
            deserialize_any(), deserialize_bool(), deserialize_i8(), deserialize_i16(),
            deserialize_i32(), deserialize_i64(), deserialize_i128(), deserialize_u8(),
            deserialize_u16(), deserialize_u32(), deserialize_u64(), deserialize_u128(),
            deserialize_f32(), deserialize_f64(), deserialize_char(), deserialize_str(),
            deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
            deserialize_option(), deserialize_unit(), deserialize_seq(), deserialize_map(),
            deserialize_identifier(),
            deserialize_unit_struct(name: &'static str),
            deserialize_newtype_struct(name: &'static str),
            deserialize_tuple(len: usize),
            deserialize_tuple_struct(name: &'static str, len: usize),
        );
    };
    (@each |$this:ident, $visitor:ident| $inner:expr => $wrap:expr;
        $($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: ::serde::de::Visitor<'de>>(
            self,
            $($arg: $ty,)*
            $visitor: V,
        ) -> ::core::result::Result<V::Value, Self::Error> {
            let $this = self;
            $inner.$method($($arg,)* $wrap)
        }
    )*};
}
pub(crate) use delegate_deserialize;

mod containers;
mod exact;
mod formats;
mod record;
mod scalars;
mod unique;

pub use exact::Exact;
pub use formats::{is_date, is_datetime, is_uuid, parse_datetime, parse_naive_date, parse_uuid};
pub use record::FieldIndex;
pub use unique::{UniqueList, UniqueValue, strict_unique};

/// A type deserialised with JSON Schema's rules rather than serde's defaults.
pub trait Strict<'de>: Sized {
    /// Deserialises `Self`, accepting exactly what the emitted JSON Schema accepts.
    fn deserialize_strict<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// For `#[serde(deserialize_with = "::contractc_runtime::de::strict")]`.
pub fn strict<'de, D: serde::Deserializer<'de>, T: Strict<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize_strict(d)
}

/// Carries a [`Strict`] value through serde's `Deserialize`-based APIs (seeds, containers).
pub struct StrictValue<T>(pub T);

impl<'de, T: Strict<'de>> serde::Deserialize<'de> for StrictValue<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_strict(d).map(StrictValue)
    }
}
