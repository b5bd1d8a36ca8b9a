//! The `contractc diff` command line: fixture folders `tests/fixtures/diff/<case>/{old,new}`
//! with one `expected-<mode>` file per mode (`CONTRACTC_BLESS=1` rewrites them), exit codes,
//! formats and `--deny-warnings`.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a run of the binary gave.
pub struct Run {
    /// Exit code.
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `contractc diff ARGS...` in `cwd`.
pub fn contractc(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_contractc"))
        .arg("diff")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run contractc");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The JSON-lines output of a run, one object per diagnostic.
pub fn json_lines(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/diff")
}

/// `C0401 message-removed error old/contracts.yaml:25:7 `CancelOrderV1``, one per line.
fn summarize(case: &Path, run: &Run) -> String {
    let mut out = String::new();
    for d in json_lines(run) {
        let file = d["file"].as_str().unwrap_or("-");
        let file = Path::new(file)
            .strip_prefix(case)
            .map_or(file.to_string(), |p| p.display().to_string());
        let path = d["message"]
            .as_str()
            .unwrap_or("")
            .split('`')
            .nth(1)
            .unwrap_or("");
        let _ = writeln!(
            out,
            "{} {} {} {file}:{}:{} `{path}`",
            d["code"].as_str().unwrap_or("?"),
            d["name"].as_str().unwrap_or("?"),
            d["severity"].as_str().unwrap_or("?"),
            d["line"],
            d["column"]
        );
    }
    out
}

#[test]
fn fixture_folders_match_their_expected_findings_in_every_mode() {
    let bless = std::env::var_os("CONTRACTC_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        for mode in ["backward", "forward", "full"] {
            let (old, new) = (case.join("old"), case.join("new"));
            let run = contractc(
                &case,
                &[
                    old.to_str().expect("utf-8"),
                    new.to_str().expect("utf-8"),
                    "--mode",
                    mode,
                    "--format",
                    "json",
                ],
            );
            let actual = summarize(&case, &run);
            let expected_path = case.join(format!("expected-{mode}"));
            if bless {
                std::fs::write(&expected_path, &actual).expect("write expected");
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            let errors = expected.lines().any(|l| l.contains(" error "));
            if actual != expected || run.status != i32::from(errors) {
                failures.push(format!(
                    "{} --mode {mode} (exit {}):\n--- expected\n{expected}--- actual\n{actual}{}",
                    case.display(),
                    run.status,
                    run.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn catalog(dir: &Path, files: &[(&str, &str)]) {
    for (name, yaml) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, yaml).expect("write");
    }
}

const MESSAGE: &str = "name: M\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  a: { type: int?, default: 1 }\n";

#[test]
fn identical_catalogs_exit_zero_and_print_nothing() {
    let dir = fixtures().join("evolution/old");
    let path = dir.to_str().expect("utf-8");
    let run = contractc(&dir, &[path, path, "--format", "json"]);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert!(run.stderr.contains("0 breaking changes"), "{}", run.stderr);
}

#[test]
fn a_warning_fails_only_under_deny_warnings() {
    let tmp = tempfile::tempdir().expect("tempdir");
    catalog(&tmp.path().join("old"), &[("m.yaml", MESSAGE)]);
    catalog(
        &tmp.path().join("new"),
        &[("m.yaml", &MESSAGE.replace("default: 1", "default: 2"))],
    );
    let run = contractc(tmp.path(), &["old", "new", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (lines[0]["code"].as_str(), lines[0]["severity"].as_str()),
        (Some("C0422"), Some("warning"))
    );
    let run = contractc(
        tmp.path(),
        &["old", "new", "--format", "json", "--deny-warnings"],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(json_lines(&run)[0]["severity"], "error");
}

#[test]
fn every_format_of_check_is_available() {
    let case = fixtures().join("evolution");
    let args = |format: &'static str| {
        [
            "old", "new", "--mode", "backward", "--format", format, "--color", "never",
        ]
    };
    let github = contractc(&case, &args("github"));
    assert_eq!(github.status, 1);
    assert!(
        github
            .stdout
            .contains("::error file=new/orders/placed.yaml,line=11,col=38,title=C0413::"),
        "{}",
        github.stdout
    );
    assert!(
        github
            .stdout
            .contains("::warning file=new/orders/placed.yaml,line=12"),
        "{}",
        github.stdout
    );
    let sarif = contractc(&case, &args("sarif"));
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("one SARIF document");
    assert_eq!(doc["runs"][0]["results"].as_array().map(Vec::len), Some(4));
    let human = contractc(&case, &args("human"));
    assert_eq!(human.stdout, "");
    assert!(
        human
            .stderr
            .contains("error[C0401]: `CancelOrderV1`: command removed"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.contains("--> old/contracts.yaml:25:7"),
        "{}",
        human.stderr
    );
}

#[test]
fn catalogs_with_errors_are_reported_instead_of_diffed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    catalog(
        &tmp.path().join("old"),
        &[("m.yaml", "name: M\nkind: request\nfields:\n  a: int\n")],
    );
    catalog(&tmp.path().join("new"), &[("m.yaml", MESSAGE)]);
    let run = contractc(tmp.path(), &["old", "new", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(
        (lines[0]["code"].as_str(), lines[0]["file"].as_str()),
        (Some("C0201"), Some("old/m.yaml"))
    );
    assert!(
        run.stderr.contains("fix the catalog errors first"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_directory_or_a_bad_argument_is_a_usage_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    catalog(&tmp.path().join("new"), &[("m.yaml", MESSAGE)]);
    let missing = contractc(tmp.path(), &["nowhere", "new"]);
    assert_eq!(missing.status, 2, "{}", missing.stderr);
    assert!(missing.stderr.contains("nowhere"), "{}", missing.stderr);
    let empty_rev = contractc(tmp.path(), &["git:", "new"]);
    assert_eq!(empty_rev.status, 2, "{}", empty_rev.stderr);
    let bad_mode = contractc(tmp.path(), &["new", "new", "--mode", "sideways"]);
    assert_eq!(bad_mode.status, 2, "{}", bad_mode.stderr);
}
