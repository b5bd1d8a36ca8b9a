//! The rules table (`contractc::diff::rules`): every row's example judged in every mode, its
//! code, path and position asserted, and each witness checked through the emitted JSON
//! Schemas with the `jsonschema` crate, as `contractc validate` checks a document.

use super::{MODES, Pair, Side, V, V::*};
use contractc::diff::rules::{Rule, Verdict, rules};
use contractc::diff::{Evidence, Impact, Mode, Options, changes_with, diff_with};
use contractc_cli::validate::{SchemaValidator, Verdict as Valid};
use serde_json::Value;

use Side::{New, Old};

/// Where each breaking rule's diagnostic points, and the path it names.
#[rustfmt::skip]
const POSITIONS: &[(&str, &str, Side, u32, u32)] = &[
    ("optional field added where OLD ignores unknown fields, `--strict-open-content`", "M.b", New, 7, 3),
    ("optional field removed where NEW ignores unknown fields, `--strict-open-content`", "M.b", Old, 7, 3),
    ("optional field added where OLD rejects unknown fields", "M.b", New, 8, 3),
    ("required field added", "M.b", New, 7, 3),
    ("required field added where OLD rejects unknown fields", "M.b", New, 8, 3),
    ("required field removed", "M.b", Old, 7, 3),
    ("required field removed where NEW rejects unknown fields", "M.b", Old, 8, 3),
    ("optional field removed where NEW rejects unknown fields", "M.b", Old, 8, 3),
    ("required field made optional", "M.a", New, 6, 3),
    ("optional field made required", "M.a", New, 6, 3),
    ("list or map elements made nullable", "M.a[]", New, 6, 3),
    ("list or map elements made non-null", "M.a{}", New, 6, 3),
    ("type widened: every integer is a number", "M.a", New, 6, 3),
    ("type widened inside a list", "M.a[]", New, 6, 3),
    ("type widened: an enum's values are strings", "M.a", New, 6, 3),
    ("type widened: a format is a subset of `string`", "M.a", New, 6, 3),
    ("type widened: `email` → `string`", "M.a", New, 6, 3),
    ("type widened: anything → `json`", "M.a", New, 6, 3),
    ("type narrowed: `float` → `int`", "M.a", New, 6, 3),
    ("type narrowed: `string` → a format", "M.a", New, 6, 3),
    ("type narrowed: `json` → anything", "M.a", New, 6, 3),
    ("type changed to an unrelated type", "M.a", New, 6, 3),
    ("type changed between formats", "M.a", New, 6, 3),
    ("type widened, bound tightened: both", "M.a", New, 6, 3),
    ("list became a scalar", "M.a", New, 6, 3),
    ("type widened inside a shared record", "M.r.x", New, 11, 3),
    ("record became an enum", "M.r", New, 6, 3),
    ("record became a map of `json`: every record is such a map", "M.r", New, 6, 3),
    ("`min_length` raised", "M.a", New, 8, 17),
    ("`min_length` lowered", "M.a", New, 8, 17),
    ("`max_length` added", "M.a", New, 8, 17),
    ("`max_length` removed", "M.a", Old, 8, 17),
    ("`pattern` added", "M.a", New, 8, 14),
    ("`pattern` removed", "M.a", Old, 8, 14),
    ("`pattern` replaced by one that differs both ways", "M.a", New, 8, 14),
    ("`pattern` replaced, inclusion not decided (reported)", "M.a", New, 8, 14),
    ("`min` raised", "M.a", New, 8, 10),
    ("`max` lowered", "M.a", New, 8, 10),
    ("`max` removed", "M.a", Old, 8, 10),
    ("`min` became `exclusive_min` at the same value", "M.a", New, 8, 20),
    ("`exclusive_max` became `max` at the same value", "M.a", New, 8, 10),
    ("`exclusive_min` lowered", "M.a", New, 8, 20),
    ("`min_items` raised", "M.a", New, 8, 16),
    ("`max_items` removed", "M.a", Old, 8, 16),
    ("`unique` added", "M.a", New, 8, 13),
    ("`unique` removed", "M.a", Old, 8, 13),
    ("element `max_length` lowered", "M.a[]", New, 8, 26),
    ("enum value added", "M.c", New, 10, 16),
    ("enum value removed", "M.c", Old, 10, 16),
    ("`unknown_fields: ignore` → `reject`", "M", New, 1, 7),
    ("`unknown_fields: reject` → `ignore`", "M", New, 1, 7),
    ("message removed (forward by choice: readers on OLD starve)", "N", Old, 8, 7),
    ("topic changed (by choice: routing breaks, not parsing)", "M", New, 3, 8),
    ("kind changed (by choice)", "M", New, 1, 7),
    ("message became a record (by choice)", "M", New, 1, 7),
    ("identity weakened: message became exempt (every mode)", "M", New, 4, 1),
    ("identity weakened: `org_id` required → optional (every mode)", "M", New, 4, 1),
    ("identity strengthened: `org_id` optional → required", "M", New, 4, 1),
    ("identity strengthened: exempt message became attributed", "M", New, 4, 1),
    ("`default` changed, added or removed", "M.a", New, 6, 29),
];

/// What each mode must report for a verdict: backward, forward, full.
fn expected(verdict: Verdict) -> [V; 3] {
    match verdict {
        Verdict::Compatible => [N, N, N],
        Verdict::Breaks(Impact::Backward) => [E, N, E],
        Verdict::Breaks(Impact::Forward) => [N, E, E],
        Verdict::Breaks(Impact::Both | Impact::Identity) => [E, E, E],
        Verdict::Breaks(Impact::Warning) => [W, W, W],
    }
}

fn pair(rule: &Rule) -> Pair {
    Pair::load(
        rule.change,
        &[("c.yaml", rule.old.clone())],
        &[("c.yaml", rule.new.clone())],
    )
}

fn options(rule: &Rule) -> Options {
    Options {
        strict_open_content: rule.strict,
    }
}

/// Every failure of one rule's verdicts, code, path and position.
fn check_verdicts(rule: &Rule) -> Vec<String> {
    let pair = pair(rule);
    let place = POSITIONS.iter().find(|p| p.0 == rule.change);
    let mut failures = Vec::new();
    if rule.verdict != Verdict::Compatible && place.is_none() {
        failures.push(format!("{}: no expected position", rule.change));
    }
    for (mode, want) in MODES.iter().zip(expected(rule.verdict)) {
        let diags = diff_with(&pair.old, &pair.new, *mode, options(rule));
        let got: Vec<_> = diags.iter().collect();
        let fail =
            |what: String| format!("{} ({}): {what}; got {got:#?}", rule.change, mode.as_str());
        match (want, got.as_slice(), place) {
            (N, [], _) => {}
            (_, [d], Some((_, path, side, line, column))) if want != N => {
                let ok = Some(d.code) == rule.code
                    && super::verdict(d) == want
                    && d.message.starts_with(&format!("`{path}`"))
                    && pair.at(d) == (*side, *line, *column);
                if !ok {
                    failures.push(fail(format!(
                        "expected {:?} {want:?} `{path}` at {:?}",
                        rule.code,
                        (side, line, column)
                    )));
                }
            }
            _ => failures.push(fail(format!("expected {want:?}"))),
        }
    }
    failures
}

/// Whether the message's emitted JSON Schema on this side accepts `doc`; a side without the
/// message rejects every document.
pub fn valid(catalog: &contractc::Catalog, message: &str, doc: &Value) -> bool {
    let checked = contractc::Checked::from_catalog(catalog.clone());
    let Some(catalog) = checked.emittable() else {
        return false;
    };
    match SchemaValidator::new(catalog, message) {
        Ok(v) => v.check(doc.to_string().as_bytes()) == Valid::Ok,
        Err(_) => false,
    }
}

/// Every failure of one rule's evidence: each witness valid on its side and rejected by the
/// other; documents missing only where the rule is a choice or not decided.
fn check_witnesses(rule: &Rule) -> Vec<String> {
    let pair = pair(rule);
    let mut failures = Vec::new();
    for change in changes_with(&pair.old, &pair.new, options(rule)) {
        let message = change.path.split('.').next().unwrap_or_default();
        for (backward, evidence) in [(true, &change.backward), (false, &change.forward)] {
            let (from, to) = if backward {
                (&pair.old, &pair.new)
            } else {
                (&pair.new, &pair.old)
            };
            let dir = if backward { "backward" } else { "forward" };
            match evidence {
                Some(Evidence::Witness(doc))
                    if !valid(from, message, doc) || valid(to, message, doc) =>
                {
                    failures.push(format!("{} {dir}: `{doc}` is no witness", rule.change));
                }
                Some(Evidence::Witness(_)) => {}
                Some(Evidence::Choice) if change.impact == Impact::Both => {}
                Some(Evidence::Undecided(_)) if rule.change.contains("not decided") && backward => {
                }
                Some(other) => {
                    failures.push(format!("{} {dir}: no document ({other:?})", rule.change))
                }
                None => {}
            }
        }
    }
    failures
}

#[test]
fn every_rule_gives_its_verdict_in_every_mode() {
    let failures: Vec<String> = rules().iter().flat_map(check_verdicts).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_witness_is_valid_on_one_side_and_rejected_on_the_other() {
    let failures: Vec<String> = rules().iter().flat_map(check_witnesses).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_breaking_direction_of_a_rule_shows_a_witness_in_its_diagnostic() {
    let mut failures = Vec::new();
    for rule in rules().iter().filter(|r| {
        matches!(
            r.verdict,
            Verdict::Breaks(Impact::Backward | Impact::Forward | Impact::Both)
        )
    }) {
        let pair = pair(rule);
        let full = diff_with(&pair.old, &pair.new, Mode::Full, options(rule));
        let choice = rule.change.contains("by choice") || rule.change.contains("not decided");
        for d in full.iter() {
            let witness = d.witness.as_deref();
            let shown = witness.is_some_and(|w| w.backward.is_some() || w.forward.is_some());
            if !choice && (!shown || !d.help.contains("witness: `")) {
                failures.push(format!("{}: {d:?}", rule.change));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_evolution_code_has_a_rule() {
    let covered: std::collections::BTreeSet<&str> = rules()
        .iter()
        .filter_map(|r| r.code.map(|c| c.info().code))
        .collect();
    let missing: Vec<_> = contractc::Code::ALL
        .iter()
        .map(|c| c.info().code)
        .filter(|code| code.starts_with("C04") && !covered.contains(code))
        .collect();
    assert!(
        missing.is_empty(),
        "evolution codes without a rule: {missing:?}"
    );
    let unknown: Vec<_> = POSITIONS
        .iter()
        .filter(|p| !rules().iter().any(|r| r.change == p.0))
        .collect();
    assert!(unknown.is_empty(), "positions of no rule: {unknown:?}");
}
