//! Fields: `name: TYPE-EXPR` or `name: { type: TYPE-EXPR, ...attributes }`.

use super::constraints::{CONSTRAINT_KEYS, read_constraints};
use super::reader::{MapReader, string_value};
use super::type_expr;
use crate::diag::{Code, Diagnostic, Diagnostics, suggest};
use crate::model::{Field, Type, TypeSpec};
use crate::parse::{Node, Scalar, Value};
use crate::source::{Pos, Spanned};
use std::borrow::Cow;
use std::collections::HashMap;

/// Keys of a field written as a mapping, besides the constraints of [`CONSTRAINT_KEYS`].
pub(crate) const FIELD_KEYS: &[&str] = &[
    "type",
    "description",
    "optional",
    "default",
    "deprecated",
    "values",
];

/// A record or enum name a field refers to, and where.
#[derive(Debug, Clone)]
pub struct TypeRef {
    /// The name written.
    pub name: String,
    /// Where the type was written.
    pub pos: Pos,
}

/// Reads one field; `None` after a diagnostic when nothing usable is left.
pub fn read_field(
    key: &Node,
    value: &Node,
    refs: &mut Vec<TypeRef>,
    diags: &mut Diagnostics,
) -> Option<Field> {
    let name = key.text().unwrap_or_default().to_string();
    if !is_field_name(&name) {
        diags.emit(
            Code::InvalidFieldName,
            key.pos,
            format!("`{name}` is not a valid field name"),
        );
    }
    let name = Spanned::new(name, key.pos);
    match &value.value {
        Value::Scalar { .. } => {
            let text = string_value(value, &name.value, diags)?;
            let (spec, optional) = read_type(&text.value, value.pos, refs, diags)?;
            Some(Field {
                name,
                spec,
                optional,
                default: None,
                description: None,
                deprecated: None,
            })
        }
        Value::Map(_) => read_field_map(name, value, refs, diags),
        Value::Seq(_) => {
            diags.emit(
                Code::WrongValue,
                value.pos,
                format!(
                    "field `{}` must be a type or a mapping, found a list",
                    name.value
                ),
            );
            None
        }
    }
}

fn read_field_map(
    name: Spanned<String>,
    node: &Node,
    refs: &mut Vec<TypeRef>,
    diags: &mut Diagnostics,
) -> Option<Field> {
    let what = format!("field `{}`", name.value);
    let allowed: Vec<&str> = FIELD_KEYS.iter().chain(CONSTRAINT_KEYS).copied().collect();
    let node = rejoin_split_types(node, |key| key == "type", diags);
    let map = MapReader::new(&node, &what, &allowed, &[], diags)?;
    let Some(type_node) = map.get("type") else {
        diags.emit(
            Code::MissingKey,
            name.pos,
            format!("field `{}` has no `type`", name.value),
        );
        return None;
    };
    let type_text = string_value(type_node, "type", diags)?;
    let (mut spec, mut optional) = if let Some(opt) = inline_enum(&type_text.value) {
        (read_inline_enum(&map, type_node.pos, diags)?, opt)
    } else {
        if let Some((key, _)) = map.entry("values") {
            diags.emit(
                Code::KeyNotForKind,
                key.pos,
                "`values` is only allowed with `type: enum`",
            );
        }
        read_type(&type_text.value, type_node.pos, refs, diags)?
    };
    if let Some(flag) = map.get("optional") {
        match flag.scalar() {
            Some(Scalar::Bool(b)) => optional |= b,
            _ => diags.emit(
                Code::WrongValue,
                flag.pos,
                format!(
                    "`optional` must be true or false, found {}",
                    flag.describe()
                ),
            ),
        }
    }
    read_constraints(&map, &mut spec, diags);
    Some(Field {
        name,
        spec,
        optional,
        default: map.get("default").map(|d| Spanned::new(to_json(d), d.pos)),
        description: map.string("description", diags).map(|s| s.value),
        deprecated: map.string("deprecated", diags).map(|s| s.value),
    })
}

/// A mapping whose type expressions YAML's flow style split at their commas, put back
/// together, with one [`Code::SplitType`] diagnostic per split type; `is_type` says which
/// keys hold a type. In `{ type: map<string, int> }` the comma ends the value: YAML reads
/// `type: "map<string"` and a key `int>` without a value. Borrowed when nothing was split.
pub fn rejoin_split_types<'a>(
    node: &'a Node,
    is_type: impl Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Cow<'a, Node> {
    let Some(entries) = node.as_map() else {
        return Cow::Borrowed(node);
    };
    let split = |i: usize| {
        is_type(entries[i].0.text().unwrap_or_default())
            .then(|| split_type(entries, i))
            .flatten()
    };
    if !(0..entries.len()).any(|i| split(i).is_some()) {
        return Cow::Borrowed(node);
    }
    let mut rejoined = Vec::with_capacity(entries.len());
    let mut i = 0;
    while i < entries.len() {
        let (key, value) = &entries[i];
        let Some((text, taken)) = split(i) else {
            rejoined.push((key.clone(), value.clone()));
            i += 1;
            continue;
        };
        let mut pos = value.pos;
        pos.end = entries[i + taken].0.pos.end.max(pos.end);
        diags.push(
            Diagnostic::new(
                Code::SplitType,
                pos,
                format!(
                    "YAML split the type `{text}` at its comma: in a flow mapping (`{{ ... }}`) a comma ends the value"
                ),
            )
            .with_help(format!(
                "quote the type (`{}: \"{text}\"`) or write the mapping in block style, one key per line",
                key.text().unwrap_or_default()
            )),
        );
        let value = Node {
            value: Value::Scalar { text, plain: false },
            pos,
        };
        rejoined.push((key.clone(), value));
        i += 1 + taken;
    }
    Cow::Owned(Node {
        value: Value::Map(rejoined),
        pos: node.pos,
    })
}

/// The type that starts at entry `at` and that YAML split into the keys (without values)
/// after it, with how many of those keys it takes; `None` when nothing was split there.
fn split_type(entries: &[(Node, Node)], at: usize) -> Option<(String, usize)> {
    let depth = |t: &str| t.matches('<').count() as i64 - t.matches('>').count() as i64;
    let Value::Scalar { text, plain: true } = &entries[at].1.value else {
        return None;
    };
    let mut open = depth(text);
    if open <= 0 {
        return None;
    }
    let mut whole = text.clone();
    for (taken, (key, value)) in entries[at + 1..].iter().enumerate() {
        let piece = key.text()?;
        // Only a key without a value (`{ a, b }`), as YAML reads the rest of a split type.
        if !matches!(&value.value, Value::Scalar { text, plain: true } if text.is_empty()) {
            return None;
        }
        whole.push_str(", ");
        whole.push_str(piece);
        open += depth(piece);
        if open <= 0 {
            return Some((whole, taken + 1));
        }
    }
    None
}

/// `enum` or `enum?` as the `type` of a field.
fn inline_enum(text: &str) -> Option<bool> {
    match text.trim() {
        "enum" => Some(false),
        "enum?" => Some(true),
        _ => None,
    }
}

fn read_inline_enum(map: &MapReader<'_>, pos: Pos, diags: &mut Diagnostics) -> Option<TypeSpec> {
    let Some(values) = map.get("values") else {
        diags.emit(
            Code::InvalidEnumValues,
            pos,
            "`type: enum` needs `values: [...]`",
        );
        return None;
    };
    let values = read_enum_values(values, diags)?;
    Some(TypeSpec::plain(Type::InlineEnum(
        values.into_iter().map(|v| v.value).collect(),
    )))
}

/// Reads `values: [A, B]`: distinct strings, at least one.
pub fn read_enum_values(node: &Node, diags: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
    let Some(items) = node.as_seq() else {
        diags.emit(
            Code::InvalidEnumValues,
            node.pos,
            format!(
                "`values` must be a list of strings, found {}",
                node.describe()
            ),
        );
        return None;
    };
    if items.is_empty() {
        diags.emit(
            Code::InvalidEnumValues,
            node.pos,
            "an enum needs at least one value",
        );
        return None;
    }
    let mut values: Vec<Spanned<String>> = Vec::new();
    // Where each value was first listed: a scan per value made a 100,000-value enum quadratic.
    let mut seen: HashMap<&str, Pos> = HashMap::with_capacity(items.len());
    for item in items {
        let Some(Scalar::Str(text)) = item.scalar() else {
            diags.push(
                Diagnostic::new(
                    Code::InvalidEnumValues,
                    item.pos,
                    format!("enum values are strings, found {}", item.describe()),
                )
                .with_help("quote the value: `\"1\"`"),
            );
            continue;
        };
        if let Some(first) = seen.get(text) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidEnumValues,
                    item.pos,
                    format!("enum value `{text}` is already listed"),
                )
                .with_label("listed again here")
                .with_secondary(*first, "first listed here"),
            );
            continue;
        }
        seen.insert(text, item.pos);
        values.push(Spanned::new(text.to_string(), item.pos));
    }
    Some(values)
}

fn read_type(
    text: &str,
    pos: Pos,
    refs: &mut Vec<TypeRef>,
    diags: &mut Diagnostics,
) -> Option<(TypeSpec, bool)> {
    match type_expr::parse(text) {
        Ok(expr) => {
            refs.extend(expr.refs.into_iter().map(|name| TypeRef { name, pos }));
            Some((expr.spec, expr.optional))
        }
        Err(message) => {
            let mut d = Diagnostic::new(
                Code::TypeSyntax,
                pos,
                format!("invalid type `{text}`: {message}"),
            );
            let word = text.trim_end_matches('?');
            let bare = word.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
            if let Some(s) = suggest(word, type_expr::BUILTINS).filter(|_| bare) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            diags.push(d);
            None
        }
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
pub fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// A YAML node as JSON, with core-schema scalars (for `default` values).
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.text().unwrap_or_default().to_string(), to_json(v)))
                .collect(),
        ),
        Value::Scalar { .. } => match node.scalar() {
            Some(Scalar::Null) | None => J::Null,
            Some(Scalar::Bool(b)) => J::Bool(b),
            Some(Scalar::Int(i)) => J::from(i),
            Some(Scalar::Float(f)) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
            Some(Scalar::Str(s)) => J::String(s.to_string()),
        },
    }
}
