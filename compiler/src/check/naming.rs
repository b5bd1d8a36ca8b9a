//! Rust name collisions: two wire names that become the same Rust identifier
//! (`fooBar` and `foo_bar`), read from the names the model derived ([`Facts`]).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::{Body, Catalog, Facts};
use crate::source::Pos;
use std::collections::BTreeMap;

/// Reports every name whose Rust form is already taken in the same scope.
pub fn check(catalog: &Catalog, facts: &Facts, diags: &mut Diagnostics) {
    let mut types = Scope::new("type");
    for def in catalog.definitions.values() {
        let derived = facts.definition(def);
        types.add(&derived.rust_name, &def.name.value, def.name.pos, diags);
        match &def.body {
            Body::Struct(_) => {
                let mut scope = Scope::new("field");
                if def.identity.as_ref().is_some_and(|i| i.org().is_some()) {
                    scope
                        .taken
                        .insert("user_id".into(), ("user_id (identity)".into(), None));
                    scope
                        .taken
                        .insert("org_id".into(), ("org_id (identity)".into(), None));
                }
                for (field, derived) in facts.fields(def) {
                    let wire = &field.name.value;
                    scope.add(&derived.rust_name, wire, field.name.pos, diags);
                    let (Some(inline), Some(values)) =
                        (&derived.inline_enum, field.spec.inline_enum())
                    else {
                        continue;
                    };
                    types.add(
                        &inline.rust_name,
                        &format!("{}.{wire} (inline enum)", def.name.value),
                        field.name.pos,
                        diags,
                    );
                    let mut variants = Scope::new("enum variant");
                    for (v, rust) in values.iter().zip(&inline.variants) {
                        variants.add(rust, v, field.name.pos, diags);
                    }
                }
            }
            Body::Enum(values) => {
                let mut variants = Scope::new("enum variant");
                for (v, rust) in values.iter().zip(&derived.variants) {
                    variants.add(rust, &v.value, v.pos, diags);
                }
            }
        }
    }
}

/// Rust names taken in one scope, with the wire name and position that took them.
struct Scope {
    what: &'static str,
    taken: BTreeMap<String, (String, Option<Pos>)>,
}

impl Scope {
    fn new(what: &'static str) -> Self {
        Scope {
            what,
            taken: BTreeMap::new(),
        }
    }

    fn add(&mut self, rust: &str, wire: &str, pos: Pos, diags: &mut Diagnostics) {
        if let Some((first, first_pos)) = self.taken.get(rust) {
            // The embedded identity fields have no position: a field that becomes `user_id`
            // or `org_id` is already reported as reserved (C0206) or a look-alike (C0207).
            if first_pos.is_none() {
                return;
            }
            let mut d = Diagnostic::new(
                Code::RustNameCollision,
                pos,
                format!(
                    "`{wire}` and `{first}` both become the Rust {} `{rust}`",
                    self.what
                ),
            )
            .with_label(format!("`{wire}` becomes `{rust}`"));
            if let Some(first_pos) = first_pos {
                d = d.with_secondary(*first_pos, format!("`{first}` became `{rust}` here"));
            }
            diags.push(d);
            return;
        }
        self.taken
            .insert(rust.to_string(), (wire.to_string(), Some(pos)));
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use std::path::PathBuf;

    #[test]
    fn a_collision_across_two_files_points_at_both() {
        let files = [
            (
                "a.yaml",
                "name: Essay_v1\nkind: record\nfields:\n  x: int\n",
            ),
            (
                "b.yaml",
                "# b\n\n\nname: EssayV1\nkind: record\nfields:\n  x: int\n",
            ),
        ];
        let files = files
            .iter()
            .map(|(n, t)| (PathBuf::from(n), PathBuf::from(n), t.as_bytes().to_vec()))
            .collect();
        let mut sources = crate::SourceMap::default();
        let (_, diags) = crate::check_files(&mut sources, files);
        let d = diags
            .iter()
            .find(|d| d.code == Code::RustNameCollision)
            .expect("a collision");
        let place = |pos: crate::source::Pos| {
            let path = sources.path(pos.file).display().to_string();
            (path, pos.line, pos.column)
        };
        // Definitions are checked in name order: `EssayV1` (b.yaml) takes the name first.
        assert_eq!(place(d.pos.unwrap()), ("a.yaml".into(), 1, 7));
        assert_eq!(d.secondary.len(), 1);
        assert_eq!(place(d.secondary[0].pos), ("b.yaml".into(), 4, 7));
        assert!(!d.message.contains("line"), "{}", d.message);
    }
}
