//! The build.rs API as a service outside the workspace uses it: a package whose build script
//! calls `contractc::build::compile("schemas")` builds and runs; a contract without identity
//! fails `cargo build` with C0201 and its file and line; an unchanged catalog does not re-run
//! the build script, a touched one does.
//!
//! The package is `tests/fixtures/build_script/service/`, copied to a temporary directory and
//! built with cargo into `target/build-script-test` (cold once, then warm).

#[path = "support/harness.rs"]
#[allow(dead_code)] // each test target uses part of the harness
mod harness;

use harness::Package;
use std::path::Path;
use std::time::Instant;

const NOTE: &str = r#"{"user_id": "u-1", "org_id": "acme", "note_id": "0196a1d2-0000-7000-8000-000000000001", "text": "Good work on the intro", "visibility": "class"}"#;

fn service() -> Package {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/build_script/service");
    Package::from_fixture(&fixture)
}

/// Runs the built service with `arg`: exit code, stdout, stderr.
fn run_service(package: &Package, arg: &str) -> (i32, String, String) {
    let out = std::process::Command::new(package.binary("notes-service"))
        .arg(arg)
        .output()
        .expect("run notes-service");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether cargo's verbose output shows the package's build script being run.
fn build_script_ran(verbose_stderr: &str) -> bool {
    verbose_stderr.lines().any(|l| {
        l.trim_start().starts_with("Running")
            && l.contains("notes-service-")
            && l.contains("build-script-build")
    })
}

/// One test, because every step needs the state the one before left: built, fresh, broken.
#[test]
fn a_service_compiles_its_contracts_in_build_rs() {
    let package = service();
    let started = Instant::now();
    package.cargo_ok(&["build"]);
    eprintln!("first build: {:.1?}", started.elapsed());
    the_service_uses_its_generated_message(&package);
    an_unchanged_catalog_does_not_rerun_the_build_script(&package);
    a_contract_without_identity_fails_the_build(&package);
}

fn the_service_uses_its_generated_message(package: &Package) {
    let (code, stdout, _) = run_service(package, NOTE);
    assert_eq!(
        (code, stdout.trim()),
        (
            0,
            "NoteSubmittedV1 from u-1 (5 words, class): charged to org:acme"
        )
    );
    let without_org = NOTE.replace(r#""org_id": "acme", "#, "");
    let (code, stdout, _) = run_service(package, &without_org);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("charged to user:u-1\n"), "{stdout}");
    let empty_user = NOTE.replace(r#""u-1""#, r#""""#);
    let (code, _, stderr) = run_service(package, &empty_user);
    assert_eq!(code, 1);
    assert_eq!(
        stderr.trim(),
        "invalid: /user_id: invalid user_id: must not be empty"
    );
}

fn an_unchanged_catalog_does_not_rerun_the_build_script(package: &Package) {
    let stderr = package.cargo_ok(&["build", "-v"]);
    assert!(
        !build_script_ran(&stderr),
        "nothing changed, yet:\n{stderr}"
    );
    assert!(stderr.contains("Fresh notes-service"), "{stderr}");
    // The positive control: the same check sees a re-run when a contract file changes.
    let text = package.read("schemas/notes.yaml");
    package.write("schemas/notes.yaml", &format!("{text}# reviewed\n"));
    let stderr = package.cargo_ok(&["build", "-v"]);
    assert!(
        build_script_ran(&stderr),
        "schemas/notes.yaml changed, yet:\n{stderr}"
    );
}

fn a_contract_without_identity_fails_the_build(package: &Package) {
    let text = package.read("schemas/notes.yaml");
    let identity = "identity:\n  user_id: required\n  org_id: optional\n";
    assert!(text.contains(identity));
    package.write("schemas/notes.yaml", &text.replace(identity, ""));
    let out = package.cargo(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail:\n{stderr}");
    assert!(
        stderr.contains("error[C0201]: event `NoteSubmittedV1` does not declare its identity"),
        "{stderr}"
    );
    assert!(stderr.contains("--> schemas/notes.yaml:1:7"), "{stderr}");
    assert!(
        stderr.contains("failed to run custom build command for `notes-service"),
        "{stderr}"
    );
}
