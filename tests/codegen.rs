//! The full output of `tests/fixtures/codegen/everything/catalog`, a catalog that uses every
//! type, constraint, identity shape and option of the language: snapshotted file by file in
//! `expected/` (`CONTRACTC_BLESS=1` rewrites it), deterministic, every schema valid against the
//! 2020-12 meta-schema, and the Rust compiled as a crate of its own under
//! `#![deny(warnings, missing_docs)]` and `clippy -D warnings`. That crate's binary is the
//! `contracts` crate's `validate` example, unchanged: it answers the documents of
//! `documents/<Message>.jsonl` through the generated Rust, and every verdict must agree with
//! the emitted JSON Schema read by the `jsonschema` crate with formats asserted.

#[path = "support/harness.rs"]
#[allow(dead_code)] // each test target uses part of the harness
mod harness;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `tests/fixtures/codegen/everything/<rel>`.
fn case(rel: &str) -> PathBuf {
    harness::workspace()
        .join("tests/fixtures/codegen/everything")
        .join(rel)
}

fn bless() -> bool {
    std::env::var_os("CONTRACTC_BLESS").is_some()
}

/// Every output of the catalog, by path relative to the output directory.
fn generate() -> BTreeMap<PathBuf, String> {
    let checked = contractc::check_dir(&case("catalog"));
    let summary: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code.info().code, d.message))
        .collect();
    assert!(
        summary.is_empty(),
        "the catalog must check clean: {summary:#?}"
    );
    let templates = contractc::emit::rust::Templates::builtin();
    match contractc::build::generate(
        checked.emittable().expect("no errors"),
        &templates,
        contractc::emit::rust::Options::default().registry(true),
    ) {
        Ok(outputs) => outputs
            .files
            .into_iter()
            .map(|(path, bytes)| (path, String::from_utf8(bytes).expect("UTF-8 output")))
            .collect(),
        Err(diags) => panic!("generate failed: {diags:?}"),
    }
}

/// Every file below `dir`, by relative path.
fn read_tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("below dir").to_path_buf();
                out.insert(
                    rel,
                    std::fs::read_to_string(&path).expect("read expected file"),
                );
            }
        }
    }
    out
}

#[test]
fn output_matches_the_expected_files() {
    let actual = generate();
    let dir = case("expected");
    if bless() {
        let _ = std::fs::remove_dir_all(&dir);
        for (rel, text) in &actual {
            std::fs::create_dir_all(dir.join(rel).parent().unwrap()).unwrap();
            std::fs::write(dir.join(rel), text).unwrap();
        }
    }
    let expected = read_tree(&dir);
    let names = |m: &BTreeMap<PathBuf, String>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&actual),
        names(&expected),
        "files differ from {}",
        dir.display()
    );
    for (rel, text) in &actual {
        let want = &expected[rel];
        if text != want {
            let line = text
                .lines()
                .zip(want.lines())
                .position(|(a, e)| a != e)
                .unwrap_or(0);
            panic!(
                "{} differs at line {} (CONTRACTC_BLESS=1 to accept):\n  expected: {:?}\n    actual: {:?}",
                rel.display(),
                line + 1,
                want.lines().nth(line),
                text.lines().nth(line)
            );
        }
    }
}

#[test]
fn output_covers_every_message_the_rust_and_the_python_package() {
    let files = generate();
    let names: Vec<String> = files.keys().map(|p| p.display().to_string()).collect();
    assert_eq!(
        names,
        [
            "jsonschema/EverythingCommandV1.schema.json",
            "jsonschema/EverythingEventV1.schema.json",
            "jsonschema/EverythingRequestV1.schema.json",
            "jsonschema/EverythingResponseV1.schema.json",
            "jsonschema/HeartbeatV1.schema.json",
            "jsonschema/index.json",
            "python/build_backend.py",
            "python/everything_contracts/__init__.py",
            "python/everything_contracts/models.py",
            "python/everything_contracts/py.typed",
            "python/everything_contracts/runtime.py",
            "python/everything_contracts/validate.py",
            "python/pyproject.toml",
            "rust/contracts.rs",
        ]
    );
}

/// The manifest lists every message with its kind and identity policy (what the schemas no
/// longer carry as `x-contractc-*` keywords, which strict validators refuse).
#[test]
fn the_manifest_lists_each_message_with_its_identity() {
    let files = generate();
    let manifest: serde_json::Value =
        serde_json::from_str(&files[Path::new("jsonschema/index.json")]).unwrap();
    let entries = manifest["messages"].as_array().unwrap();
    let schemas: Vec<&str> = entries
        .iter()
        .map(|e| e["schema"].as_str().unwrap())
        .collect();
    for schema in &schemas {
        assert!(
            files.contains_key(&Path::new("jsonschema").join(schema)),
            "{schema}"
        );
    }
    let schema_files = files
        .keys()
        .filter(|p| p.starts_with("jsonschema") && p.file_name() != Some("index.json".as_ref()))
        .count();
    assert_eq!(schemas.len(), schema_files);
    for entry in entries {
        let identity = &entry["identity"];
        assert!(
            identity.get("exempt").is_some() || identity["user_id"] == "required",
            "{entry}"
        );
        assert!(entry["kind"].is_string(), "{entry}");
    }
    for (rel, text) in &files {
        assert!(!text.contains("x-contractc"), "{}", rel.display());
    }
}

#[test]
fn output_is_deterministic() {
    assert_eq!(generate(), generate());
}

#[test]
fn every_schema_is_valid_json_schema_2020_12() {
    let meta = jsonschema::draft202012::meta::validator();
    for (rel, text) in generate() {
        if !rel.to_string_lossy().ends_with(".schema.json") {
            continue;
        }
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema",
            "{}",
            rel.display()
        );
        let errors: Vec<String> = meta.iter_errors(&schema).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", rel.display());
        let name = rel
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .trim_end_matches(".schema");
        assert_eq!(
            schema["$id"],
            format!("https://example.test/everything/{name}.schema.json")
        );
    }
}

/// The documents of `documents/<message>.jsonl`, and the `jsonschema` crate's verdict on each
/// (true when valid).
fn schema_verdicts(message: &str, schema: &str) -> (String, Vec<bool>) {
    let schema: serde_json::Value = serde_json::from_str(schema).expect("schema is JSON");
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let input = std::fs::read_to_string(case(&format!("documents/{message}.jsonl")))
        .expect("documents file");
    let verdicts = input
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).is_ok_and(|v| validator.is_valid(&v))
        })
        .collect();
    (input, verdicts)
}

/// Runs the compiled `validate` example on `input`: one verdict line per input line.
fn rust_verdicts(binary: &Path, message: &str, input: &str) -> String {
    let mut child = Command::new(binary)
        .arg(message)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run validate");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("write documents");
    }
    let out = child.wait_with_output().expect("wait for validate");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{message}: {out:?}"
    );
    String::from_utf8(out.stdout).expect("UTF-8 verdicts")
}

/// The manifest of the compiled crate: the generated code needs `contractc-runtime` only.
const MANIFEST: &str = "[package]\nname = \"contracts\"\nversion = \"0.0.0\"\n\
    edition = \"2024\"\npublish = false\n\n[dependencies]\ncontractc-runtime = { path = @RUNTIME@ }\n\n\
    [workspace]\n";

#[test]
fn the_rust_compiles_lint_free_and_agrees_with_the_schemas() {
    let files = generate();
    let package = harness::Package::new(MANIFEST);
    let code = &files[Path::new("rust/contracts.rs")];
    package.write(
        "src/lib.rs",
        &format!("//! The everything catalog.\n#![deny(warnings, missing_docs)]\n\n{code}"),
    );
    let example = harness::workspace().join("generated/examples/validate.rs");
    package.write("src/main.rs", &std::fs::read_to_string(example).unwrap());
    package.cargo_ok(&["build"]);
    package.cargo_ok(&["clippy", "--all-targets", "--", "-D", "warnings"]);
    let binary = package.binary("contracts");
    let mut disagreements = Vec::new();
    for (rel, schema) in &files {
        let Some(message) = rel.to_str().and_then(|r| r.strip_suffix(".schema.json")) else {
            continue;
        };
        let message = message.trim_start_matches("jsonschema/");
        let (input, schema_ok) = schema_verdicts(message, schema);
        let rust = rust_verdicts(&binary, message, &input);
        compare_verdicts(message, &input, &rust, &schema_ok, &mut disagreements);
        expect_verdicts(message, &rust);
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// Records every line where the Rust and the JSON Schema verdicts differ.
fn compare_verdicts(
    message: &str,
    input: &str,
    rust: &str,
    schema_ok: &[bool],
    out: &mut Vec<String>,
) {
    let rust: Vec<&str> = rust.lines().collect();
    assert_eq!(
        rust.len(),
        schema_ok.len(),
        "{message}: one verdict per line"
    );
    for (n, ((doc, verdict), ok)) in input.lines().zip(&rust).zip(schema_ok).enumerate() {
        if (*verdict == "ok") != *ok {
            out.push(format!(
                "{message} line {}: Rust says {verdict:?}, JSON Schema says {}\n  {doc}",
                n + 1,
                if *ok { "valid" } else { "invalid" }
            ));
        }
    }
}

/// Compares the Rust verdicts with `documents/<message>.expected` (blessable).
fn expect_verdicts(message: &str, rust: &str) {
    let path = case(&format!("documents/{message}.expected"));
    if bless() {
        std::fs::write(&path, rust).expect("bless verdicts");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        rust,
        expected,
        "{} (CONTRACTC_BLESS=1 to accept)",
        path.display()
    );
}
