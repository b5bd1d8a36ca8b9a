//! Changes reached through shared types and the project config, across several files.

use super::{MODES, Pair, Side, V};
use contractc::diff::Mode;

const ID: &str = "identity: { user_id: required, org_id: optional }";

fn message(name: &str, fields: &str) -> String {
    format!("name: {name}\nkind: request\n{ID}\nfields:\n{fields}")
}

/// `(code, message path, side, line, column)` of every diagnostic of `mode`.
fn findings(pair: &Pair, mode: Mode) -> Vec<(String, String, Side, u32, u32)> {
    pair.diff(mode)
        .iter()
        .map(|d| {
            let path = d.message.split('`').nth(1).unwrap_or_default().to_string();
            let (side, line, column) = pair.at(d);
            (d.code.info().code.to_string(), path, side, line, column)
        })
        .collect()
}

#[test]
fn a_record_change_is_reported_for_every_message_that_reaches_it() {
    let records = |x: &str| {
        format!(
            "name: Q\nkind: record\nfields:\n  r: R\n---\nname: R\nkind: record\nfields:\n  x: {x}\n"
        )
    };
    let messages = format!(
        "{}---\n{}",
        message("M1", "  q: Q\n"),
        message("M2", "  rs: list<R>\n  other: R\n")
    );
    let old = [("m.yaml", messages.clone()), ("r.yaml", records("int"))];
    let new = [("m.yaml", messages), ("r.yaml", records("string"))];
    let pair = Pair::load("record through records", &old, &new);
    // M2 reaches R twice: reported once, at the first path in field order.
    let expected = vec![
        ("C0410".to_string(), "M1.q.r.x".to_string(), Side::New, 9, 3),
        (
            "C0410".to_string(),
            "M2.rs[].x".to_string(),
            Side::New,
            9,
            3,
        ),
    ];
    for mode in MODES {
        let mut got = findings(&pair, mode);
        got.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(got, expected, "{}", mode.as_str());
    }
}

#[test]
fn definitions_moved_between_files_are_matched_by_name() {
    let m = message("M", "  r: R\n  c: C\n");
    let r = "name: R\nkind: record\nfields:\n  x: int\n";
    let c = "name: C\nkind: enum\nvalues: [A]\n";
    let old = [("all.yaml", format!("{m}---\n{r}---\n{c}"))];
    let new = [
        ("a/m.yaml", m),
        ("b/r.yaml", r.to_string()),
        ("b/c.yaml", c.to_string()),
    ];
    let pair = Pair::load("moved", &old, &new);
    for mode in MODES {
        assert!(pair.diff(mode).is_empty(), "{}", mode.as_str());
    }
}

#[test]
fn recursive_records_terminate_and_report_once() {
    let node = |val: &str| {
        format!("name: Node\nkind: record\nfields:\n  val: {val}\n  children: list<Node>\n")
    };
    let m = message("M", "  root: Node\n");
    let pair = Pair::load(
        "recursive",
        &[("m.yaml", format!("{m}---\n{}", node("int")))],
        &[("m.yaml", format!("{m}---\n{}", node("bool")))],
    );
    let got = findings(&pair, Mode::Full);
    assert_eq!(
        got,
        vec![("C0410".into(), "M.root.val".into(), Side::New, 10, 3)]
    );
}

#[test]
fn a_deep_diamond_of_records_is_compared_once_per_record() {
    // R0 { a: R1, b: R1 }, R1 { a: R2, b: R2 }, ...: 2^60 paths, 60 records.
    let catalog = |leaf: &str| {
        let mut docs = vec![message("M", "  r: R0\n")];
        for i in 0..60 {
            docs.push(format!(
                "name: R{i}\nkind: record\nfields:\n  a: R{n}\n  b: R{n}\n",
                n = i + 1
            ));
        }
        docs.push(format!("name: R60\nkind: record\nfields:\n  x: {leaf}\n"));
        docs.join("---\n")
    };
    let pair = Pair::load(
        "diamond",
        &[("c.yaml", catalog("int"))],
        &[("c.yaml", catalog("string"))],
    );
    // Exponential work would not finish: the test passing is the check (no timing).
    let got = findings(&pair, Mode::Full);
    let path = format!("M.r{}.x", ".a".repeat(60));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, path);
}

#[test]
fn config_defaults_and_identity_limits_apply_to_every_message() {
    let m = message("M", "  a: int\n");
    let config = |max: u32, unknown: &str| {
        format!(
            "identity:\n  user_id: {{ max_length: {max} }}\npolicy:\n  unknown_fields: {unknown}\n"
        )
    };
    let old = [
        ("contractc.yaml", config(255, "ignore")),
        ("m.yaml", m.clone()),
    ];
    let new = [("contractc.yaml", config(100, "reject")), ("m.yaml", m)];
    let pair = Pair::load("config", &old, &new);
    let mut got = findings(&pair, Mode::Backward);
    got.sort();
    let expected = vec![
        (
            "C0413".to_string(),
            "M.user_id".to_string(),
            Side::New,
            3,
            1,
        ),
        ("C0418".to_string(), "M".to_string(), Side::New, 1, 7),
    ];
    assert_eq!(got, expected);
    assert!(findings(&pair, Mode::Forward).is_empty());
    // Loosening the limit again breaks forward only.
    let pair = Pair::load(
        "config back",
        &[
            ("contractc.yaml", config(100, "ignore")),
            ("m.yaml", message("M", "  a: int\n")),
        ],
        &[
            ("contractc.yaml", config(255, "ignore")),
            ("m.yaml", message("M", "  a: int\n")),
        ],
    );
    assert!(findings(&pair, Mode::Backward).is_empty());
    assert_eq!(
        findings(&pair, Mode::Forward),
        vec![("C0414".into(), "M.user_id".into(), Side::New, 3, 1)]
    );
}

#[test]
fn identity_weakening_is_an_error_in_every_mode_even_with_nothing_else() {
    let attributed = message("M", "  a: int\n").replace("org_id: optional", "org_id: required");
    let weakened = message("M", "  a: int\n");
    let pair = Pair::load(
        "weakened",
        &[("m.yaml", attributed)],
        &[("m.yaml", weakened)],
    );
    for mode in MODES {
        let diags = pair.diff(mode);
        let verdicts: Vec<V> = diags.iter().map(super::verdict).collect();
        assert_eq!(verdicts, vec![V::E], "{}", mode.as_str());
        assert!(diags.iter().all(|d| d.message.contains("weakens identity")));
    }
}

#[test]
fn deny_warnings_makes_a_changed_default_an_error() {
    let pair = Pair::load(
        "default",
        &[("m.yaml", message("M", "  a: { type: int?, default: 1 }\n"))],
        &[("m.yaml", message("M", "  a: { type: int?, default: 2 }\n"))],
    );
    let mut diags = pair.diff(Mode::Full);
    assert!(!diags.has_errors());
    diags.deny_warnings();
    assert!(diags.has_errors());
}
