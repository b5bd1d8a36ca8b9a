//! Reading YAML mappings whose keys the language fixes: one place for unknown-key and
//! wrong-shape diagnostics.

use crate::diag::{Code, Diagnostic, Diagnostics, suggest};
use crate::parse::{Node, Scalar};
use crate::source::{Pos, Spanned};

/// A mapping checked against the keys allowed where it stands.
pub struct MapReader<'a> {
    entries: &'a [(Node, Node)],
    /// Position of the mapping, for "missing key" diagnostics.
    pub pos: Pos,
}

impl<'a> MapReader<'a> {
    /// Checks every key of `node` against `allowed`; keys in `elsewhere` are known to the
    /// language but not allowed here (`C0110`), others are unknown (`C0101`, with a suggestion).
    /// Returns `None` (after a diagnostic) when `node` is not a mapping.
    pub fn new(
        node: &'a Node,
        what: &str,
        allowed: &[&str],
        elsewhere: &[(&str, &str)],
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let Some(entries) = node.as_map() else {
            diags.emit(
                Code::WrongValue,
                node.pos,
                format!("{what} must be a mapping, found {}", node.describe()),
            );
            return None;
        };
        for (key, _) in entries {
            let name = key.text().unwrap_or_default();
            if allowed.contains(&name) {
                continue;
            }
            if let Some((_, why)) = elsewhere.iter().find(|(k, _)| *k == name) {
                diags.emit(
                    Code::KeyNotForKind,
                    key.pos,
                    format!("`{name}` is not allowed {why}"),
                );
                continue;
            }
            let mut d = Diagnostic::new(
                Code::UnknownKey,
                key.pos,
                format!("unknown key `{name}` in {what}"),
            );
            let candidates = allowed.iter().chain(elsewhere.iter().map(|(k, _)| k));
            if let Some(s) = suggest(name, candidates.copied()) {
                d = d.with_help(format!("did you mean `{s}`?"));
            } else {
                d = d.with_help(format!("known keys here: {}", allowed.join(", ")));
            }
            diags.push(d);
        }
        Some(MapReader {
            entries,
            pos: node.pos,
        })
    }

    /// The key node and value node of `key`, when written.
    pub fn entry(&self, key: &str) -> Option<&'a (Node, Node)> {
        self.entries.iter().find(|(k, _)| k.text() == Some(key))
    }

    /// The value of `key`, when written.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// Every entry, in source order.
    pub fn entries(&self) -> &'a [(Node, Node)] {
        self.entries
    }

    /// A string value; a value of another shape is reported.
    pub fn string(&self, key: &str, diags: &mut Diagnostics) -> Option<Spanned<String>> {
        let node = self.get(key)?;
        string_value(node, key, diags)
    }

    /// One of `choices`; anything else is reported with the choices in the help line.
    pub fn choice<T: Copy>(
        &self,
        key: &str,
        choices: &[(&str, T)],
        diags: &mut Diagnostics,
    ) -> Option<Spanned<T>> {
        let node = self.get(key)?;
        let text = node.text().filter(|_| node.as_map().is_none());
        if let Some((_, value)) = choices.iter().find(|(c, _)| Some(*c) == text) {
            return Some(Spanned::new(*value, node.pos));
        }
        let names: Vec<_> = choices.iter().map(|(c, _)| format!("`{c}`")).collect();
        let found = text.map_or_else(|| node.describe().to_string(), |t| format!("`{t}`"));
        diags.push(
            Diagnostic::new(
                Code::WrongValue,
                node.pos,
                format!("`{key}` must be one of {}, found {found}", names.join(", ")),
            )
            .with_help(format!("write one of {}", names.join(", "))),
        );
        None
    }
}

/// A node that must be a string (a plain scalar such as `1` is not).
pub fn string_value(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Spanned<String>> {
    match node.scalar() {
        Some(Scalar::Str(s)) => Some(Spanned::new(s.to_string(), node.pos)),
        _ => {
            diags.emit(
                Code::WrongValue,
                node.pos,
                format!("`{key}` must be a string, found {}", node.describe()),
            );
            None
        }
    }
}

/// A node that must be a non-negative integer that fits u64.
pub fn count_value(node: &Node, key: &str, diags: &mut Diagnostics) -> Option<Spanned<u64>> {
    match node.scalar() {
        Some(Scalar::Int(i)) if i >= 0 => Some(Spanned::new(i.unsigned_abs(), node.pos)),
        _ => {
            diags.emit(
                Code::InvalidConstraintValue,
                node.pos,
                format!(
                    "`{key}` must be a non-negative integer, found {}",
                    node.describe()
                ),
            );
            None
        }
    }
}
