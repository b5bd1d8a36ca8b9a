//! Contract types → Python annotations, built from the one walker over types
//! ([`TypeSpec::fold`]) and the one set of value rules ([`TypeSpec::rules`]): each layer is its
//! Python type with one `Annotated` item per rule, in pydantic's own metadata where pydantic
//! reads the rule as JSON Schema does, and the runtime's check of the same name (`_rt.integer`,
//! `_rt.EMAIL`, `_rt.UNIQUE`, ...) where it does not.

use super::literal::{bound_lit, str_lit};
use crate::model::{Format, Rule, Type, TypeSpec};
use std::collections::BTreeMap;

/// The annotation of a type expression; `classes` maps definition wire names to class names.
pub(super) fn annotation(spec: &TypeSpec, classes: &BTreeMap<String, String>) -> String {
    spec.fold(|layer, inside: Option<String>| {
        let inside = inside.unwrap_or_default();
        let mut ty = base(&layer.ty, &inside, classes);
        let metadata = Metadata::of(layer, &mut ty);
        let annotated = if metadata.is_empty() {
            ty
        } else {
            format!("_t.Annotated[{ty}, {}]", metadata.join(", "))
        };
        // `json` holds `null` already.
        if layer.nullable && layer.ty != Type::Json {
            format!("{annotated} | None")
        } else {
            annotated
        }
    })
}

/// The Python type of one layer before its rules; `inside` is the annotation of its element.
fn base(ty: &Type, inside: &str, classes: &BTreeMap<String, String>) -> String {
    match ty {
        // A format type's Python type comes from its `Rule::Format` ([`format_type`]).
        Type::String | Type::Email | Type::Uuid | Type::DateTime | Type::Date => "str".to_owned(),
        Type::Int => "int".to_owned(),
        Type::Float => "_rt.Float".to_owned(),
        Type::Bool => "bool".to_owned(),
        Type::Json => "_rt.Json".to_owned(),
        Type::List(_) => format!("list[{inside}]"),
        Type::Map(_) => format!("dict[str, {inside}]"),
        Type::Ref(name) => classes.get(name).cloned().unwrap_or_else(|| name.clone()),
        // The values come from its `Rule::OneOf`.
        Type::InlineEnum(_) => "str".to_owned(),
    }
}

/// The Python type that carries a format: the parsed value where Python has one (`uuid.UUID`,
/// `datetime`, `date`, read by the runtime as the JSON Schema's format and `pattern` read the
/// text), else the string with the runtime's check.
fn format_type(format: Format) -> (&'static str, Option<&'static str>) {
    match format {
        Format::Uuid => ("_rt.Uuid", None),
        Format::DateTime => ("_rt.DateTime", None),
        Format::Date => ("_rt.Date", None),
        Format::Email => ("str", Some("_rt.EMAIL")),
    }
}

/// The `Annotated` items of one layer's rules, grouped as pydantic takes them: one
/// `StringConstraints`, one `Field` of bounds or item counts, then the runtime's checks.
#[derive(Default)]
struct Metadata {
    string: Vec<String>,
    field: Vec<String>,
    checks: Vec<String>,
}

impl Metadata {
    /// The items of `layer`'s rules; a rule that makes the value another Python type (a
    /// format, an enum's values) replaces `ty`.
    fn of(layer: &TypeSpec, ty: &mut String) -> Vec<String> {
        let mut m = Metadata::default();
        for rule in layer.rules() {
            m.add(rule, ty);
        }
        let mut out = Vec::new();
        if !m.string.is_empty() {
            out.push(format!("_pd.StringConstraints({})", m.string.join(", ")));
        }
        if !m.field.is_empty() {
            out.push(format!("_pd.Field({})", m.field.join(", ")));
        }
        out.extend(m.checks);
        out
    }

    fn add(&mut self, rule: Rule<'_>, ty: &mut String) {
        match rule {
            // Python's `len` counts scalar values, as JSON Schema counts a string's length.
            Rule::MinLength(n) => self.string.push(format!("min_length={n}")),
            Rule::MaxLength(n) => self.string.push(format!("max_length={n}")),
            // pydantic-core matches with the `regex` crate, searching as JSON Schema does: the
            // Rust twin is the pattern the generated Rust matches with too.
            Rule::Pattern(p) => self.string.push(format!("pattern={}", str_lit(&p.rust))),
            Rule::Format(f) => {
                let (python, check) = format_type(f);
                *ty = python.to_owned();
                self.checks.extend(check.map(str::to_owned));
            }
            // pydantic's `int` takes `1.0` only in lax mode and compares past 2^53 as Python
            // does: the runtime's check reads the number as JSON Schema does.
            Rule::IntRange { min, max } => {
                self.checks.push(format!("_rt.integer(ge={min}, le={max})"))
            }
            Rule::Lower { bound, exclusive } => {
                let key = if exclusive { "gt" } else { "ge" };
                self.field.push(format!("{key}={}", bound_lit(bound)));
            }
            Rule::Upper { bound, exclusive } => {
                let key = if exclusive { "lt" } else { "le" };
                self.field.push(format!("{key}={}", bound_lit(bound)));
            }
            Rule::MinItems(n) => self.field.push(format!("min_length={n}")),
            Rule::MaxItems(n) => self.field.push(format!("max_length={n}")),
            // pydantic has no unique list; the runtime compares items as JSON values.
            Rule::UniqueItems => self.checks.push("_rt.UNIQUE".to_owned()),
            Rule::OneOf(values) => {
                let values: Vec<String> = values.iter().map(|v| str_lit(v)).collect();
                *ty = format!("_t.Literal[{}]", values.join(", "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bound;
    use crate::source::{FileId, Pos, Spanned};

    fn spanned<T>(value: T) -> Option<Spanned<T>> {
        Some(Spanned::new(value, Pos::file_start(FileId(0))))
    }

    #[test]
    fn scalars_map_to_runtime_types() {
        let classes = BTreeMap::from([("PointV1".to_owned(), "PointV1".to_owned())]);
        let plain = |ty| annotation(&TypeSpec::plain(ty), &classes);
        assert_eq!(plain(Type::String), "str");
        assert_eq!(
            plain(Type::Int),
            "_t.Annotated[int, _rt.integer(ge=-9007199254740991, le=9007199254740991)]"
        );
        assert_eq!(plain(Type::Ref("PointV1".into())), "PointV1");
        assert_eq!(
            plain(Type::InlineEnum(vec!["a".into(), "b c".into()])),
            "_t.Literal[\"a\", \"b c\"]"
        );
        let mut item = TypeSpec::plain(Type::Uuid);
        item.nullable = true;
        assert_eq!(
            plain(Type::Map(Box::new(item))),
            "dict[str, _rt.Uuid | None]"
        );
    }

    #[test]
    fn constraints_become_metadata() {
        let mut list = TypeSpec::plain(Type::List(Box::new(TypeSpec::plain(Type::Email))));
        list.constraints.min_items = spanned(1);
        list.constraints.unique = spanned(true);
        assert_eq!(
            annotation(&list, &BTreeMap::new()),
            "_t.Annotated[list[_t.Annotated[str, _rt.EMAIL]], _pd.Field(min_length=1), _rt.UNIQUE]"
        );
        let mut float = TypeSpec::plain(Type::Float);
        float.constraints.exclusive_min = spanned(Bound::Float(0.0));
        float.constraints.max = spanned(Bound::Int(10));
        assert_eq!(
            annotation(&float, &BTreeMap::new()),
            "_t.Annotated[_rt.Float, _pd.Field(le=10, gt=0.0)]"
        );
    }
}
