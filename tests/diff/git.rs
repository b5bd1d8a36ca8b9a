//! `git:REV`: OLD (or both sides) read from a temporary git repository.

use super::cli::{contractc, json_lines};
use contractc::diff::git::GitCatalog;
use std::path::Path;
use std::process::Command;

const V1: &str = "name: M\nkind: request\nidentity: { user_id: required, org_id: optional }\nfields:\n  a: int\n  b: string\n";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=contractc",
            "-c",
            "user.email=contractc@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A repository whose first commit holds `files`.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    git(tmp.path(), &["init", "-q"]);
    for (name, text) in files {
        write(tmp.path(), name, text);
    }
    git(tmp.path(), &["add", "-A"]);
    git(tmp.path(), &["commit", "-q", "-m", "v1"]);
    tmp
}

#[test]
fn old_from_a_revision_against_the_working_tree() {
    let tmp = repo(&[
        ("schemas/m.yaml", V1),
        ("schemas/notes.txt", "not a contract"),
    ]);
    write(
        tmp.path(),
        "schemas/m.yaml",
        &V1.replace("  b: string\n", ""),
    );
    let run = contractc(tmp.path(), &["git:HEAD", "schemas", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(lines[0]["code"], "C0406");
    // A removal points into OLD: the file as it was at the revision.
    assert_eq!(lines[0]["file"], "git:HEAD:schemas/m.yaml");
    assert_eq!(
        (lines[0]["line"].as_u64(), lines[0]["column"].as_u64()),
        (Some(6), Some(3))
    );
    // Removing a required field breaks forward only.
    let backward = contractc(tmp.path(), &["git:HEAD", "schemas", "--mode", "backward"]);
    assert_eq!(backward.status, 0, "{}", backward.stderr);
}

#[test]
fn both_sides_from_revisions_use_schemas_below_the_current_directory() {
    let tmp = repo(&[("schemas/m.yaml", V1)]);
    write(
        tmp.path(),
        "schemas/m.yaml",
        &V1.replace("  b: string\n", "  b: string\n  c: int\n"),
    );
    git(tmp.path(), &["commit", "-q", "-am", "v2"]);
    let run = contractc(tmp.path(), &["git:HEAD~1", "git:HEAD", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(
        (lines[0]["code"].as_str(), lines[0]["file"].as_str()),
        (Some("C0404"), Some("git:HEAD:schemas/m.yaml"))
    );
    assert_eq!(lines[0]["line"], 7);
}

#[test]
fn a_nested_catalog_is_read_at_its_own_path_from_anywhere() {
    let tmp = repo(&[
        ("services/contracts/m.yaml", V1),
        (
            "services/contracts/contractc.yaml",
            "policy:\n  unknown_fields: ignore\n",
        ),
    ]);
    write(
        tmp.path(),
        "services/contracts/contractc.yaml",
        "policy:\n  unknown_fields: reject\n",
    );
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let catalog = tmp.path().join("services/contracts");
    let run = contractc(
        elsewhere.path(),
        &[
            "git:HEAD",
            catalog.to_str().expect("utf-8"),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    // The config at the revision is the config: the default policy changed to reject.
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(lines[0]["code"], "C0418");
    let found = GitCatalog::for_dir(&catalog).expect("in a repository");
    assert_eq!(found.path, "services/contracts");
    let files = found.read("HEAD").expect("read");
    let relative: Vec<_> = files
        .iter()
        .map(|(_, rel, _)| rel.display().to_string())
        .collect();
    assert_eq!(relative, ["contractc.yaml", "m.yaml"]);
    assert_eq!(files[1].0, Path::new("git:HEAD:services/contracts/m.yaml"));
}

#[test]
fn errors_in_the_catalog_at_the_revision_are_reported_with_its_paths() {
    let tmp = repo(&[(
        "schemas/m.yaml",
        &V1.replace("identity: { user_id: required, org_id: optional }\n", ""),
    )]);
    write(tmp.path(), "schemas/m.yaml", V1);
    let run = contractc(tmp.path(), &["git:HEAD", "schemas", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(
        (lines[0]["code"].as_str(), lines[0]["file"].as_str()),
        (Some("C0201"), Some("git:HEAD:schemas/m.yaml"))
    );
}

#[test]
fn an_unknown_revision_or_a_catalog_outside_git_is_a_usage_error() {
    let tmp = repo(&[("schemas/m.yaml", V1)]);
    let run = contractc(tmp.path(), &["git:no-such-branch", "schemas"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown git revision `no-such-branch`"),
        "{}",
        run.stderr
    );
    let option = contractc(tmp.path(), &["git:--output=x", "schemas"]);
    assert_eq!(option.status, 2, "{}", option.stderr);
    assert!(!tmp.path().join("x").exists());
    let outside = tempfile::tempdir().expect("tempdir");
    write(outside.path(), "schemas/m.yaml", V1);
    let run = contractc(outside.path(), &["git:HEAD", "schemas"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("not inside a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_revision_without_the_catalog_is_an_empty_catalog() {
    let tmp = repo(&[("README", "no contracts yet")]);
    write(tmp.path(), "schemas/m.yaml", V1);
    let run = contractc(tmp.path(), &["git:HEAD", "schemas", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let lines = json_lines(&run);
    assert_eq!(lines[0]["code"], "C0009");
    assert!(
        lines[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("schemas at git:HEAD")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_transitive_mode_reads_every_revision_of_the_list() {
    // v2 makes `b` optional (breaks forward against v1); the working tree widens `a`.
    let tmp = repo(&[("schemas/m.yaml", V1)]);
    git(tmp.path(), &["tag", "v1"]);
    write(
        tmp.path(),
        "schemas/m.yaml",
        &V1.replace("  b: string\n", "  b: string?\n"),
    );
    git(tmp.path(), &["commit", "-q", "-am", "v2"]);
    git(tmp.path(), &["tag", "v2"]);
    write(
        tmp.path(),
        "schemas/m.yaml",
        &V1.replace("  b: string\n", "  b: string?\n")
            .replace("a: int", "a: float"),
    );
    let run = contractc(
        tmp.path(),
        &[
            "git:v1",
            "git:v2",
            "schemas",
            "--mode",
            "forward-transitive",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let mut found: Vec<(String, String)> = json_lines(&run)
        .iter()
        .map(|d| {
            let message = d["message"].as_str().unwrap_or_default();
            let against = message
                .rsplit("[against ")
                .next()
                .unwrap_or_default()
                .trim_end_matches(']');
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                against.to_string(),
            )
        })
        .collect();
    found.sort();
    let expected = [
        ("C0408", "git:v1"),
        ("C0423", "git:v1"),
        ("C0423", "git:v2"),
    ];
    assert_eq!(
        found,
        expected.map(|(c, a)| (c.to_string(), a.to_string())),
        "{}",
        run.stdout
    );
    // Backward-transitive: nothing NEW reads breaks on v1's or v2's data.
    let backward = contractc(
        tmp.path(),
        &[
            "git:v1",
            "git:v2",
            "schemas",
            "--mode",
            "backward-transitive",
        ],
    );
    assert_eq!(backward.status, 0, "{}", backward.stderr);
}
