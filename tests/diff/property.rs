//! The property: for generated OLD/NEW pairs (every rule's example, and pairs of random field
//! types, constraints, optionality, records and unknown-field policies), documents generated
//! from both emitted JSON Schemas are checked against both with the `jsonschema` crate, as
//! `contractc validate` checks them. Every direction `contractc diff` reports must come with a
//! witness those validators confirm (or be a documented choice, or a pattern it says it did
//! not decide), and no direction it leaves unreported may have a document that shows it.
//!
//! Documents follow the documented reading of open objects: without `--strict-open-content`,
//! a key that only the other side declares holds a value of the other side's type.

use contractc::diff::rules::rules;
use contractc::diff::{Evidence, Impact, Options, changes_with};
use contractc::emit::json_schema::message_schema;
use contractc::{Catalog, SourceMap};
use serde_json::{Map, Value, json};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

/// A deterministic generator (xorshift64*), so every run judges the same pairs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const PATTERNS: &[&str] = &[
    "^a",
    "a",
    "^b",
    "^[a-z]+$",
    "^[0-9]+$",
    "^\\d{1,}$",
    ".*",
    "b$",
];

/// A random type expression with constraints, as the YAML of field `name`'s value.
fn field_type(rng: &mut Rng, depth: u32) -> String {
    let kind = rng.below(if depth > 0 { 10 } else { 13 });
    let mut attrs: Vec<String> = Vec::new();
    let ty = match kind {
        0 => {
            if rng.chance(50) {
                attrs.push(format!("min: {}", rng.pick(&[-1, 0, 1, 5])));
            }
            if rng.chance(50) {
                attrs.push(format!(
                    "max: {}",
                    rng.pick(&["5", "10", "9223372036854775807"])
                ));
            }
            "int".to_string()
        }
        1 => {
            for (key, values) in [
                ("min", ["0", "0.5", "1"]),
                ("exclusive_min", ["0", "0.5", "1"]),
                ("max", ["5", "10", "1.5"]),
                ("exclusive_max", ["5", "10", "1.5"]),
            ] {
                if rng.chance(25) {
                    attrs.push(format!("{key}: {}", rng.pick(&values)));
                }
            }
            "float".to_string()
        }
        2 | 3 => {
            if rng.chance(40) {
                attrs.push(format!("min_length: {}", rng.pick(&[0, 1, 2])));
            }
            if rng.chance(40) {
                attrs.push(format!("max_length: {}", rng.pick(&[2, 3, 5, 40])));
            }
            if rng.chance(40) {
                attrs.push(format!("pattern: '{}'", rng.pick(PATTERNS)));
            }
            "string".to_string()
        }
        4 => "bool".to_string(),
        5 => rng.pick(&["uuid", "date", "datetime"]).to_string(),
        6 => {
            if rng.chance(40) {
                attrs.push(format!("max_length: {}", rng.pick(&[5, 20, 40])));
            }
            "email".to_string()
        }
        7 => "json".to_string(),
        8 | 9 => {
            let values = rng.pick(&["[A]", "[A, B]", "[B, C]", "[A, B, C]", "[a]"]);
            attrs.push(format!("values: {values}"));
            "enum".to_string()
        }
        10 | 11 => {
            let inner = scalar_name(rng);
            let q = if rng.chance(25) { "?" } else { "" };
            for (key, values) in [("min_items", [0, 1, 2]), ("max_items", [1, 2, 3])] {
                if rng.chance(25) {
                    attrs.push(format!("{key}: {}", rng.pick(&values)));
                }
            }
            if rng.chance(25) {
                attrs.push("unique: true".to_string());
            }
            format!("list<{inner}{q}>")
        }
        _ => {
            let q = if rng.chance(25) { "?" } else { "" };
            format!("map<string, {}{q}>", scalar_name(rng))
        }
    };
    let mut parts = vec![format!("type: {ty}")];
    parts.extend(attrs);
    format!("{{ {} }}", parts.join(", "))
}

fn scalar_name(rng: &mut Rng) -> String {
    rng.pick(&["int", "float", "string", "bool", "uuid", "email", "json"])
        .to_string()
}

/// A message `M` with field `a` (optional or not) and, sometimes, a record `R` with field `x`.
fn catalog_yaml(a: &str, optional: bool, reject: bool, record: Option<&str>) -> String {
    let a = if optional {
        a.replacen("{ ", "{ optional: true, ", 1)
    } else {
        a.to_string()
    };
    let policy = if reject {
        "unknown_fields: reject\n"
    } else {
        ""
    };
    let mut yaml = format!(
        "name: M\nkind: event\ntopic: t.v1\nidentity: {{ user_id: required, org_id: optional }}\n{policy}fields:\n  a: {a}\n"
    );
    if let Some(x) = record {
        yaml.push_str(&format!(
            "  r: R\n---\nname: R\nkind: record\n{policy}fields:\n  x: {x}\n"
        ));
    }
    yaml
}

/// Generated pairs: either two random types or one type and a small change of it.
fn generated(count: usize) -> Vec<(String, String)> {
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    let mut out = Vec::new();
    while out.len() < count {
        let old_ty = field_type(&mut rng, 0);
        let new_ty = if rng.chance(40) {
            field_type(&mut rng, 0)
        } else {
            mutate(&mut rng, &old_ty)
        };
        let (oo, no) = (rng.chance(30), rng.chance(30));
        let (orj, nrj) = (rng.chance(20), rng.chance(20));
        let record = rng
            .chance(25)
            .then(|| (field_type(&mut rng, 1), field_type(&mut rng, 1)));
        let (orec, nrec) = match &record {
            Some((x, y)) => (
                Some(x.as_str()),
                Some(if rng.chance(50) {
                    x.as_str()
                } else {
                    y.as_str()
                }),
            ),
            None => (None, None),
        };
        out.push((
            catalog_yaml(&old_ty, oo, orj, orec),
            catalog_yaml(&new_ty, no, nrj, nrec),
        ));
    }
    out
}

/// The type with one thing changed: a constraint value, the type name, or a constraint gone.
fn mutate(rng: &mut Rng, ty: &str) -> String {
    let swaps: &[(&str, &str)] = &[
        ("int", "float"),
        ("float", "int"),
        ("string", "email"),
        ("email", "string"),
        ("uuid", "string"),
        ("string", "json"),
        ("json", "string"),
        ("[A, B]", "[A, B, C]"),
        ("[A]", "[A, B]"),
        ("max: 10", "max: 5"),
        ("min: 0", "min: 1"),
        ("min_length: 1", "min_length: 2"),
        ("max_length: 5", "max_length: 3"),
        ("'^a'", "'a'"),
        ("'^[0-9]+$'", "'^\\d{1,}$'"),
        ("unique: true", "max_items: 2"),
        ("list<int>", "list<float>"),
        ("list<int>", "list<int?>"),
        ("exclusive_min: 0", "min: 0"),
        ("type: string", "type: string, pattern: '.*'"),
        ("type: int", "type: int, max: 9223372036854775807"),
        ("type: enum", "type: enum"),
        ("max_items: 3", "max_items: 1"),
    ];
    let applicable: Vec<_> = swaps.iter().filter(|(a, _)| ty.contains(a)).collect();
    if applicable.is_empty() {
        return field_type(rng, 0);
    }
    let (a, b) = rng.pick(&applicable);
    ty.replacen(a, b, 1)
}

/// Checks a catalog given as one file; `None` when it has errors (the pair is skipped).
fn check(sources: &mut SourceMap, side: &str, yaml: &str) -> Option<Catalog> {
    let file = (
        PathBuf::from(format!("{side}/c.yaml")),
        PathBuf::from("c.yaml"),
        yaml.as_bytes().to_vec(),
    );
    let (catalog, diags) = contractc::check_files(sources, vec![file]);
    (!diags.has_errors()).then_some(catalog)
}

/// A message's validator, as `contractc validate` builds it; `None` when the side lacks it.
struct Schema {
    root: Value,
    validator: Option<jsonschema::Validator>,
    nodes: RefCell<HashMap<String, jsonschema::Validator>>,
}

impl Schema {
    fn of(catalog: &Catalog, message: &str) -> Schema {
        let root = message_schema(catalog, message).unwrap_or(Value::Null);
        let validator = (!root.is_null()).then(|| compile(&root));
        Schema {
            root,
            validator,
            nodes: RefCell::new(HashMap::new()),
        }
    }

    fn accepts(&self, doc: &Value) -> bool {
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
fn pools(schemas: [&Value; 2]) -> (Vec<Value>, Vec<Value>) {
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
struct Docs<'a> {
    side: &'a Schema,
    other: &'a Schema,
    numbers: Vec<Value>,
    strings: Vec<Value>,
    strict: bool,
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
    fn objects(&self, node: &Value, other: Option<&Value>, depth: u32) -> Vec<Value> {
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

/// What one pair gave: documents checked, witnesses confirmed, failures.
#[derive(Default)]
struct Tally {
    pairs: usize,
    skipped: usize,
    documents: usize,
    witnesses: usize,
    undecided: usize,
    breaking_directions: usize,
    failures: Vec<String>,
}

fn judge(old_yaml: &str, new_yaml: &str, strict: bool, tally: &mut Tally) {
    let mut sources = SourceMap::default();
    let (Some(old), Some(new)) = (
        check(&mut sources, "old", old_yaml),
        check(&mut sources, "new", new_yaml),
    ) else {
        tally.skipped += 1;
        return;
    };
    tally.pairs += 1;
    let changes = changes_with(
        &old,
        &new,
        Options {
            strict_open_content: strict,
        },
    );
    let label = || format!("OLD:\n{old_yaml}NEW:\n{new_yaml}strict: {strict}");
    let mut reported = [false, false];
    let names: std::collections::BTreeSet<&str> = old
        .messages()
        .chain(new.messages())
        .map(|m| m.name.value.as_str())
        .collect();
    for change in &changes {
        let message = change.path.split('.').next().unwrap_or_default();
        let (o, n) = (Schema::of(&old, message), Schema::of(&new, message));
        for (i, evidence) in [&change.backward, &change.forward].into_iter().enumerate() {
            let Some(evidence) = evidence else { continue };
            if change.impact != Impact::Warning {
                reported[i] = true;
                tally.breaking_directions += 1;
            }
            let (from, to) = if i == 0 { (&o, &n) } else { (&n, &o) };
            match evidence {
                Evidence::Witness(doc) => {
                    tally.witnesses += 1;
                    if !from.accepts(doc) || to.accepts(doc) {
                        tally.failures.push(format!(
                            "{}: `{doc}` is no witness ({i})\n{}",
                            change.message,
                            label()
                        ));
                    }
                }
                Evidence::Undecided(_) => {
                    tally.undecided += 1;
                    if !(old_yaml.contains("pattern") || new_yaml.contains("pattern")) {
                        tally.failures.push(format!(
                            "{}: not decided without a pattern\n{}",
                            change.message,
                            label()
                        ));
                    }
                }
                Evidence::Choice => {}
            }
        }
        if change.impact == Impact::Identity {
            reported = [true, true];
        }
    }
    for message in names {
        let (o, n) = (Schema::of(&old, message), Schema::of(&new, message));
        if o.validator.is_none() || n.validator.is_none() {
            continue;
        }
        let (numbers, strings) = pools([&o.root, &n.root]);
        for (i, (side, other)) in [(&o, &n), (&n, &o)].into_iter().enumerate() {
            let docs = Docs {
                side,
                other,
                numbers: numbers.clone(),
                strings: strings.clone(),
                strict,
            };
            for doc in docs.objects(&side.root, Some(&other.root), 0) {
                tally.documents += 1;
                if !reported[i] && side.accepts(&doc) && !other.accepts(&doc) {
                    let dir = if i == 0 { "backward" } else { "forward" };
                    tally.failures.push(format!(
                        "unreported {dir} break shown by `{doc}`\n{}",
                        label()
                    ));
                    break;
                }
            }
        }
    }
}

#[test]
fn every_reported_direction_has_a_witness_and_no_other_direction_has_one() {
    let mut tally = Tally::default();
    for rule in rules() {
        judge(&rule.old, &rule.new, rule.strict, &mut tally);
    }
    let from_rules = tally.pairs;
    for (old, new) in generated(400) {
        for strict in [false, true] {
            judge(&old, &new, strict, &mut tally);
        }
    }
    eprintln!(
        "property: {} pairs ({from_rules} from the rules, {} skipped as invalid), {} documents, {} breaking directions, {} witnesses confirmed, {} not decided",
        tally.pairs,
        tally.skipped,
        tally.documents,
        tally.breaking_directions,
        tally.witnesses,
        tally.undecided
    );
    assert!(tally.pairs > 500, "too few pairs: {}", tally.pairs);
    let shown: Vec<_> = tally.failures.iter().take(40).cloned().collect();
    assert!(
        tally.failures.is_empty(),
        "{} failures:\n{}",
        tally.failures.len(),
        shown.join("\n\n")
    );
}
