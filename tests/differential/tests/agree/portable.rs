//! Every validator agrees: documents from the differential generators, judged by `contractc
//! validate` (the `jsonschema` crate) and by the validators services in other languages run
//! on the emitted schemas: Python `jsonschema` and ajv (+ ajv-formats, `new Ajv2020()`), and,
//! with `PORTABLE_VALIDATORS=all`, check-jsonschema and `@cfworker/json-schema` too.
//!
//! The tools are installed by `.ci/run` (`tests/portable/install.sh`): a `.venv/` and
//! `tests/portable/node_modules`. Without them the test says so and passes, except under
//! `CI=true`, where it fails. `PORTABLE_DOCS` (documents per message, default 150),
//! `PORTABLE_CATALOGS` (catalog directories, `:`-separated; default this crate's catalog,
//! `schemas/` and the codegen fixture's) and `DIFFERENTIAL_SEED` set the run; `PORTABLE_OUT=DIR`
//! keeps the schemas, the corpus and the verdicts in DIR. ajv compiles
//! every schema with its defaults (`new Ajv2020()`, strict mode) and a warning fails the run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use contractc::Checked;
use contractc::emit::json_schema;
use contractc::model::Catalog;
use contractc_cli::validate::{SchemaValidator, Verdict};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};

use super::differential::{mutations, rng};
use super::{catalog_dir, mutate, values};

/// One document of the corpus with contractc's verdict.
pub struct Doc {
    /// Which catalog of the run (its schemas are under `c<catalog>/`).
    pub catalog: usize,
    /// The message it is validated as.
    pub name: String,
    /// Its text, one line.
    pub text: String,
    /// `contractc validate` accepts it.
    pub ok: bool,
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// A checked catalog: the model the generators read, and the gate the emitters take.
pub struct Loaded {
    /// The model, shared with the generators' strategies.
    pub catalog: Arc<Catalog>,
    /// What the checks found (nothing, or the catalog is not loaded).
    pub checked: Checked,
}

impl Loaded {
    /// The catalog as the emitters take it.
    fn emittable(&self) -> contractc::CheckedCatalog<'_> {
        self.checked.emittable().expect("a catalog without errors")
    }
}

/// `per_message` generated (and mostly mutated) documents for every message of `catalog`.
pub fn corpus(
    loaded: &Loaded,
    index: usize,
    per_message: usize,
    seed: u64,
    judges: &mut BTreeMap<(usize, String), SchemaValidator>,
) -> Vec<Doc> {
    let mut docs = Vec::new();
    let catalog = &loaded.catalog;
    for def in catalog.messages() {
        let name = def.name.value.as_str();
        let schema = SchemaValidator::new(loaded.emittable(), name).expect("schema compiles");
        let strategy = (values::message(catalog, def), mutations());
        let config = Config {
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new_with_rng(config, rng(seed, name, 99));
        for _ in 0..per_message {
            let (mut json, edits) = strategy.new_tree(&mut runner).expect("a tree").current();
            for (at, choice) in edits {
                mutate::mutate(catalog, def, &mut json, at, choice);
            }
            let text = json.render();
            let ok = schema.check(text.as_bytes()) == Verdict::Ok;
            docs.push(Doc {
                catalog: index,
                name: name.to_string(),
                text,
                ok,
            });
        }
        judges.insert((index, name.to_string()), schema);
    }
    docs
}

/// The workspace root (where `.venv/` is).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The command that runs `validator`, if its tools are installed.
fn command(validator: &str) -> Option<Command> {
    let tools = root().join("tests/portable");
    let (program, script) = match validator {
        "jsonschema" | "check-jsonschema" => (root().join(".venv/bin/python"), "validate.py"),
        _ => (PathBuf::from("node"), "validate.mjs"),
    };
    let installed = match validator {
        "jsonschema" | "check-jsonschema" => program.exists(),
        _ => tools.join("node_modules/ajv").exists(),
    };
    installed.then(|| {
        let mut c = Command::new(program);
        c.arg(tools.join(script));
        c
    })
}

/// Writes the schemas of every catalog and the corpus into `dir`.
fn write_inputs(dir: &Path, catalogs: &[Loaded], docs: &[Doc]) {
    for (i, loaded) in catalogs.iter().enumerate() {
        let sub = dir.join(format!("c{i}"));
        std::fs::create_dir_all(&sub).unwrap();
        for (name, schema) in json_schema::emit(loaded.emittable()) {
            let path = sub.join(format!("{name}.schema.json"));
            std::fs::write(path, json_schema::to_text(&schema)).unwrap();
        }
    }
    let mut corpus = String::new();
    for doc in docs {
        assert!(!doc.text.contains('\n'), "one line per document");
        corpus.push_str(&format!("c{}/{} {}\n", doc.catalog, doc.name, doc.text));
    }
    std::fs::write(dir.join("corpus.txt"), corpus).unwrap();
}

/// The verdicts of `validators` (one process per tool), by validator.
fn run(dir: &Path, validators: &[&str]) -> BTreeMap<String, Vec<bool>> {
    let mut out = BTreeMap::new();
    for group in [["jsonschema", "check-jsonschema"], ["ajv", "cfworker"]] {
        let wanted: Vec<&str> = validators
            .iter()
            .copied()
            .filter(|v| group.contains(v) || (group[0] == "ajv" && *v == "ajv-lax"))
            .collect();
        let Some(first) = wanted.first() else {
            continue;
        };
        let mut cmd = command(first).expect("checked before");
        let status = cmd.arg(dir).args(&wanted).status().expect("runs");
        assert!(status.success(), "{wanted:?} failed: {status}");
        for v in wanted {
            let text = std::fs::read_to_string(dir.join(format!("{v}.txt"))).unwrap();
            out.insert(v.to_string(), text.lines().map(|l| l == "ok").collect());
        }
    }
    out
}

/// The catalogs of a default run: this crate's, the reference catalog (`schemas/`, whose
/// schemas are `generated/jsonschema/`) and the codegen fixture's.
fn catalogs() -> Vec<Loaded> {
    let default = [
        catalog_dir(),
        root().join("schemas"),
        root().join("tests/fixtures/codegen/everything/catalog"),
    ]
    .map(|p| p.display().to_string())
    .join(":");
    env_or("PORTABLE_CATALOGS", &default)
        .split(':')
        .map(|dir| {
            let checked = contractc::check_dir(Path::new(dir));
            assert!(
                !checked.diagnostics.has_errors(),
                "{dir}: {:?}",
                checked.diagnostics
            );
            Loaded {
                catalog: Arc::new(checked.catalog().clone()),
                checked,
            }
        })
        .collect()
}

/// ajv's defaults compile every checked-in schema of `generated/jsonschema/`, without a warning.
#[test]
fn ajv_strict_mode_compiles_every_checked_in_schema() {
    let Some(mut node) = command("ajv") else {
        assert!(std::env::var_os("CI").is_none(), "CI: ajv not installed");
        eprintln!("portable: SKIPPED, ajv not installed (bash tests/portable/install.sh)");
        return;
    };
    let dir = root().join("generated/jsonschema");
    let out = node.arg("--compile").arg(&dir).output().expect("node runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    let schemas = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".schema.json")
        })
        .count();
    assert!(
        text.contains(&format!("{schemas} schemas compile")),
        "{text}"
    );
    eprintln!("portable: {}", text.trim());
}

#[test]
fn every_validator_agrees_with_contractc() {
    let started = Instant::now();
    let all = env_or("PORTABLE_VALIDATORS", "jsonschema,ajv");
    let validators: Vec<&str> = match all.as_str() {
        "all" => vec!["jsonschema", "check-jsonschema", "ajv", "cfworker"],
        list => list.split(',').collect(),
    };
    let missing: Vec<&str> = validators
        .iter()
        .copied()
        .filter(|v| command(v).is_none())
        .collect();
    if !missing.is_empty() {
        let hint = "install them with `bash tests/portable/install.sh`";
        assert!(
            std::env::var_os("CI").is_none(),
            "CI: {missing:?} not installed; {hint}"
        );
        eprintln!("portable: SKIPPED, {missing:?} not installed; {hint}");
        return;
    }
    let per_message: usize = env_or("PORTABLE_DOCS", "150").parse().unwrap();
    let seed: u64 = env_or("DIFFERENTIAL_SEED", "24301").parse().unwrap();
    let catalogs = catalogs();
    let mut judges = BTreeMap::new();
    let docs: Vec<Doc> = catalogs
        .iter()
        .enumerate()
        .flat_map(|(i, c)| corpus(c, i, per_message, seed, &mut judges))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    // `PORTABLE_OUT` keeps the schemas, the corpus and the verdicts there, to look at.
    let dir = std::env::var_os("PORTABLE_OUT").map_or(dir.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    write_inputs(&dir, &catalogs, &docs);
    let verdicts = run(&dir, &validators);
    let schemas: usize = catalogs.iter().map(|c| c.catalog.messages().count()).sum();
    let mut unexplained = Vec::new();
    for (validator, answers) in &verdicts {
        assert_eq!(
            answers.len(),
            docs.len(),
            "{validator}: one verdict per document"
        );
        let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut agree = 0;
        for (doc, &ok) in docs.iter().zip(answers) {
            if ok == doc.ok {
                agree += 1;
                continue;
            }
            let schema = &judges[&(doc.catalog, doc.name.clone())];
            let judge = |text: &str| schema.check(text.as_bytes()) == Verdict::Ok;
            let class = super::classes::classify(validator, ok, doc, &judge);
            *classes.entry(class.unwrap_or("unexplained")).or_default() += 1;
            if class.is_none() && unexplained.len() < 40 {
                let verdict = if doc.ok { "ok" } else { "invalid" };
                let shown: String = doc.text.chars().take(400).collect();
                unexplained.push(format!(
                    "{validator} says {} where contractc says {verdict}: {} {shown}",
                    if ok { "ok" } else { "invalid" },
                    doc.name
                ));
            }
        }
        let share = 100.0 * agree as f64 / docs.len() as f64;
        eprintln!(
            "portable: {validator}: {agree} of {} documents agree ({share:.2}%) over {schemas} \
             schemas; disagreements by class: {classes:?}",
            docs.len()
        );
    }
    let valid = docs.iter().filter(|d| d.ok).count();
    eprintln!(
        "portable: {} documents ({valid} valid) in {:.1?}",
        docs.len(),
        started.elapsed()
    );
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}
