//! The identity threading chain of the reference catalog: the identity from the claims reaches
//! the last hop unchanged, usage is charged org first, and invalid claims are refused.

#[path = "../generated/examples/support/chain.rs"]
mod chain;

use chain::{ChainError, Charge, Ledger};
use contractc_runtime::chrono::{DateTime, FixedOffset};
use contractc_runtime::serde_json::{Value, json};
use contractc_runtime::{ClaimsError, Identity, OrgId, QuotaSource, UserId};
use contracts::ResourceTypeV1;

/// The wire names of the chain, in causal order (each `caused_by` the one before).
const CHAIN: [&str; 9] = [
    "BatchRegistrationRequestV1",
    "BatchRegistrationResponseV1",
    "ClientBatchPipelineRequestV1",
    "EntitlementCheckRequestV1",
    "EntitlementCheckResponseV1",
    "BatchServiceCJAssessmentInitiateCommandDataV1",
    "ELS_CJAssessmentRequestV1",
    "ResourceConsumptionReportedV1",
    "UsageRecordedV1",
];

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T09:00:00+01:00").unwrap()
}

fn user(id: &str) -> QuotaSource {
    QuotaSource::User(UserId::new(id).unwrap())
}

fn org(id: &str) -> QuotaSource {
    QuotaSource::Org(OrgId::new(id).unwrap())
}

/// A ledger where user `u-1` and org `acme` have 100 credits each.
fn funded() -> Ledger {
    let mut ledger = Ledger::default();
    ledger.credit(user("u-1"), 100);
    ledger.credit(org("acme"), 100);
    ledger
}

/// Runs the chain from `claims` on a funded ledger: the identity, the hops and the ledger.
fn run(claims: Value) -> (Identity, Vec<chain::Hop>, Ledger) {
    let identity = chain::identity_from_claims(&claims).unwrap();
    let mut ledger = funded();
    let hops = chain::run(&identity, &mut ledger, start()).unwrap();
    (identity, hops, ledger)
}

#[test]
fn the_chain_visits_every_hop_in_causal_order() {
    let (_, hops, _) = run(json!({"sub": "u-1"}));
    let names: Vec<&str> = hops.iter().map(|h| h.name).collect();
    assert_eq!(names, CHAIN);
}

#[test]
fn each_hop_is_caused_by_the_one_before_in_the_catalog() {
    let edges = caused_by_edges();
    for pair in CHAIN.windows(2) {
        let causes = edges.get(pair[1]).map(Vec::as_slice).unwrap_or_default();
        assert!(
            causes.iter().any(|c| c == pair[0]),
            "{} <- {causes:?}",
            pair[1]
        );
    }
}

/// `name -> caused_by` of every definition in `../schemas`, read from the YAML text (the
/// catalog writes `caused_by` as a one-line flow list).
fn caused_by_edges() -> std::collections::BTreeMap<String, Vec<String>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let mut edges = std::collections::BTreeMap::new();
    for text in yaml_files(&root) {
        for doc in text.split("\n---\n") {
            let value = |key: &str| {
                doc.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.split('#').next().unwrap_or_default().trim().to_owned())
            };
            let (Some(name), Some(list)) = (value("name:"), value("caused_by:")) else {
                continue;
            };
            let list = list.trim_start_matches('[').trim_end_matches(']');
            let causes = list.split(',').map(|c| c.trim().to_owned()).collect();
            edges.insert(name, causes);
        }
    }
    edges
}

/// The text of every `.yaml` file below `dir`.
fn yaml_files(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(std::fs::read_to_string(path).unwrap());
        }
    }
    out
}

#[test]
fn a_user_without_org_is_charged_to_the_user() {
    let (identity, hops, ledger) = run(json!({"sub": "u-1"}));
    assert_eq!(identity.org_id, None);
    let last = hops.last().unwrap();
    assert_eq!(last.identity, identity);
    assert_eq!(last.quota_source.to_string(), "user:u-1");
    assert!(hops.iter().all(|h| h.quota_source == user("u-1")));
    let charge = Charge {
        source: user("u-1"),
        resource: ResourceTypeV1::CjComparisons,
        amount: 3,
    };
    assert_eq!(ledger.charges, [charge]);
    assert_eq!(ledger.balance(&user("u-1")), 97);
    assert_eq!(ledger.balance(&org("acme")), 100);
}

#[test]
fn a_user_of_an_org_is_charged_to_the_org() {
    let (identity, hops, ledger) = run(json!({"sub": "u-1", "org_id": "acme"}));
    assert_eq!(identity.org_id, Some(OrgId::new("acme").unwrap()));
    let last = hops.last().unwrap();
    assert_eq!(last.identity, identity);
    assert_eq!(last.quota_source.to_string(), "org:acme");
    assert!(hops.iter().all(|h| h.identity == identity));
    assert_eq!(ledger.charges.len(), 1);
    assert_eq!(ledger.charges[0].source.to_string(), "org:acme");
    assert_eq!(ledger.balance(&org("acme")), 97);
    assert_eq!(ledger.balance(&user("u-1")), 100);
}

#[test]
fn without_credit_the_run_is_denied_and_nothing_is_charged() {
    let identity = chain::identity_from_claims(&json!({"sub": "u-2"})).unwrap();
    let mut ledger = funded();
    let err = chain::run(&identity, &mut ledger, start()).unwrap_err();
    assert!(
        matches!(&err, ChainError::Denied { available: 0, .. }),
        "{err}"
    );
    assert_eq!(err.to_string(), "run denied: user:u-2 has 0 left");
    assert!(ledger.charges.is_empty());
}

#[test]
fn invalid_claims_are_errors() {
    let missing = chain::identity_from_claims(&json!({"org_id": "acme"})).unwrap_err();
    assert!(matches!(&missing, ClaimsError::Missing { claim } if claim == "sub"));
    let empty = chain::identity_from_claims(&json!({"sub": ""})).unwrap_err();
    assert_eq!(
        empty.to_string(),
        "claim `sub` is invalid: must not be empty"
    );
    let long = chain::identity_from_claims(&json!({"sub": "x".repeat(300)})).unwrap_err();
    assert_eq!(
        long.to_string(),
        "claim `sub` is invalid: longer than 255 characters (300 characters)"
    );
    let bad_org = chain::identity_from_claims(&json!({"sub": "u", "org_id": ""}));
    assert!(bad_org.is_err());
}
