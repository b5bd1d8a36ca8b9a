//! The editor schema (`docs/contract.schema.json`, printed by `contractc editor-schema`):
//! every catalog file of this repository that the compiler accepts is valid under it, and the
//! typical mistakes are flagged by it as the editor would flag them.

use contractc::parse::yaml::parse_documents;
use contractc::resolve::fields::to_json;
use contractc::{Diagnostics, Severity, SourceMap};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("workspace root")
}

fn schema() -> serde_json::Value {
    serde_json::from_str(contractc::parse::EDITOR_SCHEMA).expect("the editor schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .build(&schema())
        .expect("the editor schema compiles")
}

/// Every catalog in the repository: the reference catalog, the test catalogs, and each
/// diagnostics case.
fn catalogs() -> Vec<PathBuf> {
    let root = root();
    let mut dirs: Vec<PathBuf> = [
        "schemas",
        "tests/differential/catalog",
        "tests/fixtures/codegen/everything/catalog",
        "tests/fixtures/diff/evolution/old",
        "tests/fixtures/diff/evolution/new",
        "tests/fixtures/graph",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect();
    let cases = std::fs::read_dir(root.join("tests/fixtures/diagnostics")).expect("cases");
    dirs.extend(cases.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    dirs.sort();
    dirs
}

/// `*.yaml` and `*.yml` files below `dir`, skipping build output and VCS folders.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "target" | ".git" | "node_modules" | ".venv") {
                yaml_files(&path, out);
            }
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            out.push(path);
        }
    }
}

/// The documents of a file as JSON (core-schema scalars), empty documents left out.
fn documents(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).expect("a readable file");
    let mut sources = SourceMap::default();
    let id = sources.add(path.to_path_buf(), text);
    let mut diags = Diagnostics::new();
    let docs = parse_documents(id, sources.get(id), &mut diags);
    assert!(!diags.has_errors(), "{} parses", path.display());
    docs.iter().filter(|d| !d.is_null()).map(to_json).collect()
}

/// The schema's errors for a document, one line each.
fn errors(validator: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_draft_07_and_docs_holds_the_same_text() {
    assert!(jsonschema::meta::is_valid(&schema()));
    assert_eq!(
        schema()["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    let path = root().join("docs/contract.schema.json");
    if std::env::var_os("CONTRACTC_BLESS").is_some() {
        std::fs::write(&path, contractc::parse::EDITOR_SCHEMA).expect("write");
    }
    let copy = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        copy == contractc::parse::EDITOR_SCHEMA,
        "docs/contract.schema.json is stale: run `cargo run -p contractc-cli -- editor-schema > docs/contract.schema.json`"
    );
}

#[test]
fn every_catalog_file_the_compiler_accepts_is_valid_under_it() {
    let validator = validator();
    let mut accepted = 0;
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    for catalog in catalogs() {
        let checked = contractc::check_dir(&catalog);
        let refused: BTreeSet<PathBuf> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.pos.map(|p| checked.sources.path(p.file).to_path_buf()))
            .collect();
        let mut files = Vec::new();
        yaml_files(&catalog, &mut files);
        for file in files {
            covered.insert(file.clone());
            let is_config = file.file_name().is_some_and(|n| n == "contractc.yaml");
            if is_config || refused.contains(&file) || std::fs::read_to_string(&file).is_err() {
                continue;
            }
            accepted += 1;
            for (i, doc) in documents(&file).iter().enumerate() {
                let found = errors(&validator, doc);
                if !found.is_empty() {
                    failures.push(format!("{} document {}: {found:?}", file.display(), i + 1));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every catalog file of the repository belongs to a catalog above, so none is skipped.
    let mut all = Vec::new();
    yaml_files(&root(), &mut all);
    let stray: Vec<_> = all
        .iter()
        .filter(|f| !covered.contains(*f))
        .filter(|f| !f.starts_with(root().join(".ci")) && !f.starts_with(root().join(".github")))
        .collect();
    assert!(
        stray.is_empty(),
        "YAML files outside the listed catalogs: {stray:?}"
    );
    eprintln!("{accepted} accepted catalog files are valid under the editor schema");
    assert!(accepted >= 30, "only {accepted} files were accepted");
}

/// Documents with one typical mistake each, which the editor must flag.
const MISTAKES: &[(&str, &str)] = &[
    (
        "unknown key",
        "name: A\nkind: record\nfeilds: { a: string }\n",
    ),
    (
        "wrong kind",
        "name: A\nkind: message\nfields: { a: string }\n",
    ),
    ("missing name", "kind: record\nfields: { a: string }\n"),
    ("missing kind", "name: A\nfields: { a: string }\n"),
    ("a name with a dash", "name: order-placed\nkind: record\n"),
    (
        "an unknown field attribute",
        "name: A\nkind: record\nfields:\n  a: { type: string, maxlength: 3 }\n",
    ),
    (
        "a field mapping without type",
        "name: A\nkind: record\nfields:\n  a: { description: x }\n",
    ),
    (
        "a field that is a number",
        "name: A\nkind: record\nfields:\n  a: 5\n",
    ),
    ("an enum without values", "name: E\nkind: enum\n"),
    (
        "enum values that are not strings",
        "name: E\nkind: enum\nvalues: [1, 2]\n",
    ),
    (
        "identity on a record",
        "name: R\nkind: record\nidentity: { user_id: required, org_id: optional }\n",
    ),
    (
        "a message without identity",
        "name: M\nkind: event\nfields: { a: string }\n",
    ),
    (
        "user_id optional",
        "name: M\nkind: request\nidentity: { user_id: optional, org_id: optional }\n",
    ),
    (
        "org_id left out",
        "name: M\nkind: request\nidentity: { user_id: required }\n",
    ),
    (
        "a short exemption",
        "name: M\nkind: event\nidentity: { exempt: timer }\n",
    ),
    (
        "exempt and attributed",
        "name: M\nkind: event\nidentity: { exempt: \"a long enough reason\", user_id: required, org_id: optional }\n",
    ),
    (
        "a topic on a request",
        "name: M\nkind: request\ntopic: t\nidentity: { user_id: required, org_id: optional }\n",
    ),
    (
        "unknown_fields misspelt",
        "name: A\nkind: record\nunknown_fields: drop\n",
    ),
    (
        "a negative length",
        "name: A\nkind: record\nfields:\n  a: { type: string, min_length: -1 }\n",
    ),
];

#[test]
fn typical_mistakes_are_flagged() {
    let validator = validator();
    let dir = tempfile::tempdir().expect("tempdir");
    for (what, yaml) in MISTAKES {
        let path = dir.path().join("mistake.yaml");
        std::fs::write(&path, yaml).expect("write");
        let docs = documents(&path);
        assert_eq!(docs.len(), 1, "{what}");
        assert!(
            !errors(&validator, &docs[0]).is_empty(),
            "not flagged: {what}"
        );
        // The compiler refuses each of them too: the schema flags nothing `check` accepts.
        let checked = contractc::check_dir(dir.path());
        assert!(checked.diagnostics.has_errors(), "check accepts: {what}");
    }
}

#[test]
fn the_shape_mistakes_of_the_diagnostics_cases_are_flagged() {
    let validator = validator();
    let cases = root().join("tests/fixtures/diagnostics");
    for case in [
        "unknown-key",
        "missing-key",
        "key-not-for-kind",
        "identity-on-shared-type",
        "user-id-not-required",
        "identity-key-missing",
        "mixed-identity",
        "topic-not-allowed",
        "invalid-name",
        "invalid-field-name",
        "exemption-reason-too-short",
        "unattributed-message",
    ] {
        let mut files = Vec::new();
        yaml_files(&cases.join(case), &mut files);
        let flagged = files
            .iter()
            .flat_map(|f| documents(f))
            .any(|doc| !errors(&validator, &doc).is_empty());
        assert!(flagged, "the editor schema flags nothing in {case}");
    }
}
