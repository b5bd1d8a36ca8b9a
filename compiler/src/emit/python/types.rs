//! Contract types → Python annotations: the type with its constraints, in pydantic's own
//! `Annotated` metadata where pydantic reads the constraint as JSON Schema does, and the
//! runtime's named rules (`_rt.Int`, `_rt.UNIQUE`, ...) where it does not.

use super::literal::{bound_lit, str_lit};
use crate::model::{Constraints, Type, TypeSpec};
use std::collections::BTreeMap;

/// The annotation of a type expression; `classes` maps definition wire names to class names.
pub(super) fn annotation(spec: &TypeSpec, classes: &BTreeMap<String, String>) -> String {
    let base = match &spec.ty {
        Type::String => "str".to_owned(),
        Type::Int => "int".to_owned(),
        Type::Float => "_rt.Float".to_owned(),
        Type::Bool => "bool".to_owned(),
        Type::Uuid => "_rt.Uuid".to_owned(),
        Type::DateTime => "_rt.DateTime".to_owned(),
        Type::Date => "_rt.Date".to_owned(),
        Type::Email => "str".to_owned(),
        Type::Json => "_pd.JsonValue".to_owned(),
        Type::List(item) => format!("list[{}]", annotation(item, classes)),
        Type::Map(value) => format!("dict[str, {}]", annotation(value, classes)),
        Type::Ref(name) => classes.get(name).cloned().unwrap_or_else(|| name.clone()),
        Type::InlineEnum(values) => {
            let values: Vec<String> = values.iter().map(|v| str_lit(v)).collect();
            format!("_t.Literal[{}]", values.join(", "))
        }
    };
    let metadata = constraints(&spec.ty, &spec.constraints);
    let annotated = if metadata.is_empty() {
        base
    } else {
        format!("_t.Annotated[{base}, {}]", metadata.join(", "))
    };
    if spec.nullable && spec.ty != Type::Json {
        format!("{annotated} | None")
    } else {
        annotated
    }
}

/// The `Annotated` metadata of a type's constraints.
fn constraints(ty: &Type, c: &Constraints) -> Vec<String> {
    let mut out = Vec::new();
    let mut args = Vec::new();
    let mut arg = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            args.push(format!("{key}={value}"));
        }
    };
    match ty {
        Type::String | Type::Email => {
            arg(
                "min_length",
                c.min_length.as_ref().map(|s| s.value.to_string()),
            );
            arg(
                "max_length",
                c.max_length.as_ref().map(|s| s.value.to_string()),
            );
            // pydantic's default engine is the `regex` crate, searching as JSON Schema does;
            // the Rust twin of the pattern is what the generated Rust matches with.
            arg(
                "pattern",
                c.pattern.as_ref().map(|s| str_lit(&s.value.rust)),
            );
            if !args.is_empty() {
                out.push(format!("_pd.StringConstraints({})", args.join(", ")));
            }
            if *ty == Type::Email {
                out.push("_rt.EMAIL".to_owned());
            }
        }
        Type::Int => {
            // The range the JSON Schema states: the written bounds, else ±(2^53 − 1).
            let (min, max) = c.int_range();
            out.push(format!("_rt.integer(ge={min}, le={max})"));
        }
        Type::Float => {
            arg("ge", c.min.as_ref().map(|s| bound_lit(s.value)));
            arg("le", c.max.as_ref().map(|s| bound_lit(s.value)));
            arg("gt", c.exclusive_min.as_ref().map(|s| bound_lit(s.value)));
            arg("lt", c.exclusive_max.as_ref().map(|s| bound_lit(s.value)));
            if !args.is_empty() {
                out.push(format!("_pd.Field({})", args.join(", ")));
            }
        }
        Type::List(_) => {
            arg(
                "min_length",
                c.min_items.as_ref().map(|s| s.value.to_string()),
            );
            arg(
                "max_length",
                c.max_items.as_ref().map(|s| s.value.to_string()),
            );
            if !args.is_empty() {
                out.push(format!("_pd.Field({})", args.join(", ")));
            }
            if c.unique.as_ref().is_some_and(|u| u.value) {
                out.push("_rt.UNIQUE".to_owned());
            }
        }
        _ => {}
    }
    out
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
