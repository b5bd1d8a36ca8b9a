//! Witness documents: a whole message that one side accepts and the other rejects, built
//! around the value (or the missing key) that shows a change, and checked on both sides.

use super::Evidence;
use super::values::{Kind, MAX_DEPTH, Node, Object, Side};
use crate::model::Definition;
use serde_json::{Map, Value};

/// One step from a message down to a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    /// The value of a key of an object (a field, `user_id`, or an undeclared key).
    Key(String),
    /// An element of a list.
    Item,
    /// A value of a map.
    Value,
}

/// What the witness holds at the end of its path.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Leaf {
    /// This value.
    Set(Value),
    /// Nothing: the last key is left out.
    Omit,
}

/// A place in the two messages being compared: the path text, the steps to it, and whether a
/// document of each side can hold a value there.
#[derive(Debug, Clone)]
pub(super) struct At {
    /// `Message.field[].sub`.
    pub text: String,
    /// The steps below the message.
    pub steps: Vec<Step>,
    /// A document valid under OLD can reach this node.
    pub old_reaches: bool,
    /// A document valid under NEW can reach this node.
    pub new_reaches: bool,
}

impl At {
    /// The message itself.
    pub fn message(name: &str) -> Self {
        At {
            text: name.to_string(),
            steps: Vec::new(),
            old_reaches: true,
            new_reaches: true,
        }
    }

    /// A key of this object.
    pub fn key(&self, name: &str) -> Self {
        self.down(format!("{}.{name}", self.text), Step::Key(name.to_string()))
    }

    /// The elements of this list.
    pub fn item(&self) -> Self {
        self.down(format!("{}[]", self.text), Step::Item)
    }

    /// The values of this map.
    pub fn value(&self) -> Self {
        self.down(format!("{}{{}}", self.text), Step::Value)
    }

    fn down(&self, text: String, step: Step) -> Self {
        let mut steps = self.steps.clone();
        steps.push(step);
        At {
            text,
            steps,
            ..*self
        }
    }
}

/// The two sides of a comparison and the message they are compared in.
pub(super) struct Sides<'a> {
    /// OLD.
    pub old: Side<'a>,
    /// NEW.
    pub new: Side<'a>,
}

impl Sides<'_> {
    /// The evidence that `leaf` at `at` breaks backward (`true`: built on OLD, rejected by
    /// NEW) or forward: a checked witness, or why there is none.
    pub fn evidence(&self, message: &str, at: &At, backward: bool, leaf: Leaf) -> Evidence {
        let (from, to) = if backward {
            (&self.old, &self.new)
        } else {
            (&self.new, &self.old)
        };
        let doc = from
            .catalog
            .get(message)
            .and_then(|def| from.document(def, &at.steps, &leaf));
        match doc {
            Some(doc)
                if from.message_accepts(message, &doc) && !to.message_accepts(message, &doc) =>
            {
                Evidence::Witness(doc)
            }
            _ => Evidence::Undecided("no document could be built to show it".to_string()),
        }
    }
}

impl Side<'_> {
    /// A document of `message` holding `leaf` at the end of `steps`, every other required key
    /// filled with a small valid value.
    pub fn document(&self, message: &Definition, steps: &[Step], leaf: &Leaf) -> Option<Value> {
        let object = self.object(message);
        match steps {
            [] => match leaf {
                Leaf::Set(v) => Some(v.clone()),
                Leaf::Omit => self.object_sample(&object, 0).map(Value::Object),
            },
            _ => self.in_object(&object, steps, leaf, 0).map(Value::Object),
        }
    }

    fn in_object(
        &self,
        object: &Object<'_>,
        steps: &[Step],
        leaf: &Leaf,
        depth: usize,
    ) -> Option<Map<String, Value>> {
        let (Step::Key(name), rest) = steps.split_first()? else {
            return None;
        };
        let mut map = self.object_sample(object, depth)?;
        match (rest, leaf) {
            ([], Leaf::Omit) => {
                map.remove(name);
            }
            ([], Leaf::Set(v)) => {
                map.insert(name.clone(), v.clone());
            }
            _ => {
                let node = &object.key(name)?.node;
                map.insert(name.clone(), self.in_node(node, rest, leaf, depth + 1)?);
            }
        }
        Some(map)
    }

    fn in_node(&self, node: &Node<'_>, steps: &[Step], leaf: &Leaf, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let Some((step, rest)) = steps.split_first() else {
            return match leaf {
                Leaf::Set(v) => Some(v.clone()),
                Leaf::Omit => None,
            };
        };
        match (step, &node.kind) {
            (Step::Item, Kind::List(l)) => {
                let item = self.in_node(&l.items, rest, leaf, depth + 1)?;
                let more = usize::try_from(l.min.max(1) - 1).ok()?;
                let fill = if l.unique {
                    self.distinct(&l.items, more, std::slice::from_ref(&item), depth + 1)?
                } else {
                    vec![
                        self.sample(&l.items, depth + 1)
                            .unwrap_or_else(|| item.clone());
                        more
                    ]
                };
                Some(Value::Array(std::iter::once(item).chain(fill).collect()))
            }
            (Step::Value, Kind::Map(values)) => {
                let v = self.in_node(values, rest, leaf, depth + 1)?;
                Some(Value::Object([("k".to_string(), v)].into_iter().collect()))
            }
            (Step::Key(_), Kind::Record(def)) => self
                .in_object(&self.object(def), steps, leaf, depth + 1)
                .map(Value::Object),
            _ => None,
        }
    }
}
