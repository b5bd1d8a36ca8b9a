//! Generated OLD/NEW pairs for the property test: random field types with constraints,
//! optionality, a record, unknown-field policies; half of them one small change of the other.

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
pub fn generated(count: usize) -> Vec<(String, String)> {
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
