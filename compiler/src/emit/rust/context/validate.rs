//! The validation tree of a field: which checks run on which value, how to reach nested values.

use super::super::literal::{bound_lit, raw_str_lit, str_lit};
use crate::model::{Bound, Catalog, Constraints, Type, TypeSpec};
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
            let checks = self.checks(&layer.ty, &layer.constraints);
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

    /// The checks of `c` that apply to a value of type `ty`, in a fixed order.
    fn checks(&mut self, ty: &Type, c: &Constraints) -> Vec<Check> {
        let mut out = Vec::new();
        let by_ref = |name, arg: Option<String>| Check {
            name,
            arg,
            by_value: false,
            message: None,
        };
        if ty.is_text() {
            if let Some(n) = &c.min_length {
                out.push(by_ref("min_length", Some(n.value.to_string())));
            }
            if let Some(n) = &c.max_length {
                out.push(by_ref("max_length", Some(n.value.to_string())));
            }
            if let Some(p) = &c.pattern {
                let ident = format!("PATTERN_{}", self.patterns.len());
                self.patterns.push(PatternStatic {
                    ident: ident.clone(),
                    rust: raw_str_lit(&p.value.rust),
                    source: str_lit(&p.value.source),
                });
                out.push(Check {
                    message: Some(str_lit(&format!(
                        "does not match pattern \"{}\"",
                        p.value.source
                    ))),
                    ..by_ref("pattern", Some(ident))
                });
            }
            if *ty == Type::Email {
                out.push(by_ref("email_format", None));
            }
        }
        if ty.is_number() {
            out.extend(number_checks(c, *ty == Type::Int));
        }
        if matches!(ty, Type::List(_)) {
            if let Some(n) = &c.min_items {
                out.push(by_ref("min_items", Some(n.value.to_string())));
            }
            if let Some(n) = &c.max_items {
                out.push(by_ref("max_items", Some(n.value.to_string())));
            }
            if c.unique.as_ref().is_some_and(|u| u.value) {
                out.push(by_ref("unique_items", None));
            }
        }
        out
    }
}

/// Bound checks of a number; `int` fields compare with integer literals.
fn number_checks(c: &Constraints, int: bool) -> Vec<Check> {
    let bounds = [
        ("min", &c.min, true, false),
        ("max", &c.max, false, false),
        ("exclusive_min", &c.exclusive_min, true, true),
        ("exclusive_max", &c.exclusive_max, false, true),
    ];
    bounds
        .into_iter()
        .filter_map(|(name, bound, lower, exclusive)| {
            let bound = bound.as_ref()?.value;
            Some(match (int, bound) {
                // An integer is beyond a fractional bound exactly when it is beyond or at the
                // nearest integer inside it: check that one, inclusively.
                (true, Bound::Float(f)) if exclusive && f.fract() != 0.0 => Check {
                    name: if lower { "min" } else { "max" },
                    arg: Some(bound_lit(bound, int, lower)),
                    by_value: true,
                    message: None,
                },
                _ => Check {
                    name,
                    arg: Some(bound_lit(bound, int, lower)),
                    by_value: true,
                    message: None,
                },
            })
        })
        .collect()
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
