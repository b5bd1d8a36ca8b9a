//! Unit tests of the verdict table, argument parsing and the change list.

use super::load::CatalogSource;
use super::{Evidence, Impact, Mode, changes, diff};
use crate::Catalog;
use crate::diag::Severity;
use crate::source::SourceMap;
use std::path::PathBuf;

fn catalog(sources: &mut SourceMap, side: &str, yaml: &str) -> Catalog {
    let file = (
        PathBuf::from(format!("{side}/c.yaml")),
        PathBuf::from("c.yaml"),
        yaml.as_bytes().to_vec(),
    );
    let (catalog, diags) = crate::check_files(sources, vec![file]);
    assert!(!diags.has_errors(), "{diags:?}");
    catalog
}

fn message(fields: &str) -> String {
    format!(
        "name: M\nkind: request\nidentity: {{ user_id: required, org_id: optional }}\nfields:\n{fields}"
    )
}

/// `(code, backward witness, forward witness)` of every change from `old` to `new` fields.
fn judged(old: &str, new: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let mut sources = SourceMap::default();
    let (o, n) = (
        catalog(&mut sources, "old", &message(old)),
        catalog(&mut sources, "new", &message(new)),
    );
    let show = |e: &Option<Evidence>| match e {
        Some(Evidence::Witness(v)) => Some(v.to_string()),
        Some(other) => Some(format!("{other:?}")),
        None => None,
    };
    changes(&o, &n)
        .iter()
        .map(|c| {
            (
                c.code.info().code.to_string(),
                show(&c.backward),
                show(&c.forward),
            )
        })
        .collect()
}

#[test]
fn each_impact_is_judged_per_mode() {
    use Severity::{Error as E, Warning as W};
    let table = [
        (Impact::Backward, [Some(E), None, Some(E)]),
        (Impact::Forward, [None, Some(E), Some(E)]),
        (Impact::Both, [Some(E), Some(E), Some(E)]),
        (Impact::Identity, [Some(E), Some(E), Some(E)]),
        (Impact::Warning, [Some(W), Some(W), Some(W)]),
    ];
    for (impact, expected) in table {
        let got = [Mode::Backward, Mode::Forward, Mode::Full].map(|m| impact.severity(m));
        assert_eq!(got, expected, "{impact:?}");
        let transitive = [
            Mode::BackwardTransitive,
            Mode::ForwardTransitive,
            Mode::FullTransitive,
        ]
        .map(|m| impact.severity(m));
        assert_eq!(transitive, expected, "{impact:?} transitive");
    }
    assert_eq!(Impact::of(true, false), Some(Impact::Backward));
    assert_eq!(Impact::of(false, false), None);
    assert_eq!(Mode::default(), Mode::Full);
}

#[test]
fn catalog_arguments_are_directories_or_git_revisions() {
    assert_eq!(
        CatalogSource::parse("git:origin/main"),
        Ok(CatalogSource::Git("origin/main".into()))
    );
    assert_eq!(
        CatalogSource::parse("schemas"),
        Ok(CatalogSource::Dir("schemas".into()))
    );
    assert_eq!(
        CatalogSource::parse("./git:odd"),
        Ok(CatalogSource::Dir("./git:odd".into()))
    );
    assert!(CatalogSource::parse("git:").is_err());
    assert_eq!(CatalogSource::Git("v1".into()).to_string(), "git:v1");
}

#[test]
fn a_catalog_compared_with_itself_has_no_changes() {
    let mut sources = SourceMap::default();
    let old = catalog(
        &mut sources,
        "old",
        &message("  a: list<int>\n  b: string\n"),
    );
    let new = catalog(
        &mut sources,
        "new",
        &message("  a: list<int>\n  b: string\n"),
    );
    assert!(changes(&old, &new).is_empty());
    assert!(diff(&old, &new, Mode::Full).is_empty());
}

#[test]
fn widening_is_directional_and_equivalent_constraints_are_no_change() {
    let w = |v: &str| Some(v.to_string());
    assert_eq!(
        judged("  a: int\n", "  a: float\n"),
        [("C0423".to_string(), None, w(r#"{"a":0.5,"user_id":"a"}"#))]
    );
    assert_eq!(
        judged("  a: float\n", "  a: int\n"),
        [("C0424".to_string(), w(r#"{"a":0.5,"user_id":"a"}"#), None)]
    );
    assert_eq!(
        judged("  a: json\n", "  a: string\n"),
        [("C0424".to_string(), w(r#"{"a":0,"user_id":"a"}"#), None)]
    );
    // An `int` has the I-JSON range by default: the full `i64` maximum widens it.
    assert_eq!(
        judged(
            "  a: int\n",
            "  a: { type: int, max: 9223372036854775807 }\n"
        ),
        [(
            "C0414".to_string(),
            None,
            w(r#"{"a":9007199254740992,"user_id":"a"}"#)
        )]
    );
    for (old, new) in [
        ("  a: int\n", "  a: { type: int, max: 9007199254740991 }\n"),
        (
            "  a: { type: string, pattern: '^[0-9]+$' }\n",
            "  a: { type: string, pattern: '^\\d{1,}$' }\n",
        ),
        ("  a: string\n", "  a: { type: string, pattern: '^.*' }\n"),
        ("  a: list<json>\n", "  a: list<json?>\n"),
    ] {
        assert_eq!(judged(old, new), [], "{old} -> {new}");
    }
}

#[test]
fn an_undecided_pattern_says_so_and_a_decided_one_shows_its_witness() {
    let got = judged(
        "  a: { type: string, pattern: '^a' }\n",
        "  a: { type: string, pattern: 'a' }\n",
    );
    assert_eq!(got.len(), 1);
    let (code, backward, forward) = &got[0];
    assert_eq!(code, "C0415");
    assert!(
        backward
            .as_deref()
            .is_some_and(|b| b.contains("cannot tell")),
        "{backward:?}"
    );
    assert_eq!(forward.as_deref(), Some(r#"{"a":"xa","user_id":"a"}"#));
}
