//! Documents generated from an emitted JSON Schema for the property test, independent of
//! `contractc diff`'s own samples: a valid base, and the base with one key changed to values
//! of every JSON type and around every limit either side's schema has.

use contractc::Catalog;
use contractc::emit::json_schema::message_schema;
use serde_json::{Map, Value, json};
use std::cell::RefCell;
use std::collections::HashMap;

/// A message's validator, as `contractc validate` builds it; `None` when the side lacks it.
pub struct Schema {
    pub root: Value,
    pub validator: Option<jsonschema::Validator>,
    nodes: RefCell<HashMap<String, jsonschema::Validator>>,
}

impl Schema {
    pub fn of(catalog: &Catalog, message: &str) -> Schema {
        // The emitters take a checked catalog: `catalog` passed the checks already.
        let checked = contractc::Checked::from_catalog(catalog.clone());
        let root = checked
            .emittable()
            .and_then(|c| message_schema(c, message))
            .unwrap_or(Value::Null);
        let validator = (!root.is_null()).then(|| compile(&root));
        Schema {
            root,
            validator,
            nodes: RefCell::new(HashMap::new()),
        }
    }

    pub fn accepts(&self, doc: &Value) -> bool {
        self.validator.as_ref().is_some_and(|v| v.is_valid(doc))
    }

    /// A schema node with `$ref`s followed.
    fn resolve<'a>(&'a self, node: &'a Value) -> &'a Value {
        match node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(name) => &self.root["$defs"][name],
            None => node,
        }
    }

    /// Whether a sub-schema accepts a value (compiled with the root's `$defs`).
    fn node_accepts(&self, node: &Value, v: &Value) -> bool {
        let key = node.to_string();
        let mut nodes = self.nodes.borrow_mut();
        let validator = nodes.entry(key).or_insert_with(|| {
            let mut schema = node.as_object().cloned().unwrap_or_default();
            if let Some(defs) = self.root.get("$defs") {
                schema.insert("$defs".into(), defs.clone());
            }
            compile(&Value::Object(schema))
        });
        validator.is_valid(v)
    }
}

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the emitted schema compiles")
}

/// Values of every JSON type, and numbers and strings around every limit either schema has.
pub fn pools(schemas: [&Value; 2]) -> (Vec<Value>, Vec<Value>) {
    let mut numbers: Vec<Value> = [0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.0, 1e19, -1e19]
        .iter()
        .map(|f| number(*f))
        .collect();
    let mut strings: Vec<String> = [
        "", "a", "b", "ab", "ba", "xa", "abc", "123", "a1", "A", "a\nb", "aaaa",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    strings.extend(
        [
            "123e4567-e89b-12d3-a456-426614174000",
            "2024-01-01",
            "2024-01-01T00:00:00Z",
            "a@example.com",
            "aaaaaaaaaaaaaaaaaaaaa@example.com",
        ]
        .map(String::from),
    );
    let mut walk = vec![schemas[0], schemas[1]];
    while let Some(v) = walk.pop() {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    match (k.as_str(), x) {
                        (
                            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum",
                            Value::Number(n),
                        ) => {
                            numbers.push(x.clone());
                            if let Some(i) = n.as_i64() {
                                numbers.extend(
                                    [i.saturating_sub(1), i.saturating_add(1)].map(Value::from),
                                );
                            }
                            if let Some(f) = n.as_f64() {
                                numbers.extend(
                                    [f - 0.5, f + 0.5, f.next_up(), f.next_down()].map(number),
                                );
                            }
                        }
                        ("minLength" | "maxLength", Value::Number(n)) => {
                            let n = n.as_u64().unwrap_or(0) as usize;
                            for len in [n.saturating_sub(1), n, n + 1] {
                                strings.push("a".repeat(len));
                                strings.push("1".repeat(len));
                            }
                        }
                        ("enum", Value::Array(values)) => {
                            strings
                                .extend(values.iter().filter_map(Value::as_str).map(String::from));
                        }
                        _ => walk.push(x),
                    }
                }
            }
            Value::Array(items) => walk.extend(items),
            _ => {}
        }
    }
    numbers.dedup();
    strings.sort();
    strings.dedup();
    (numbers, strings.into_iter().map(Value::String).collect())
}

fn number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// Generates documents of one side, knowing the other side's schema at the same place.
pub struct Docs<'a> {
    /// The side the documents are of.
    pub side: &'a Schema,
    /// The other side, whose keys an open object may carry.
    pub other: &'a Schema,
    /// Numbers to try.
    pub numbers: Vec<Value>,
    /// Strings to try.
    pub strings: Vec<Value>,
    /// Keys only the other side declares may hold any value (`--strict-open-content`).
    pub strict: bool,
}

impl Docs<'_> {
    /// Values for a schema node: every pool value its type could take, and composites built
    /// from them; `other` is the other side's node at the same place.
    fn values(&self, node: &Value, other: Option<&Value>, depth: u32) -> Vec<Value> {
        let node = self.side.resolve(node);
        let other = other.map(|o| self.other.resolve(o));
        if let Some(branches) = node.get("anyOf").and_then(Value::as_array) {
            let mut out = vec![Value::Null];
            for b in branches
                .iter()
                .filter(|b| b.get("type") != Some(&json!("null")))
            {
                out.extend(self.values(b, other.map(|o| non_null(o, self.other)), depth));
            }
            return out;
        }
        let mut out = vec![Value::Null, json!(true), json!({}), json!([])];
        out.extend(self.numbers.iter().cloned());
        out.extend(self.strings.iter().cloned());
        if depth >= 3 {
            return out;
        }
        match node.get("type").and_then(Value::as_str) {
            Some("array") => {
                let other_items = other.and_then(|o| o.get("items"));
                let items = self.values(&node["items"], other_items, depth + 1);
                let valid: Vec<Value> = items
                    .iter()
                    .filter(|v| self.side.node_accepts(&node["items"], v))
                    .cloned()
                    .collect();
                for v in items.iter().take(60) {
                    out.push(json!([v]));
                    let filler = valid
                        .iter()
                        .find(|f| *f != v)
                        .cloned()
                        .unwrap_or_else(|| v.clone());
                    out.push(json!([v, filler]));
                }
                if let Some(first) = valid.first() {
                    for len in 2..5 {
                        out.push(Value::Array(vec![first.clone(); len]));
                        out.push(Value::Array(valid.iter().take(len).cloned().collect()));
                    }
                }
            }
            Some("object") if node.get("properties").is_some() => {
                out.extend(self.objects(node, other, depth + 1));
            }
            Some("object") => {
                let values = node
                    .get("additionalProperties")
                    .map(|v| {
                        self.values(
                            v,
                            other.and_then(|o| o.get("additionalProperties")),
                            depth + 1,
                        )
                    })
                    .unwrap_or_default();
                out.extend(values.into_iter().take(80).map(|v| json!({ "k": v })));
            }
            _ => {}
        }
        out
    }

    /// Objects of a record or message: a valid base, and the base with one key changed.
    pub fn objects(&self, node: &Value, other: Option<&Value>, depth: u32) -> Vec<Value> {
        let empty = Map::new();
        let props = node
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let other_props = other
            .and_then(|o| o.get("properties"))
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let required: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let open = node.get("additionalProperties") != Some(&json!(false));
        let mut base = Map::new();
        let mut choices: Vec<(String, Vec<Value>)> = Vec::new();
        for (name, schema) in props {
            let values = self.values(schema, other_props.get(name), depth);
            let valid = values.iter().find(|v| self.side.node_accepts(schema, v));
            if let (true, Some(v)) = (required.contains(&name.as_str()), valid) {
                base.insert(name.clone(), v.clone());
            }
            choices.push((name.clone(), values));
        }
        if open {
            // Keys only the other side declares, and a key nobody declares.
            for (name, schema) in other_props.iter().filter(|(n, _)| !props.contains_key(*n)) {
                let theirs = Docs {
                    side: self.other,
                    other: self.side,
                    numbers: self.numbers.clone(),
                    strings: self.strings.clone(),
                    strict: self.strict,
                };
                let values = theirs.values(schema, None, depth);
                let values = if self.strict {
                    values
                } else {
                    values
                        .into_iter()
                        .filter(|v| self.other.node_accepts(schema, v))
                        .collect()
                };
                choices.push((name.clone(), values));
            }
            choices.push((
                "zz_undeclared".into(),
                vec![json!(0), json!("a"), Value::Null],
            ));
        } else {
            for name in other_props.keys().filter(|n| !props.contains_key(*n)) {
                choices.push((name.clone(), vec![json!(0), json!("a")]));
            }
            choices.push(("zz_undeclared".into(), vec![json!(0)]));
        }
        let mut out = vec![Value::Object(base.clone())];
        for (name, values) in choices {
            let mut without = base.clone();
            without.remove(&name);
            out.push(Value::Object(without));
            for v in values.into_iter().take(400) {
                let mut m = base.clone();
                m.insert(name.clone(), v);
                out.push(Value::Object(m));
            }
        }
        out
    }
}

/// The non-null branch of an `anyOf` with `null`, or the node itself.
fn non_null<'a>(node: &'a Value, side: &'a Schema) -> &'a Value {
    let node = side.resolve(node);
    node.get("anyOf")
        .and_then(Value::as_array)
        .and_then(|b| b.iter().find(|b| b.get("type") != Some(&json!("null"))))
        .unwrap_or(node)
}
