//! Facts derived from a whole catalog, computed once and read by the checks and by every
//! emitter (cxx's `syntax/types.rs` is the model): the Rust name of every definition, field,
//! enum value and inline enum, and the fields that need a `Box` to break a record's recursion.

use super::names::{field_ident, inline_enum_ident, type_ident, variant_ident};
use super::{Body, Catalog, Definition, Field};
use std::collections::{BTreeMap, BTreeSet};

/// Every derived fact of a catalog, by definition name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    definitions: BTreeMap<String, DefinitionFacts>,
}

/// What is derived about one definition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DefinitionFacts {
    /// The Rust type name (`ElsCjAssessmentRequestV1`).
    pub rust_name: String,
    /// The Rust variant names of an enum's values, in value order; empty for other kinds.
    pub variants: Vec<String>,
    /// One entry per field, in field order.
    pub fields: Vec<FieldFacts>,
}

/// What is derived about one field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldFacts {
    /// The Rust field name (`r#type`, `foo_bar`).
    pub rust_name: String,
    /// The enum written inline on the field, at any depth of its type.
    pub inline_enum: Option<InlineEnum>,
    /// The field holds, without a list or map between, a record that leads back to its own
    /// record the same way: the struct would contain itself without a `Box`.
    pub boxed: bool,
}

/// The Rust names of an inline enum.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InlineEnum {
    /// The type name (`EssayV1Status`).
    pub rust_name: String,
    /// The variant names, in value order.
    pub variants: Vec<String>,
}

/// Facts of a name the catalog does not hold: nothing is derived.
static NONE: DefinitionFacts = DefinitionFacts {
    rust_name: String::new(),
    variants: Vec::new(),
    fields: Vec::new(),
};

/// Facts of a field index past the definition's fields.
static NO_FIELD: FieldFacts = FieldFacts {
    rust_name: String::new(),
    inline_enum: None,
    boxed: false,
};

impl Facts {
    /// Derives every fact of `catalog`.
    pub fn of(catalog: &Catalog) -> Facts {
        let boxed = boxed_fields(catalog);
        let definitions = catalog
            .definitions
            .iter()
            .map(|(name, def)| (name.clone(), definition(def, &boxed)))
            .collect();
        Facts { definitions }
    }

    /// The facts of `def` (empty for a definition of another catalog).
    pub fn definition(&self, def: &Definition) -> &DefinitionFacts {
        self.definitions.get(&def.name.value).unwrap_or(&NONE)
    }

    /// The facts of the definition called `name` (empty for an unknown name).
    pub fn named(&self, name: &str) -> &DefinitionFacts {
        self.definitions.get(name).unwrap_or(&NONE)
    }

    /// Every field of `def` with its facts, in field order.
    pub fn fields<'a>(
        &'a self,
        def: &'a Definition,
    ) -> impl Iterator<Item = (&'a Field, &'a FieldFacts)> {
        let facts = &self.definition(def).fields;
        def.fields()
            .iter()
            .enumerate()
            .map(|(i, f)| (f, facts.get(i).unwrap_or(&NO_FIELD)))
    }
}

fn definition(def: &Definition, boxed: &BTreeSet<(&str, &str)>) -> DefinitionFacts {
    let wire = def.name.value.as_str();
    let variants = match &def.body {
        Body::Enum(values) => values.iter().map(|v| variant_ident(&v.value)).collect(),
        Body::Struct(_) => Vec::new(),
    };
    let fields = def
        .fields()
        .iter()
        .map(|f| FieldFacts {
            rust_name: field_ident(&f.name.value),
            inline_enum: f.spec.inline_enum().map(|values| InlineEnum {
                rust_name: inline_enum_ident(wire, &f.name.value),
                variants: values.iter().map(|v| variant_ident(v)).collect(),
            }),
            boxed: boxed.contains(&(wire, f.name.value.as_str())),
        })
        .collect();
    DefinitionFacts {
        rust_name: type_ident(wire),
        variants,
        fields,
    }
}

/// `(record, field)` of every field that refers directly to a record that leads back to the
/// field's own record the same way.
fn boxed_fields(catalog: &Catalog) -> BTreeSet<(&str, &str)> {
    let mut boxed = BTreeSet::new();
    for def in catalog.definitions.values() {
        for field in def.fields() {
            let Some(target) = catalog.direct_record(&field.spec) else {
                continue;
            };
            if holds_directly(catalog, target, &def.name.value) {
                boxed.insert((def.name.value.as_str(), field.name.value.as_str()));
            }
        }
    }
    boxed
}

/// Whether `goal` is `from` or is held directly by `from`, transitively (each record once).
pub(crate) fn holds_directly(catalog: &Catalog, from: &Definition, goal: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(def) = stack.pop() {
        if def.name.value == goal {
            return true;
        }
        if seen.insert(def.name.value.as_str()) {
            stack.extend(
                def.fields()
                    .iter()
                    .filter_map(|f| catalog.direct_record(&f.spec)),
            );
        }
    }
    false
}
