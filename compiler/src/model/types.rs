//! Field types and their constraints.

use crate::source::Spanned;
use std::sync::Arc;

/// A type with the constraints that apply to its values.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeSpec {
    /// The type.
    pub ty: Type,
    /// The value may be `null` (a `?` inside `list<...>` or `map<...>`).
    pub nullable: bool,
    /// Constraints on values of this type.
    pub constraints: Constraints,
}

impl TypeSpec {
    /// A type without constraints.
    pub fn plain(ty: Type) -> Self {
        TypeSpec {
            ty,
            nullable: false,
            constraints: Constraints::default(),
        }
    }
}

/// A resolved type expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// UTF-8 text.
    String,
    /// 64-bit signed integer (JSON Schema `integer`: `1.0` counts).
    Int,
    /// 64-bit finite float.
    Float,
    /// `true` or `false`.
    Bool,
    /// RFC 4122 UUID in its hyphenated text form.
    Uuid,
    /// RFC 3339 date-time with an offset.
    DateTime,
    /// `YYYY-MM-DD`.
    Date,
    /// An e-mail address (JSON Schema `format: email`).
    Email,
    /// Any JSON value.
    Json,
    /// `list<T>`.
    List(Box<TypeSpec>),
    /// `map<string, T>`.
    Map(Box<TypeSpec>),
    /// A record or enum of the catalog, by wire name.
    Ref(String),
    /// `{ type: enum, values: [...] }` written inline on a field.
    InlineEnum(Vec<String>),
}

impl Type {
    /// The name of a built-in scalar type, as written in YAML.
    pub fn scalar_name(&self) -> Option<&'static str> {
        Some(match self {
            Type::String => "string",
            Type::Int => "int",
            Type::Float => "float",
            Type::Bool => "bool",
            Type::Uuid => "uuid",
            Type::DateTime => "datetime",
            Type::Date => "date",
            Type::Email => "email",
            Type::Json => "json",
            _ => return None,
        })
    }

    /// The type as it would be written in YAML (`list<map<string, Essay>>`).
    pub fn display(&self) -> String {
        match self {
            Type::List(t) => format!("list<{}>", t.display()),
            Type::Map(t) => format!("map<string, {}>", t.display()),
            Type::Ref(name) => name.clone(),
            Type::InlineEnum(values) => format!("enum[{}]", values.join(", ")),
            scalar => scalar.scalar_name().unwrap_or("?").to_string(),
        }
    }

    /// Text types, to which length and pattern constraints apply.
    pub fn is_text(&self) -> bool {
        matches!(self, Type::String | Type::Email)
    }

    /// Numeric types, to which bounds apply.
    pub fn is_number(&self) -> bool {
        matches!(self, Type::Int | Type::Float)
    }
}

impl TypeSpec {
    /// The type as it would be written in YAML, with `?` when nullable.
    pub fn display(&self) -> String {
        let q = if self.nullable { "?" } else { "" };
        format!("{}{q}", self.ty.display())
    }
}

/// A numeric bound, kept as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// Integer bound.
    Int(i64),
    /// Float bound (finite).
    Float(f64),
}

impl Bound {
    /// The bound as a float, for comparisons.
    pub fn as_f64(self) -> f64 {
        match self {
            Bound::Int(i) => i as f64,
            Bound::Float(f) => f,
        }
    }

    /// The bound as a JSON number.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Bound::Int(i) => i.into(),
            Bound::Float(f) => {
                serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
            }
        }
    }
}

/// Every constraint of the language; each one keeps where it was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Minimum length in Unicode scalar values.
    pub min_length: Option<Spanned<u64>>,
    /// Maximum length in Unicode scalar values.
    pub max_length: Option<Spanned<u64>>,
    /// Regular expression, searched (not anchored), already checked for portability.
    pub pattern: Option<Spanned<Pattern>>,
    /// Inclusive lower bound.
    pub min: Option<Spanned<Bound>>,
    /// Inclusive upper bound.
    pub max: Option<Spanned<Bound>>,
    /// Exclusive lower bound (float).
    pub exclusive_min: Option<Spanned<Bound>>,
    /// Exclusive upper bound (float).
    pub exclusive_max: Option<Spanned<Bound>>,
    /// Minimum list size.
    pub min_items: Option<Spanned<u64>>,
    /// Maximum list size.
    pub max_items: Option<Spanned<u64>>,
    /// List items must be distinct.
    pub unique: Option<Spanned<bool>>,
}

/// The largest integer every JSON parser reads exactly, 2^53 − 1: the default range of `int`
/// is ±`SAFE_INT` (I-JSON, RFC 7493 §2.2), so that validators that read numbers as doubles
/// (JavaScript, Python floats) check it as contractc does.
pub const SAFE_INT: i64 = (1 << 53) - 1;

impl Constraints {
    /// True when no constraint is set.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }

    /// The inclusive range of an `int` value: the written `min` and `max`, else ±(2^53 − 1).
    ///
    /// A bound past ±(2^53 − 1) is written on purpose to ask for the wider range (up to the
    /// full `i64`); `check` warns (`C0320`) that validators reading doubles cannot check it.
    pub fn int_range(&self) -> (i64, i64) {
        // `resolve` gives an `int` integer bounds only; a fractional one is rounded inwards.
        #[allow(clippy::cast_possible_truncation)]
        let side = |b: &Option<Spanned<Bound>>, default: i64, round: fn(f64) -> f64| match b
            .as_ref()
            .map(|s| s.value)
        {
            Some(Bound::Int(i)) => i,
            Some(Bound::Float(f)) => round(f) as i64,
            None => default,
        };
        (
            side(&self.min, -SAFE_INT, f64::ceil),
            side(&self.max, SAFE_INT, f64::floor),
        )
    }
}

/// A `pattern` constraint: the ECMA-262 source written by the author, its Rust twin, and the
/// twin compiled once, as the generated code compiles it. Only [`Pattern::compile`] makes one,
/// so a pattern of the model always compiles.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The expression as written; emitted into JSON Schema unchanged.
    pub source: String,
    /// The same expression for the `regex` crate, matching exactly the same strings
    /// (`\d` becomes `[0-9]`, `.` excludes ECMA line terminators, ...).
    pub rust: String,
    /// `rust`, compiled by the runtime that generated validators use.
    matcher: Arc<contractc_runtime::check::Pattern>,
}

impl Pattern {
    /// Compiles the Rust twin of `source` (see `resolve::pattern::translate`, which finds it).
    pub fn compile(source: &str, rust: String) -> Result<Pattern, String> {
        let matcher = contractc_runtime::check::Pattern::new(&rust).map_err(|e| e.to_string())?;
        Ok(Pattern {
            source: source.to_string(),
            rust,
            matcher: Arc::new(matcher),
        })
    }

    /// Whether the pattern matches somewhere in `s` (searched, not anchored).
    pub fn is_match(&self, s: &str) -> bool {
        self.matcher.is_match(s)
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.rust == other.rust
    }
}

impl Eq for Pattern {}
