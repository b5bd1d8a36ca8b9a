//! The pinned Python tools the tests run (pydantic, mypy, ruff, pytest, jsonschema): the
//! virtual environment `.venv/` at the workspace root, which `.ci/python.sh` creates from
//! `.ci/requirements.txt`. Shared by `tests/python.rs` and the differential suite
//! (included with `#[path]`).
//!
//! Without it the Python tests are skipped, each saying so with the command that installs the
//! tools, so that `cargo test --workspace` holds on a machine with only Rust; under `CI=true`
//! a missing environment fails them, so CI can never pass without having run them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root, found from a crate directory inside it.
pub fn workspace_root(manifest_dir: &str) -> PathBuf {
    let mut dir = Path::new(manifest_dir).to_path_buf();
    while !dir.join(".ci").is_dir() {
        assert!(dir.pop(), "no workspace root above {manifest_dir}");
    }
    dir
}

/// The interpreter of the virtual environment, or `None` (the caller skips) when it is missing
/// outside CI. Panics with the command to run when it is missing under `CI=true`.
pub fn python(root: &Path) -> Option<PathBuf> {
    let python = root.join(".venv/bin/python");
    if python.is_file() {
        return Some(python);
    }
    let hint = format!(
        "the Python tests need the pinned tools in {}: run `bash .ci/python.sh` (python3 -m venv \
         .venv, then pip install -r .ci/requirements.txt; needs Python 3.11+ and PyPI)",
        root.join(".venv").display()
    );
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!ci, "CI=true: {hint}");
    eprintln!("skipped: {hint}");
    None
}

/// Runs `program` (a tool of the environment's `bin/`, or `python`) with `args` in `dir`,
/// `PYTHONPATH` set to `path`, and `stdin` as its input.
pub fn run(
    python: &Path,
    program: &str,
    args: &[&str],
    dir: &Path,
    path: &[&Path],
    stdin: &[u8],
) -> Output {
    let exe = if program == "python" {
        python.to_path_buf()
    } else {
        python.with_file_name(program)
    };
    let joined = std::env::join_paths(path).expect("PYTHONPATH");
    let mut child = Command::new(&exe)
        .args(args)
        .current_dir(dir)
        .env("PYTHONPATH", joined)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("VIRTUAL_ENV")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("wait for the child");
    writer.join().expect("stdin writer");
    output
}

/// Stdout and stderr of a finished command, for a failure message.
pub fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Writes the Python package of the catalog in `catalog_dir` (the `python` target) into
/// `dir/python`, through the one entry point `contractc build --target python` uses.
pub fn write_package(catalog_dir: &Path, dir: &Path) -> PathBuf {
    contractc::build::Builder::new()
        .catalog(catalog_dir)
        .output_dir(dir)
        .targets([contractc::model::Target::Python])
        .run()
        .unwrap_or_else(|e| panic!("the Python target generates: {e}"));
    dir.join("python")
}
