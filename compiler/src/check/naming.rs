//! Rust name collisions: two wire names that become the same Rust identifier
//! (`fooBar` and `foo_bar`), found with the emitter's own identifier functions.

use crate::diag::{Code, Diagnostics};
use crate::emit::rust::ident::{field_ident, inline_enum_ident, type_ident, variant_ident};
use crate::model::{Body, Catalog, Type};
use crate::source::Pos;
use std::collections::BTreeMap;

/// Reports every name whose Rust form is already taken in the same scope.
pub fn check(catalog: &Catalog, diags: &mut Diagnostics) {
    let mut types = Scope::new("type");
    for def in catalog.definitions.values() {
        types.add(
            type_ident(&def.name.value),
            &def.name.value,
            def.name.pos,
            diags,
        );
        match &def.body {
            Body::Struct(fields) => {
                let mut scope = Scope::new("field");
                if def.identity.as_ref().is_some_and(|i| i.org().is_some()) {
                    scope
                        .taken
                        .insert("user_id".into(), ("user_id (identity)".into(), None));
                    scope
                        .taken
                        .insert("org_id".into(), ("org_id (identity)".into(), None));
                }
                for field in fields {
                    let wire = &field.name.value;
                    scope.add(field_ident(wire), wire, field.name.pos, diags);
                    if let Some(values) = inline_enum(&field.spec) {
                        let name = inline_enum_ident(&def.name.value, wire);
                        types.add(
                            name,
                            &format!("{}.{wire} (inline enum)", def.name.value),
                            field.name.pos,
                            diags,
                        );
                        let mut variants = Scope::new("enum variant");
                        for v in values {
                            variants.add(variant_ident(v), v, field.name.pos, diags);
                        }
                    }
                }
            }
            Body::Enum(values) => {
                let mut variants = Scope::new("enum variant");
                for v in values {
                    variants.add(variant_ident(&v.value), &v.value, v.pos, diags);
                }
            }
        }
    }
}

/// The values of an inline enum anywhere in a type (`list<...>` and `map<...>` elements too).
fn inline_enum(spec: &crate::model::TypeSpec) -> Option<&Vec<String>> {
    match &spec.ty {
        Type::InlineEnum(values) => Some(values),
        Type::List(inner) | Type::Map(inner) => inline_enum(inner),
        _ => None,
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

    fn add(&mut self, rust: String, wire: &str, pos: Pos, diags: &mut Diagnostics) {
        if let Some((first, first_pos)) = self.taken.get(&rust) {
            // The embedded identity fields have no position: a field that becomes `user_id`
            // or `org_id` is already reported as reserved (C0206) or a look-alike (C0207).
            if first_pos.is_none() {
                return;
            }
            let at = first_pos.map_or(String::new(), |p| format!(" (line {})", p.line));
            diags.emit(
                Code::RustNameCollision,
                pos,
                format!(
                    "`{wire}` and `{first}`{at} both become the Rust {} `{rust}`",
                    self.what
                ),
            );
            return;
        }
        self.taken.insert(rust, (wire.to_string(), Some(pos)));
    }
}
