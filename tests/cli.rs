//! The real `contractc` binary end to end: `build --out` writes only what changed and nothing
//! at all for a failing catalog, `--check` catches every kind of staleness, `validate`
//! answers every line of the reference catalog's documents (hostile ones included) with the
//! right exit code, and `check --format json|github|sarif` output parses.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

/// The workspace root.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `contractc <args>` with `stdin` as standard input.
fn contractc(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_contractc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run contractc");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    // Written from a thread: the child answers while it reads, and a pipe holds little.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for contractc");
    writer.join().expect("stdin writer");
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the reference catalog `schemas/` in a temporary directory.
fn reference_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("schemas"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let dest = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).expect("copy");
        }
    }
}

/// Every file below `dir` with its content and mtime, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let meta = std::fs::metadata(&path).expect("metadata");
            let rel = path.strip_prefix(dir).expect("below dir").to_path_buf();
            let content = std::fs::read(&path).expect("read");
            out.insert(rel, (content, meta.modified().expect("mtime")));
        }
    }
    out
}

/// Sets every file's mtime below `dir` to an hour ago, so any rewrite shows.
fn age(dir: &Path) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    for rel in snapshot(dir).keys() {
        let file = std::fs::File::options()
            .write(true)
            .open(dir.join(rel))
            .expect("open");
        file.set_modified(old).expect("set mtime");
    }
}

fn build(catalog: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        catalog.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    contractc(&args, b"")
}

#[test]
fn build_writes_every_file_then_nothing_when_unchanged() {
    let out = tempfile::tempdir().expect("tempdir");
    let first = build(&workspace().join("schemas"), out.path(), &[]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(
        text(&first.stderr).contains("wrote 29 files, 0 unchanged, 0 removed"),
        "{}",
        text(&first.stderr)
    );
    let files = outputs(out.path());
    assert_eq!(files.len(), 29);
    assert!(files.contains_key(Path::new("rust/contracts.rs")));
    assert!(files.contains_key(Path::new("jsonschema/index.json")));
    assert!(files.contains_key(Path::new("python/contracts/models.py")));
    // The CLI and the generated crate's build.rs are the same code: same schemas and Python
    // package, byte for byte.
    for dir in ["jsonschema", "python"] {
        let checked_in = snapshot(&workspace().join("generated").join(dir));
        let checked_in = checked_in
            .iter()
            .filter(|(p, _)| !p.starts_with("contracts/__pycache__"));
        for (name, (content, _)) in checked_in {
            let ours = &files[&Path::new(dir).join(name)].0;
            assert!(ours == content, "{dir}/{} differs", name.display());
        }
    }
    // Aged outputs no longer match the record of the first build: this one compares them all.
    age(out.path());
    let before = outputs(out.path());
    let second = build(&workspace().join("schemas"), out.path(), &[]);
    assert_eq!(second.status.code(), Some(0));
    assert!(text(&second.stderr).contains("wrote 0 files, 29 unchanged, 0 removed"));
    assert_eq!(outputs(out.path()), before, "a file was rewritten");
}

#[test]
fn target_chooses_the_outputs_and_check_mode_knows_them() {
    let catalog = workspace().join("tests/differential/catalog");
    let out = tempfile::tempdir().expect("tempdir");
    // The differential catalog's config names no targets: rust and json-schema.
    let plain = build(&catalog, out.path(), &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    assert!(!out.path().join("python").exists());
    let python = build(&catalog, out.path(), &["--target", "python"]);
    assert_eq!(python.status.code(), Some(0), "{}", text(&python.stderr));
    assert!(
        text(&python.stderr).contains("wrote 7 files"),
        "{}",
        text(&python.stderr)
    );
    assert!(out.path().join("python/differential/models.py").is_file());
    let check = build(
        &catalog,
        out.path(),
        &["--target", "python", "--target", "rust", "--check"],
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    std::fs::write(
        out.path().join("python/differential/runtime.py"),
        "# edited\n",
    )
    .expect("edit");
    let stale = build(&catalog, out.path(), &["--target", "python", "--check"]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        text(&stale.stderr).contains("out of date:"),
        "{}",
        text(&stale.stderr)
    );
    assert!(
        text(&stale.stderr).contains("runtime.py"),
        "{}",
        text(&stale.stderr)
    );
    // A build of the config's targets does not look at the Python package.
    let rust_only = build(&catalog, out.path(), &["--check"]);
    assert_eq!(
        rust_only.status.code(),
        Some(0),
        "{}",
        text(&rust_only.stderr)
    );
    let unknown = build(&catalog, out.path(), &["--target", "go"]);
    assert_eq!(unknown.status.code(), Some(2));
}

/// The generated files below `dir`, without the record of the last build.
fn outputs(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = snapshot(dir);
    files.retain(|rel, _| !rel.starts_with(".contractc"));
    files
}

const NOTHING_CHANGED: &str = "nothing changed since the last build";

#[test]
fn a_build_with_nothing_changed_answers_from_the_record_and_writes_nothing() {
    let catalog = reference_copy();
    let out = tempfile::tempdir().expect("tempdir");
    let first = build(catalog.path(), out.path(), &[]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(out.path().join(".contractc/build").is_file());
    let before = snapshot(out.path());
    let again = build(catalog.path(), out.path(), &[]);
    assert_eq!(again.status.code(), Some(0));
    let stderr = text(&again.stderr);
    assert!(stderr.contains(NOTHING_CHANGED), "{stderr}");
    // The summary of the build it stands for, exemptions included.
    assert!(stderr.contains("built 30 definitions"), "{stderr}");
    assert!(
        stderr.contains("exempt from identity: ServiceHeartbeatV1"),
        "{stderr}"
    );
    assert_eq!(snapshot(out.path()), before, "a no-op build wrote a file");

    // A catalog file touched but not changed is still nothing to do.
    age(catalog.path());
    let touched = build(catalog.path(), out.path(), &[]);
    assert!(text(&touched.stderr).contains(NOTHING_CHANGED));

    // --force and machine-readable output always run the whole build.
    let forced = build(catalog.path(), out.path(), &["--force"]);
    assert!(
        text(&forced.stderr).contains("wrote 0 files, 29 unchanged"),
        "{}",
        text(&forced.stderr)
    );
    let json = build(catalog.path(), out.path(), &["--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    assert!(
        json.stdout.is_empty(),
        "JSON lines, one per diagnostic: none"
    );
    assert!(
        text(&json.stderr).contains("wrote 0 files, 29 unchanged"),
        "{}",
        text(&json.stderr)
    );
}

#[test]
fn the_record_is_not_trusted_once_inputs_or_outputs_change() {
    let catalog = reference_copy();
    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        build(catalog.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let clean = outputs(out.path());

    // An output edited by hand is regenerated.
    let rust = out.path().join("rust/contracts.rs");
    std::fs::write(&rust, "// edited\n").expect("edit");
    let repaired = build(catalog.path(), out.path(), &[]);
    assert!(
        text(&repaired.stderr).contains("wrote 1 files, 28 unchanged"),
        "{}",
        text(&repaired.stderr)
    );
    assert_eq!(
        std::fs::read(&rust).expect("read"),
        clean[Path::new("rust/contracts.rs")].0
    );

    // A stray generated-looking file is removed.
    let stray = out.path().join("jsonschema/GoneV1.schema.json");
    std::fs::write(&stray, "{}").expect("stray");
    let swept = build(catalog.path(), out.path(), &[]);
    assert!(
        text(&swept.stderr).contains("1 removed"),
        "{}",
        text(&swept.stderr)
    );
    assert!(!stray.exists());

    // A new catalog file, and a changed one, are built.
    std::fs::write(
        catalog.path().join("extra.yaml"),
        "name: ExtraV1\nkind: enum\ndescription: An enum.\nvalues: [a]\n",
    )
    .expect("add");
    let added = build(catalog.path(), out.path(), &[]);
    assert!(
        text(&added.stderr).contains("built 31 definitions"),
        "{}",
        text(&added.stderr)
    );
    // The Rust, and the Python package's models and re-exports.
    assert!(
        text(&added.stderr).contains("wrote 3 files"),
        "{}",
        text(&added.stderr)
    );
    std::fs::write(
        catalog.path().join("extra.yaml"),
        "name: ExtraV1\nkind: enum\ndescription: An enum.\nvalues: [a, b]\n",
    )
    .expect("change");
    let changed = build(catalog.path(), out.path(), &[]);
    assert!(
        !text(&changed.stderr).contains(NOTHING_CHANGED),
        "{}",
        text(&changed.stderr)
    );
    assert!(
        text(&changed.stderr).contains("wrote 2 files"),
        "{}",
        text(&changed.stderr)
    );

    // A catalog with errors writes nothing, the record included.
    std::fs::write(
        catalog.path().join("extra.yaml"),
        "name: ExtraV1\nkind: enum\n",
    )
    .expect("break");
    let before = snapshot(out.path());
    let broken = build(catalog.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(snapshot(out.path()), before);
}

#[test]
fn the_registry_is_opt_in_and_a_record_without_it_is_not_replayed() {
    let catalog = reference_copy();
    let out = tempfile::tempdir().expect("tempdir");
    let rust = out.path().join("rust/contracts.rs");
    let plain = build(catalog.path(), out.path(), &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    let code = std::fs::read_to_string(&rust).expect("read");
    assert!(code.contains("pub const MESSAGE_NAMES"));
    assert!(!code.contains("pub fn validate_json("));

    // The record of a build without the registry does not stand for a build with it.
    let with = build(catalog.path(), out.path(), &["--registry"]);
    let stderr = text(&with.stderr);
    assert!(!stderr.contains(NOTHING_CHANGED), "{stderr}");
    assert!(stderr.contains("wrote 1 files, "), "{stderr}");
    assert!(
        std::fs::read_to_string(&rust)
            .expect("read")
            .contains("pub fn validate_json(")
    );
    let again = build(catalog.path(), out.path(), &["--registry"]);
    assert!(text(&again.stderr).contains(NOTHING_CHANGED));
    let without = build(catalog.path(), out.path(), &[]);
    assert!(
        text(&without.stderr).contains("wrote 1 files, "),
        "{}",
        text(&without.stderr)
    );
}

#[test]
fn check_mode_catches_an_edited_schema_and_a_deleted_output() {
    let catalog = reference_copy();
    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        build(catalog.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let fresh = build(catalog.path(), out.path(), &["--check"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", text(&fresh.stderr));
    assert!(text(&fresh.stderr).contains("29 files up to date"));

    let usage = catalog.path().join("entitlements/usage.yaml");
    let yaml = std::fs::read_to_string(&usage).expect("read");
    let edited = yaml.replace(
        "max: 100000000, description: Amount deducted.",
        "max: 5000, description: Amount deducted.",
    );
    assert_ne!(edited, yaml);
    std::fs::write(&usage, edited).expect("write");
    let before = snapshot(out.path());
    let stale = build(catalog.path(), out.path(), &["--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let stderr = text(&stale.stderr);
    assert!(stderr.contains("stale: out of date: "), "{stderr}");
    assert!(stderr.contains("UsageRecordedV1.schema.json"), "{stderr}");
    assert!(stderr.contains("rust/contracts.rs"), "{stderr}");
    assert!(stderr.contains("python/contracts/models.py"), "{stderr}");
    assert!(stderr.contains("3 stale files"), "{stderr}");
    assert_eq!(snapshot(out.path()), before, "--check must write nothing");

    std::fs::write(&usage, yaml).expect("restore");
    let deleted = out.path().join("jsonschema/ServiceHeartbeatV1.schema.json");
    std::fs::remove_file(&deleted).expect("delete");
    let missing = build(catalog.path(), out.path(), &["--check"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("stale: missing: "),
        "{}",
        text(&missing.stderr)
    );
    assert!(!deleted.exists(), "--check must not recreate it");
}

#[test]
fn a_removed_message_removes_its_schema_and_check_mode_sees_it() {
    let catalog = reference_copy();
    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        build(catalog.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    std::fs::remove_file(catalog.path().join("entitlements/org_quota.yaml")).expect("remove");
    let check = build(catalog.path(), out.path(), &["--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stderr).contains("stale: no longer generated: "));
    let rebuilt = build(catalog.path(), out.path(), &[]);
    assert_eq!(rebuilt.status.code(), Some(0));
    // The Rust and the manifest change; the two messages' schemas go.
    assert!(
        text(&rebuilt.stderr).contains("wrote 4 files, 23 unchanged, 2 removed"),
        "{}",
        text(&rebuilt.stderr)
    );
    assert!(
        !out.path()
            .join("jsonschema/OrgQuotaAdjustedV1.schema.json")
            .exists()
    );
}

/// Removes the identity block of the gateway's registration request.
fn break_catalog(catalog: &Path) {
    let path = catalog.join("gateway/batch_registration.yaml");
    let yaml = std::fs::read_to_string(&path).expect("read");
    let start = yaml.find("\nidentity:").expect("identity block");
    let end = yaml.find("\nunknown_fields:").expect("the key after it");
    assert!(yaml[start..end].contains("user_id: required"));
    std::fs::write(&path, format!("{}{}", &yaml[..start], &yaml[end..])).expect("write");
}

#[test]
fn a_failing_catalog_writes_nothing_at_all() {
    let catalog = reference_copy();
    break_catalog(catalog.path());
    let root = tempfile::tempdir().expect("tempdir");
    let fresh = root.path().join("out");
    let failed = build(catalog.path(), &fresh, &[]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("error[C0201]"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        !fresh.exists(),
        "the output directory must not even be created"
    );

    let out = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        build(&workspace().join("schemas"), out.path(), &[])
            .status
            .code(),
        Some(0)
    );
    age(out.path());
    let before = snapshot(out.path());
    assert_eq!(
        build(catalog.path(), out.path(), &[]).status.code(),
        Some(1)
    );
    assert_eq!(
        snapshot(out.path()),
        before,
        "a failed build changed the output"
    );
}

/// A document of BatchRegistrationRequestV1 with every field, crafted from its schema.
const REGISTRATION: &str = r#"{"user_id":"teacher-42","org_id":"school-7","expected_essay_count":2,"essay_ids":["0196a1d2-0000-7000-8000-000000000001","0196a1d2-0000-7000-8000-000000000002"],"course_code":"ENG5","class_id":"9A","student_prompt_storage_id":"0123456789abcdef0123456789abcdef","essay_instructions":"Write about spring.","cj_default_llm_model":"claude-sonnet","cj_default_temperature":0.2,"completion_notification_email":"teacher@school.example"}"#;

/// `contractc validate schemas --contract NAME` on `input`: exit code and stdout lines.
fn validate(name: &str, input: &[u8]) -> (Option<i32>, Vec<String>, String) {
    let catalog = workspace().join("schemas");
    let args = [
        "validate",
        catalog.to_str().expect("utf-8"),
        "--contract",
        name,
    ];
    let out = contractc(&args, input);
    let lines = text(&out.stdout).lines().map(str::to_owned).collect();
    (out.status.code(), lines, text(&out.stderr))
}

#[test]
fn validate_answers_ok_for_a_complete_document() {
    let minimal = r#"{"user_id":"u-1","expected_essay_count":3,"course_code":"ENG5"}"#;
    let input = format!("{REGISTRATION}\n{minimal}\r\n");
    let (code, lines, _) = validate("BatchRegistrationRequestV1", input.as_bytes());
    assert_eq!(
        (code, lines),
        (Some(0), vec!["ok".to_owned(), "ok".to_owned()])
    );
}

#[test]
fn validate_reports_every_violation_and_exits_1() {
    let broken = REGISTRATION
        .replace(r#""expected_essay_count":2"#, r#""expected_essay_count":0"#)
        .replace(r#""class_id":"9A""#, r#""class_id":"""#)
        .replace(r#""user_id":"teacher-42""#, r#""user_id":"""#);
    let input = format!("{broken}\n{REGISTRATION}\n");
    let (code, lines, _) = validate("BatchRegistrationRequestV1", input.as_bytes());
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    assert!(first.starts_with("invalid: "), "{first}");
    for pointer in ["/user_id: ", "/expected_essay_count: ", "/class_id: "] {
        assert!(first.contains(pointer), "{pointer} missing in {first}");
    }
    assert_eq!(first.matches("; ").count(), 2, "{first}");
    // Each rule in plain words, the generated validator's own (`check::words`).
    for said in [
        "/user_id: shorter than 1 character",
        "/expected_essay_count: less than 1",
        "/class_id: shorter than 1 character",
    ] {
        assert!(first.contains(said), "{said} missing in {first}");
    }
    assert!(!first.contains("anyOf"), "{first}");
    assert_eq!(lines[1], "ok");
}

#[test]
fn validate_answers_hostile_lines_invalid_one_line_each() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"user_id\":\"\xff\xfe\",\"expected_essay_count\":3,\"course_code\":\"ENG5\"}\n",
    );
    input.extend_from_slice(b"\x00\x01\x02 binary\n");
    input.extend_from_slice(b"not json at all\n");
    input.extend_from_slice(format!("{}\n", "[".repeat(10_000)).as_bytes());
    // Pseudo-random bytes, no newline among them: one more line.
    let mut x: u32 = 0x2545_f491;
    input.extend((0..4096).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        match x.to_le_bytes()[0] {
            b'\n' => b'?',
            b => b,
        }
    }));
    input.push(b'\n');
    input.extend_from_slice(REGISTRATION.as_bytes());
    let (code, lines, stderr) = validate("BatchRegistrationRequestV1", &input);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(lines.len(), 6, "{lines:?}");
    for line in &lines[..5] {
        assert!(line.starts_with("invalid: /"), "{line}");
    }
    assert_eq!(lines[5], "ok");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn validate_answers_a_line_over_16_mib_invalid_and_reads_on() {
    let mut input = Vec::with_capacity(17 << 20);
    input.extend_from_slice(br#"{"user_id":""#);
    input.resize(17 << 20, b'x');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(REGISTRATION.as_bytes());
    input.push(b'\n');
    let (code, lines, _) = validate("BatchRegistrationRequestV1", &input);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "invalid: /: line of 17825794 bytes is longer than the 16777216-byte limit",
            "ok"
        ]
    );
}

#[test]
fn validate_usage_errors_exit_2() {
    let (code, lines, stderr) = validate("BatchRegistrationRequest", REGISTRATION.as_bytes());
    assert_eq!(code, Some(2));
    assert!(lines.is_empty());
    assert!(
        stderr.contains("did you mean `BatchRegistrationRequestV1`?"),
        "{stderr}"
    );
    // Every message is listed, one per line, as the typed validator lists them.
    assert!(
        stderr.contains("messages of the catalog:\n  AdjustOrgQuotaCommandV1\n"),
        "{stderr}"
    );
    assert!(stderr.contains("\n  UsageRecordedV1"), "{stderr}");
    let (code, _, _) = validate("EssayRefV1", b"{}\n");
    assert_eq!(code, Some(2), "a record is not a message");
    let schemas = workspace().join("schemas");
    let args = [
        "validate",
        schemas.to_str().expect("utf-8"),
        "--contract",
        "UsageRecordedV1",
        "--input",
        "/no/such/file.jsonl",
    ];
    assert_eq!(contractc(&args, b"").status.code(), Some(2));
}

/// A catalog with one error in each of two files.
fn broken_catalog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let event = "name: NoIdentityV1\nkind: event\ndescription: Missing identity.\ntopic: x.v1\nfields:\n  n: int\n";
    let record = "name: RecV1\nkind: record\nfeilds:\n  n: int\n";
    std::fs::write(dir.path().join("a.yaml"), event).expect("write");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/b.yaml"), record).expect("write");
    dir
}

/// `contractc check DIR --format FORMAT`: exit code and stdout.
fn check(dir: &Path, format: &str) -> (Option<i32>, String) {
    let out = contractc(
        &["check", dir.to_str().expect("utf-8"), "--format", format],
        b"",
    );
    (out.status.code(), text(&out.stdout))
}

/// What every format must carry: (code, file name, line, column) of each diagnostic.
const FOUND: [(&str, &str, u64, u64); 2] = [("C0201", "a.yaml", 1, 7), ("C0101", "b.yaml", 3, 1)];

#[test]
fn check_json_is_one_object_per_line_with_every_key() {
    let dir = broken_catalog();
    let (code, stdout) = check(dir.path(), "json");
    assert_eq!(code, Some(1));
    let mut found = Vec::new();
    for line in stdout.lines() {
        let d: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
        let keys: Vec<&str> = d
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 9, "{line}");
        for key in [
            "code", "name", "severity", "message", "file", "line", "column", "help", "labels",
        ] {
            assert!(keys.contains(&key), "{key} missing in {line}");
        }
        assert_eq!(d["severity"], "error");
        let file = d["file"].as_str().expect("file");
        let name = Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name");
        found.push((
            d["code"].as_str().expect("code").to_owned(),
            name.to_owned(),
            d["line"].as_u64().expect("line"),
            d["column"].as_u64().expect("column"),
        ));
    }
    let want: Vec<_> = FOUND
        .iter()
        .map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn check_github_is_one_workflow_command_per_diagnostic() {
    let dir = broken_catalog();
    let (code, stdout) = check(dir.path(), "github");
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for (line, (code, file, l, c)) in lines.iter().zip(FOUND) {
        let rest = line.strip_prefix("::error file=").expect("::error file=");
        let (props, message) = rest.split_once("::").expect("::MESSAGE");
        let props: Vec<&str> = props.split(',').collect();
        assert_eq!(props.len(), 4, "{line}");
        assert!(props[0].ends_with(file), "{line}");
        assert_eq!(
            props[1..],
            [
                format!("line={l}"),
                format!("col={c}"),
                format!("title={code}")
            ]
        );
        assert!(!message.contains('\n') && !message.is_empty());
        assert!(
            message.contains("%0Ahelp: "),
            "help follows, newline escaped: {message}"
        );
    }
}

#[test]
fn check_sarif_is_a_sarif_2_1_0_log() {
    let dir = broken_catalog();
    let (code, stdout) = check(dir.path(), "sarif");
    assert_eq!(code, Some(1));
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-schema-2.1.0"))
    );
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "contractc");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    for (result, (code, file, line, column)) in results.iter().zip(FOUND) {
        assert_eq!(result["ruleId"], code);
        assert_eq!(result["level"], "error");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index], code, "ruleIndex points at the rule");
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("file://") && uri.ends_with(file), "{uri}");
        assert_eq!(location["region"]["startLine"], line);
        assert_eq!(location["region"]["startColumn"], column);
    }
}

#[test]
fn check_given_a_file_names_the_catalog_to_pass_and_exits_2() {
    let file = workspace().join("schemas/gateway/batch_registration.yaml");
    let out = contractc(&["check", file.to_str().expect("utf-8")], b"");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error[C0013]: "), "{stderr}");
    let schemas = workspace().join("schemas");
    assert!(
        stderr.contains(&format!(
            "pass the catalog directory that holds it: `{}`",
            schemas.display()
        )),
        "{stderr}"
    );
    // Nothing was checked, so there is no summary counting files.
    assert!(!stderr.contains("contractc: checked"), "{stderr}");
}
