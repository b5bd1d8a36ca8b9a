//! Each type expression and each constraint becomes the right keywords.

use super::fixtures::*;
use crate::model::{Constraints, Type};
use serde_json::json;

#[test]
fn scalar_types_map_to_json_schema_types_and_formats() {
    use super::super::portable::{DATE, DATE_TIME, EMAIL, UUID};
    let max = f64::MAX;
    let cases = [
        (
            Type::String,
            json!({ "type": "string", "pattern": super::super::portable::SCALAR_VALUES }),
        ),
        (
            Type::Float,
            json!({ "type": "number", "minimum": -max, "maximum": max }),
        ),
        (Type::Bool, json!({ "type": "boolean" })),
        (
            Type::Uuid,
            json!({ "type": "string", "format": "uuid", "pattern": UUID }),
        ),
        (
            Type::DateTime,
            json!({ "type": "string", "format": "date-time", "pattern": DATE_TIME }),
        ),
        (
            Type::Date,
            json!({ "type": "string", "format": "date", "pattern": DATE }),
        ),
        (
            Type::Email,
            json!({ "type": "string", "format": "email", "pattern": EMAIL }),
        ),
        (Type::Json, json!({})),
    ];
    for (t, expected) in cases {
        assert_eq!(spec_schema(ty(t.clone())), expected, "{t:?}");
    }
}

#[test]
fn int_has_the_i_json_range_by_default() {
    let expected = json!({
        "type": "integer",
        "minimum": -9_007_199_254_740_991_i64,
        "maximum": 9_007_199_254_740_991_i64,
    });
    assert_eq!(spec_schema(ty(Type::Int)), expected);
}

#[test]
fn int_bounds_replace_the_default_range_on_their_side() {
    let c = Constraints {
        min: int(1),
        max: int(1000),
        ..Constraints::default()
    };
    let s = spec_schema(constrained(Type::Int, c));
    assert_eq!(
        s,
        json!({ "type": "integer", "minimum": 1, "maximum": 1000 })
    );

    let only_min = Constraints {
        min: int(-5),
        ..Constraints::default()
    };
    let s = spec_schema(constrained(Type::Int, only_min));
    assert_eq!(s["minimum"], json!(-5));
    assert_eq!(s["maximum"], json!(9_007_199_254_740_991_i64));

    // The full i64, asked for with bounds past ±(2^53 − 1).
    let wide = Constraints {
        min: int(i64::MIN),
        max: int(i64::MAX),
        ..Constraints::default()
    };
    let s = spec_schema(constrained(Type::Int, wide));
    let text = super::super::to_text(&s);
    assert!(text.contains("-9223372036854775808"), "{text}");
    assert!(text.contains("9223372036854775807"), "{text}");

    let float_bounds = Constraints {
        min: float(0.5),
        max: float(1e3),
        ..Constraints::default()
    };
    let s = spec_schema(constrained(Type::Int, float_bounds));
    assert_eq!(s["minimum"], json!(1), "rounded inwards");
    assert_eq!(s["maximum"], json!(1000));
}

#[test]
fn float_bounds_inclusive_and_exclusive() {
    let c = Constraints {
        min: float(0.0),
        max: int(10),
        exclusive_min: float(-1.5),
        exclusive_max: float(2.25),
        ..Constraints::default()
    };
    let s = spec_schema(constrained(Type::Float, c));
    assert_eq!(
        s,
        json!({
            "type": "number",
            "minimum": 0.0,
            "maximum": 10,
            "exclusiveMinimum": -1.5,
            "exclusiveMaximum": 2.25,
        })
    );
}

#[test]
fn string_and_email_lengths_and_pattern_in_portable_form() {
    let c = Constraints {
        pattern: pattern(r"^\d{3}-[A-Z]+$"),
        ..lengths(2, 40)
    };
    let s = spec_schema(constrained(Type::String, c));
    assert_eq!(
        s,
        json!({
            "type": "string", "minLength": 2, "maxLength": 40, "pattern": r"^[0-9]{3}-[A-Z]+$(?!\n)",
            "allOf": [{ "pattern": super::super::portable::SCALAR_VALUES }],
        })
    );
    let s = spec_schema(constrained(Type::Email, lengths(3, 254)));
    assert_eq!(
        s,
        json!({ "type": "string", "format": "email", "pattern": super::super::portable::EMAIL, "minLength": 3, "maxLength": 254 })
    );
}

#[test]
fn list_constraints_and_item_constraints() {
    let item = constrained(Type::String, lengths(1, 500));
    let c = Constraints {
        min_items: Some(sp(1)),
        max_items: Some(sp(10)),
        unique: Some(sp(true)),
        ..Constraints::default()
    };
    let s = spec_schema(list(item, c));
    assert_eq!(
        s,
        json!({
            "type": "array",
            "items": { "type": "string", "minLength": 1, "maxLength": 500, "pattern": super::super::portable::SCALAR_VALUES },
            "minItems": 1,
            "maxItems": 10,
            "uniqueItems": true,
        })
    );
    let not_unique = Constraints {
        unique: Some(sp(false)),
        ..Constraints::default()
    };
    let s = spec_schema(list(ty(Type::Bool), not_unique));
    assert_eq!(
        s,
        json!({ "type": "array", "items": { "type": "boolean" } })
    );
}

#[test]
fn nullable_elements_accept_null_including_refs() {
    let s = spec_schema(list(nullable(ty(Type::Uuid)), Constraints::default()));
    assert_eq!(
        s["items"],
        json!({ "anyOf": [{ "type": "string", "format": "uuid", "pattern": super::super::portable::UUID }, { "type": "null" }] })
    );
    let s = spec_schema(map(nullable(reference("Essay"))));
    assert_eq!(
        s,
        json!({
            "type": "object",
            "additionalProperties": { "anyOf": [{ "$ref": "#/$defs/Essay" }, { "type": "null" }] },
        })
    );
}

#[test]
fn map_of_string_to_type() {
    let s = spec_schema(map(ty(Type::Int)));
    assert_eq!(s["type"], json!("object"));
    assert_eq!(s["additionalProperties"]["type"], json!("integer"));
}

#[test]
fn inline_enum_lists_its_values_in_order() {
    let s = spec_schema(ty(Type::InlineEnum(vec!["low".into(), "high".into()])));
    assert_eq!(s, json!({ "type": "string", "enum": ["low", "high"] }));
}

#[test]
fn optional_field_wraps_in_any_of_with_doc_keywords_outside() {
    let mut f = opt(
        "level",
        constrained(
            Type::Int,
            Constraints {
                min: int(0),
                max: int(9),
                ..Constraints::default()
            },
        ),
    );
    f.description = Some("Level.".into());
    f.default = Some(sp(json!(3)));
    f.deprecated = Some("use grade".into());
    assert_eq!(
        field_schema(f),
        json!({
            "anyOf": [{ "type": "integer", "minimum": 0, "maximum": 9 }, { "type": "null" }],
            "description": "Level.",
            "default": 3,
            "deprecated": true,
        })
    );
    let s = field_schema(opt("essay", reference("Essay")));
    assert_eq!(
        s,
        json!({ "anyOf": [{ "$ref": "#/$defs/Essay" }, { "type": "null" }] })
    );
}

#[test]
fn required_field_doc_keywords_sit_beside_the_type() {
    let mut f = field("essay", reference("Essay"));
    f.description = Some("The essay.".into());
    f.deprecated = Some("gone soon".into());
    assert_eq!(
        field_schema(f),
        json!({ "$ref": "#/$defs/Essay", "description": "The essay.", "deprecated": true })
    );
}

#[test]
fn optional_json_stays_the_any_schema() {
    let mut f = opt("extra", ty(Type::Json));
    f.description = Some("Anything.".into());
    assert_eq!(field_schema(f), json!({ "description": "Anything." }));
}
