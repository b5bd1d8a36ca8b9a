//! The one walker over types, and what it answers about a type expression.
//!
//! A type expression is a chain: `list<map<string, Essay?>>` is a list whose element is a map
//! whose value is a reference. [`TypeSpec::layers`] walks the chain outermost first and
//! [`TypeSpec::fold`] builds something from the innermost layer out; every question about a
//! type (which definition it names, whether it holds an inline enum, which patterns it
//! carries, how its values compare) is answered through them, never by recursing by hand.

use super::{Catalog, Definition, Kind, Pattern, Type, TypeSpec};
use std::collections::BTreeSet;

impl TypeSpec {
    /// The element of a list or the value of a map; `None` for every other type.
    pub fn element(&self) -> Option<&TypeSpec> {
        match &self.ty {
            Type::List(inner) | Type::Map(inner) => Some(inner),
            _ => None,
        }
    }

    /// This type and every element type inside it, outermost first.
    pub fn layers(&self) -> impl Iterator<Item = &TypeSpec> {
        std::iter::successors(Some(self), |spec| spec.element())
    }

    /// The innermost layer: the type that is not a list or a map.
    pub fn leaf(&self) -> &TypeSpec {
        self.layers().last().unwrap_or(self)
    }

    /// Builds a value from the innermost layer outwards: `build(layer, inside)` for each
    /// layer, where `inside` is what was built for its element (`None` for the innermost).
    pub fn fold<T>(&self, mut build: impl FnMut(&TypeSpec, Option<T>) -> T) -> T {
        let layers: Vec<&TypeSpec> = self.layers().collect();
        let mut inside = None;
        for layer in layers.into_iter().rev() {
            inside = Some(build(layer, inside));
        }
        inside.unwrap_or_else(|| build(self, None))
    }

    /// The record or enum the type names, at any depth (a type names at most one).
    pub fn reference(&self) -> Option<&str> {
        match &self.leaf().ty {
            Type::Ref(name) => Some(name),
            _ => None,
        }
    }

    /// The values of the inline enum the type holds, at any depth.
    pub fn inline_enum(&self) -> Option<&[String]> {
        match &self.leaf().ty {
            Type::InlineEnum(values) => Some(values),
            _ => None,
        }
    }

    /// Every `pattern` of the type, outermost first.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.layers()
            .filter_map(|spec| spec.constraints.pattern.as_ref().map(|p| &p.value))
    }

    /// Whether two values of this type are equal in the generated Rust exactly when the JSON
    /// values they were read from are equal, as JSON Schema's `uniqueItems` compares them.
    ///
    /// Parsed values forget some of the JSON: the letter case of a `uuid`, the offset and
    /// spelling of a `datetime`, whether a record's optional key was absent or `null` and
    /// which unknown keys it ignored; and `serde_json::Value`'s `==` holds `1` and `1.0` apart.
    pub fn rust_eq_is_json_eq(&self, catalog: &Catalog) -> bool {
        match &self.leaf().ty {
            Type::Uuid | Type::DateTime | Type::Json => false,
            Type::Ref(name) => !catalog.is_record(name),
            _ => true,
        }
    }

    /// Whether this is a `unique` list whose items the generated Rust compares differently
    /// from JSON, so they must be compared as JSON while parsing.
    pub fn unique_as_json(&self, catalog: &Catalog) -> bool {
        match &self.ty {
            Type::List(item) => self.is_unique() && !item.rust_eq_is_json_eq(catalog),
            _ => false,
        }
    }

    /// Whether `unique: true` is set on this layer.
    pub fn is_unique(&self) -> bool {
        self.constraints.unique.as_ref().is_some_and(|u| u.value)
    }
}

impl Definition {
    /// The records and enums its fields name, in field order (a name may repeat).
    pub fn references(&self) -> impl Iterator<Item = &str> {
        self.fields().iter().filter_map(|f| f.spec.reference())
    }
}

impl Catalog {
    /// Whether `name` is a record of the catalog.
    pub fn is_record(&self, name: &str) -> bool {
        self.get(name).is_some_and(|d| d.kind == Kind::Record)
    }

    /// Whether `name` is an enum of the catalog.
    pub fn is_enum(&self, name: &str) -> bool {
        self.get(name).is_some_and(|d| d.kind == Kind::Enum)
    }

    /// Every record and enum `def` reaches through its fields, transitively, in name order
    /// (`def` itself only when it reaches itself).
    pub fn reachable(&self, def: &Definition) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        let mut pending: Vec<&str> = def.references().collect();
        while let Some(name) = pending.pop() {
            let Some(target) = self.definitions.get_key_value(name) else {
                continue;
            };
            if found.insert(target.0.as_str()) {
                pending.extend(target.1.references());
            }
        }
        found
    }

    /// The record a type is, when it is one itself (not inside a list or a map).
    pub fn direct_record(&self, spec: &TypeSpec) -> Option<&Definition> {
        match &spec.ty {
            Type::Ref(name) => self.get(name).filter(|d| d.kind == Kind::Record),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(inner: TypeSpec) -> TypeSpec {
        TypeSpec::plain(Type::List(Box::new(inner)))
    }

    fn map(inner: TypeSpec) -> TypeSpec {
        TypeSpec::plain(Type::Map(Box::new(inner)))
    }

    #[test]
    fn layers_walk_the_chain_outermost_first() {
        let spec = list(map(TypeSpec::plain(Type::Ref("Essay".into()))));
        let shown: Vec<String> = spec.layers().map(TypeSpec::display).collect();
        assert_eq!(
            shown,
            ["list<map<string, Essay>>", "map<string, Essay>", "Essay"]
        );
        assert_eq!(spec.reference(), Some("Essay"));
        assert_eq!(spec.leaf().display(), "Essay");
        let built = spec.fold(|layer, inside: Option<String>| match (&layer.ty, inside) {
            (Type::List(_), Some(inner)) => format!("L({inner})"),
            (Type::Map(_), Some(inner)) => format!("M({inner})"),
            (_, _) => layer.display(),
        });
        assert_eq!(built, "L(M(Essay))");
        assert_eq!(
            TypeSpec::plain(Type::Int).fold(|_, n| n.map_or(1, |n| n + 1)),
            1
        );
    }
}
