//! Unit tests of the verdict table, argument parsing and the change list.

use super::load::CatalogSource;
use super::{Impact, Mode, changes, diff};
use crate::Catalog;
use crate::diag::{Code, Severity};
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

const OLD: &str = "name: M\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  a: list<int>\n  b: string\n";

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
    }
    assert_eq!(Impact::backward_and(true), Impact::Both);
    assert_eq!(Impact::forward_and(false), Impact::Forward);
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
fn changes_lists_every_direction_and_diff_keeps_the_mode() {
    let mut sources = SourceMap::default();
    let old = catalog(&mut sources, "old", OLD);
    let new = catalog(
        &mut sources,
        "new",
        &OLD.replace("list<int>", "list<int?>")
            .replace("b: string", "b: string?"),
    );
    let all = changes(&old, &new);
    let listed: Vec<_> = all
        .iter()
        .map(|c| (c.code, c.impact, c.path.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (Code::ItemsMadeNullable, Impact::Forward, "M.a[]"),
            (Code::FieldMadeOptional, Impact::Forward, "M.b")
        ]
    );
    assert!(diff(&old, &new, Mode::Backward).is_empty());
    let forward = diff(&old, &new, Mode::Forward);
    assert_eq!(forward.len(), 2);
    let first = forward.iter().next().expect("one");
    assert!(
        first.message.ends_with("(breaks forward compatibility)"),
        "{}",
        first.message
    );
    assert_eq!(first.help, Code::ItemsMadeNullable.info().help);
}

#[test]
fn a_catalog_compared_with_itself_has_no_changes() {
    let mut sources = SourceMap::default();
    let old = catalog(&mut sources, "old", OLD);
    let new = catalog(&mut sources, "new", OLD);
    assert!(changes(&old, &new).is_empty());
}
