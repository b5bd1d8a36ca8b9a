//! Identity from JWT claims, threaded with `thread_identity!` through every hop of the
//! reference catalog's chain, from a batch registration to the usage the entitlements
//! service records, and charged org first.
//!
//! ```sh
//! cargo run -p contracts --example identity_threading
//! ```
//!
//! Runs the chain twice: for a teacher of a school (an `org_id` claim, so the school pays) and
//! for an individual teacher (no `org_id` claim, so the teacher pays).

#[path = "support/chain.rs"]
mod chain;

use contractc_runtime::chrono::DateTime;
use contractc_runtime::serde_json::{Value, json};
use contractc_runtime::{Identity, OrgId, QuotaSource, UserId};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut ledger = chain::Ledger::default();
    ledger.credit(QuotaSource::Org(OrgId::new("school-7")?), 1000);
    ledger.credit(QuotaSource::User(UserId::new("teacher-42")?), 10);
    let school = json!({"sub": "teacher-42", "org_id": "school-7", "exp": 1_900_000_000});
    let individual = json!({"sub": "teacher-42", "exp": 1_900_000_000});
    for claims in [school, individual] {
        run(&claims, &mut ledger)?;
    }
    println!("ledger:");
    for charge in &ledger.charges {
        let left = ledger.balance(&charge.source);
        println!(
            "  {} charged {} {} ({left} left)",
            charge.source, charge.amount, charge.resource
        );
    }
    Ok(())
}

/// Runs the chain for one set of claims and prints every hop.
fn run(claims: &Value, ledger: &mut chain::Ledger) -> Result<(), Box<dyn std::error::Error>> {
    let identity: Identity = chain::identity_from_claims(claims)?;
    println!("claims {claims}");
    let start = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+01:00")?;
    let hops = chain::run(&identity, ledger, start)?;
    for (n, hop) in hops.iter().enumerate() {
        println!("  {}. {hop}", n + 1);
    }
    println!();
    Ok(())
}
