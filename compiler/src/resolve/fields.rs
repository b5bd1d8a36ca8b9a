//! Fields: `name: TYPE-EXPR` or `name: { type: TYPE-EXPR, ...attributes }`.

use super::constraints::{CONSTRAINT_KEYS, read_constraints};
use super::reader::{MapReader, string_value};
use super::type_expr;
use crate::diag::{Code, Diagnostic, Diagnostics, suggest};
use crate::model::{Field, Type, TypeSpec};
use crate::parse::{Node, Scalar, Value};
use crate::source::{Pos, Spanned};

/// Keys of a field written as a mapping, besides the constraints of [`CONSTRAINT_KEYS`].
const FIELD_KEYS: &[&str] = &[
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
    let map = MapReader::new(node, &what, &allowed, &[], diags)?;
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
        if let Some(first) = values.iter().find(|v| v.value == text) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidEnumValues,
                    item.pos,
                    format!("enum value `{text}` is already listed"),
                )
                .with_label("listed again here")
                .with_secondary(first.pos, "first listed here"),
            );
            continue;
        }
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
