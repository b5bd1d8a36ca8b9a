//! The `python` target as a Python service uses it: the packages generated from `schemas/`
//! and from the `everything` fixture pass `mypy --strict` and `ruff check`, and the pytest
//! suite of `tests/python/` (identity, quota source, claims, threading, validation, the type
//! checker on wrong threading, the `validate` command, an offline `pip install`, the seed's
//! flow in `generated/examples/python/`) passes on them.
//!
//! The tools are the pinned ones of `.venv/` (`bash .ci/python.sh`; see `tests/python/env.rs`).

#[path = "python/env.rs"]
mod env;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The workspace root.
fn root() -> PathBuf {
    env::workspace_root(env!("CARGO_MANIFEST_DIR"))
}

/// The generated packages (`contracts`, `everything_contracts`), once per test binary.
struct Packages {
    _dir: tempfile::TempDir,
    schemas: PathBuf,
    everything: PathBuf,
}

fn packages() -> &'static Packages {
    static PACKAGES: OnceLock<Packages> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let generate = |catalog: &str, name: &str| {
            env::write_package(&root().join(catalog), &dir.path().join(name))
        };
        Packages {
            schemas: generate("schemas", "schemas"),
            everything: generate("tests/fixtures/codegen/everything/catalog", "everything"),
            _dir: dir,
        }
    })
}

/// Runs a tool of the environment on `args` in `dir` with both packages importable; `None`
/// when the Python tests are skipped on purpose.
fn tool(program: &str, args: &[&str], dir: &Path) -> Option<std::process::Output> {
    let python = env::python(&root())?;
    let p = packages();
    Some(env::run(
        &python,
        program,
        args,
        dir,
        &[&p.schemas, &p.everything],
        b"",
    ))
}

fn assert_ok(what: &str, output: Option<std::process::Output>) {
    if let Some(output) = output {
        assert!(
            output.status.success(),
            "{what}: {}",
            env::describe(&output)
        );
    }
}

#[test]
fn the_generated_packages_pass_mypy_strict() {
    for (dir, package) in [
        (&packages().schemas, "contracts"),
        (&packages().everything, "everything_contracts"),
    ] {
        let out = tool(
            "mypy",
            &[
                "--strict",
                "--no-incremental",
                "--cache-dir",
                "/dev/null",
                package,
                "build_backend.py",
            ],
            dir,
        );
        assert_ok(&format!("mypy --strict {package}"), out);
    }
}

#[test]
fn the_generated_packages_pass_ruff() {
    for dir in [&packages().schemas, &packages().everything] {
        assert_ok(
            "ruff check",
            tool("ruff", &["check", "--no-cache", "."], dir),
        );
    }
}

#[test]
fn the_python_example_passes_mypy_strict_and_ruff() {
    let dir = root().join("generated/examples/python");
    let mypy = tool(
        "mypy",
        &[
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            "identity_threading.py",
        ],
        &dir,
    );
    assert_ok("mypy --strict identity_threading.py", mypy);
    assert_ok(
        "ruff check identity_threading.py",
        tool(
            "ruff",
            &["check", "--no-cache", "identity_threading.py"],
            &dir,
        ),
    );
}

#[test]
fn pytest_passes() {
    let dir = root().join("tests/python");
    let Some(out) = tool("pytest", &["-q", "-p", "no:cacheprovider", "."], &dir) else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    // pytest's closing line, e.g. "84 passed in 3.2s", for the suite's own count.
    if let Some(summary) = stdout.lines().rev().find(|l| l.contains(" passed")) {
        eprintln!("pytest: {}", summary.trim_matches('=').trim());
    }
    assert!(out.status.success(), "pytest: {}", env::describe(&out));
}
