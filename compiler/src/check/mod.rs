//! Check: every rule of the language on the resolved model; checks push diagnostics and
//! never print.

pub mod causality;
pub mod constraints;
pub mod defaults;
pub mod identity;
pub mod naming;
pub mod records;

use crate::diag::Diagnostics;
use crate::model::Catalog;

/// Runs every check; each one reports all it finds.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    identity::check(catalog, diags);
    causality::check(catalog, diags);
    constraints::check(catalog, diags);
    defaults::check(catalog, diags);
    records::check(catalog, diags);
    naming::check(catalog, diags);
}
