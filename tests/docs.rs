//! Checked-in documentation generated from code stays in sync with it.

use std::path::Path;

#[test]
fn diagnostics_reference_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/diagnostics.md");
    let fresh = contractc::diag::reference_markdown();
    if std::env::var_os("CONTRACTC_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/diagnostics.md");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "docs/diagnostics.md is stale: run `cargo run -p contractc-cli -- explain --markdown > docs/diagnostics.md`"
    );
}

#[test]
fn readme_graph_is_the_reference_catalog_graph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let checked = contractc::check_dir(&root.join("schemas"));
    let fresh = contractc::emit::graph::mermaid(checked.emittable().expect("no errors"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let block = readme
        .split("```mermaid\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```mermaid block in README.md");
    assert!(
        block == fresh,
        "the README's Mermaid graph is stale: paste the output of `contractc graph schemas`"
    );
}
