//! The one place where wire names become Python names.
//!
//! Python keeps the contract's names: a field is its wire name, a class its definition name.
//! A name is changed only where Python cannot use it as it is (a keyword, a leading
//! underscore, which pydantic reserves for private attributes) or where it would shadow
//! something a model needs (pydantic's own attributes, the identity properties, the names
//! the generated annotations use); it then gets trailing underscores until it is free, and
//! the field keeps its wire name as its alias. Every choice is deterministic.

use heck::ToShoutySnakeCase;
use std::collections::BTreeSet;

/// Python's hard keywords: never a name.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Builtins the generated annotations name: a field or class so named would shadow them.
const BUILTINS_USED: &[&str] = &["bool", "dict", "float", "int", "list", "str"];

/// Public attributes of `pydantic.BaseModel` (2.x), and what the contract models add.
const MODEL_ATTRIBUTES: &[&str] = &[
    "construct",
    "copy",
    "dict",
    "from_orm",
    "json",
    "model_computed_fields",
    "model_config",
    "model_construct",
    "model_copy",
    "model_dump",
    "model_dump_json",
    "model_extra",
    "model_fields",
    "model_fields_set",
    "model_json_schema",
    "model_parametrized_name",
    "model_post_init",
    "model_rebuild",
    "model_validate",
    "model_validate_json",
    "model_validate_strings",
    "parse_file",
    "parse_obj",
    "parse_raw",
    "schema",
    "schema_json",
    "update_forward_refs",
    "validate",
    "identity",
    "quota_source",
    "caused_by",
    "user_id",
    "org_id",
];

/// Module-level names of `models.py` besides the classes.
const MODULE_NAMES: &[&str] = &["MESSAGES", "annotations"];

/// Whether `name` is a Python keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Whether `name` is an ASCII Python identifier.
fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `base`, with underscores appended until it is in neither `taken` nor `avoid`.
fn free(base: String, taken: &BTreeSet<String>, avoid: impl Fn(&str) -> bool) -> String {
    let mut name = base;
    while taken.contains(&name) || avoid(&name) {
        name.push('_');
    }
    name
}

/// The Python class name of every definition, in the order given (name order): the wire name,
/// unless it is a keyword or a name `models.py` needs.
pub fn class_names<'a>(wires: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wires: Vec<&str> = wires.into_iter().collect();
    let mut taken: BTreeSet<String> = wires.iter().map(|w| (*w).to_owned()).collect();
    let reserved =
        |n: &str| is_keyword(n) || BUILTINS_USED.contains(&n) || MODULE_NAMES.contains(&n);
    wires
        .iter()
        .map(|wire| {
            if !reserved(wire) {
                return (*wire).to_owned();
            }
            let name = free(format!("{wire}_"), &taken, reserved);
            taken.insert(name.clone());
            name
        })
        .collect()
}

/// The Python attribute name of every field of one definition, in field order. `classes` are
/// the catalog's class names, which an attribute must not shadow.
pub fn field_names<'a>(
    wires: impl IntoIterator<Item = &'a str>,
    classes: &BTreeSet<String>,
) -> Vec<String> {
    let wires: Vec<&str> = wires.into_iter().collect();
    let mut taken: BTreeSet<String> = wires.iter().map(|w| (*w).to_owned()).collect();
    let reserved = |n: &str| {
        is_keyword(n)
            || BUILTINS_USED.contains(&n)
            || MODEL_ATTRIBUTES.contains(&n)
            || classes.contains(n)
    };
    wires
        .iter()
        .map(|wire| {
            if is_identifier(wire) && !wire.starts_with('_') && !reserved(wire) {
                return (*wire).to_owned();
            }
            let stripped = wire.trim_start_matches('_');
            let base = match stripped.chars().next() {
                None => "field".to_owned(),
                Some(c) if c.is_ascii_digit() => format!("f_{stripped}"),
                Some(_) => stripped.to_owned(),
            };
            let name = free(base, &taken, reserved);
            taken.insert(name.clone());
            name
        })
        .collect()
}

/// The member name of every value of an enum, in order: `dark-blue` → `DARK_BLUE`, `1st` →
/// `V_1ST`, `""` → `EMPTY`, `+` → `V_2B`; a repeat after cleaning gets `_2`, `_3`, ...
pub fn member_names<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken = BTreeSet::new();
    values
        .into_iter()
        .map(|value| {
            let base = member_base(value);
            let mut name = base.clone();
            let mut n = 2;
            while taken.contains(&name) {
                name = format!("{base}_{n}");
                n += 1;
            }
            taken.insert(name.clone());
            name
        })
        .collect()
}

fn member_base(value: &str) -> String {
    if value.is_empty() {
        return "EMPTY".to_owned();
    }
    let ascii: String = value
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!(" U{:X} ", u32::from(c))
            }
        })
        .collect();
    let shouty = ascii.to_shouty_snake_case();
    if shouty.is_empty() {
        let hex: String = value
            .chars()
            .map(|c| format!("{:X}", u32::from(c)))
            .collect();
        format!("V_{hex}")
    } else if shouty.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V_{shouty}")
    } else {
        shouty
    }
}

/// Whether a name trips ruff's E741 (`l`, `O`, `I` look like digits).
pub fn is_ambiguous(name: &str) -> bool {
    matches!(name, "l" | "O" | "I")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(wires: &[&str]) -> Vec<String> {
        field_names(
            wires.iter().copied(),
            &BTreeSet::from(["PointV1".to_owned()]),
        )
    }

    #[test]
    fn fields_keep_their_wire_names() {
        assert_eq!(
            fields(&["fooBar", "essay_ids", "type", "self", "match"]),
            ["fooBar", "essay_ids", "type", "self", "match"]
        );
    }

    #[test]
    fn names_python_cannot_use_get_underscores() {
        assert_eq!(
            fields(&["class", "from", "_x", "__", "_1st", "None"]),
            ["class_", "from_", "x", "field", "f_1st", "None_"]
        );
        assert_eq!(
            fields(&["json", "model_config", "identity", "str", "PointV1"]),
            ["json_", "model_config_", "identity_", "str_", "PointV1_"]
        );
    }

    #[test]
    fn a_changed_name_never_takes_another_fields_name() {
        assert_eq!(fields(&["class", "class_"]), ["class__", "class_"]);
        assert_eq!(fields(&["_x", "x", "x_"]), ["x__", "x", "x_"]);
        assert_eq!(fields(&["_a", "__a"]), ["a", "a_"]);
    }

    #[test]
    fn classes_keep_their_names_unless_python_needs_them() {
        let names = class_names(["ColourV1", "None", "None_", "str", "MESSAGES"]);
        assert_eq!(names, ["ColourV1", "None__", "None_", "str_", "MESSAGES_"]);
    }

    #[test]
    fn members_are_shouty_ascii_and_distinct() {
        let names = member_names(["red", "dark-blue", "1st", "type", "Self", "HTTP", "", "a b"]);
        assert_eq!(
            names,
            [
                "RED",
                "DARK_BLUE",
                "V_1ST",
                "TYPE",
                "SELF",
                "HTTP",
                "EMPTY",
                "A_B"
            ]
        );
        assert_eq!(
            member_names(["a-b", "a_b", "A B"]),
            ["A_B", "A_B_2", "A_B_3"]
        );
        assert_eq!(member_names(["Ünïcode", "+"]), ["UDC_N_UEF_CODE", "V_2B"]);
    }
}
