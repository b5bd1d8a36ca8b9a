//! Validating a valid value allocates nothing; the first violation is where allocation starts.

#![allow(clippy::unwrap_used)]

use std::alloc::System;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use contractc_runtime::{Path, Validate, Violations, check};
use regex::Regex;
use serde_json::{Value, json};
use stats_alloc::{Region, StatsAlloc};

#[global_allocator]
static GLOBAL: StatsAlloc<System> = StatsAlloc::system();

/// Allocations made while `f` runs (this file holds one test, so no other test thread
/// allocates meanwhile).
fn allocations_during(f: impl FnOnce()) -> usize {
    let region = Region::new(&GLOBAL);
    f();
    region.change().allocations
}

static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[A-Z]{2}[0-9]+").unwrap());

/// Shaped like a generated message: nested records, lists, maps, options.
struct Batch {
    code: String,
    essays: Vec<Essay>,
    tags: Vec<i64>,
    extra: Vec<Value>,
    scores: BTreeMap<String, f64>,
}

struct Essay {
    title: Option<String>,
    words: i64,
}

impl Validate for Batch {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        let code = path.key("code");
        out.push_opt(&code, check::pattern(&self.code, &CODE));
        out.push_opt(&code, check::max_length(&self.code, 8));
        let essays = path.key("essays");
        out.push_opt(&essays, check::min_items(&self.essays, 1));
        self.essays.validate_at(&essays, out);
        out.push_opt(&path.key("tags"), check::unique_items(&self.tags));
        out.push_opt(&path.key("extra"), check::unique_items(&self.extra));
        let scores = path.key("scores");
        for (k, v) in &self.scores {
            out.push_opt(&scores.key(k), check::exclusive_max(*v, 1.0));
        }
    }
}

impl Validate for Essay {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        if let Some(title) = &self.title {
            out.push_opt(&path.key("title"), check::min_length(title, 1));
        }
        let words = path.key("words");
        out.push_opt(&words, check::min(self.words, 1));
        out.push_opt(&words, check::max(self.words, 10_000));
    }
}

fn batch(words: i64) -> Batch {
    let essay = |title: Option<&str>| Essay {
        title: title.map(str::to_owned),
        words,
    };
    Batch {
        code: "AB12".into(),
        essays: vec![essay(Some("Über")), essay(None), essay(Some("\u{1F600}"))],
        tags: vec![1, 2, 3],
        extra: vec![json!(1), json!({"a": [1, 2]}), json!("1")],
        scores: BTreeMap::from([("a/b".to_owned(), 0.5), ("c".to_owned(), 0.9)]),
    }
}

#[test]
fn valid_values_allocate_nothing_invalid_ones_report() {
    let ok = batch(10);
    // The regex crate grows its lazy-DFA cache while it meets new inputs (its allocation,
    // amortised, not ours): warm it up on the same value first.
    assert!(ok.validate().is_ok());
    let mut result = None;
    let n = allocations_during(|| result = Some(ok.validate()));
    assert!(result.unwrap().is_ok());
    assert_eq!(n, 0, "validation of a valid value allocated");

    let bad = batch(0);
    let mut result = None;
    let n = allocations_during(|| result = Some(bad.validate()));
    let err = result.unwrap().unwrap_err();
    assert!(n > 0);
    assert_eq!(
        err.to_string(),
        "/essays/0/words: less than 1; /essays/1/words: less than 1; /essays/2/words: less than 1"
    );
}
