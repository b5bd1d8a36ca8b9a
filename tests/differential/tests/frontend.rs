//! The front-end and the generator never panic: random and mutated YAML catalogs (lines
//! deleted, duplicated, swapped; values swapped; random bytes; random indentation; contract
//! keywords in random places) go through `check_files` and `generate`. Every outcome is
//! either outputs whose Rust parses with syn and whose JSON Schemas parse as JSON, or
//! diagnostics that all name a file and a line ≥ 1 (C0009, the empty catalog, names none).
//! `FRONTEND_CASES` sets the number of catalogs (default 300).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use contractc::emit::rust::Templates;
use contractc::{Code, Diagnostics, SourceMap};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

/// A catalog in memory: (path relative to the catalog root, bytes).
type Files = Vec<(PathBuf, Vec<u8>)>;

/// Every YAML file below `dir`, with paths relative to it, in sorted order.
fn read_catalog(dir: &Path) -> Files {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The reference catalog and the differential catalog.
fn seeds() -> Vec<Files> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![
        read_catalog(&root.join("../../schemas")),
        read_catalog(&root.join("catalog")),
    ]
}

/// Words and punctuation of the contract language and of YAML, spliced in at random.
const VOCAB: &[&str] = &[
    "name",
    "kind",
    "fields",
    "identity",
    "user_id",
    "org_id",
    "required",
    "optional",
    "exempt",
    "type",
    "values",
    "list<",
    "map<string, ",
    ">",
    "?",
    "enum",
    "record",
    "request",
    "event",
    "command",
    "response",
    "min",
    "max",
    "exclusive_min",
    "min_length",
    "max_length",
    "pattern",
    "unique",
    "items",
    "default",
    "caused_by",
    "topic",
    "version",
    "deprecated",
    "unknown_fields",
    "reject",
    "ignore",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    ",",
    "&a ",
    "*a",
    "!tag ",
    "|",
    ">-",
    "'\\d+(a|b)'",
    "'(?=x)'",
    "\"",
    "1e400",
    "-1",
    "9223372036854775808",
    "9007199254740993.0",
    "true",
    "null",
    "~",
    "ü",
    "\t",
    "#",
    "---",
    "...",
    "%YAML 1.2",
    "CourseCodeV1",
    "TreeNodeV1",
    "PointV1",
    "uuid",
    "datetime",
    "json",
    "email",
    "string?",
    "list<list<uuid>>",
    "int",
    "float",
    "userId",
    "tenant_id",
    "\u{FEFF}",
    "\0",
];

/// One edit of a file's text.
#[derive(Clone, Debug)]
enum Op {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    SwapValues(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Indent(usize, i8),
    ReplaceValue(usize, &'static str),
    InsertWord(usize, &'static str),
    Truncate(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let n = any::<usize>;
    prop_oneof![
        n().prop_map(Op::DeleteLine),
        n().prop_map(Op::DuplicateLine),
        (n(), n()).prop_map(|(a, b)| Op::SwapLines(a, b)),
        (n(), n()).prop_map(|(a, b)| Op::SwapValues(a, b)),
        (n(), proptest::collection::vec(any::<u8>(), 1..4))
            .prop_map(|(a, b)| Op::InsertBytes(a, b)),
        (n(), -4..=4i8).prop_map(|(a, d)| Op::Indent(a, d)),
        (n(), select(VOCAB)).prop_map(|(a, w)| Op::ReplaceValue(a, w)),
        (n(), select(VOCAB)).prop_map(|(a, w)| Op::InsertWord(a, w)),
        n().prop_map(Op::Truncate),
    ]
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// The position of `": "` (a mapping value) in a line.
fn value_start(line: &[u8]) -> Option<usize> {
    line.windows(2).position(|w| w == b": ").map(|i| i + 2)
}

fn apply(bytes: &[u8], op: &Op) -> Vec<u8> {
    let mut lines = split_lines(bytes);
    let n = lines.len();
    match op {
        Op::DeleteLine(a) => {
            lines.remove(a % n);
        }
        Op::DuplicateLine(a) => {
            let l = lines[a % n].clone();
            lines.insert(a % n, l);
        }
        Op::SwapLines(a, b) => lines.swap(a % n, b % n),
        Op::SwapValues(a, b) => {
            let (a, b) = (a % n, b % n);
            if let (Some(i), Some(j)) = (value_start(&lines[a]), value_start(&lines[b])) {
                let va = lines[a].split_off(i);
                let vb = lines[b].split_off(j);
                lines[a].extend(vb);
                lines[b].extend(va);
            }
        }
        Op::InsertBytes(at, ins) => {
            let mut out = bytes.to_vec();
            let at = at % (out.len() + 1);
            out.splice(at..at, ins.iter().copied());
            return out;
        }
        Op::Indent(a, d) => {
            let line = &mut lines[a % n];
            if *d > 0 {
                line.splice(0..0, std::iter::repeat_n(b' ', *d as usize));
            } else {
                let spaces = line.iter().take_while(|&&b| b == b' ').count();
                line.drain(..spaces.min(d.unsigned_abs() as usize));
            }
        }
        Op::ReplaceValue(a, w) => {
            let line = &mut lines[a % n];
            let i = value_start(line).unwrap_or(line.len());
            line.truncate(i);
            line.extend_from_slice(w.as_bytes());
        }
        Op::InsertWord(at, w) => {
            let mut out = bytes.to_vec();
            let at = at % (out.len() + 1);
            out.splice(at..at, w.bytes());
            return out;
        }
        Op::Truncate(at) => return bytes[..at % (bytes.len() + 1)].to_vec(),
    }
    lines.join(&b'\n')
}

/// A YAML-like file of random lines made of the vocabulary.
fn random_file() -> impl Strategy<Value = Vec<u8>> {
    let line = (0..6usize, proptest::collection::vec(select(VOCAB), 1..5))
        .prop_map(|(indent, words)| format!("{}{}", " ".repeat(indent), words.concat()));
    proptest::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n").into_bytes())
}

/// A catalog: a seed with edits to some of its files, and maybe one random file added.
#[derive(Clone, Debug)]
struct Case {
    seed: usize,
    edits: Vec<(usize, Vec<Op>)>,
    extra: Option<Vec<u8>>,
}

fn case() -> impl Strategy<Value = Case> {
    let edits = proptest::collection::vec(
        (any::<usize>(), proptest::collection::vec(op(), 1..4)),
        0..3,
    );
    (
        0..2usize,
        edits,
        proptest::option::weighted(0.3, random_file()),
    )
        .prop_map(|(seed, edits, extra)| Case { seed, edits, extra })
}

fn build(seeds: &[Files], case: &Case) -> Files {
    let mut files = seeds[case.seed].clone();
    for (which, ops) in &case.edits {
        let i = which % files.len();
        for op in ops {
            files[i].1 = apply(&files[i].1, op);
        }
    }
    if let Some(extra) = &case.extra {
        files.push((PathBuf::from("zz_random.yaml"), extra.clone()));
    }
    files
}

/// Every diagnostic names a file of the catalog and a line ≥ 1 (C0009 names none).
fn positioned(diags: &Diagnostics, sources: &SourceMap) -> Result<(), String> {
    for d in diags.iter().filter(|d| d.code != Code::EmptyCatalog) {
        let Some(pos) = d.pos else {
            return Err(format!("{:?} has no position: {}", d.code, d.message));
        };
        if pos.line < 1 || sources.path(pos.file).as_os_str().is_empty() {
            return Err(format!("{:?} at {pos:?}: {}", d.code, d.message));
        }
    }
    Ok(())
}

/// Checks and, when clean, generates; the outcome must be one of the two allowed shapes.
fn outcome(files: Files) -> Result<bool, String> {
    let inputs = files
        .into_iter()
        .map(|(rel, bytes)| (rel.clone(), rel, bytes))
        .collect();
    let checked = contractc::Checked::from_files(inputs);
    positioned(&checked.diagnostics, &checked.sources)?;
    let Some(catalog) = checked.emittable() else {
        return Ok(false);
    };
    match contractc::build::generate(catalog, &Templates::builtin(), Default::default()) {
        Err(diags) => positioned(&diags, &checked.sources).map(|()| false),
        Ok(outputs) => {
            for (path, bytes) in &outputs.files {
                let text = std::str::from_utf8(bytes).map_err(|e| format!("{path:?}: {e}"))?;
                if path.extension().is_some_and(|e| e == "rs") {
                    syn::parse_file(text).map_err(|e| format!("{path:?} does not parse: {e}"))?;
                } else if path.extension().is_some_and(|e| e == "json") {
                    serde_json::from_str::<serde_json::Value>(text)
                        .map_err(|e| format!("{path:?}: {e}"))?;
                }
                // The Python package (the reference catalog's config asks for it) is text;
                // tests/python.rs has Python itself check what it says.
            }
            Ok(true)
        }
    }
}

/// Runs `cases` catalogs from the generator seeded with `seed`; how many generated cleanly.
fn run(seeds: &[Files], seed: u8, cases: u32) -> Result<usize, String> {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let generated = std::cell::Cell::new(0);
    let result = runner.run(&case(), |case| {
        let files = build(seeds, &case);
        match std::panic::catch_unwind(|| outcome(files)) {
            Ok(Ok(clean)) => {
                generated.set(generated.get() + usize::from(clean));
                Ok(())
            }
            Ok(Err(why)) => Err(TestCaseError::fail(why)),
            Err(_) => Err(TestCaseError::fail("panicked")),
        }
    });
    match result {
        Ok(()) => Ok(generated.get()),
        Err(TestError::Fail(why, case)) => Err(describe(seeds, &why.to_string(), &case)),
        Err(e) => Err(e.to_string()),
    }
}

/// The failure, with the edited files of the minimal case.
fn describe(seeds: &[Files], why: &str, case: &Case) -> String {
    let files = build(seeds, case);
    let n = seeds[case.seed].len();
    let edited: Vec<usize> = case.edits.iter().map(|(i, _)| i % n).collect();
    let shown: Vec<String> = files
        .iter()
        .enumerate()
        .filter(|(i, _)| edited.contains(i) || *i >= n)
        .map(|(_, (p, b))| format!("--- {}\n{}", p.display(), String::from_utf8_lossy(b)))
        .collect();
    format!("{why}\nminimal case: {case:?}\n{}", shown.join("\n"))
}

#[test]
fn mutated_catalogs_give_outputs_or_positioned_diagnostics() {
    let seeds = seeds();
    assert!(
        outcome(seeds[0].clone()).unwrap(),
        "the reference catalog generates"
    );
    assert!(
        outcome(seeds[1].clone()).unwrap(),
        "the differential catalog generates"
    );
    let cases: u32 = std::env::var("FRONTEND_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    // Two generators on two threads: `generate` dominates and the machine has two cores.
    let results: Vec<Result<usize, String>> = std::thread::scope(|s| {
        let seeds = &seeds;
        let handles: Vec<_> = [7u8, 8]
            .map(|seed| s.spawn(move || run(seeds, seed, cases.div_ceil(2))))
            .into();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut generated = 0;
    for r in results {
        generated += r.unwrap_or_else(|why| panic!("{why}"));
    }
    eprintln!(
        "frontend: {cases} mutated catalogs, {generated} generated cleanly, the rest diagnosed"
    );
    // Both outcomes must occur, or the mutations test only one path.
    assert!(generated > cases as usize / 20 && generated < cases as usize);
}
