//! [`strict_unique`] against the full reading its shortcuts skip: every item as a `Value`,
//! compared pairwise with `unique_items`, converted from the `Value`.

use super::*;
use crate::check::unique_items;
use uuid::Uuid;

/// The full reading, kept here as the reference.
fn old<'de, T: Strict<'de>>(text: &'de str) -> Result<Vec<T>, String> {
    let items: Vec<Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if let Some(message) = unique_items(&items) {
        return Err(message);
    }
    items
        .into_iter()
        .map(|item| T::deserialize_strict(item).map_err(|e| e.to_string()))
        .collect()
}

fn new<'de, T: Strict<'de>>(text: &'de str) -> Result<Vec<T>, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    Vec::<T>::deserialize_unique(&mut de).map_err(|e| {
        let text = e.to_string();
        match text.find(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        }
    })
}

fn lists() -> Vec<String> {
    let u = "f308a72c-fa84-11eb-9a03-0242ac130003";
    let upper = u.to_uppercase();
    let many: Vec<String> = (0..40)
        .map(|i| format!("\"{i:08x}-fa84-11eb-9a03-0242ac130003\""))
        .collect();
    let mut out: Vec<String> = [
        "[]".to_owned(),
        format!(r#"["{u}"]"#),
        format!(r#"["{u}", "{u}"]"#),
        format!(r#"["{u}", "{upper}"]"#),
        format!(r#"["{u}", "\u0066{}"]"#, &u[1..]),
        r#"["a", "b", "a"]"#.to_owned(),
        r#"["a", "\u0061"]"#.to_owned(),
        r#"["x", 1, 1.0]"#.to_owned(),
        r#"[1, "1"]"#.to_owned(),
        r#"[{"a": 1}, {"a": 1.0}]"#.to_owned(),
        r#"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#.to_owned(),
        r#"[[1, "a"], [1, "a"]]"#.to_owned(),
        r#"[null, null]"#.to_owned(),
        r#"[true, false, "true"]"#.to_owned(),
        r#"["not a uuid"]"#.to_owned(),
        r#"[5]"#.to_owned(),
        r#"[1, "1", null]"#.to_owned(),
        r#"["a"]"#.to_owned(),
    ]
    .to_vec();
    out.push(format!("[{}]", many.join(",")));
    out.push(format!("[{}, {}]", many.join(","), many[17]));
    out.push(format!("[{}, 1, 1.0]", many.join(",")));
    out.push(format!(
        "[{}, \"{}\"]",
        many.join(","),
        many[3].trim_matches('"').to_uppercase()
    ));
    out
}

#[test]
fn agrees_with_reading_every_item_as_a_value() {
    for text in lists() {
        assert_eq!(new::<Uuid>(&text), old::<Uuid>(&text), "Uuid {text}");
        assert_eq!(
            new::<Value>(&text).is_ok(),
            old::<Value>(&text).is_ok(),
            "Value {text}"
        );
        let (n, o) = (new::<Value>(&text), old::<Value>(&text));
        assert_eq!(n, o, "Value {text}");
        assert_eq!(new::<i64>(&text), old::<i64>(&text), "i64 {text}");
        let (n, o) = (new::<Option<Value>>(&text), old::<Option<Value>>(&text));
        assert_eq!(n, o, "Option<Value> {text}");
        let (n, o) = (new::<Option<Uuid>>(&text), old::<Option<Uuid>>(&text));
        assert_eq!(n, o, "Option<Uuid> {text}");
    }
}

#[test]
fn many_strings_are_sorted_not_compared_pairwise() {
    let items: Vec<String> = (0..1000).map(|i| format!("\"s{i}\"")).collect();
    let distinct = format!("[{}]", items.join(","));
    assert!(new::<Value>(&distinct).is_ok());
    let repeated = format!("[{}, \"s999\"]", items.join(","));
    assert_eq!(new::<Value>(&repeated).unwrap_err(), "items are not unique");
}
