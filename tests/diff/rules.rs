//! The rule table: one OLD/NEW pair per rule, one file each, judged in every mode.

use super::{MODES, Pair, Side, V, V::*};

/// One rule: OLD and NEW, and what each mode must report.
#[derive(Clone)]
struct Case {
    name: &'static str,
    old: String,
    new: String,
    /// Expected code; empty for a compatible change.
    code: &'static str,
    /// Path the message starts with.
    path: &'static str,
    /// Backward, forward, full.
    verdict: [V; 3],
    /// Where the diagnostic points.
    at: (Side, u32, u32),
}

const HEADER: &str =
    "name: M\nkind: event\ntopic: t.v1\nidentity: { user_id: required, org_id: optional }\n";

/// A message whose fields start on line 6, column 3.
fn ev(fields: &str) -> String {
    format!("{HEADER}fields:\n{fields}")
}

/// The same message with `unknown_fields: reject` on line 5: fields start on line 7.
fn ev_reject(fields: &str) -> String {
    format!("{HEADER}unknown_fields: reject\nfields:\n{fields}")
}

/// Field `a` of type `ty` with constraint lines starting on line 8 (`    key: value`).
fn constrained(ty: &str, lines: &str) -> String {
    ev(&format!("  a:\n    type: {ty}\n{lines}"))
}

/// `M.r: R` with record R's fields starting on line 11.
fn rec(fields: &str) -> String {
    ev(&format!(
        "  r: R\n---\nname: R\nkind: record\nfields:\n{fields}"
    ))
}

/// `M.c: C` with enum C's values on line 10, the first at column 10.
fn en(values: &str) -> String {
    ev(&format!(
        "  c: C\n---\nname: C\nkind: enum\nvalues: [{values}]\n"
    ))
}

/// `unknown_fields: reject` added on line 5 of a message made by [`ev`].
fn strict(message: String) -> String {
    message.replacen("fields:", "unknown_fields: reject\nfields:", 1)
}

/// `M` with its identity block (line 4) replaced.
fn identity(block: &str) -> String {
    ev("  a: int\n").replace("identity: { user_id: required, org_id: optional }", block)
}

fn case(
    name: &'static str,
    old: String,
    new: String,
    code: &'static str,
    path: &'static str,
    verdict: [V; 3],
    at: (Side, u32, u32),
) -> Case {
    Case {
        name,
        old,
        new,
        code,
        path,
        verdict,
        at,
    }
}

/// A change no mode reports.
fn compatible(name: &'static str, old: String, new: String) -> Case {
    case(name, old, new, "", "", [N, N, N], (Side::New, 0, 0))
}

const BACKWARD: [V; 3] = [E, N, E];
const FORWARD: [V; 3] = [N, E, E];
const BOTH: [V; 3] = [E, E, E];
const WARN: [V; 3] = [W, W, W];
use Side::{New, Old};

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn field_cases() -> Vec<Case> {
    let a = "  a: int\n";
    let ab = "  a: int\n  b: string\n";
    let ab_opt = "  a: int\n  b: string?\n";
    vec![
        compatible("optional field added", ev(a), ev(ab_opt)),
        case("optional field added, OLD rejects unknown fields", ev_reject(a), ev_reject(ab_opt), "C0405", "M.b", FORWARD, (New, 8, 3)),
        case("required field added", ev(a), ev(ab), "C0404", "M.b", BACKWARD, (New, 7, 3)),
        case("required field added, OLD rejects unknown fields", ev_reject(a), ev_reject(ab), "C0404", "M.b", BOTH, (New, 8, 3)),
        case("required field removed", ev(ab), ev(a), "C0406", "M.b", FORWARD, (Old, 7, 3)),
        case("required field removed, NEW rejects unknown fields", ev_reject(ab), ev_reject(a), "C0406", "M.b", BOTH, (Old, 8, 3)),
        compatible("optional field removed, NEW ignores unknown fields", ev(ab_opt), ev(a)),
        case("optional field removed, NEW rejects unknown fields", ev_reject(ab_opt), ev_reject(a), "C0407", "M.b", BACKWARD, (Old, 8, 3)),
        case("required field made optional", ev(a), ev("  a: int?\n"), "C0408", "M.a", FORWARD, (New, 6, 3)),
        case("optional field made required", ev("  a: int?\n"), ev(a), "C0409", "M.a", BACKWARD, (New, 6, 3)),
        compatible("`?` written as `optional: true`", ev("  a: int?\n"), ev("  a: { type: int, optional: true }\n")),
        case("type changed", ev(a), ev("  a: string\n"), "C0410", "M.a", BOTH, (New, 6, 3)),
        case("string became email", ev("  a: string\n"), ev("  a: email\n"), "C0410", "M.a", BOTH, (New, 6, 3)),
        case("list element type changed", ev("  a: list<int>\n"), ev("  a: list<string>\n"), "C0410", "M.a[]", BOTH, (New, 6, 3)),
        case("map value type changed", ev("  a: map<string, int>\n"), ev("  a: map<string, bool>\n"), "C0410", "M.a{}", BOTH, (New, 6, 3)),
        case("list became a scalar", ev("  a: list<int>\n"), ev(a), "C0410", "M.a", BOTH, (New, 6, 3)),
        case("list elements made nullable", ev("  a: list<string>\n"), ev("  a: list<string?>\n"), "C0411", "M.a[]", FORWARD, (New, 6, 3)),
        case("map values made non-null", ev("  a: map<string, int?>\n"), ev("  a: map<string, int>\n"), "C0412", "M.a{}", BACKWARD, (New, 6, 3)),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn constraint_cases() -> Vec<Case> {
    let s = |lines: &str| constrained("string", lines);
    let i = |lines: &str| constrained("int", lines);
    let f = |lines: &str| constrained("float", lines);
    let l = |lines: &str| constrained("list<string>", lines);
    vec![
        case("min_length raised", s("    min_length: 1\n"), s("    min_length: 2\n"), "C0413", "M.a", BACKWARD, (New, 8, 17)),
        case("min_length lowered", s("    min_length: 2\n"), s("    min_length: 1\n"), "C0414", "M.a", FORWARD, (New, 8, 17)),
        compatible("min_length: 0 added", s(""), s("    min_length: 0\n")),
        case("max_length added", s(""), s("    max_length: 10\n"), "C0413", "M.a", BACKWARD, (New, 8, 17)),
        case("max_length removed", s("    max_length: 10\n"), s(""), "C0414", "M.a", FORWARD, (Old, 8, 17)),
        case("max_length raised", s("    max_length: 10\n"), s("    max_length: 20\n"), "C0414", "M.a", FORWARD, (New, 8, 17)),
        case("pattern added", s(""), s("    pattern: '^a'\n"), "C0413", "M.a", BACKWARD, (New, 8, 14)),
        case("pattern removed", s("    pattern: '^a'\n"), s(""), "C0414", "M.a", FORWARD, (Old, 8, 14)),
        case("pattern changed", s("    pattern: '^a'\n"), s("    pattern: '^b'\n"), "C0415", "M.a", BOTH, (New, 8, 14)),
        case("min raised", i("    min: 0\n"), i("    min: 1\n"), "C0413", "M.a", BACKWARD, (New, 8, 10)),
        case("max lowered", i("    max: 10\n"), i("    max: 5\n"), "C0413", "M.a", BACKWARD, (New, 8, 10)),
        case("max removed", i("    max: 10\n"), i(""), "C0414", "M.a", FORWARD, (Old, 8, 10)),
        case("min became exclusive_min at the same value", f("    min: 0\n"), f("    exclusive_min: 0\n"), "C0413", "M.a", BACKWARD, (New, 8, 20)),
        case("exclusive_max became max at the same value", f("    exclusive_max: 1\n"), f("    max: 1\n"), "C0414", "M.a", FORWARD, (New, 8, 10)),
        case("exclusive_min lowered", f("    exclusive_min: 0.5\n"), f("    exclusive_min: 0.1\n"), "C0414", "M.a", FORWARD, (New, 8, 20)),
        compatible("min 1 written as 1.0", f("    min: 1\n"), f("    min: 1.0\n")),
        case("min_items raised", l("    min_items: 1\n"), l("    min_items: 2\n"), "C0413", "M.a", BACKWARD, (New, 8, 16)),
        case("max_items removed", l("    max_items: 3\n"), l(""), "C0414", "M.a", FORWARD, (Old, 8, 16)),
        case("unique added", l(""), l("    unique: true\n"), "C0413", "M.a", BACKWARD, (New, 8, 13)),
        case("unique removed", l("    unique: true\n"), l(""), "C0414", "M.a", FORWARD, (Old, 8, 13)),
        case("element max_length lowered", l("    items: { max_length: 10 }\n"), l("    items: { max_length: 5 }\n"), "C0413", "M.a[]", BACKWARD, (New, 8, 26)),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn definition_cases() -> Vec<Case> {
    let a = "  a: int\n";
    let second = "---\nname: N\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  b: int\n";
    let unused = "---\nname: U\nkind: record\nfields:\n  b: int\n";
    vec![
        case("enum value added", en("A, B"), en("A, B, C"), "C0416", "M.c", FORWARD, (New, 10, 16)),
        case("enum value removed", en("A, B, C"), en("A, B"), "C0417", "M.c", BACKWARD, (Old, 10, 16)),
        compatible("enum values reordered", en("A, B, C"), en("C, A, B")),
        compatible("inline enum became a named enum with the same values", ev("  c: { type: enum, values: [A, B] }\n"), en("A, B")),
        case("inline enum value added", ev("  a: { type: enum, values: [A] }\n"), ev("  a: { type: enum, values: [A, B] }\n"), "C0416", "M.a", FORWARD, (New, 6, 3)),
        case("record field type changed", rec("  x: int\n"), rec("  x: string\n"), "C0410", "M.r.x", BOTH, (New, 11, 3)),
        case("record gained a required field", rec("  x: int\n"), rec("  x: int\n  y: int\n"), "C0404", "M.r.y", BACKWARD, (New, 12, 3)),
        compatible("record renamed, same structure", rec("  x: int\n"), rec("  x: int\n").replace("r: R", "r: R2").replace("name: R", "name: R2")),
        case("record became an enum", rec("  x: int\n"), en("A").replace("c: C", "r: R").replace("name: C", "name: R"), "C0410", "M.r", BOTH, (New, 6, 3)),
        case("record rejects unknown fields", rec("  x: int\n"), rec("  x: int\n").replace("kind: record", "kind: record\nunknown_fields: reject"), "C0418", "M.r", BACKWARD, (New, 8, 7)),
        compatible("message added", ev(a), format!("{}{second}", ev(a))),
        case("message removed", format!("{}{second}", ev(a)), ev(a), "C0401", "N", BOTH, (Old, 8, 7)),
        compatible("unused record removed", format!("{}{unused}", ev(a)), ev(a)),
        case("topic changed", ev(a), ev(a).replace("t.v1", "t.v2"), "C0403", "M", BOTH, (New, 3, 8)),
        case("kind changed", ev(a), ev(a).replace("kind: event", "kind: command"), "C0402", "M", BOTH, (New, 1, 7)),
        case("message became a record", ev(a), format!("name: M\nkind: record\nfields:\n{a}"), "C0402", "M", BOTH, (New, 1, 7)),
        case("unknown_fields ignore to reject", ev(a), ev_reject(a), "C0418", "M", BACKWARD, (New, 1, 7)),
        case("unknown_fields reject to ignore", ev_reject(a), ev(a), "C0419", "M", FORWARD, (New, 1, 7)),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn identity_cases() -> Vec<Case> {
    let optional = "identity: { user_id: required, org_id: optional }";
    let required = "identity: { user_id: required, org_id: required }";
    let exempt = "identity: { exempt: \"Liveness signal, never processed.\" }";
    vec![
        case("message became exempt", identity(optional), identity(exempt), "C0420", "M", BOTH, (New, 4, 1)),
        case("org_id required to optional", identity(required), identity(optional), "C0420", "M", BOTH, (New, 4, 1)),
        case("org_id optional to required", identity(optional), identity(required), "C0421", "M", BACKWARD, (New, 4, 1)),
        case("exempt message became attributed", identity(exempt), identity(optional), "C0421", "M", BACKWARD, (New, 4, 1)),
        case("exempt message became attributed, OLD rejects unknown fields", strict(identity(exempt)), strict(identity(optional)), "C0421", "M", BOTH, (New, 4, 1)),
        case("default changed", ev("  a: { type: int?, default: 1 }\n"), ev("  a: { type: int?, default: 2 }\n"), "C0422", "M.a", WARN, (New, 6, 29)),
        case("default added", ev("  a: { type: int? }\n"), ev("  a: { type: int?, default: 2 }\n"), "C0422", "M.a", WARN, (New, 6, 29)),
        case("default removed", ev("  a: { type: int?, default: 1 }\n"), ev("  a: { type: int? }\n"), "C0422", "M.a", WARN, (Old, 6, 29)),
    ]
}

fn check(c: &Case) -> Vec<String> {
    let pair = Pair::load(
        c.name,
        &[("c.yaml", c.old.clone())],
        &[("c.yaml", c.new.clone())],
    );
    let mut failures = Vec::new();
    for (mode, want) in MODES.iter().zip(c.verdict) {
        let diags = pair.diff(*mode);
        let got: Vec<_> = diags.iter().collect();
        let fail = |what: String| format!("{} ({}): {what}; got {got:#?}", c.name, mode.as_str());
        match (want, got.as_slice()) {
            (N, []) => {}
            (N, _) => failures.push(fail("expected nothing".into())),
            (_, [d]) => {
                let ok = d.code.info().code == c.code
                    && super::verdict(d) == want
                    && d.message.starts_with(&format!("`{}`", c.path))
                    && pair.at(d) == c.at;
                if !ok {
                    failures.push(fail(format!(
                        "expected {} {want:?} `{}` at {:?}",
                        c.code, c.path, c.at
                    )));
                }
            }
            _ => failures.push(fail(format!("expected exactly one {}", c.code))),
        }
    }
    failures
}

fn run(cases: Vec<Case>) {
    let failures: Vec<String> = cases.iter().flat_map(check).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn field_rules() {
    run(field_cases());
}

#[test]
fn constraint_rules() {
    run(constraint_cases());
}

#[test]
fn definition_enum_and_record_rules() {
    run(definition_cases());
}

#[test]
fn identity_and_default_rules() {
    run(identity_cases());
}

#[test]
fn every_evolution_code_has_a_rule() {
    let all: Vec<Case> = [
        field_cases(),
        constraint_cases(),
        definition_cases(),
        identity_cases(),
    ]
    .concat();
    let covered: std::collections::BTreeSet<&str> = all.iter().map(|c| c.code).collect();
    let missing: Vec<_> = contractc::Code::ALL
        .iter()
        .map(|c| c.info().code)
        .filter(|code| code.starts_with("C04") && !covered.contains(code))
        .collect();
    assert!(
        missing.is_empty(),
        "evolution codes without a rule: {missing:?}"
    );
}
