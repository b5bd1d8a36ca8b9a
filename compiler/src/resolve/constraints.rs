//! Constraint attributes: each is attached only to a type it fits.

use super::pattern::{PatternError, translate};
use super::reader::{MapReader, count_value};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Bound, Constraints, SAFE_INT, Type, TypeSpec};
use crate::parse::{Node, Scalar};
use crate::source::Spanned;

/// The attributes that constrain values, allowed on fields and inside `items`.
pub const CONSTRAINT_KEYS: &[&str] = &[
    "min_length",
    "max_length",
    "pattern",
    "min",
    "max",
    "exclusive_min",
    "exclusive_max",
    "min_items",
    "max_items",
    "unique",
    "items",
];

/// Which types a constraint applies to, for the help line.
fn applies_to(key: &str) -> &'static str {
    match key {
        "min_length" | "max_length" => "string and email",
        "pattern" => "string",
        "min" | "max" => "int and float",
        "exclusive_min" | "exclusive_max" => "float",
        _ => "list",
    }
}

fn fits(key: &str, ty: &Type) -> bool {
    match key {
        "min_length" | "max_length" => ty.is_text(),
        "pattern" => *ty == Type::String,
        "min" | "max" => ty.is_number(),
        "exclusive_min" | "exclusive_max" => *ty == Type::Float,
        _ => matches!(ty, Type::List(_)),
    }
}

/// Reads every constraint key of `map` into `spec`, reporting those that do not fit.
pub fn read_constraints(map: &MapReader<'_>, spec: &mut TypeSpec, diags: &mut Diagnostics) {
    for (key, value) in map.entries() {
        let name = key.text().unwrap_or_default();
        if !CONSTRAINT_KEYS.contains(&name) {
            continue;
        }
        if !fits(name, &spec.ty) {
            diags.push(
                Diagnostic::new(
                    Code::ConstraintNotForType,
                    key.pos,
                    format!("`{name}` does not apply to `{}`", spec.ty.display()),
                )
                .with_help(format!(
                    "`{name}` applies to {}; remove it or change the type",
                    applies_to(name)
                )),
            );
            continue;
        }
        read_one(name, value, spec, diags);
    }
}

fn read_one(name: &str, value: &Node, spec: &mut TypeSpec, diags: &mut Diagnostics) {
    let is_int = spec.ty == Type::Int;
    let c: &mut Constraints = &mut spec.constraints;
    match name {
        "min_length" => c.min_length = count_value(value, name, diags),
        "max_length" => c.max_length = count_value(value, name, diags),
        "min_items" => c.min_items = count_value(value, name, diags),
        "max_items" => c.max_items = count_value(value, name, diags),
        "min" => c.min = bound(value, name, is_int, diags),
        "max" => c.max = bound(value, name, is_int, diags),
        "exclusive_min" => c.exclusive_min = bound(value, name, false, diags),
        "exclusive_max" => c.exclusive_max = bound(value, name, false, diags),
        "unique" => match value.scalar() {
            Some(Scalar::Bool(b)) => c.unique = Some(Spanned::new(b, value.pos)),
            _ => diags.emit(
                Code::InvalidConstraintValue,
                value.pos,
                format!("`unique` must be true or false, found {}", value.describe()),
            ),
        },
        "pattern" => c.pattern = pattern(value, diags),
        "items" => items(value, spec, diags),
        _ => {}
    }
}

fn items(value: &Node, spec: &mut TypeSpec, diags: &mut Diagnostics) {
    let Type::List(element) = &mut spec.ty else {
        return;
    };
    if let Some(map) = MapReader::new(value, "`items`", CONSTRAINT_KEYS, &[], diags) {
        read_constraints(&map, element, diags);
    }
}

/// 2^53: every integer of smaller magnitude is an `f64`, so a float bound below it compares
/// with any JSON number (an integer past it rounds when read as `f64`) as JSON Schema does.
const FLOAT_EXACT: f64 = 9_007_199_254_740_992.0;

fn bound(
    value: &Node,
    key: &str,
    integer: bool,
    diags: &mut Diagnostics,
) -> Option<Spanned<Bound>> {
    let b = match value.scalar() {
        Some(Scalar::Int(i)) => Some(Bound::Int(i)),
        Some(Scalar::Float(f)) if f.is_finite() && !integer => Some(Bound::Float(f)),
        _ => None,
    };
    if let Some(b) = b.filter(|b| !integer && b.as_f64().abs() >= FLOAT_EXACT) {
        diags.push(
            Diagnostic::new(
                Code::InvalidConstraintValue,
                value.pos,
                format!(
                    "`{key}: {}` on a float is beyond ±2^53: a float field cannot compare \
                     integers that large exactly (9007199254740993 reads as 9007199254740992), \
                     while JSON Schema compares them exactly",
                    b.to_json()
                ),
            )
            .with_help("give a bound between -9007199254740991 and 9007199254740991, or use `int`"),
        );
        return None;
    }
    if let Some(Bound::Int(i)) = b.filter(|_| integer)
        && i.unsigned_abs() > SAFE_INT.unsigned_abs()
    {
        diags.emit(
            Code::UnsafeIntBound,
            value.pos,
            format!(
                "`{key}: {i}` widens the `int` past ±(2^53 − 1) = ±9007199254740991: contractc, \
                 Rust and Python check it exactly, but validators that read numbers as doubles \
                 (ajv, @cfworker/json-schema) cannot tell the values there apart"
            ),
        );
    }
    if b.is_none() {
        let expected = if integer {
            "an integer"
        } else {
            "a finite number"
        };
        diags.emit(
            Code::InvalidConstraintValue,
            value.pos,
            format!("`{key}` must be {expected}, found {}", value.describe()),
        );
    }
    b.map(|b| Spanned::new(b, value.pos))
}

fn pattern(value: &Node, diags: &mut Diagnostics) -> Option<Spanned<crate::model::Pattern>> {
    let Some(Scalar::Str(source)) = value.scalar() else {
        diags.emit(
            Code::InvalidConstraintValue,
            value.pos,
            format!("`pattern` must be a string, found {}", value.describe()),
        );
        return None;
    };
    match translate(source) {
        Ok(p) => Some(Spanned::new(p, value.pos)),
        Err(PatternError::Invalid(why)) => {
            diags.emit(
                Code::InvalidPattern,
                value.pos,
                format!("invalid pattern `{source}`: {why}"),
            );
            None
        }
        Err(PatternError::NonPortable(why)) => {
            diags.emit(
                Code::NonPortablePattern,
                value.pos,
                format!("pattern `{source}` is not portable: {why}"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Code;

    /// The codes and lines of the diagnostics of a record with one field.
    fn diagnose(field: &str) -> Vec<(Code, u32)> {
        crate::diagnose_yaml(&format!("name: R\nkind: record\nfields:\n  f: {field}\n"))
    }

    #[test]
    fn float_bounds_must_compare_every_integer_exactly() {
        assert_eq!(diagnose("{ type: float, max: 9007199254740991 }"), []);
        assert_eq!(
            diagnose("{ type: float, exclusive_min: -9007199254740991.0 }"),
            []
        );
        for bound in [
            "max: 9007199254740992",
            "min: -9007199254740992",
            "exclusive_max: 1.0e300",
        ] {
            let field = format!("{{ type: float, {bound} }}");
            assert_eq!(
                diagnose(&field),
                [(Code::InvalidConstraintValue, 4)],
                "{bound}"
            );
        }
        // Integer fields compare as i64: every i64 bound is exact, but past ±(2^53 − 1) only
        // to validators that do not read numbers as doubles (C0320).
        assert_eq!(diagnose("{ type: int, max: 9007199254740991 }"), []);
        assert_eq!(diagnose("{ type: int, min: -9007199254740991 }"), []);
        for bound in ["max: 9223372036854775807", "min: -9007199254740992"] {
            let field = format!("{{ type: int, {bound} }}");
            assert_eq!(diagnose(&field), [(Code::UnsafeIntBound, 4)], "{bound}");
        }
    }
}
