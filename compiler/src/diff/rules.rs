//! The rules table: every kind of change `contractc diff` judges, with an OLD/NEW example and
//! the verdict the rule gives. The README's table is generated from it ([`markdown`], which
//! runs every example for its witness), and the test suite runs every example in every mode.

use super::{Evidence, Impact, Options, changes_with};
use crate::diag::Code;
use crate::source::SourceMap;
use std::path::PathBuf;

/// What a rule says about a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to report.
    Compatible,
    /// Breaks the directions of this impact.
    Breaks(Impact),
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The change, as the table names it.
    pub change: &'static str,
    /// The example in a few words (`int` → `float`).
    pub example: &'static str,
    /// The catalog before (one file, `c.yaml`).
    pub old: String,
    /// The catalog after.
    pub new: String,
    /// The code reported, for a breaking change.
    pub code: Option<Code>,
    /// What the rule says.
    pub verdict: Verdict,
    /// Judged with `--strict-open-content`.
    pub strict: bool,
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

/// `M` with its identity block (line 4) replaced.
fn identity(block: &str) -> String {
    ev("  a: int\n").replace("identity: { user_id: required, org_id: optional }", block)
}

fn rule(
    change: &'static str,
    example: &'static str,
    (old, new): (String, String),
    code: Option<Code>,
    verdict: Verdict,
) -> Rule {
    Rule {
        change,
        example,
        old,
        new,
        code,
        verdict,
        strict: false,
    }
}

use Impact::{Backward, Both, Forward};
use Verdict::{Breaks, Compatible};

fn ok(change: &'static str, example: &'static str, pair: (String, String)) -> Rule {
    rule(change, example, pair, None, Compatible)
}

fn breaks(
    change: &'static str,
    example: &'static str,
    pair: (String, String),
    code: Code,
    impact: Impact,
) -> Rule {
    rule(change, example, pair, Some(code), Breaks(impact))
}

/// The rule, judged with `--strict-open-content`.
fn strict(mut rule: Rule) -> Rule {
    rule.strict = true;
    rule
}

/// Every rule, in the order of the table.
pub fn rules() -> Vec<Rule> {
    [fields(), types(), constraints(), definitions()].concat()
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn fields() -> Vec<Rule> {
    let (a, ab, ab_opt) = (
        "  a: int\n",
        "  a: int\n  b: string\n",
        "  a: int\n  b: string?\n",
    );
    vec![
        ok("optional field added (OLD ignores unknown fields)", "`b: string?` added", (ev(a), ev(ab_opt))),
        ok("optional field removed (NEW ignores unknown fields)", "`b: string?` removed", (ev(ab_opt), ev(a))),
        strict(breaks("optional field added where OLD ignores unknown fields, `--strict-open-content`", "`b: string?` added", (ev(a), ev(ab_opt)), Code::FieldAddedToOpenContent, Backward)),
        strict(breaks("optional field removed where NEW ignores unknown fields, `--strict-open-content`", "`b: string?` removed", (ev(ab_opt), ev(a)), Code::FieldRemovedFromOpenContent, Forward)),
        breaks("optional field added where OLD rejects unknown fields", "`b: string?` added", (ev_reject(a), ev_reject(ab_opt)), Code::FieldAddedUnderReject, Forward),
        breaks("required field added", "`b: string` added", (ev(a), ev(ab)), Code::RequiredFieldAdded, Backward),
        breaks("required field added where OLD rejects unknown fields", "`b: string` added", (ev_reject(a), ev_reject(ab)), Code::RequiredFieldAdded, Both),
        breaks("required field removed", "`b: string` removed", (ev(ab), ev(a)), Code::RequiredFieldRemoved, Forward),
        breaks("required field removed where NEW rejects unknown fields", "`b: string` removed", (ev_reject(ab), ev_reject(a)), Code::RequiredFieldRemoved, Both),
        breaks("optional field removed where NEW rejects unknown fields", "`b: string?` removed", (ev_reject(ab_opt), ev_reject(a)), Code::FieldRemovedUnderReject, Backward),
        breaks("required field made optional", "`int` → `int?`", (ev(a), ev("  a: int?\n")), Code::FieldMadeOptional, Forward),
        breaks("optional field made required", "`int?` → `int`", (ev("  a: int?\n"), ev(a)), Code::FieldMadeRequired, Backward),
        ok("`?` written as `optional: true`", "`int?` → `{ type: int, optional: true }`", (ev("  a: int?\n"), ev("  a: { type: int, optional: true }\n"))),
        breaks("list or map elements made nullable", "`list<string>` → `list<string?>`", (ev("  a: list<string>\n"), ev("  a: list<string?>\n")), Code::ItemsMadeNullable, Forward),
        breaks("list or map elements made non-null", "`map<string, int?>` → `map<string, int>`", (ev("  a: map<string, int?>\n"), ev("  a: map<string, int>\n")), Code::ItemsMadeNonNull, Backward),
        ok("`?` on `json` elements (`json` holds `null` already)", "`list<json>` → `list<json?>`", (ev("  a: list<json>\n"), ev("  a: list<json?>\n"))),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn types() -> Vec<Rule> {
    let f = |t: &str| ev(&format!("  a: {t}\n"));
    let pair = |a: &str, b: &str| (f(a), f(b));
    vec![
        breaks("type widened: every integer is a number", "`int` → `float`", pair("int", "float"), Code::TypeWidened, Forward),
        breaks("type widened inside a list", "`list<int>` → `list<float>`", pair("list<int>", "list<float>"), Code::TypeWidened, Forward),
        breaks("type widened: an enum's values are strings", "`enum [A, B]` → `string`", pair("{ type: enum, values: [A, B] }", "string"), Code::TypeWidened, Forward),
        breaks("type widened: a format is a subset of `string`", "`uuid` → `string`", pair("uuid", "string"), Code::TypeWidened, Forward),
        breaks("type widened: `email` → `string`", "`email` → `string`", pair("email", "string"), Code::TypeWidened, Forward),
        breaks("type widened: anything → `json`", "`list<int>` → `json`", pair("list<int>", "json"), Code::TypeWidened, Forward),
        breaks("type narrowed: `float` → `int`", "`float` → `int`", pair("float", "int"), Code::TypeNarrowed, Backward),
        breaks("type narrowed: `string` → a format", "`string` → `email`", pair("string", "email"), Code::TypeNarrowed, Backward),
        breaks("type narrowed: `json` → anything", "`json` → `string`", pair("json", "string"), Code::TypeNarrowed, Backward),
        breaks("type changed to an unrelated type", "`int` → `string`", pair("int", "string"), Code::TypeChanged, Both),
        breaks("type changed between formats", "`uuid` → `date`", pair("uuid", "date"), Code::TypeChanged, Both),
        breaks("type widened, bound tightened: both", "`{int, max: 10}` → `{float, max: 5}`", pair("{ type: int, max: 10 }", "{ type: float, max: 5 }"), Code::TypeChanged, Both),
        breaks("list became a scalar", "`list<int>` → `int`", pair("list<int>", "int"), Code::TypeChanged, Both),
        breaks("type widened inside a shared record", "`R.x: int` → `R.x: float`", (rec("  x: int\n"), rec("  x: float\n")), Code::TypeWidened, Forward),
        breaks("record became an enum", "`R` record → enum", (rec("  x: int\n"), en("A") .replace("c: C", "r: R") .replace("name: C", "name: R")), Code::TypeChanged, Both),
        breaks("record became a map of `json`: every record is such a map", "`R` → `map<string, json>`", (rec("  x: int\n"), ev("  r: map<string, json>\n")), Code::TypeWidened, Forward),
        ok("record renamed, same structure", "`R` → `R2`", (rec("  x: int\n"), rec("  x: int\n") .replace("r: R", "r: R2") .replace("name: R", "name: R2"))),
        ok("inline enum became a named enum with the same values", "`enum [A, B]` → `C`", (ev("  c: { type: enum, values: [A, B] }\n"), en("A, B"))),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn constraints() -> Vec<Rule> {
    let s = |lines: &str| constrained("string", lines);
    let i = |lines: &str| constrained("int", lines);
    let fl = |lines: &str| constrained("float", lines);
    let l = |lines: &str| constrained("list<string>", lines);
    vec![
        breaks("`min_length` raised", "1 → 2", (s("    min_length: 1\n"), s("    min_length: 2\n")), Code::ConstraintTightened, Backward),
        breaks("`min_length` lowered", "2 → 1", (s("    min_length: 2\n"), s("    min_length: 1\n")), Code::ConstraintLoosened, Forward),
        ok("`min_length: 0` added", "none → 0", (s(""), s("    min_length: 0\n"))),
        breaks("`max_length` added", "none → 10", (s(""), s("    max_length: 10\n")), Code::ConstraintTightened, Backward),
        breaks("`max_length` removed", "10 → none", (s("    max_length: 10\n"), s("")), Code::ConstraintLoosened, Forward),
        breaks("`pattern` added", "none → `^a`", (s(""), s("    pattern: '^a'\n")), Code::ConstraintTightened, Backward),
        breaks("`pattern` removed", "`^a` → none", (s("    pattern: '^a'\n"), s("")), Code::ConstraintLoosened, Forward),
        breaks("`pattern` replaced by one that differs both ways", "`^a` → `^b`", (s("    pattern: '^a'\n"), s("    pattern: '^b'\n")), Code::PatternChanged, Both),
        breaks("`pattern` replaced, inclusion not decided (reported)", "`^a` → `a`", (s("    pattern: '^a'\n"), s("    pattern: 'a'\n")), Code::PatternChanged, Both),
        ok("`pattern` respelt", "`^[0-9]+$` → `^\\d{1,}$`", (s("    pattern: '^[0-9]+$'\n"), s("    pattern: '^\\d{1,}$'\n"))),
        ok("`pattern` added that matches every string", "none → `.*`", (s(""), s("    pattern: '.*'\n"))),
        breaks("`min` raised", "0 → 1", (i("    min: 0\n"), i("    min: 1\n")), Code::ConstraintTightened, Backward),
        breaks("`max` lowered", "10 → 5", (i("    max: 10\n"), i("    max: 5\n")), Code::ConstraintTightened, Backward),
        breaks("`max` removed", "10 → none", (i("    max: 10\n"), i("")), Code::ConstraintLoosened, Forward),
        ok("`max` added at the bound `int` already has", "none → 9007199254740991", (i(""), i("    max: 9007199254740991\n"))),
        breaks("`min` became `exclusive_min` at the same value", "`>= 0` → `> 0`", (fl("    min: 0\n"), fl("    exclusive_min: 0\n")), Code::ConstraintTightened, Backward),
        breaks("`exclusive_max` became `max` at the same value", "`< 1` → `<= 1`", (fl("    exclusive_max: 1\n"), fl("    max: 1\n")), Code::ConstraintLoosened, Forward),
        breaks("`exclusive_min` lowered", "0.5 → 0.1", (fl("    exclusive_min: 0.5\n"), fl("    exclusive_min: 0.1\n")), Code::ConstraintLoosened, Forward),
        ok("`min: 1` written as `min: 1.0`", "1 → 1.0", (fl("    min: 1\n"), fl("    min: 1.0\n"))),
        breaks("`min_items` raised", "1 → 2", (l("    min_items: 1\n"), l("    min_items: 2\n")), Code::ConstraintTightened, Backward),
        breaks("`max_items` removed", "3 → none", (l("    max_items: 3\n"), l("")), Code::ConstraintLoosened, Forward),
        breaks("`unique` added", "false → true", (l(""), l("    unique: true\n")), Code::ConstraintTightened, Backward),
        breaks("`unique` removed", "true → false", (l("    unique: true\n"), l("")), Code::ConstraintLoosened, Forward),
        ok("`unique` added where a list holds one element at most", "`max_items: 1`, + `unique`", (l("    max_items: 1\n"), l("    max_items: 1\n    unique: true\n"))),
        breaks("element `max_length` lowered", "10 → 5", (l("    items: { max_length: 10 }\n"), l("    items: { max_length: 5 }\n")), Code::ConstraintTightened, Backward),
    ]
}

// One rule per line: the table is read across, so rustfmt leaves it alone.
#[rustfmt::skip]
fn definitions() -> Vec<Rule> {
    let a = "  a: int\n";
    let second = "---\nname: N\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  b: int\n";
    let unused = "---\nname: U\nkind: record\nfields:\n  b: int\n";
    let optional = "identity: { user_id: required, org_id: optional }";
    let required = "identity: { user_id: required, org_id: required }";
    let exempt = "identity: { exempt: \"Liveness signal, never processed.\" }";
    vec![
        breaks("enum value added", "`[A, B]` → `[A, B, C]`", (en("A, B"), en("A, B, C")), Code::EnumValueAdded, Forward),
        breaks("enum value removed", "`[A, B, C]` → `[A, B]`", (en("A, B, C"), en("A, B")), Code::EnumValueRemoved, Backward),
        ok("enum values reordered", "`[A, B, C]` → `[C, A, B]`", (en("A, B, C"), en("C, A, B"))),
        breaks("`unknown_fields: ignore` → `reject`", "ignore → reject", (ev(a), ev_reject(a)), Code::UnknownFieldsRejected, Backward),
        breaks("`unknown_fields: reject` → `ignore`", "reject → ignore", (ev_reject(a), ev(a)), Code::UnknownFieldsIgnored, Forward),
        ok("message added", "`N` added", (ev(a), format!("{}{second}", ev(a)))),
        ok("unused record removed", "`U` removed", (format!("{}{unused}", ev(a)), ev(a))),
        breaks("message removed (forward by choice: readers on OLD starve)", "`N` removed", (format!("{}{second}", ev(a)), ev(a)), Code::MessageRemoved, Both),
        breaks("topic changed (by choice: routing breaks, not parsing)", "`t.v1` → `t.v2`", (ev(a), ev(a).replace("t.v1", "t.v2")), Code::TopicChanged, Both),
        breaks("kind changed (by choice)", "event → command", (ev(a), ev(a).replace("kind: event", "kind: command")), Code::KindChanged, Both),
        breaks("message became a record (by choice)", "event → record", (ev(a), format!("name: M\nkind: record\nfields:\n{a}")), Code::KindChanged, Both),
        breaks("identity weakened: message became exempt (every mode)", "attributed → exempt", (identity(optional), identity(exempt)), Code::IdentityWeakened, Impact::Identity),
        breaks("identity weakened: `org_id` required → optional (every mode)", "required → optional", (identity(required), identity(optional)), Code::IdentityWeakened, Impact::Identity),
        breaks("identity strengthened: `org_id` optional → required", "optional → required", (identity(optional), identity(required)), Code::IdentityStrengthened, Backward),
        breaks("identity strengthened: exempt message became attributed", "exempt → attributed", (identity(exempt), identity(optional)), Code::IdentityStrengthened, Backward),
        breaks("`default` changed, added or removed", "`default: 1` → `default: 2`", (ev("  a: { type: int?, default: 1 }\n"), ev("  a: { type: int?, default: 2 }\n")), Code::DefaultChanged, Impact::Warning),
    ]
}

/// The verdict of an impact in backward, forward and full mode, as the table shows it.
fn cells(verdict: Verdict) -> [&'static str; 3] {
    match verdict {
        Compatible => ["ok", "ok", "ok"],
        Breaks(Backward) => ["**breaks**", "ok", "**breaks**"],
        Breaks(Forward) => ["ok", "**breaks**", "**breaks**"],
        Breaks(Both) => ["**breaks**", "**breaks**", "**breaks**"],
        Breaks(Impact::Identity) => ["**error**", "**error**", "**error**"],
        Breaks(Impact::Warning) => ["warning", "warning", "warning"],
    }
}

/// What the example's change shows in each direction: a witness, "not decided", "by choice".
fn shown(e: &Option<Evidence>) -> Option<String> {
    Some(match e.as_ref()? {
        Evidence::Witness(doc) => format!("`{doc}`"),
        Evidence::Undecided(_) => "not decided".to_string(),
        Evidence::Choice => "by choice".to_string(),
    })
}

/// The changes an example gives (its catalogs checked as one source map).
pub fn example_changes(rule: &Rule) -> Result<Vec<super::Change>, String> {
    let mut sources = SourceMap::default();
    let mut side = |name: &str, yaml: &str| {
        let file = (
            PathBuf::from(format!("{name}/c.yaml")),
            PathBuf::from("c.yaml"),
            yaml.as_bytes().to_vec(),
        );
        let (catalog, diags) = crate::check_files(&mut sources, vec![file]);
        if diags.has_errors() {
            Err(format!(
                "{}: the {name} example has errors: {diags:?}",
                rule.change
            ))
        } else {
            Ok(catalog)
        }
    };
    let (old, new) = (side("old", &rule.old)?, side("new", &rule.new)?);
    let options = Options {
        strict_open_content: rule.strict,
    };
    Ok(changes_with(&old, &new, options))
}

/// The table, as the README shows it: one row per rule, the witness from running its example.
pub fn markdown() -> String {
    let mut out = String::from(
        "| change | example | code | backward | forward | full | witness |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for rule in rules() {
        let code = rule.code.map_or("—", |c| c.info().code);
        let [b, f, full] = cells(rule.verdict);
        let witness = match example_changes(&rule) {
            Ok(changes) => changes
                .iter()
                .find(|c| Some(c.code) == rule.code)
                .map(|c| {
                    [("backward", &c.backward), ("forward", &c.forward)]
                        .into_iter()
                        .filter_map(|(dir, e)| shown(e).map(|s| format!("{dir}: {s}")))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default(),
            Err(e) => e,
        };
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | {} | {code} | {b} | {f} | {full} | {} |\n",
            cell(rule.change),
            cell(rule.example),
            cell(&witness)
        ));
    }
    out
}
