//! Every diagnostic code of the front-end, triggered by a catalog in
//! `tests/fixtures/diagnostics/<code-name>/`, with its code, file, line and column asserted
//! against the case's `expected` file. `CONTRACTC_BLESS=1` rewrites the expectations.

use contractc::Code;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/diagnostics")
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// What the case checks: the case directory, or the path its `catalog` file names (relative
/// to the case), for mistakes in the path itself.
fn catalog_of(case: &Path) -> PathBuf {
    match std::fs::read_to_string(case.join("catalog")) {
        Ok(rel) => case.join(rel.trim()),
        Err(_) => case.to_path_buf(),
    }
}

/// One line per diagnostic: `C0201 unattributed-message error u.yaml:2:7`.
fn render(case: &Path) -> String {
    let checked = contractc::check_dir(&catalog_of(case));
    let mut out = String::new();
    for d in checked.diagnostics.iter() {
        let at = d.pos.map_or("-".to_string(), |p| {
            let path = checked.sources.path(p.file);
            let rel = path.strip_prefix(case).unwrap_or(path);
            let rel = if rel.as_os_str().is_empty() {
                Path::new(".")
            } else {
                rel
            };
            format!("{}:{}:{}", rel.display(), p.line, p.column)
        });
        let info = d.code.info();
        let _ = writeln!(
            out,
            "{} {} {} {at}",
            info.code,
            info.name,
            d.severity.as_str()
        );
    }
    out
}

#[cfg(unix)]
fn prepare(case: &Path) {
    // A file that exists in the listing but cannot be read: a dangling symlink.
    if case.ends_with("io-error") {
        let link = case.join("broken.yaml");
        if std::fs::symlink_metadata(&link).is_err() {
            std::os::unix::fs::symlink("does-not-exist.yaml", &link).expect("symlink");
        }
    }
}

/// Compares `render(case)` with the case's file `name` (rewriting it under `CONTRACTC_BLESS`),
/// for every case that has the file or, when `always`, for every case.
fn compare(name: &str, always: bool, render: fn(&Path) -> String) {
    let bless = std::env::var_os("CONTRACTC_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases() {
        #[cfg(unix)]
        prepare(&case);
        let expected_path = case.join(name);
        if !always && !expected_path.exists() {
            continue;
        }
        let actual = render(&case);
        if bless {
            std::fs::write(&expected_path, &actual).expect("write the expectation");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_case_matches_its_expected_diagnostics() {
    compare("expected", true, render);
}

/// The human report of a case (no color), with the case's own path left out.
fn render_human(case: &Path) -> String {
    let checked = contractc::check_dir(&catalog_of(case));
    let mut out = Vec::new();
    contractc::diag::render::render(
        &checked.diagnostics,
        &checked.sources,
        contractc::diag::render::Format::Human,
        false,
        &mut out,
    )
    .expect("render");
    let prefix = format!("{}/", case.display());
    String::from_utf8_lossy(&out).replace(&prefix, "")
}

/// Cases whose messages and help lines matter as much as where they point keep their whole
/// human report in `expected.human`.
#[test]
fn human_reports_match_where_pinned() {
    compare("expected.human", false, render_human);
}

#[test]
fn each_case_triggers_the_code_it_is_named_after() {
    for case in cases() {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        let code = Code::ALL.iter().find(|c| c.info().name == name);
        let code =
            code.unwrap_or_else(|| panic!("fixture {name} is not named after a diagnostic code"));
        let expected = std::fs::read_to_string(case.join("expected")).unwrap_or_default();
        assert!(
            expected.lines().any(|l| l.starts_with(code.info().code)),
            "fixture {name} does not trigger {}",
            code.info().code
        );
    }
}

#[test]
fn every_front_end_code_has_a_fixture() {
    let covered: BTreeSet<String> = cases()
        .iter()
        .filter_map(|c| c.file_name()?.to_str().map(str::to_string))
        .collect();
    // Codes whose triggers are generated at run time (tests/hostile.rs), belong to `diff`
    // (C04xx, tests/diff.rs) or to the emitters' template errors (C05xx, emit::rust tests;
    // C06xx, emit::python tests).
    let elsewhere = ["file-too-large", "too-many-nodes"];
    let missing: Vec<_> = Code::ALL
        .iter()
        .map(|c| c.info())
        .filter(|i| !["C04", "C05", "C06"].iter().any(|p| i.code.starts_with(p)))
        .filter(|i| !covered.contains(i.name) && !elsewhere.contains(&i.name))
        .map(|i| format!("{} {}", i.code, i.name))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}
