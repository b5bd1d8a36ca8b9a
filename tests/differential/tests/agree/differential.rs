//! The differential property: for every message, many generated and mutated documents, each
//! judged by both validators; every verdict must agree. `DIFFERENTIAL_CASES` sets the number
//! of documents (default 100,000), `DIFFERENTIAL_SEED` the seed (default fixed, so CI is
//! reproducible).

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

use super::json::J;
use super::{harness, mutate, values};

/// Documents per run unless `DIFFERENTIAL_CASES` says otherwise.
pub const DEFAULT_CASES: usize = 100_000;
/// Each message's documents are split into this many jobs, so the threads stay busy.
pub const CHUNKS: usize = 4;

pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Accepted and rejected documents of one message.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    valid: usize,
    invalid: usize,
}

/// Up to three mutations: (which path, which edit); none for about a third of documents.
pub fn mutations() -> BoxedStrategy<Vec<(usize, usize)>> {
    let one = (any::<usize>(), any::<usize>());
    prop_oneof![
        35 => Just(Vec::new()),
        50 => proptest::collection::vec(one, 1..=1),
        15 => proptest::collection::vec(one, 2..=3),
    ]
    .boxed()
}

/// A deterministic generator per (seed, message, chunk).
pub fn rng(seed: u64, name: &str, chunk: usize) -> TestRng {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    for (i, b) in name.bytes().enumerate() {
        bytes[8 + i % 16] ^= b.rotate_left(i as u32 % 8);
    }
    bytes[24..].copy_from_slice(&(chunk as u64).to_le_bytes());
    TestRng::from_seed(RngAlgorithm::ChaCha, &bytes)
}

/// A generated document and the mutations to apply to it.
pub type Draft = (J, Vec<(usize, usize)>);

/// The runner and strategy of one job: `cases` documents of message `name`, chunk `chunk`.
pub fn job(name: &str, chunk: usize, cases: u32, seed: u64) -> (TestRunner, BoxedStrategy<Draft>) {
    let h = harness();
    let def = h.catalog.get(name).expect("message");
    let strategy = (values::message(&h.catalog, def), mutations()).boxed();
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    (
        TestRunner::new_with_rng(config, rng(seed, name, chunk)),
        strategy,
    )
}

/// The document of a draft, its mutations applied, as text.
pub fn render(name: &str, (mut doc, edits): Draft) -> String {
    let h = harness();
    let def = h.catalog.get(name).expect("message");
    for (at, choice) in edits {
        mutate::mutate(&h.catalog, def, &mut doc, at, choice);
    }
    doc.render()
}

fn run_job(name: &str, chunk: usize, cases: u32, seed: u64) -> Result<Tally, String> {
    let h = harness();
    let (mut runner, strategy) = job(name, chunk, cases, seed);
    let (valid, invalid) = (Cell::new(0), Cell::new(0));
    let result = runner.run(&strategy, |draft| {
        let text = render(name, draft);
        let verdicts = h.verdicts(name, text.as_bytes());
        if !verdicts.agree() {
            let shown: String = text.chars().take(3000).collect();
            return Err(TestCaseError::fail(format!(
                "{shown}\n  {}",
                verdicts.describe()
            )));
        }
        let counter = if verdicts.accepted() {
            &valid
        } else {
            &invalid
        };
        counter.set(counter.get() + 1);
        Ok(())
    });
    match result {
        Ok(()) => Ok(Tally {
            valid: valid.get(),
            invalid: invalid.get(),
        }),
        Err(TestError::Fail(reason, _)) => Err(format!(
            "{name} (chunk {chunk}, DIFFERENTIAL_SEED={seed}): validators disagree on\n  {reason}"
        )),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

#[test]
fn typed_and_schema_validators_agree_on_every_document() {
    let started = Instant::now();
    let total = env_number("DIFFERENTIAL_CASES", DEFAULT_CASES as u64) as usize;
    let seed = env_number("DIFFERENTIAL_SEED", 0x5EED);
    let names: Vec<&str> = contractc_differential::MESSAGE_NAMES.to_vec();
    let jobs: Vec<(&str, usize)> = names
        .iter()
        .flat_map(|n| (0..CHUNKS).map(move |c| (*n, c)))
        .collect();
    let per_job = total.div_ceil(jobs.len()) as u32;
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len());
    let next = AtomicUsize::new(0);
    let tallies: Mutex<BTreeMap<&str, Tally>> = Mutex::default();
    let failures: Mutex<Vec<String>> = Mutex::default();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(&(name, chunk)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    match run_job(name, chunk, per_job, seed) {
                        Ok(t) => {
                            let mut all = tallies.lock().unwrap();
                            let entry = all.entry(name).or_default();
                            entry.valid += t.valid;
                            entry.invalid += t.invalid;
                        }
                        Err(e) => failures.lock().unwrap().push(e),
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let tallies = tallies.into_inner().unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for (name, t) in &tallies {
        eprintln!("  {name}: {} valid, {} invalid", t.valid, t.invalid);
        let n = t.valid + t.invalid;
        // A generator that only ever produces one verdict would test nothing.
        assert!(t.valid * 20 >= n && t.invalid * 20 >= n, "{name}: {t:?}");
        valid += t.valid;
        invalid += t.invalid;
    }
    eprintln!(
        "differential: {} documents ({valid} valid, {invalid} invalid) across {} messages, \
         0 disagreements, {:.1?} on {threads} threads (DIFFERENTIAL_SEED={seed})",
        valid + invalid,
        tallies.len(),
        started.elapsed(),
    );
    assert!(valid + invalid >= total);
}
