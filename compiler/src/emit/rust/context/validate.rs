//! The validation tree of a field: which checks run on which value, how to reach nested values.

use super::super::literal::{f64_lit, i64_lit, raw_str_lit, str_lit};
use crate::model::{Catalog, Format, Rule, Type, TypeSpec};
use serde::Serialize;

/// What a validation node stands for; templates read it as its lower-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum NodeKind {
    /// An `Option`: validate the value inside when there is one.
    Option,
    /// A `Vec`: validate every item.
    List,
    /// A `BTreeMap`: validate every value.
    Map,
    /// A record: call its `Validate`.
    Record,
    /// A value with checks of its own only.
    Leaf,
}

/// One value to validate and how to reach the values inside it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Node {
    /// What the value is.
    pub kind: NodeKind,
    /// Checks on this value itself (never on an `option` node).
    pub checks: Vec<Check>,
    /// The values inside (`option`, `list`, `map`).
    pub child: Option<Box<Node>>,
}

/// One constraint check.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Check {
    /// The `::contractc_runtime::check` function (`max_length`, `min`, `email_format`, ...),
    /// or `pattern`, which the template matches against a static with its own message.
    pub name: &'static str,
    /// The limit, as a Rust expression (a literal, or the name of a pattern static).
    pub arg: Option<String>,
    /// The value is passed by value (`*v`: numbers) rather than by reference.
    pub by_value: bool,
    /// For `pattern`: the violation message, as a string literal, naming the pattern as
    /// written (not its Rust twin).
    pub message: Option<String>,
}

/// A pattern compiled once per struct, in a `static` `LazyLock`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PatternStatic {
    /// Name of the static (`PATTERN_0`).
    pub ident: String,
    /// The Rust twin of the pattern, as a raw string literal.
    pub rust: String,
    /// The pattern as written, as a string literal.
    pub source: String,
}

impl Node {
    fn leaf(checks: Vec<Check>) -> Node {
        Node {
            kind: NodeKind::Leaf,
            checks,
            child: None,
        }
    }

    fn wrap(kind: NodeKind, checks: Vec<Check>, child: Node) -> Node {
        Node {
            kind,
            checks,
            child: Some(Box::new(child)),
        }
    }

    /// Whether any code runs for this value: a check here or below, or a record to recurse into.
    pub fn is_active(&self) -> bool {
        !self.checks.is_empty()
            || self.kind == NodeKind::Record
            || self.child.as_ref().is_some_and(|c| c.is_active())
    }

    /// Drops children that run no code, so the generated loops all do something.
    fn pruned(self) -> Node {
        match self.child {
            Some(child) if !child.is_active() => Node::leaf(self.checks),
            _ => self,
        }
    }
}

/// Builds validation trees, collecting the pattern statics of one struct.
pub(crate) struct NodeBuilder<'a> {
    catalog: &'a Catalog,
    /// Patterns seen so far in this struct.
    pub patterns: Vec<PatternStatic>,
}

impl<'a> NodeBuilder<'a> {
    /// A builder for one struct.
    pub fn new(catalog: &'a Catalog) -> Self {
        NodeBuilder {
            catalog,
            patterns: Vec::new(),
        }
    }

    /// The tree of a field (`optional` wraps it in an `option` node).
    pub fn field(&mut self, spec: &TypeSpec, optional: bool) -> Node {
        let node = if spec.unique_as_json(self.catalog) {
            // Compared as JSON while parsing (`de::strict_unique`): no check after.
            let mut parsed = spec.clone();
            parsed.constraints.unique = None;
            self.spec(&parsed)
        } else {
            self.spec(spec)
        };
        if optional || spec.nullable {
            Node::wrap(NodeKind::Option, Vec::new(), node).pruned()
        } else {
            node
        }
    }

    /// The tree of a type expression, without its own top-level `?`; each `?` inside a list
    /// or map is an `option` node around its element.
    fn spec(&mut self, spec: &TypeSpec) -> Node {
        spec.fold(|layer, inside| {
            let checks = self.checks(layer);
            let node = match (&layer.ty, inside) {
                (Type::List(_), Some(item)) => Node::wrap(NodeKind::List, checks, item).pruned(),
                (Type::Map(_), Some(value)) => Node::wrap(NodeKind::Map, checks, value).pruned(),
                (Type::Ref(name), _) if self.catalog.is_record(name) => Node {
                    kind: NodeKind::Record,
                    checks,
                    child: None,
                },
                _ => Node::leaf(checks),
            };
            if layer.nullable && !std::ptr::eq(layer, spec) {
                Node::wrap(NodeKind::Option, Vec::new(), node).pruned()
            } else {
                node
            }
        })
    }

    /// The checks of the layer's rules, in the rules' order; a rule that a Rust type
    /// enforces by itself (formats but `email`, the `int` range, enum values) has none.
    fn checks(&mut self, spec: &TypeSpec) -> Vec<Check> {
        let by_ref = |name, arg: Option<String>| Check {
            name,
            arg,
            by_value: false,
            message: None,
        };
        let by_value = |name, arg: String| Check {
            name,
            arg: Some(arg),
            by_value: true,
            message: None,
        };
        let mut out = Vec::new();
        for rule in spec.rules() {
            let check = match rule {
                Rule::MinLength(n) => by_ref("min_length", Some(n.to_string())),
                Rule::MaxLength(n) => by_ref("max_length", Some(n.to_string())),
                Rule::Pattern(p) => {
                    let ident = format!("PATTERN_{}", self.patterns.len());
                    self.patterns.push(PatternStatic {
                        ident: ident.clone(),
                        rust: raw_str_lit(&p.rust),
                        source: str_lit(&p.source),
                    });
                    Check {
                        message: Some(str_lit(&p.message())),
                        ..by_ref("pattern", Some(ident))
                    }
                }
                Rule::Format(Format::Email) => by_ref("email_format", None),
                Rule::IntRange { min, max } => {
                    out.push(by_value("min", i64_lit(min)));
                    by_value("max", i64_lit(max))
                }
                Rule::Lower { bound, exclusive } => {
                    let name = if exclusive { "exclusive_min" } else { "min" };
                    by_value(name, f64_lit(bound.as_f64()))
                }
                Rule::Upper { bound, exclusive } => {
                    let name = if exclusive { "exclusive_max" } else { "max" };
                    by_value(name, f64_lit(bound.as_f64()))
                }
                Rule::MinItems(n) => by_ref("min_items", Some(n.to_string())),
                Rule::MaxItems(n) => by_ref("max_items", Some(n.to_string())),
                Rule::UniqueItems => by_ref("unique_items", None),
                Rule::Format(_) | Rule::OneOf(_) => continue,
            };
            out.push(check);
        }
        out
    }
}

/// The check of an identity field whose configured `max_length` is below the 255 that
/// `UserId` / `OrgId` enforce themselves; `None` when the runtime's rule is enough.
pub(crate) fn identity_node(max_length: u32, optional: bool) -> Option<Node> {
    if u64::from(max_length) >= IDENTITY_MAX_LEN {
        return None;
    }
    let leaf = Node::leaf(vec![Check {
        name: "max_length",
        arg: Some(max_length.to_string()),
        by_value: false,
        message: None,
    }]);
    Some(if optional {
        Node::wrap(NodeKind::Option, Vec::new(), leaf)
    } else {
        leaf
    })
}

/// The length limit `UserId` and `OrgId` enforce on their own.
const IDENTITY_MAX_LEN: u64 = 255;
