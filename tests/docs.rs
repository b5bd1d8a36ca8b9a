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

/// Every relative link of the README and of `docs/*.md` names a file of the repository, so a
/// reader of a fresh clone can open it (the language reference lives in `docs/`).
#[test]
fn relative_links_point_at_files_of_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut pages = vec![root.join("README.md")];
    let docs = std::fs::read_dir(root.join("docs")).expect("docs/");
    pages.extend(
        docs.flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md")),
    );
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("page");
        for link in text
            .split("](")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
        {
            let target = link.split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let dir = page.parent().expect("a folder");
            if !dir.join(target).exists() {
                broken.push(format!("{}: {link}", page.display()));
            }
        }
    }
    assert!(broken.is_empty(), "links to nothing: {broken:?}");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme.contains("](docs/language.md)"),
        "the README links the reference"
    );
}

/// The library a build script links keeps the command line's dependencies out (README,
/// design notes): they belong to `compiler/cli`.
#[test]
fn the_library_does_not_depend_on_command_line_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let dependencies = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    let names: Vec<&str> = dependencies
        .lines()
        .filter_map(|l| l.split(['.', ' ', '=']).next())
        .filter(|n| !n.is_empty() && !n.starts_with('#'))
        .collect();
    assert!(names.contains(&"tera"), "{names:?}");
    for cli_only in ["clap", "serde-sarif", "jsonschema", "sha2"] {
        assert!(!names.contains(&cli_only), "{cli_only} is in {names:?}");
    }
    let cli = std::fs::read_to_string(root.join("cli/Cargo.toml")).expect("cli/Cargo.toml");
    assert!(cli.contains("\nclap.workspace = true\n"));
}
