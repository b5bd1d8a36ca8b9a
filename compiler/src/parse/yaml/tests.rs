//! Tests of the YAML tree builder.

use super::*;

fn parse(text: &str) -> (Vec<Node>, Diagnostics) {
    let file = SourceFile::new("t.yaml".into(), text.into());
    let mut diags = Diagnostics::new();
    let docs = parse_documents(FileId(0), &file, &mut diags);
    (docs, diags)
}

#[test]
fn keeps_positions_of_keys_and_values() {
    let (docs, diags) = parse("name: Foo\nfields:\n  a: int\n");
    assert!(diags.is_empty());
    let map = docs[0].as_map().unwrap();
    let (key, value) = &map[1];
    assert_eq!((key.pos.line, key.pos.column), (2, 1));
    let (inner_key, inner_value) = &value.as_map().unwrap()[0];
    assert_eq!((inner_key.pos.line, inner_key.pos.column), (3, 3));
    assert_eq!((inner_value.pos.line, inner_value.pos.column), (3, 6));
}

#[test]
fn reads_core_schema_scalars() {
    let (docs, _) = parse("[1, -2, 1.5, 1e3, true, null, ~, '1', x, 0x1F]");
    let s: Vec<_> = docs[0]
        .as_seq()
        .unwrap()
        .iter()
        .map(|n| n.scalar().unwrap())
        .collect();
    assert_eq!(
        s,
        vec![
            Scalar::Int(1),
            Scalar::Int(-2),
            Scalar::Float(1.5),
            Scalar::Float(1000.0),
            Scalar::Bool(true),
            Scalar::Null,
            Scalar::Null,
            Scalar::Str("1"),
            Scalar::Str("x"),
            Scalar::Int(31)
        ]
    );
}

#[test]
fn duplicate_key_is_reported_at_second_key() {
    let (_, diags) = parse("a: 1\nb: 2\na: 3\n");
    let d: Vec<_> = diags.iter().collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::DuplicateKey);
    assert_eq!(d[0].pos.unwrap().line, 3);
}

#[test]
fn aliases_are_rejected() {
    let (_, diags) = parse("a: &x [1]\nb: *x\n");
    assert_eq!(diags.iter().next().unwrap().code, Code::YamlAlias);
}

#[test]
fn deep_nesting_stops_at_the_limit() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (_, diags) = parse(&text);
    let code = diags.iter().next().unwrap().code;
    assert!(matches!(code, Code::YamlTooDeep | Code::YamlSyntax));
    let block: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let (_, diags) = parse(&block);
    assert_eq!(diags.iter().next().unwrap().code, Code::YamlTooDeep);
}

#[test]
fn splits_documents() {
    let (docs, diags) = parse("a: 1\n---\nb: 2\n");
    assert!(diags.is_empty());
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].pos.line, 3);
}
