//! Records: no record contains itself without indirection; deprecated types are flagged
//! where they are used.

use crate::diag::{Code, Diagnostics};
use crate::model::{Catalog, Kind};
use std::collections::BTreeMap;

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

/// Every field that closes a cycle of direct containment is reported: a field of record `R`
/// whose record `T` leads back to `R`, that is, `T` and `R` in one strongly connected
/// component of the direct-containment graph. One pass over all fields (a search per field
/// was quadratic in a record of 100,000 fields).
fn check_containment(catalog: &Catalog, diags: &mut Diagnostics) {
    let records: Vec<_> = catalog
        .definitions
        .values()
        .filter(|d| d.kind == Kind::Record)
        .collect();
    let index: BTreeMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.value.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = records
        .iter()
        .map(|r| {
            r.fields()
                .iter()
                .filter_map(|f| direct_ref(catalog, f).and_then(|n| index.get(n).copied()))
                .collect()
        })
        .collect();
    let component = components(&edges);
    for (i, record) in records.iter().enumerate() {
        for field in record.fields() {
            let Some(target) = direct_ref(catalog, field).and_then(|n| index.get(n)) else {
                continue;
            };
            if component[*target] == component[i] {
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

/// The strongly connected component of every node (Tarjan's algorithm, without recursion so
/// that a long chain of records cannot overflow the stack).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut order, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let (mut stack, mut on_stack) = (Vec::new(), vec![false; n]);
    let (mut next, mut components) = (0, 0);
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // Each frame: a node and how many of its edges have been followed.
        let mut frames = vec![(root, 0)];
        while let Some(&mut (node, ref mut edge)) = frames.last_mut() {
            if *edge == 0 && order[node] == UNSEEN {
                order[node] = next;
                low[node] = next;
                next += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = edges[node].get(*edge) {
                *edge += 1;
                if order[to] == UNSEEN {
                    frames.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = components;
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
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

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_group_exactly_the_nodes_on_a_common_cycle() {
        // 0 -> 1 -> 2 -> 0 is a cycle; 3 -> 3 is one; 4 -> 0 and 5 are on none.
        let edges = vec![vec![1], vec![2], vec![0, 3], vec![3], vec![0], vec![]];
        let c = components(&edges);
        assert!(c[0] == c[1] && c[1] == c[2]);
        assert!(c[3] != c[0] && c[4] != c[0] && c[5] != c[0] && c[4] != c[5]);
    }

    #[test]
    fn a_chain_of_a_million_nodes_does_not_overflow_the_stack() {
        let n = 1_000_000;
        let edges: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let c = components(&edges);
        assert!(c.iter().all(|&x| x == c[0]));
    }
}
