//! `caused_by`: known messages, no cycles, and identity never weakened downstream.

use crate::diag::{Code, Diagnostic, Diagnostics, suggest};
use crate::model::{Catalog, Definition, Identity, OrgPolicy};
use std::collections::BTreeMap;

/// Runs every check of §4.3.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    for def in catalog.messages() {
        for cause in &def.caused_by {
            match catalog.get(&cause.value) {
                None => {
                    let mut d = Diagnostic::new(
                        Code::UnknownCause,
                        cause.pos,
                        format!("`caused_by` names `{}`, which is not defined", cause.value),
                    );
                    if let Some(s) = suggest(
                        &cause.value,
                        catalog.messages().map(|m| m.name.value.as_str()),
                    ) {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    diags.push(d);
                }
                Some(up) if !up.kind.is_message() => diags.emit(
                    Code::CauseNotAMessage,
                    cause.pos,
                    format!(
                        "`caused_by` names `{}`, a {}",
                        cause.value,
                        up.kind.as_str()
                    ),
                ),
                Some(up) => check_edge(up, def, diags),
            }
        }
    }
    check_cycles(catalog, diags);
}

/// Identity may be strengthened from `up` to `down`, never weakened.
fn check_edge(up: &Definition, down: &Definition, diags: &mut Diagnostics) {
    let (Some(up_id), Some(down_id)) = (&up.identity, &down.identity) else {
        return;
    };
    match (up_id, down_id) {
        (Identity::Attributed { .. }, Identity::Exempt { pos, .. }) => diags.emit(
            Code::IdentityDropped,
            *pos,
            format!("`{}` is exempt but caused by `{}`, which is attributed: identity would be dropped", down.name.value, up.name.value),
        ),
        (
            Identity::Attributed { org: OrgPolicy::Required, .. },
            Identity::Attributed { org: OrgPolicy::Optional, pos },
        ) => diags.emit(
            Code::OrgIdWeakened,
            *pos,
            format!(
                "`{}` has `org_id: optional` but is caused by `{}`, which has `org_id: required`: usage could be charged to the user instead of the org",
                down.name.value, up.name.value
            ),
        ),
        _ => {}
    }
}

/// Reports every `caused_by` entry that closes a cycle, with the cycle spelled out.
fn check_cycles(catalog: &Catalog, diags: &mut Diagnostics) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let edges: BTreeMap<&str, Vec<&crate::source::Spanned<String>>> = catalog
        .messages()
        .map(|d| {
            let known = d
                .caused_by
                .iter()
                .filter(|c| catalog.get(&c.value).is_some_and(|u| u.kind.is_message()));
            (d.name.value.as_str(), known.collect())
        })
        .collect();
    let mut mark: BTreeMap<&str, Mark> = edges.keys().map(|k| (*k, Mark::New)).collect();
    for &start in edges.keys() {
        if mark[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, index of the next edge to follow).
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        mark.insert(start, Mark::Open);
        while let Some((node, next)) = stack.last().copied() {
            let Some(cause) = edges[node].get(next) else {
                mark.insert(node, Mark::Done);
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let target = cause.value.as_str();
            match mark.get(target).copied() {
                Some(Mark::New) => {
                    mark.insert(target, Mark::Open);
                    stack.push((target, 0));
                }
                Some(Mark::Open) => {
                    let from = stack.iter().position(|(n, _)| *n == target).unwrap_or(0);
                    let mut path: Vec<&str> = stack[from..].iter().map(|(n, _)| *n).collect();
                    path.push(target);
                    diags.emit(
                        Code::CausalityCycle,
                        cause.pos,
                        format!("`caused_by` forms a cycle: {}", path.join(" ← ")),
                    );
                }
                _ => {}
            }
        }
    }
}
