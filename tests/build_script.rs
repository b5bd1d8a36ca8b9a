//! The README's service, as a new user builds it: every code block of README.md whose first
//! line names a `notes-service/` file is written to that file, in a folder beside `contractc`
//! (a link to this clone), so the dependency lines are the README's own. The service builds
//! and prints what the README shows; it refuses an empty `user_id` and a blank note; an
//! unchanged catalog does not re-run the build script, a touched one does; a contract without
//! identity fails `cargo build` with C0201 and its file and line.
//!
//! Built with cargo into `target/build-script-test` (cold once, then warm). The packages cargo
//! would publish carry what the compiler embeds (the built-in templates, the editor schema).
#![cfg(unix)]

#[path = "support/harness.rs"]
#[allow(dead_code)] // each test target uses part of the harness
mod harness;

use harness::Package;
use std::time::Instant;

/// The README.
fn readme() -> String {
    std::fs::read_to_string(harness::workspace().join("README.md")).expect("README.md")
}

/// Every fenced code block of `markdown`, in order.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.starts_with("```")) {
            (None, true) => current = Some(String::new()),
            (Some(_), true) => blocks.extend(current.take()),
            (Some(block), false) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, false) => {}
        }
    }
    blocks
}

/// The file a block is for, from its first line: `# notes-service/Cargo.toml`,
/// `// notes-service/src/main.rs`.
fn file_of(block: &str) -> Option<&str> {
    let first = block.lines().next()?;
    let name = first
        .strip_prefix("# ")
        .or_else(|| first.strip_prefix("// "))?;
    name.strip_prefix("notes-service/")
}

/// The service, made of the README's snippets.
fn service() -> Package {
    let package = Package::beside_the_clone("notes-service");
    let mut written = Vec::new();
    for block in code_blocks(&readme()) {
        if let Some(file) = file_of(&block) {
            package.write(file, &block);
            written.push(file.to_owned());
        }
    }
    written.sort();
    assert_eq!(
        written,
        [
            "Cargo.toml",
            "build.rs",
            "schemas/notes.yaml",
            "src/lib.rs",
            "src/main.rs"
        ],
        "the README's service snippets"
    );
    package
}

/// The README's run of the service: the argument of `$ cargo run -q -- '...'` and the
/// lines printed after it.
fn readme_run() -> (String, Vec<String>) {
    let blocks = code_blocks(&readme());
    let block = blocks
        .iter()
        .find(|b| b.starts_with("$ cargo run -q -- '"))
        .expect("the README shows a run of the service");
    let mut lines = block.lines();
    let command = lines.next().unwrap_or_default();
    let arg = command
        .trim_start_matches("$ cargo run -q -- '")
        .trim_end_matches('\'');
    (arg.to_owned(), lines.map(str::to_owned).collect())
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
fn the_readme_service_builds_and_runs_as_written() {
    let package = service();
    let started = Instant::now();
    package.cargo_ok(&["build"]);
    eprintln!("first build: {:.1?}", started.elapsed());
    it_prints_what_the_readme_shows(&package);
    an_unchanged_catalog_does_not_rerun_the_build_script(&package);
    a_contract_without_identity_fails_the_build(&package);
}

fn it_prints_what_the_readme_shows(package: &Package) {
    let (note, shown) = readme_run();
    let (code, stdout, stderr) = run_service(package, &note);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().collect::<Vec<_>>(), shown);
    let without_org = note.replace(r#""org_id":"acme","#, "");
    assert_ne!(without_org, note);
    let (code, stdout, _) = run_service(package, &without_org);
    assert_eq!(code, 0);
    assert!(stdout.contains("charged to user:u-1\n"), "{stdout}");
    assert!(!stdout.contains("org_id"), "{stdout}");
    let empty_user = note.replace(r#""u-1""#, r#""""#);
    let (code, _, stderr) = run_service(package, &empty_user);
    assert_eq!(
        (code, stderr.trim()),
        (1, "invalid: /user_id: shorter than 1 character")
    );
    let blank = note.replace("Good work on the intro", "   ");
    let (code, _, stderr) = run_service(package, &blank);
    assert_eq!(
        (code, stderr.trim()),
        (1, "cannot accept: /words: less than 1")
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
    package.write("schemas/notes.yaml", &text.replacen(identity, "", 1));
    let out = package.cargo(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail:\n{stderr}");
    assert!(
        stderr.contains("error[C0201]: event `NoteSubmittedV1` does not declare its identity"),
        "{stderr}"
    );
    assert!(stderr.contains("--> schemas/notes.yaml:2:7"), "{stderr}");
    assert!(
        stderr.contains("failed to run custom build command for `notes-service"),
        "{stderr}"
    );
}

/// The files `cargo package` would put in `package`'s `.crate`.
fn packaged(package: &str) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "-p", package])
        .current_dir(harness::workspace())
        .output()
        .expect("run cargo package --list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_compiler_package_carries_what_it_embeds() {
    let files = packaged("contractc");
    // One folder per target below templates/.
    let mut expected = Vec::new();
    for target in ["rust", "python"] {
        let dir = harness::workspace().join("templates").join(target);
        let templates = std::fs::read_dir(&dir).expect("templates/<target>/");
        expected.extend(
            templates
                .flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .filter(|n| n.ends_with(".tera"))
                .map(|n| format!("templates/{target}/{n}")),
        );
    }
    assert!(expected.len() >= 14, "{expected:?}");
    expected.push("src/parse/contract.schema.json".to_owned());
    for file in &expected {
        assert!(
            files.contains(file),
            "{file} is not in the package: {files:?}"
        );
    }
}
