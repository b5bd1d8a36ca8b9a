//! The generated snapshot, compiled as a crate of its own against `contractc-runtime`:
//! `cargo build` and `cargo clippy` under `#![deny(warnings, missing_docs)]`, then the
//! behaviour tests of `generated_crate/behaviour.rs` with `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (`compiler/..`).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A crate `contracts` whose library is the generated file, in a fresh temporary directory.
fn write_crate(code: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let runtime = workspace().join("compiler/runtime").canonicalize().unwrap();
    let manifest = format!(
        "[package]\nname = \"contracts\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\ncontractc-runtime = {{ path = {:?} }}\n\n\
         [workspace]\n",
        runtime.display().to_string()
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
    // The workspace's lock file: the same dependency versions, no registry look-up.
    std::fs::copy(
        workspace().join("Cargo.lock"),
        dir.path().join("Cargo.lock"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    let lib = format!("//! The generated snapshot.\n#![deny(warnings, missing_docs)]\n{code}");
    std::fs::write(dir.path().join("src/lib.rs"), lib).unwrap();
    std::fs::write(
        dir.path().join("tests/behaviour.rs"),
        include_str!("generated_crate/behaviour.rs"),
    )
    .unwrap();
    dir
}

/// Runs `cargo <args>` in `dir`, with a target directory kept between runs (warm builds).
fn cargo(dir: &Path, args: &[&str]) {
    let target = workspace().join("target/rustemit-generated-crate");
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo {} failed:\n{}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
#[ignore = "builds a crate with cargo (about 1-2 minutes cold); run with --ignored"]
fn generated_crate_builds_passes_clippy_and_behaves() {
    let code = std::fs::read_to_string(super::snapshot_path("contracts.rs")).unwrap();
    assert_eq!(code, super::generated(), "the snapshot is stale");
    let dir = write_crate(&code);
    cargo(dir.path(), &["build", "--quiet"]);
    cargo(
        dir.path(),
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
    cargo(dir.path(), &["test", "--quiet"]);
}
