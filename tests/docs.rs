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
        "docs/diagnostics.md is stale: run `cargo run -p contractc -- explain --markdown > docs/diagnostics.md`"
    );
}
