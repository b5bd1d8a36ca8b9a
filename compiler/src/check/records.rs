//! Records: no record contains itself without indirection; deprecated types are flagged
//! where they are used.

use crate::diag::{Code, Diagnostics};
use crate::model::{Catalog, Kind};
use std::collections::{BTreeMap, BTreeSet};

/// Runs the record checks.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    check_containment(catalog, diags);
    check_deprecated_use(catalog, diags);
}

/// The record a field holds directly (not through `?`, `list<>` or `map<>`).
fn direct_ref<'a>(catalog: &'a Catalog, field: &crate::model::Field) -> Option<&'a str> {
    let record = catalog
        .direct_record(&field.spec)
        .filter(|_| !field.optional)?;
    Some(record.name.value.as_str())
}

/// Every record in a cycle of direct containment is reported at the field that closes it.
fn check_containment(catalog: &Catalog, diags: &mut Diagnostics) {
    let records: Vec<_> = catalog
        .definitions
        .values()
        .filter(|d| d.kind == Kind::Record)
        .collect();
    for record in &records {
        // Is `record` reachable from itself through direct references? Breadth-first, bounded
        // by the number of records.
        for field in record.fields() {
            let Some(first) = direct_ref(catalog, field) else {
                continue;
            };
            let mut seen = BTreeSet::new();
            let mut queue = vec![first];
            let mut cycle = false;
            while let Some(name) = queue.pop() {
                if name == record.name.value {
                    cycle = true;
                    break;
                }
                if !seen.insert(name) {
                    continue;
                }
                if let Some(def) = catalog.get(name) {
                    queue.extend(def.fields().iter().filter_map(|f| direct_ref(catalog, f)));
                }
            }
            if cycle {
                diags.emit(
                    Code::RecursiveRecord,
                    field.name.pos,
                    format!(
                        "`{}.{}` makes `{}` contain itself: no value of it could ever be written",
                        record.name.value, field.name.value, record.name.value
                    ),
                );
            }
        }
    }
}

fn check_deprecated_use(catalog: &Catalog, diags: &mut Diagnostics) {
    let deprecated: BTreeMap<&str, &str> = catalog
        .definitions
        .values()
        .filter_map(|d| Some((d.name.value.as_str(), d.deprecated.as_deref()?)))
        .collect();
    if deprecated.is_empty() {
        return;
    }
    for def in catalog
        .definitions
        .values()
        .filter(|d| d.deprecated.is_none())
    {
        for field in def.fields().iter().filter(|f| f.deprecated.is_none()) {
            if let Some(name) = field.spec.reference()
                && let Some(reason) = deprecated.get(name)
            {
                diags.emit(
                    Code::DeprecatedUse,
                    field.name.pos,
                    format!(
                        "`{}.{}` uses `{name}`, which is deprecated: {reason}",
                        def.name.value, field.name.value
                    ),
                );
            }
        }
    }
}
