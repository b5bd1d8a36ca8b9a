//! The pinned Python tools the tests run (pydantic, mypy, ruff, pytest, jsonschema): the
//! virtual environment `.venv/` at the workspace root, which `.ci/python.sh` creates from
//! `.ci/requirements.txt`. Shared by `tests/python.rs` and the differential suite
//! (included with `#[path]`).
//!
//! Without it every Python test fails with the command to run. `CONTRACTC_SKIP_PYTHON=1`
//! skips them instead, saying so, for a developer without the tools; under `CI=true` the skip
//! is refused, so CI can never pass without having run them.

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

/// The interpreter of the virtual environment, or `None` when the tests are skipped on purpose.
/// Panics with the command to run when the environment is missing.
pub fn python(root: &Path) -> Option<PathBuf> {
    let python = root.join(".venv/bin/python");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    let skip = std::env::var("CONTRACTC_SKIP_PYTHON").is_ok_and(|v| v == "1");
    if python.is_file() && !skip {
        return Some(python);
    }
    if skip && !ci {
        eprintln!(
            "CONTRACTC_SKIP_PYTHON=1: skipping the Python tests (pydantic, mypy, ruff, pytest)"
        );
        return None;
    }
    if skip {
        panic!("CONTRACTC_SKIP_PYTHON=1 is refused under CI=true: CI must run the Python tests");
    }
    panic!(
        "the Python tests need the pinned tools in {}: run `bash .ci/python.sh` (python3 -m venv .venv, \
         then pip install -r .ci/requirements.txt; needs Python 3.11+ and PyPI), or set \
         CONTRACTC_SKIP_PYTHON=1 to skip them on this machine",
        root.join(".venv").display()
    );
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
