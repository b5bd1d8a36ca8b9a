//! Hostile input: every case gets a diagnostic from the real binary, never a panic, a hang,
//! or unbounded memory. The binary runs under a 1 GiB address-space limit and a hang guard.

#[path = "support/child.rs"]
mod child;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Far above any real run (they take well under a second); only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(120);

struct Outcome {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `contractc check DIR --format json` with memory capped at 1 GiB.
fn check(dir: &Path) -> Outcome {
    let bin = env!("CARGO_BIN_EXE_contractc");
    let script = format!(
        "ulimit -v 1048576; exec '{bin}' check '{}' --format json",
        dir.display()
    );
    let mut command = Command::new("sh");
    command.arg("-c").arg(script);
    let out = child::run(
        command,
        None,
        HANG_GUARD,
        &format!("contractc on {}", dir.display()),
    );
    Outcome {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts a clean failure that reports `code` with a file and line.
fn assert_reports(dir: &Path, code: &str) {
    let out = check(dir);
    assert!(!out.stderr.contains("panicked"), "panic: {}", out.stderr);
    assert_eq!(out.status, 1, "exit code; stderr: {}", out.stderr);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let hit = lines.iter().find(|d| d["code"] == code);
    let hit = hit.unwrap_or_else(|| panic!("no {code} in {}", out.stdout));
    if code != "C0009" {
        assert!(
            hit["file"].is_string() && hit["line"].as_u64().is_some_and(|l| l >= 1),
            "{hit}"
        );
    }
}

fn catalog_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut f = std::fs::File::create(dir.path().join(name)).expect("create");
    f.write_all(bytes).expect("write");
    dir
}

#[test]
fn alias_bomb_is_refused_at_the_first_alias() {
    let mut y = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, c) in ('b'..='j').enumerate() {
        let prev = (b'a' + i as u8) as char;
        y.push_str(&format!(
            "{c}: &{c} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    let dir = catalog_with("bomb.yaml", y.as_bytes());
    assert_reports(dir.path(), "C0006");
}

#[test]
fn ten_thousand_deep_nesting() {
    let flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let dir = catalog_with("flow.yaml", flow.as_bytes());
    let out = check(dir.path());
    assert_eq!(out.status, 1);
    assert!(
        out.stdout.contains("C0007") || out.stdout.contains("C0005"),
        "{}",
        out.stdout
    );
    // Compact block sequences: `- - - ... x` nests 10,000 deep in 20 KB.
    let block = format!("{}x\n", "- ".repeat(10_000));
    let dir = catalog_with("block.yaml", block.as_bytes());
    assert_reports(dir.path(), "C0007");
}

#[test]
fn fifty_megabyte_file() {
    let dir = catalog_with("huge.yaml", &vec![b'#'; 50 * 1024 * 1024]);
    assert_reports(dir.path(), "C0004");
}

#[test]
fn millions_of_nodes_under_the_size_limit() {
    let dir = catalog_with("many.yaml", "- 1\n".repeat(2_000_000).as_bytes());
    assert_reports(dir.path(), "C0012");
}

#[test]
fn invalid_utf8() {
    let dir = catalog_with("latin1.yaml", b"name: Caf\xe9V1\nkind: record\n");
    assert_reports(dir.path(), "C0002");
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let dir = catalog_with("blob.yaml", &bytes);
    let out = check(dir.path());
    assert_eq!(out.status, 1);
    assert!(
        out.stdout.contains("C0003") || out.stdout.contains("C0002"),
        "{}",
        out.stdout
    );
}

#[test]
fn empty_file_is_a_warning_not_a_failure() {
    let dir = catalog_with("empty.yaml", b"");
    let out = check(dir.path());
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("C0010"));
}

#[test]
fn directory_without_yaml() {
    let dir = catalog_with("notes.txt", b"nothing here");
    assert_reports(dir.path(), "C0009");
}

#[test]
fn missing_directory_is_a_usage_error() {
    let out = check(Path::new("/nonexistent/contractc/catalog"));
    assert_eq!(out.status, 2, "{}", out.stderr);
}

/// The diagnostics of a run, parsed; asserts a clean failure first.
fn diagnostics(dir: &Path) -> Vec<serde_json::Value> {
    let out = check(dir);
    assert!(!out.stderr.contains("panicked"), "panic: {}", out.stderr);
    assert_eq!(out.status, 1, "exit code; stderr: {}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// How many diagnostics have `code`, and the `line` of the last one.
fn count_of(diags: &[serde_json::Value], code: &str) -> (usize, Option<u64>) {
    let hits: Vec<_> = diags.iter().filter(|d| d["code"] == code).collect();
    (hits.len(), hits.last().and_then(|d| d["line"].as_u64()))
}

// Duplicate checks once scanned every earlier key: 20,000 keys took 4 s, 80,000 did not
// finish in 300 s. Each case below ends with the repeat it must still find.

#[test]
fn a_mapping_of_200_000_keys() {
    // The `default` of a `json` field takes any keys: the repeat is the only mistake.
    let mut yaml = String::from(
        "name: BigDefaultV1\nkind: record\nfields:\n  extra:\n    type: json?\n    default:\n",
    );
    yaml.extend((0..200_000).map(|i| format!("      key_{i:06}: 1\n")));
    yaml.push_str("      key_000007: 2\n");
    let dir = catalog_with("map.yaml", yaml.as_bytes());
    let diags = diagnostics(dir.path());
    assert_eq!(count_of(&diags, "C0008"), (1, Some(200_007)));
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn an_enum_of_100_000_values() {
    let mut yaml = String::from("name: BigEnumV1\nkind: enum\nvalues:\n");
    yaml.extend((0..100_000).map(|i| format!("  - value_{i:06}\n")));
    yaml.push_str("  - value_000007\n");
    let dir = catalog_with("enum.yaml", yaml.as_bytes());
    let diags = diagnostics(dir.path());
    assert_eq!(count_of(&diags, "C0111"), (1, Some(100_004)));
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn a_record_of_100_000_fields() {
    // Every other field holds `PartV1`, which holds the big record again: 50,000 fields close
    // a containment cycle, which the recursion check must find without a search per field.
    let mut yaml = String::from("name: BigRecordV1\nkind: record\nfields:\n");
    yaml.extend((0..100_000).map(|i| {
        let ty = if i % 2 == 1 { "PartV1" } else { "string" };
        format!("  field_{i:06}: {ty}\n")
    }));
    yaml.push_str("  fooBar: int\n  foo_bar: int\n");
    yaml.push_str("---\nname: PartV1\nkind: record\nfields:\n  whole: BigRecordV1\n");
    let dir = catalog_with("record.yaml", yaml.as_bytes());
    let diags = diagnostics(dir.path());
    assert_eq!(count_of(&diags, "C0112"), (1, Some(100_005)));
    assert_eq!(count_of(&diags, "C0307"), (50_001, Some(100_010)));
}

#[test]
fn output_larger_than_a_pipe_is_read_while_the_binary_runs() {
    // 5,000 unknown keys: one JSON diagnostic each, about 1.5 MB on stdout, far more than a
    // pipe holds, so the binary only finishes if its output is drained as it comes.
    let mut y = String::from("name: A\nkind: record\n");
    for i in 0..5_000 {
        y.push_str(&format!("unknown_key_{i}: 1\n"));
    }
    let dir = catalog_with("a.yaml", y.as_bytes());
    let out = check(dir.path());
    assert_eq!(out.status, 1, "stderr: {}", out.stderr);
    assert!(out.stdout.len() > 1024 * 1024, "{} bytes", out.stdout.len());
    let unknown = out
        .stdout
        .lines()
        .filter(|l| l.contains("\"code\":\"C0101\""))
        .count();
    assert_eq!(unknown, 5_000);
}
