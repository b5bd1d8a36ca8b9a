//! What the contract says about the value at a path of a document: the message or record
//! object, an identity field, a typed value, or something the contract does not constrain.

use contractc::model::{Body, Catalog, Definition, Type, TypeSpec};

use super::json::{J, Seg};

/// The contract's view of one position in a document.
#[derive(Clone, Copy, Debug)]
pub enum Slot<'c> {
    /// An object of a message or record definition.
    Object(&'c Definition),
    /// `user_id` (`org: false`) or `org_id` (`org: true`).
    Identity { org: bool },
    /// A value of a declared type.
    Value(&'c TypeSpec),
    /// Inside `json`, under an undeclared key, or where the document left the contract.
    Free,
}

/// The slot of the value at `path` in a document of message `def`.
pub fn slot_at<'c>(catalog: &'c Catalog, def: &'c Definition, doc: &J, path: &[Seg]) -> Slot<'c> {
    let mut slot = Slot::Object(def);
    let mut node = doc;
    for seg in path {
        let (next_slot, next_node) = match (seg, node) {
            (Seg::Member(i), J::Obj(members)) => {
                let (key, value) = &members[*i];
                (member(catalog, slot, key), value)
            }
            (Seg::Index(i), J::Arr(items)) => (item(catalog, slot), &items[*i]),
            _ => return Slot::Free,
        };
        slot = next_slot;
        node = next_node;
    }
    slot
}

/// A value of `spec` seen as an object when it is a record.
fn as_object<'c>(catalog: &'c Catalog, slot: Slot<'c>) -> Slot<'c> {
    match slot {
        Slot::Value(TypeSpec {
            ty: Type::Ref(name),
            ..
        }) => match catalog.get(name) {
            Some(
                d @ Definition {
                    body: Body::Struct(_),
                    ..
                },
            ) => Slot::Object(d),
            _ => slot,
        },
        _ => slot,
    }
}

fn member<'c>(catalog: &'c Catalog, parent: Slot<'c>, key: &str) -> Slot<'c> {
    match as_object(catalog, parent) {
        Slot::Object(def) => {
            let attributed =
                def.kind.is_message() && def.identity.as_ref().and_then(|i| i.org()).is_some();
            match key {
                "user_id" if attributed => Slot::Identity { org: false },
                "org_id" if attributed => Slot::Identity { org: true },
                _ => def
                    .fields()
                    .iter()
                    .find(|f| f.name.value == key)
                    .map_or(Slot::Free, |f| Slot::Value(&f.spec)),
            }
        }
        Slot::Value(TypeSpec {
            ty: Type::Map(value),
            ..
        }) => Slot::Value(value),
        _ => Slot::Free,
    }
}

fn item<'c>(catalog: &'c Catalog, parent: Slot<'c>) -> Slot<'c> {
    match as_object(catalog, parent) {
        Slot::Value(TypeSpec {
            ty: Type::List(item),
            ..
        }) => Slot::Value(item),
        _ => Slot::Free,
    }
}

/// The definition of a record or enum slot.
pub fn definition<'c>(catalog: &'c Catalog, slot: Slot<'c>) -> Option<&'c Definition> {
    match slot {
        Slot::Object(d) => Some(d),
        Slot::Value(TypeSpec {
            ty: Type::Ref(name),
            ..
        }) => catalog.get(name),
        _ => None,
    }
}
