//! Check: every rule of the language on the resolved model; checks push diagnostics and
//! never print.

pub mod causality;
pub mod constraints;
pub mod defaults;
mod gate;
pub mod identity;
pub mod naming;
pub mod records;
pub mod unique;

pub use gate::CheckedCatalog;

use crate::diag::Diagnostics;
use crate::model::{Catalog, Facts};

/// Runs every check; each one reports all it finds.
pub fn check(catalog: &Catalog, facts: &Facts, diags: &mut Diagnostics) {
    identity::check(catalog, diags);
    causality::check(catalog, diags);
    constraints::check(catalog, diags);
    unique::check(catalog, diags);
    defaults::check(catalog, diags);
    records::check(catalog, diags);
    naming::check(catalog, facts, diags);
}
