//! The third validator: the catalog's generated pydantic models (`Model.model_validate_json`)
//! give the verdict of the generated Rust and of the JSON Schema on every document of the
//! differential corpus: the same documents as `differential.rs` (same seed, same jobs, same
//! count, `DIFFERENTIAL_CASES`), plus hostile inputs and hand-picked cases where pydantic's own
//! reading differs from JSON Schema's.
//!
//! One Python process judges the whole corpus (`tests/differential/python/judge.py`), with the
//! pinned tools of `.venv/` (`tests/python/env.rs` says what happens without them).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::differential::{CHUNKS, DEFAULT_CASES, env_number, job, render};
use super::{catalog_dir, harness, hostile, python_env};

/// One document and the verdicts of the two Rust-side validators.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    typed: bool,
    schema: String,
}

/// The documents `differential.rs` generates for `name`'s `chunk`, in order.
fn generated(name: &'static str, chunk: usize, cases: u32, seed: u64) -> Vec<Vec<u8>> {
    let (mut runner, strategy) = job(name, chunk, cases, seed);
    let docs = std::cell::RefCell::new(Vec::new());
    runner
        .run(&strategy, |draft| {
            docs.borrow_mut().push(render(name, draft).into_bytes());
            Ok(())
        })
        .expect("generating never fails");
    docs.into_inner()
}

/// Documents where pydantic's defaults part from JSON Schema, for every message they fit.
fn pydantic_suspects() -> Vec<(&'static str, String)> {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let scalars = |extra: &str| {
        format!(
            r#"{{"user_id":"u","text":"ab","code":"123-ab","count":5,"big":1,"ratio":1,"open":0.5,"huge":1,"flag":true,"id":"f308a72c-fa84-11eb-9a03-0242ac130003","at":"2020-01-01T00:00:00Z","day":"2020-02-29","mail":"a@b.co","any":null{extra}}}"#
        )
    };
    let mut cases = vec![
        ("NoteRequestV1", r#"{"user_id":"u","note":"0123456789"}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","note":"😀😀😀😀😀😀😀😀😀😀"}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","org_id":null}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","org_id":""}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":1}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":NaN}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":Infinity}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":1e309}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":1e-400}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":"\ud800"}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":"\ud83d\ude00"}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","\udc00":1}"#.to_owned()),
        ("NoteRequestV1", r#"{"user_id":"u","x":"\\ud800"}"#.to_owned()),
        ("NoteRequestV1", format!(r#"{{"user_id":"u","x":{}}}"#, deep(126))),
        ("NoteRequestV1", format!(r#"{{"user_id":"u","x":{}}}"#, deep(127))),
        ("NoteRequestV1", format!(r#"{{"user_id":"u","x":"{}"}}"#, "[".repeat(300))),
        ("NoteRequestV1", "{\"user_id\":\"u\"}\n".to_owned()),
        ("NoteRequestV1", "\u{feff}{\"user_id\":\"u\"}".to_owned()),
        ("WhoAmIRequestV1", r#"{"user_id":"u","org_id":"o","user_id_":1}"#.to_owned()),
        ("WhoAmIRequestV1", r#"{"user_id":"u"}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1.0}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1e3}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":50e-1}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1.5}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":"1"}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":true}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":9223372036854775807}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":9223372036854775808}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":18446744073709551616}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1,"at":"2020-01-01T00:00:00"}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1,"at":"2020-01-01 00:00:00Z"}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1,"at":"2020-01-01T00:00:00Z\n"}"#.to_owned()),
        ("HeartbeatV1", r#"{"service":"s","seq":1,"at":1577836800}"#.to_owned()),
        ("PingV1", r#"{"n":-9223372036854775808}"#.to_owned()),
        ("PingV1", r#"{"n":-9223372036854775809}"#.to_owned()),
        ("PingV1", r#"{"n":-9223372036854775808.0}"#.to_owned()),
        ("PingV1", r#"{"n":9223372036854775807.0}"#.to_owned()),
        ("PingV1", r#"{"n":null,"note":null}"#.to_owned()),
        ("PingV1", r#"[null, null]"#.to_owned()),
        ("EnumsResponseV1", r#"{"user_id":"u","colour":"RED","odd":"A","size":"S","palette":[],"by_key":{}}"#.to_owned()),
        ("EnumsResponseV1", r#"{"user_id":"u","colour":"red","odd":"","size":"S","palette":["red","red"],"by_key":{}}"#.to_owned()),
        ("EnumsResponseV1", r#"{"user_id":"u","colour":"red","odd":"A","size":"S","palette":[],"by_key":{},"maybe_size":null}"#.to_owned()),
        ("EnumsResponseV1", r#"{"user_id":"u","colour":{"red":null},"odd":"A","size":"S","palette":[],"by_key":{}}"#.to_owned()),
        ("ScalarsRequestV1", scalars("")),
        ("ScalarsRequestV1", scalars(r#","id_":1"#)),
        ("ScalarsRequestV1", scalars(r#","maybe_id":"F308A72CFA8411EB9A030242AC130003""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_id":"urn:uuid:f308a72c-fa84-11eb-9a03-0242ac130003""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_at":"2020-01-01T00:00:00+01:00""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_at":"1998-12-31T23:59:60Z""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"Joe <joe@example.com>""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"\"joe bloggs\"@example.com""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"a@[IPv6:::1]""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"a@[IPv6:fe80::1%eth0]""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"a@xn--bcher-kva.example""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_mail":"a@b.co\n""#)),
        ("ScalarsRequestV1", scalars(r#","maybe_ratio":1e10"#)),
        ("ScalarsRequestV1", scalars(r#","maybe_ratio":10000000001"#)),
        ("ScalarsRequestV1", scalars(r#","huge":9007199254740993"#)),
        ("ScalarsRequestV1", scalars(r#","open":0"#)),
        ("ScalarsRequestV1", scalars(r#","flag":1"#)),
        ("ScalarsRequestV1", scalars(r#","any":[1,{"a":[true,null]}]"#)),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[1,1.0],"floats":[],"ids":[],"scores":{}}"#.to_owned()),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[],"floats":[],"ids":[],"scores":{},"blobs":[1,true]}"#.to_owned()),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[],"floats":[],"ids":[],"scores":{},"blobs":[{"a":1,"b":[0]},{"b":[0.0],"a":1.0}]}"#.to_owned()),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[],"floats":[],"ids":[],"scores":{},"points":[{"x":1,"y":0},{"x":1,"y":0,"label":null}]}"#.to_owned()),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[],"floats":[],"ids":["F308A72C-FA84-11EB-9A03-0242AC130003","f308a72c-fa84-11eb-9a03-0242ac130003"],"scores":{}}"#.to_owned()),
        ("CollectionsCommandV1", r#"{"user_id":"u","org_id":"o","matrix":[[1]],"tags":[],"ints":[9007199254740993,9007199254740992.0],"floats":[],"ids":[],"scores":{}}"#.to_owned()),
    ];
    for (what, bytes) in hostile::small_inputs() {
        if let Ok(text) = String::from_utf8(bytes) {
            cases.push(("NoteRequestV1", text));
        } else {
            let _ = what;
        }
    }
    cases
}

/// Every document of the corpus, with the Rust verdicts, in a fixed order.
fn corpus(total: usize, seed: u64) -> Vec<Case> {
    let jobs: Vec<(&'static str, usize)> = contractc_differential::MESSAGE_NAMES
        .iter()
        .flat_map(|n| (0..CHUNKS).map(move |c| (*n, c)))
        .collect();
    let per_job = total.div_ceil(jobs.len()) as u32;
    let next = AtomicUsize::new(0);
    let done: Mutex<BTreeMap<usize, Vec<Case>>> = Mutex::default();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(i) =
                    Some(next.fetch_add(1, Ordering::Relaxed)).filter(|i| *i < jobs.len())
                {
                    let (name, chunk) = jobs[i];
                    let cases = generated(name, chunk, per_job, seed)
                        .into_iter()
                        .map(|bytes| judge(name, bytes))
                        .collect();
                    done.lock().unwrap().insert(i, cases);
                }
            });
        }
    });
    let mut all: Vec<Case> = done.into_inner().unwrap().into_values().flatten().collect();
    all.extend(
        pydantic_suspects()
            .into_iter()
            .map(|(n, d)| judge(n, d.into_bytes())),
    );
    for (_, bytes) in hostile::small_inputs() {
        for name in contractc_differential::MESSAGE_NAMES {
            all.push(judge(name, bytes.clone()));
        }
    }
    all
}

fn judge(name: &'static str, bytes: Vec<u8>) -> Case {
    let v = harness().verdicts(name, &bytes);
    Case {
        name,
        typed: v.typed.is_ok(),
        schema: v.schema.to_string(),
        bytes,
    }
}

#[test]
fn pydantic_agrees_with_the_rust_and_json_schema_validators() {
    let root = python_env::workspace_root(env!("CARGO_MANIFEST_DIR"));
    let Some(python) = python_env::python(&root) else {
        return;
    };
    let started = Instant::now();
    let total = env_number("DIFFERENTIAL_CASES", DEFAULT_CASES as u64) as usize;
    let seed = env_number("DIFFERENTIAL_SEED", 0x5EED);
    let cases = corpus(total, seed);
    let generated_in = started.elapsed();

    let dir = tempfile::tempdir().expect("temporary directory");
    let package = python_env::write_package(&catalog_dir(), dir.path());
    let mut corpus_file = Vec::new();
    for c in &cases {
        corpus_file.extend_from_slice(format!("{}\t{}\n", c.name, c.bytes.len()).as_bytes());
        corpus_file.extend_from_slice(&c.bytes);
        corpus_file.push(b'\n');
    }
    let corpus_path = dir.path().join("corpus.bin");
    let verdicts_path = dir.path().join("verdicts.txt");
    std::fs::write(&corpus_path, corpus_file).expect("write the corpus");
    let judge = root.join("tests/differential/python/judge.py");
    let python_started = Instant::now();
    let output = python_env::run(
        &python,
        "python",
        &[
            judge.to_str().unwrap(),
            &harness().catalog.config.python.package,
            corpus_path.to_str().unwrap(),
            verdicts_path.to_str().unwrap(),
        ],
        dir.path(),
        &[&package],
        b"",
    );
    assert!(
        output.status.success(),
        "judge.py failed: {}",
        python_env::describe(&output)
    );
    let python_took = python_started.elapsed();
    let verdicts = std::fs::read_to_string(&verdicts_path).expect("read the verdicts");
    let verdicts: Vec<&str> = verdicts.lines().collect();
    assert_eq!(verdicts.len(), cases.len(), "one verdict per document");

    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut report = String::new();
    let mut disagreements = 0;
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    for (case, pydantic) in cases.iter().zip(&verdicts) {
        let schema_ok = case.schema == "ok";
        let pydantic_ok = *pydantic == "ok";
        let entry = tally.entry(case.name).or_default();
        if schema_ok {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
        if case.typed == schema_ok && schema_ok == pydantic_ok {
            continue;
        }
        disagreements += 1;
        *classes.entry(class_of(&case.schema, pydantic)).or_default() += 1;
        if disagreements <= 20 {
            let shown: String = String::from_utf8_lossy(&case.bytes)
                .chars()
                .take(600)
                .collect();
            let _ = write!(
                report,
                "\n{}: {shown}\n  typed: {}\n  schema: {}\n  pydantic: {pydantic}\n",
                case.name,
                if case.typed { "ok" } else { "invalid" },
                case.schema,
            );
        }
    }
    let (valid, invalid) = tally.values().fold((0, 0), |(v, i), t| (v + t.0, i + t.1));
    eprintln!(
        "three-way differential: {} documents ({valid} valid, {invalid} invalid) across {} messages, \
         {disagreements} disagreements among Rust typed, JSON Schema and pydantic; generated and judged \
         in Rust in {generated_in:.1?}, by pydantic in {python_took:.1?} (DIFFERENTIAL_SEED={seed})",
        cases.len(),
        tally.len(),
    );
    let classes: Vec<String> = classes
        .iter()
        .map(|(c, n)| format!("  {n:>6} {c}"))
        .collect();
    assert!(
        disagreements == 0,
        "{disagreements} of {} documents get another verdict from pydantic, by kind:\n{}\nthe first ones:{report}",
        cases.len(),
        classes.join("\n")
    );
}

/// A disagreement's kind: the verdicts with pointers, digits and quoted text taken out.
fn class_of(schema: &str, pydantic: &str) -> String {
    let strip = |text: &str| -> String {
        let first = text.split("; ").next().unwrap_or_default();
        let message = first.split_once(": ").map_or(first, |(_, m)| m);
        message
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .take(70)
            .collect()
    };
    let schema = if schema == "ok" {
        "ok".to_owned()
    } else {
        strip(schema.trim_start_matches("invalid: "))
    };
    let pydantic = if pydantic == "ok" {
        "ok".to_owned()
    } else {
        strip(pydantic.split_once('\t').map_or("", |(_, m)| m))
    };
    format!("schema {schema} | pydantic {pydantic}")
}
