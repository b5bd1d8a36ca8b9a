//! Identity is never lost: a document without a valid `user_id`, or without a valid `org_id`
//! where the message requires one, is rejected by both validators whatever else it holds
//! (other mutations, unknown keys, a valid `user_id` earlier in the same object).

use contractc::model::{Identity, OrgPolicy};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestError, TestRunner};

use super::differential::{mutations, rng};
use super::json::J;
use super::{harness, mutate, values};

/// Documents per attributed message unless `IDENTITY_CASES` says otherwise.
const DEFAULT_CASES: u32 = 1_500;

/// How the identity of a document is broken.
#[derive(Clone, Debug)]
enum Break {
    /// The key is left out.
    Absent,
    /// The key holds this value (preceded by a valid one when `shadowed`: the last counts).
    Bad { value: J, shadowed: bool },
}

/// Values no identity field may hold (`max` is its configured limit).
fn bad_ids(max: usize, nullable: bool) -> Vec<J> {
    let mut out = vec![
        J::s(""),
        J::s("x".repeat(max + 1)),
        J::s("\u{1F600}".repeat(max + 1)),
        J::s("e\u{0301}".repeat(max / 2 + 1)),
        J::s("\u{1F600}".repeat(256)),
        J::n("1"),
        J::n("1.0"),
        J::Bool(true),
        J::Arr(vec![J::s("u-1")]),
        J::Obj(vec![("user_id".into(), J::s("u-1"))]),
        J::Raw(r#""\ud800""#.into()),
    ];
    if !nullable {
        out.push(J::Null);
    }
    out
}

fn breaks(max: usize, nullable: bool) -> BoxedStrategy<Break> {
    let bad = (select(bad_ids(max, nullable)), any::<bool>())
        .prop_map(|(value, shadowed)| Break::Bad { value, shadowed });
    if nullable {
        bad.boxed()
    } else {
        prop_oneof![1 => Just(Break::Absent), 3 => bad].boxed()
    }
}

/// Replaces every `key` member of the document with what `b` says.
fn apply(doc: &mut J, key: &str, b: &Break) {
    let J::Obj(members) = doc else { return };
    members.retain(|(k, _)| k != key);
    if let Break::Bad { value, shadowed } = b {
        if *shadowed {
            members.push((key.into(), J::s("u-1")));
        }
        members.push((key.into(), value.clone()));
    }
}

#[test]
fn documents_without_a_valid_identity_are_rejected_by_both() {
    let h = harness();
    let cases = std::env::var("IDENTITY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let config = &h.catalog.config;
    let mut checked = 0;
    for def in h.catalog.messages() {
        let Some(Identity::Attributed { org, .. }) = &def.identity else {
            continue;
        };
        let name = def.name.value.as_str();
        let user = breaks(config.user_id.max_length as usize, false);
        let org_max = config.org_id.max_length as usize;
        // Which identity field to break: `user_id`, or `org_id` (optional: never absent/null).
        let which = prop_oneof![
            2 => user.prop_map(|b| ("user_id", b)),
            1 => breaks(org_max, *org == OrgPolicy::Optional).prop_map(|b| ("org_id", b)),
        ];
        let strategy = (values::message(&h.catalog, def), mutations(), which);
        let mut runner = TestRunner::new_with_rng(
            Config {
                cases,
                failure_persistence: None,
                ..Config::default()
            },
            rng(0x1D, name, 0),
        );
        let result = runner.run(&strategy, |(doc, edits, (key, b))| {
            let mut mutated = doc.clone();
            for (at, choice) in edits {
                mutate::mutate(&h.catalog, def, &mut mutated, at, choice);
            }
            // A root rewritten as raw text (keys spelt with escapes) hides its identity keys
            // from `apply`: break the unmutated document instead.
            let mut doc = if matches!(mutated, J::Raw(_)) {
                doc
            } else {
                mutated
            };
            apply(&mut doc, key, &b);
            let text = doc.render();
            let v = h.verdicts(name, text.as_bytes());
            prop_assert!(
                v.typed.is_err() && !v.accepted(),
                "{name} accepted a document whose {key} is broken:\n  {text}\n  {}",
                v.describe()
            );
            Ok(())
        });
        if let Err(TestError::Fail(reason, _)) | Err(TestError::Abort(reason)) = result {
            panic!("{reason}");
        }
        checked += cases;
    }
    eprintln!("identity: {checked} documents with a broken identity, every one rejected by both");
    assert!(
        checked >= 7 * cases,
        "every attributed message of the catalog was exercised"
    );
}
