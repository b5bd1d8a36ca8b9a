//! The one gate between checking and generating (cxx's `Errors::propagate`): emitters take a
//! [`CheckedCatalog`], which only a run with no error hands out, and check nothing again.

use crate::model::{Catalog, Facts};
use std::ops::Deref;

/// A catalog in which parsing, resolving and every check found no error, with its facts.
/// Emitters take this and trust it: every reference resolves, every message has an identity,
/// every pattern compiles. Outside this crate there is no way to make one but
/// [`crate::Checked::emittable`].
#[derive(Debug, Clone, Copy)]
pub struct CheckedCatalog<'a> {
    catalog: &'a Catalog,
    facts: &'a Facts,
}

impl<'a> CheckedCatalog<'a> {
    /// Vouches for `catalog`: called only by [`crate::Checked::emittable`] once it has seen
    /// that no phase found an error.
    pub(crate) fn vouch(catalog: &'a Catalog, facts: &'a Facts) -> Self {
        CheckedCatalog { catalog, facts }
    }

    /// The catalog.
    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// What was derived from it: Rust names, boxing.
    pub fn facts(&self) -> &'a Facts {
        self.facts
    }
}

impl Deref for CheckedCatalog<'_> {
    type Target = Catalog;

    fn deref(&self) -> &Catalog {
        self.catalog
    }
}
