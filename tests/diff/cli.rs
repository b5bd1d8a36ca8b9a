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

const AMOUNT: &str = "name: M\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  amount: int\n";

#[test]
fn the_witness_is_in_the_help_line_and_in_json_and_sarif() {
    let tmp = tempfile::tempdir().expect("tempdir");
    catalog(&tmp.path().join("old"), &[("m.yaml", AMOUNT)]);
    catalog(
        &tmp.path().join("new"),
        &[("m.yaml", &AMOUNT.replace("amount: int", "amount: float"))],
    );
    let doc = serde_json::json!({"amount": 0.5, "user_id": "a"});
    let json = contractc(tmp.path(), &["old", "new", "--format", "json"]);
    assert_eq!(json.status, 1, "{}", json.stderr);
    let lines = json_lines(&json);
    assert_eq!(lines.len(), 1, "{}", json.stdout);
    assert_eq!(lines[0]["code"], "C0423");
    assert_eq!(lines[0]["witness"], serde_json::json!({ "forward": doc }));
    assert!(
        lines[0]["help"]
            .as_str()
            .is_some_and(|h| h.contains(&format!("witness: `{doc}` is valid under NEW"))),
        "{}",
        lines[0]
    );
    // Backward alone: int -> float breaks nothing.
    let backward = contractc(
        tmp.path(),
        &["old", "new", "--mode", "backward", "--format", "json"],
    );
    assert_eq!(
        (backward.status, backward.stdout.as_str()),
        (0, ""),
        "{}",
        backward.stderr
    );
    let sarif = contractc(tmp.path(), &["old", "new", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["properties"]["witness"]["forward"], doc);
    assert!(
        result["message"]["text"]
            .as_str()
            .is_some_and(|m| m.contains("witness: `"))
    );
}

#[test]
fn strict_open_content_judges_an_added_optional_field_as_confluent_does() {
    let tmp = tempfile::tempdir().expect("tempdir");
    catalog(&tmp.path().join("old"), &[("m.yaml", AMOUNT)]);
    catalog(
        &tmp.path().join("new"),
        &[("m.yaml", &format!("{AMOUNT}  note: string?\n"))],
    );
    let default = contractc(tmp.path(), &["old", "new", "--format", "json"]);
    assert_eq!(
        (default.status, default.stdout.as_str()),
        (0, ""),
        "{}",
        default.stderr
    );
    let strict = contractc(
        tmp.path(),
        &["old", "new", "--format", "json", "--strict-open-content"],
    );
    assert_eq!(strict.status, 1, "{}", strict.stderr);
    let lines = json_lines(&strict);
    assert_eq!(lines[0]["code"], "C0425");
    assert_eq!(lines[0]["witness"]["backward"]["note"], 0);
}

#[test]
fn transitive_modes_judge_new_against_every_old_catalog() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let v1 = AMOUNT.replace("amount: int", "amount: { type: int, max: 10 }");
    let v2 = AMOUNT.replace("amount: int", "amount: { type: int, max: 100 }");
    catalog(&tmp.path().join("v1"), &[("m.yaml", v1.as_str())]);
    catalog(&tmp.path().join("v2"), &[("m.yaml", v2.as_str())]);
    catalog(
        &tmp.path().join("v3"),
        &[("m.yaml", &v2.replace("max: 100", "max: 50"))],
    );
    // v3 lowers v2's bound (backward breaks against v2) but still allows all of v1's values.
    let last = contractc(
        tmp.path(),
        &["v2", "v3", "--mode", "backward", "--format", "json"],
    );
    assert_eq!(last.status, 1, "{}", last.stderr);
    let against_v1 = contractc(
        tmp.path(),
        &["v1", "v3", "--mode", "backward", "--format", "json"],
    );
    assert_eq!(
        (against_v1.status, against_v1.stdout.as_str()),
        (0, ""),
        "{}",
        against_v1.stderr
    );
    let all = contractc(
        tmp.path(),
        &[
            "v1",
            "v2",
            "v3",
            "--mode",
            "backward-transitive",
            "--format",
            "json",
        ],
    );
    assert_eq!(all.status, 1, "{}", all.stderr);
    let lines = json_lines(&all);
    assert_eq!(lines.len(), 1, "{}", all.stdout);
    assert!(
        lines[0]["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("[against v2]")),
        "{}",
        lines[0]
    );
    // Forward-transitive: v3 raised v1's bound, so data written under v3 breaks v1 readers.
    let forward = contractc(
        tmp.path(),
        &[
            "v1",
            "v2",
            "v3",
            "--mode",
            "forward-transitive",
            "--format",
            "json",
        ],
    );
    let lines = json_lines(&forward);
    assert_eq!(lines.len(), 1, "{}", forward.stdout);
    assert!(
        lines[0]["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("[against v1]")),
        "{}",
        lines[0]
    );
    assert_eq!(lines[0]["witness"]["forward"]["amount"], 11);
    // Several OLD catalogs need a transitive mode.
    let usage = contractc(tmp.path(), &["v1", "v2", "v3", "--mode", "backward"]);
    assert_eq!(usage.status, 2, "{}", usage.stderr);
    assert!(
        usage.stderr.contains("backward-transitive"),
        "{}",
        usage.stderr
    );
}
