//! `default` values: only on optional fields, and accepted by the field's own validator.

use crate::diag::{Code, Diagnostics};
use crate::model::{Catalog, Definition, Kind, Type, TypeSpec, UnknownFields};
use serde_json::Value;

/// Deepest default value checked (a record default is a JSON tree).
const MAX_DEPTH: usize = 64;

/// Reports defaults on required fields and defaults the field itself would reject.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for def in catalog.definitions.values() {
        for field in def.fields() {
            let Some(default) = &field.default else {
                continue;
            };
            if !field.optional {
                diags.emit(
                    Code::DefaultOnRequired,
                    default.pos,
                    format!(
                        "`{}` is required, so its `default` would never be used",
                        field.name.value
                    ),
                );
                continue;
            }
            if let Err(why) = conforms(catalog, &default.value, &field.spec, 0) {
                diags.emit(
                    Code::InvalidDefault,
                    default.pos,
                    format!(
                        "default of `{}.{}` is invalid: {why}",
                        def.name.value, field.name.value
                    ),
                );
            }
        }
    }
}

/// Checks a JSON value against a type and its constraints, as the generated validator would.
pub fn conforms(
    catalog: &Catalog,
    value: &Value,
    spec: &TypeSpec,
    depth: usize,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("nested too deeply".into());
    }
    if value.is_null() {
        return if spec.nullable {
            Ok(())
        } else {
            Err("null is not a value of this type".into())
        };
    }
    let c = &spec.constraints;
    match (&spec.ty, value) {
        (Type::String | Type::Email, Value::String(s)) => text(s, spec),
        (Type::Int, Value::Number(n)) if is_integer(n) => int_range(n, spec),
        (Type::Float, Value::Number(n)) => bounds(n.as_f64().unwrap_or_default(), spec),
        (Type::Bool, Value::Bool(_)) | (Type::Json, _) => Ok(()),
        (Type::Uuid, Value::String(s)) => format_ok(contractc_runtime::de::is_uuid(s), "uuid", s),
        (Type::DateTime, Value::String(s)) => format_ok(
            contractc_runtime::de::is_datetime(s),
            "RFC 3339 date-time",
            s,
        ),
        (Type::Date, Value::String(s)) => {
            format_ok(contractc_runtime::de::is_date(s), "YYYY-MM-DD date", s)
        }
        (Type::InlineEnum(values), Value::String(s)) => {
            one_of(values.iter().map(String::as_str), s)
        }
        (Type::List(item), Value::Array(items)) => {
            let n = items.len() as u64;
            if c.min_items.as_ref().is_some_and(|m| n < m.value)
                || c.max_items.as_ref().is_some_and(|m| n > m.value)
            {
                return Err(format!("{n} items is outside the list's bounds"));
            }
            if c.unique.as_ref().is_some_and(|u| u.value)
                && (1..items.len()).any(|i| {
                    items[..i]
                        .iter()
                        .any(|prev| contractc_runtime::check::json_eq(prev, &items[i]))
                })
            {
                return Err("items are not unique".into());
            }
            items
                .iter()
                .try_for_each(|v| conforms(catalog, v, item, depth + 1))
        }
        (Type::Map(item), Value::Object(entries)) => entries
            .values()
            .try_for_each(|v| conforms(catalog, v, item, depth + 1)),
        (Type::Ref(name), value) => match catalog.get(name) {
            Some(def) => conforms_def(catalog, def, value, depth),
            None => Ok(()),
        },
        (ty, value) => Err(format!("{value} is not a `{}`", ty.display())),
    }
}

/// An integer default within the `int`'s whole range, compared exactly
/// ([`crate::model::Constraints::int_range`]).
fn int_range(n: &serde_json::Number, spec: &TypeSpec) -> Result<(), String> {
    let (lo, hi) = spec.constraints.int_range();
    // Exact for i64 and u64; a float default here is integral, and past 2^63 when not an i64.
    #[allow(clippy::cast_possible_truncation)]
    let value = n
        .as_i64()
        .map(i128::from)
        .or(n.as_u64().map(i128::from))
        .unwrap_or_else(|| n.as_f64().unwrap_or_default() as i128);
    if value < i128::from(lo) {
        Err(format!("{n} is less than {lo}"))
    } else if value > i128::from(hi) {
        Err(format!("{n} is greater than {hi}"))
    } else {
        Ok(())
    }
}

fn conforms_def(
    catalog: &Catalog,
    def: &Definition,
    value: &Value,
    depth: usize,
) -> Result<(), String> {
    match (&def.body, value) {
        (crate::model::Body::Enum(values), Value::String(s)) => {
            one_of(values.iter().map(|v| v.value.as_str()), s)
        }
        (crate::model::Body::Struct(fields), Value::Object(map)) if def.kind == Kind::Record => {
            for field in fields {
                match map.get(&field.name.value) {
                    None if !field.optional => {
                        return Err(format!("`{}` is missing", field.name.value));
                    }
                    Some(Value::Null) if field.optional => {}
                    Some(v) => conforms(catalog, v, &field.spec, depth + 1)?,
                    None => {}
                }
            }
            let declared = |k: &&String| fields.iter().any(|f| &f.name.value == *k);
            if def.unknown_fields == UnknownFields::Reject
                && let Some(extra) = map.keys().find(|k| !declared(k))
            {
                return Err(format!("`{extra}` is not a field of `{}`", def.name.value));
            }
            Ok(())
        }
        _ => Err(format!("{value} is not a `{}`", def.name.value)),
    }
}

fn text(s: &str, spec: &TypeSpec) -> Result<(), String> {
    let c = &spec.constraints;
    let len = s.chars().count() as u64;
    if c.min_length.as_ref().is_some_and(|m| len < m.value) {
        return Err(format!(
            "shorter than {} characters",
            c.min_length.as_ref().map_or(0, |m| m.value)
        ));
    }
    if c.max_length.as_ref().is_some_and(|m| len > m.value) {
        return Err(format!(
            "longer than {} characters",
            c.max_length.as_ref().map_or(0, |m| m.value)
        ));
    }
    if let Some(p) = &c.pattern
        && regex::Regex::new(&p.value.rust).is_ok_and(|re| !re.is_match(s))
    {
        return Err(contractc_runtime::check::words::no_match(&p.value.source));
    }
    if spec.ty == Type::Email {
        return format_ok(
            contractc_runtime::check::email_format(s).is_none(),
            "email address",
            s,
        );
    }
    Ok(())
}

fn bounds(x: f64, spec: &TypeSpec) -> Result<(), String> {
    let c = &spec.constraints;
    let below = |b: &Option<crate::source::Spanned<crate::model::Bound>>, strict: bool| {
        b.as_ref().is_some_and(|b| {
            if strict {
                x <= b.value.as_f64()
            } else {
                x < b.value.as_f64()
            }
        })
    };
    let above = |b: &Option<crate::source::Spanned<crate::model::Bound>>, strict: bool| {
        b.as_ref().is_some_and(|b| {
            if strict {
                x >= b.value.as_f64()
            } else {
                x > b.value.as_f64()
            }
        })
    };
    if below(&c.min, false)
        || below(&c.exclusive_min, true)
        || above(&c.max, false)
        || above(&c.exclusive_max, true)
    {
        return Err(format!("{x} is outside the field's bounds"));
    }
    Ok(())
}

fn format_ok(ok: bool, what: &str, s: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("\"{s}\" is not a valid {what}"))
    }
}

fn one_of<'a>(values: impl Iterator<Item = &'a str> + Clone, s: &str) -> Result<(), String> {
    if values.clone().any(|v| v == s) {
        return Ok(());
    }
    // Enough of the values to pick from; a huge enum is cut short.
    const SHOWN: usize = 10;
    let mut listed: Vec<String> = values
        .clone()
        .take(SHOWN)
        .map(|v| format!("`{v}`"))
        .collect();
    let more = values.count().saturating_sub(SHOWN);
    if more > 0 {
        listed.push(format!("and {more} more"));
    }
    Err(format!(
        "\"{s}\" is not one of the enum's values ({})",
        listed.join(", ")
    ))
}

/// An integer as JSON Schema counts them: `3` and `3.0` are, `3.5` is not (and it fits i64).
fn is_integer(n: &serde_json::Number) -> bool {
    n.as_i64().is_some()
        || n.as_f64().is_some_and(|f| {
            f.fract() == 0.0 && (-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&f)
        })
}
