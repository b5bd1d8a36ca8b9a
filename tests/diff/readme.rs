//! The README's rules table is generated from the rules (`contractc::diff::rules::markdown`,
//! which runs every example for its witness); `CONTRACTC_BLESS=1` rewrites it.

use std::path::Path;

const BEGIN: &str = "<!-- diff-rules:begin: generated from compiler/src/diff/rules.rs -->\n";
const END: &str = "<!-- diff-rules:end -->";

#[test]
fn readme_rules_table_is_generated_from_the_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no `{}` ... `{END}` block", BEGIN.trim_end());
    };
    let fresh = contractc::diff::rules::markdown();
    let current = &readme[start + BEGIN.len()..end];
    if std::env::var_os("CONTRACTC_BLESS").is_some() && current != fresh {
        let updated = format!("{}{BEGIN}{fresh}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert!(
        current == fresh,
        "the README's rules table is stale: run `CONTRACTC_BLESS=1 cargo test -p contractc-cli --test diff readme`"
    );
}
