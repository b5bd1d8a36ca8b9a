//! `default` values: only on optional fields, and accepted by the field's own validator,
//! judged by the same rules the emitters write ([`crate::model::rules`]).

use crate::diag::{Code, Diagnostics};
use crate::model::{Catalog, Definition, Type, TypeSpec, UnknownFields};
use serde_json::Value;
use std::collections::HashSet;

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

/// Checks a JSON value against a type and its rules ([`crate::model::rules`]), as the
/// generated validator would: the value's shape here, every rule through the runtime check
/// the generated code calls.
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
    if !has_shape(&spec.ty, value) {
        return Err(format!("{value} is not a `{}`", spec.ty.display()));
    }
    if let Some(why) = spec.rules().iter().find_map(|rule| rule.violation(value)) {
        return Err(why);
    }
    match (&spec.ty, value, spec.element()) {
        (Type::List(_), Value::Array(items), Some(item)) => items
            .iter()
            .try_for_each(|v| conforms(catalog, v, item, depth + 1)),
        (Type::Map(_), Value::Object(entries), Some(item)) => entries
            .values()
            .try_for_each(|v| conforms(catalog, v, item, depth + 1)),
        (Type::Ref(name), value, _) => match catalog.get(name) {
            Some(def) => conforms_def(catalog, def, value, depth),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Whether `value` is of the JSON type the type's values have.
fn has_shape(ty: &Type, value: &Value) -> bool {
    match ty {
        Type::String
        | Type::Email
        | Type::Uuid
        | Type::DateTime
        | Type::Date
        | Type::InlineEnum(_) => value.is_string(),
        Type::Int | Type::Float => value.is_number(),
        Type::Bool => value.is_boolean(),
        Type::List(_) => value.is_array(),
        Type::Map(_) => value.is_object(),
        Type::Json | Type::Ref(_) => true,
    }
}

fn conforms_def(
    catalog: &Catalog,
    def: &Definition,
    value: &Value,
    depth: usize,
) -> Result<(), String> {
    if let Some(rule) = def.enum_rule() {
        if !value.is_string() {
            return Err(format!("{value} is not a `{}`", def.name.value));
        }
        return rule.violation(value).map_or(Ok(()), Err);
    }
    let Value::Object(map) = value else {
        return Err(format!("{value} is not a `{}`", def.name.value));
    };
    let fields = def.fields();
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
    // A set, so that a record of many fields and a default of many keys stay linear.
    let declared: HashSet<&str> = fields.iter().map(|f| f.name.value.as_str()).collect();
    if def.unknown_fields == UnknownFields::Reject
        && let Some(extra) = map.keys().find(|k| !declared.contains(k.as_str()))
    {
        return Err(format!("`{extra}` is not a field of `{}`", def.name.value));
    }
    Ok(())
}
