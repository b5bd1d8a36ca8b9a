//! The set of JSON values a type accepts, as `diff` reasons about it, and the membership test
//! that confirms every witness before it is shown.
//!
//! A [`Node`] is built from the model alone and means what the emitted JSON Schema means:
//! `int` is a JSON Schema `integer` (`1.0` counts) within the range the emitter gives it,
//! `float` any finite number, formats are the `jsonschema` crate's (through the runtime's
//! ports of them), lengths count Unicode scalar values, patterns are searched.

use super::numbers::{self, Num};
use crate::model::{Body, Bound, Catalog, Definition, Identity, OrgPolicy, Pattern};
use crate::model::{Constraints, Type, TypeSpec, UnknownFields};
use crate::source::Pos;
use contractc_runtime::check::{json_eq, len_chars};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;

/// One catalog as a source of value sets, with the regular expressions compiled once.
pub(super) struct Side<'a> {
    /// The catalog.
    pub catalog: &'a Catalog,
    samples: RefCell<HashMap<String, Option<serde_json::Map<String, Value>>>>,
}

impl<'a> Side<'a> {
    /// The value sets of `catalog`.
    pub fn new(catalog: &'a Catalog) -> Self {
        Side {
            catalog,
            samples: RefCell::new(HashMap::new()),
        }
    }

    /// The sample of record `name` built before (`Some(None)`: it has none).
    pub fn memo(&self, name: &str) -> Option<Option<serde_json::Map<String, Value>>> {
        self.samples.borrow().get(name).cloned()
    }

    /// Remembers the sample of record `name`.
    pub fn remember(&self, name: &str, sample: Option<serde_json::Map<String, Value>>) {
        self.samples.borrow_mut().insert(name.to_string(), sample);
    }

    /// Whether `s` contains a match of `pattern`, as the generated validators decide.
    pub fn is_match(&self, pattern: &Pattern, s: &str) -> bool {
        pattern.is_match(s)
    }
}

/// The values of a type: its kind, and whether `null` is one of them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node<'a> {
    /// What non-null values look like.
    pub kind: Kind<'a>,
    /// `null` is accepted too (`T?` inside a list or map).
    pub nullable: bool,
}

/// The non-null values of a type.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind<'a> {
    /// `json`: every value, `null` included.
    Any,
    /// `true` and `false`.
    Bool,
    /// Integers (by value) in `lo..=hi`.
    Int {
        /// Smallest accepted.
        lo: i64,
        /// Largest accepted.
        hi: i64,
    },
    /// Finite numbers in `lo..=hi` (exclusive bounds already moved to the next `f64`).
    Float {
        /// Smallest accepted.
        lo: f64,
        /// Largest accepted.
        hi: f64,
    },
    /// Strings.
    Text(Text<'a>),
    /// Arrays.
    List(Box<List<'a>>),
    /// Objects whose every value is of one type.
    Map(Box<Node<'a>>),
    /// A record.
    Record(&'a Definition),
}

/// A set of strings.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Text<'a> {
    /// The `format` every value has.
    pub format: Format,
    /// The only values, for an enum.
    pub values: Option<Vec<&'a str>>,
    /// Minimum length in scalar values.
    pub min_len: u64,
    /// Maximum length in scalar values.
    pub max_len: Option<u64>,
    /// The pattern every value contains a match of.
    pub pattern: Option<&'a Pattern>,
}

/// The string formats of the language; pairwise disjoint, each a subset of `string`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    /// Any string.
    Plain,
    /// `format: uuid`.
    Uuid,
    /// `format: date-time`.
    DateTime,
    /// `format: date`.
    Date,
    /// `format: email`.
    Email,
}

impl Format {
    /// Whether `s` has this format, as the generated validators and the emitted schema
    /// decide ([`crate::model::Format::accepts`]).
    pub fn holds(self, s: &str) -> bool {
        self.rule().is_none_or(|f| f.accepts(s))
    }

    /// The model's format, `None` for a plain string.
    pub fn rule(self) -> Option<crate::model::Format> {
        use crate::model::Format as F;
        match self {
            Format::Plain => None,
            Format::Uuid => Some(F::Uuid),
            Format::DateTime => Some(F::DateTime),
            Format::Date => Some(F::Date),
            Format::Email => Some(F::Email),
        }
    }

    /// The type name written in YAML.
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "string",
            Format::Uuid => "uuid",
            Format::DateTime => "datetime",
            Format::Date => "date",
            Format::Email => "email",
        }
    }
}

/// A set of arrays.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct List<'a> {
    /// The elements.
    pub items: Node<'a>,
    /// Minimum number of elements.
    pub min: u64,
    /// Maximum number of elements.
    pub max: Option<u64>,
    /// Elements are pairwise distinct.
    pub unique: bool,
}

/// One key of an object: a field, or `user_id` / `org_id` of an attributed message.
#[derive(Debug, Clone)]
pub(super) struct Key<'a> {
    /// Wire name.
    pub name: &'a str,
    /// The values it takes when present and not null.
    pub node: Node<'a>,
    /// May be absent or `null`.
    pub optional: bool,
    /// Where it is declared.
    pub pos: Pos,
}

/// The keys of a record or message, and whether undeclared keys are accepted.
#[derive(Debug, Clone)]
pub(super) struct Object<'a> {
    /// Declared keys, identity first, in the order written.
    pub keys: Vec<Key<'a>>,
    /// `unknown_fields: ignore`.
    pub open: bool,
}

impl<'a> Object<'a> {
    /// The declared key `name`.
    pub fn key(&self, name: &str) -> Option<&Key<'a>> {
        self.keys.iter().find(|k| k.name == name)
    }
}

impl<'a> Side<'a> {
    /// The value set of a type with its constraints.
    pub fn node(&self, spec: &'a TypeSpec) -> Node<'a> {
        Node {
            kind: self.kind(&spec.ty, &spec.constraints),
            nullable: spec.nullable,
        }
    }

    fn kind(&self, ty: &'a Type, c: &'a Constraints) -> Kind<'a> {
        let format = match ty {
            Type::String => Format::Plain,
            Type::Uuid => Format::Uuid,
            Type::DateTime => Format::DateTime,
            Type::Date => Format::Date,
            Type::Email => Format::Email,
            Type::Json => return Kind::Any,
            Type::Bool => return Kind::Bool,
            Type::Int => return self.int_kind(c),
            Type::Float => return float_kind(c),
            Type::List(items) => {
                return Kind::List(Box::new(List {
                    items: self.node(items),
                    min: c.min_items.as_ref().map_or(0, |s| s.value),
                    max: c.max_items.as_ref().map(|s| s.value),
                    unique: c.unique.as_ref().is_some_and(|s| s.value),
                }));
            }
            Type::Map(values) => return Kind::Map(Box::new(self.node(values))),
            Type::InlineEnum(values) => {
                return Kind::Text(enum_text(values.iter().map(String::as_str).collect()));
            }
            Type::Ref(name) => return self.named(name),
        };
        Kind::Text(Text {
            format,
            values: None,
            min_len: c.min_length.as_ref().map_or(0, |s| s.value),
            max_len: c.max_length.as_ref().map(|s| s.value),
            pattern: c.pattern.as_ref().map(|s| &s.value),
        })
    }

    fn named(&self, name: &str) -> Kind<'a> {
        match self.catalog.get(name) {
            Some(def) => match &def.body {
                Body::Struct(_) => Kind::Record(def),
                Body::Enum(values) => {
                    Kind::Text(enum_text(values.iter().map(|v| v.value.as_str()).collect()))
                }
            },
            // A checked catalog resolves every name; an unknown one accepts nothing known.
            None => Kind::Text(enum_text(Vec::new())),
        }
    }

    fn int_kind(&self, c: &Constraints) -> Kind<'a> {
        let (lo, hi) = c.int_range();
        Kind::Int { lo, hi }
    }

    /// The keys of a record, or of a message with its identity keys first.
    pub fn object(&self, def: &'a Definition) -> Object<'a> {
        let mut keys = Vec::new();
        if let Some(identity @ Identity::Attributed { org, .. }) = &def.identity {
            let config = &self.catalog.config;
            let id = |max: u32| Node {
                kind: Kind::Text(Text {
                    format: Format::Plain,
                    values: None,
                    min_len: 1,
                    max_len: Some(u64::from(max)),
                    pattern: None,
                }),
                nullable: false,
            };
            keys.push(Key {
                name: "user_id",
                node: id(config.user_id.max_length),
                optional: false,
                pos: identity.pos(),
            });
            keys.push(Key {
                name: "org_id",
                node: id(config.org_id.max_length),
                optional: *org == OrgPolicy::Optional,
                pos: identity.pos(),
            });
        }
        for f in def.fields() {
            keys.push(Key {
                name: &f.name.value,
                node: self.node(&f.spec),
                optional: f.optional,
                pos: f.name.pos,
            });
        }
        Object {
            keys,
            open: def.unknown_fields == UnknownFields::Ignore,
        }
    }
}

fn enum_text(values: Vec<&str>) -> Text<'_> {
    Text {
        format: Format::Plain,
        values: Some(values),
        min_len: 0,
        max_len: None,
        pattern: None,
    }
}

fn float_kind(c: &Constraints) -> Kind<'static> {
    let bound = |b: &Bound| b.as_f64();
    let lo = [
        c.min.as_ref().map(|b| bound(&b.value)),
        c.exclusive_min.as_ref().map(|b| bound(&b.value).next_up()),
    ];
    let hi = [
        c.max.as_ref().map(|b| bound(&b.value)),
        c.exclusive_max
            .as_ref()
            .map(|b| bound(&b.value).next_down()),
    ];
    Kind::Float {
        lo: lo.into_iter().flatten().fold(-f64::MAX, f64::max),
        hi: hi.into_iter().flatten().fold(f64::MAX, f64::min),
    }
}

/// Records nest at most this deep in a value `diff` builds or checks.
pub(super) const MAX_DEPTH: usize = 64;

impl Side<'_> {
    /// Whether the node accepts `v` (`depth` guards against a hostile document).
    pub fn accepts(&self, node: &Node<'_>, v: &Value, depth: usize) -> bool {
        if v.is_null() {
            return node.nullable || node.kind == Kind::Any;
        }
        if depth > MAX_DEPTH {
            return false;
        }
        match &node.kind {
            Kind::Any => true,
            Kind::Bool => v.is_boolean(),
            Kind::Int { lo, hi } => numbers::of(v).is_some_and(|n| {
                n.is_integral() && in_range(n, Num::I(i128::from(*lo)), Num::I(i128::from(*hi)))
            }),
            Kind::Float { lo, hi } => {
                numbers::of(v).is_some_and(|n| in_range(n, Num::F(*lo), Num::F(*hi)))
            }
            Kind::Text(t) => v.as_str().is_some_and(|s| self.text_accepts(t, s)),
            Kind::List(l) => v.as_array().is_some_and(|items| {
                let n = items.len() as u64;
                n >= l.min
                    && l.max.is_none_or(|m| n <= m)
                    && (!l.unique || distinct(items))
                    && items.iter().all(|i| self.accepts(&l.items, i, depth + 1))
            }),
            Kind::Map(values) => v
                .as_object()
                .is_some_and(|m| m.values().all(|i| self.accepts(values, i, depth + 1))),
            Kind::Record(def) => self.object_accepts(&self.object(def), v, depth + 1),
        }
    }

    /// Whether a string is in the set.
    pub fn text_accepts(&self, t: &Text<'_>, s: &str) -> bool {
        let len = len_chars(s) as u64;
        t.values.as_ref().is_none_or(|vs| vs.contains(&s))
            && len >= t.min_len
            && t.max_len.is_none_or(|m| len <= m)
            && t.format.holds(s)
            && t.pattern.is_none_or(|p| self.is_match(p, s))
    }

    /// Whether an object (a record or message) accepts `v`.
    pub fn object_accepts(&self, o: &Object<'_>, v: &Value, depth: usize) -> bool {
        let Some(map) = v.as_object() else {
            return false;
        };
        let declared = o.keys.iter().all(|k| match map.get(k.name) {
            None => k.optional,
            Some(Value::Null) if k.optional => true,
            Some(value) => self.accepts(&k.node, value, depth),
        });
        declared && (o.open || map.keys().all(|name| o.key(name).is_some()))
    }

    /// Whether a document is a valid `message` of this side (false when it has none).
    pub fn message_accepts(&self, message: &str, v: &Value) -> bool {
        self.catalog
            .get(message)
            .filter(|d| d.kind.is_message())
            .is_some_and(|d| self.object_accepts(&self.object(d), v, 0))
    }
}

fn in_range(n: Num, lo: Num, hi: Num) -> bool {
    numbers::cmp(n, lo).is_ge() && numbers::cmp(n, hi).is_le()
}

/// JSON Schema's `uniqueItems`: no two items equal (numbers by value).
pub(super) fn distinct(items: &[Value]) -> bool {
    items
        .iter()
        .enumerate()
        .all(|(i, a)| items[i + 1..].iter().all(|b| !json_eq(a, b)))
}
