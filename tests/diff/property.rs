//! The property: for generated OLD/NEW pairs (every rule's example, and pairs of random field
//! types, constraints, optionality, records and unknown-field policies), documents generated
//! from both emitted JSON Schemas are checked against both with the `jsonschema` crate, as
//! `contractc validate` checks them. Every direction `contractc diff` reports must come with a
//! witness those validators confirm (or be a documented choice, or a pattern it says it did
//! not decide), and no direction it leaves unreported may have a document that shows it.
//!
//! Documents follow the documented reading of open objects: without `--strict-open-content`,
//! a key that only the other side declares holds a value of the other side's type.

use super::documents::{Docs, Schema, pools};
use super::pairs::generated;
use contractc::diff::rules::rules;
use contractc::diff::{Evidence, Impact, Options, changes_with};
use contractc::{Catalog, SourceMap};
use std::path::PathBuf;

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
