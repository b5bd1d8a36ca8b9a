//! A JSON document as text is built: numbers keep their spelling (`1.0`, `1e3`, integers past
//! i64), objects may repeat a key, and `Raw` splices text in as it is (escapes, deep nesting).

use std::fmt::Write;

/// One JSON value, rendered exactly as built.
#[derive(Clone, Debug, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    /// A number literal, spelled as given.
    Num(String),
    /// A string, escaped by serde_json when rendered.
    Str(String),
    /// Text spliced in unchanged (may be invalid JSON on purpose).
    Raw(String),
    Arr(Vec<J>),
    /// Members in order; a key may appear twice.
    Obj(Vec<(String, J)>),
}

/// One step from a value to a value inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg {
    /// The i-th member of an object (its key is `members[i].0`).
    Member(usize),
    /// The i-th element of an array.
    Index(usize),
}

impl J {
    /// A string value.
    pub fn s(text: impl Into<String>) -> J {
        J::Str(text.into())
    }

    /// A number literal.
    pub fn n(text: impl ToString) -> J {
        J::Num(text.to_string())
    }

    /// The document as compact JSON text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            J::Num(n) | J::Raw(n) => out.push_str(n),
            J::Str(s) => out.push_str(&quote(s)),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&quote(k));
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// Every path to a value of the document, the document itself (`[]`) first.
    pub fn paths(&self) -> Vec<Vec<Seg>> {
        let mut out = Vec::new();
        let mut stack = vec![(self, Vec::new())];
        while let Some((node, path)) = stack.pop() {
            match node {
                J::Arr(items) => {
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push((item, extend(&path, Seg::Index(i))));
                    }
                }
                J::Obj(members) => {
                    for (i, (_, v)) in members.iter().enumerate().rev() {
                        stack.push((v, extend(&path, Seg::Member(i))));
                    }
                }
                _ => {}
            }
            out.push(path);
        }
        out
    }

    /// The value at `path`.
    pub fn at(&self, path: &[Seg]) -> Option<&J> {
        path.iter().try_fold(self, |node, seg| match (node, seg) {
            (J::Arr(items), Seg::Index(i)) => items.get(*i),
            (J::Obj(members), Seg::Member(i)) => members.get(*i).map(|(_, v)| v),
            _ => None,
        })
    }

    /// The value at `path`, mutably.
    pub fn at_mut(&mut self, path: &[Seg]) -> Option<&mut J> {
        path.iter().try_fold(self, |node, seg| match (node, seg) {
            (J::Arr(items), Seg::Index(i)) => items.get_mut(*i),
            (J::Obj(members), Seg::Member(i)) => members.get_mut(*i).map(|(_, v)| v),
            _ => None,
        })
    }

    /// The members of an object (empty for anything else).
    pub fn members(&self) -> &[(String, J)] {
        match self {
            J::Obj(members) => members,
            _ => &[],
        }
    }
}

fn extend(path: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(seg);
    p
}

/// The object as text with every key's first character written as a `\u` escape
/// (`"\u0075ser_id"` is `"user_id"`).
pub fn escaped_keys(members: &[(String, J)]) -> J {
    let mut out = String::from("{");
    for (i, (k, v)) in members.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut chars = k.chars();
        let escaped = match chars.next() {
            Some(c) => {
                let mut units = [0u16; 2];
                let head: String = c
                    .encode_utf16(&mut units)
                    .iter()
                    .map(|u| format!("\\u{u:04x}"))
                    .collect();
                let rest = quote(chars.as_str());
                format!("\"{head}{}", &rest[1..])
            }
            None => quote(""),
        };
        out.push_str(&escaped);
        out.push(':');
        out.push_str(&v.render());
    }
    out.push('}');
    J::Raw(out)
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `depth` arrays nested in each other, as text (no deep Rust recursion to build or render).
pub fn deep_array(depth: usize) -> J {
    J::Raw(format!("{}{}", "[".repeat(depth), "]".repeat(depth)))
}

/// `depth` objects nested under the key `k`, as text.
pub fn deep_object(depth: usize) -> J {
    J::Raw(format!(
        "{}{}{}",
        "{\"k\":".repeat(depth),
        "null",
        "}".repeat(depth)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_spellings_and_repeated_keys() {
        let doc = J::Obj(vec![
            ("a".into(), J::n("1.0")),
            (
                "a".into(),
                J::Arr(vec![J::Null, J::Bool(true), J::s("é\"")]),
            ),
            ("r".into(), J::Raw("\"\\ud800\"".into())),
        ]);
        assert_eq!(
            doc.render(),
            r#"{"a":1.0,"a":[null,true,"é\""],"r":"\ud800"}"#
        );
        let paths = doc.paths();
        assert_eq!(paths.len(), 7);
        assert_eq!(doc.at(&paths[3]), Some(&J::Null));
        assert_eq!(deep_array(2).render(), "[[]]");
        assert_eq!(deep_object(2).render(), r#"{"k":{"k":null}}"#);
        let keys = escaped_keys(&[("ab".into(), J::Null), ("\u{1F600}".into(), J::n(1))]);
        assert_eq!(keys.render(), r#"{"\u0061b":null,"\ud83d\ude00":1}"#);
    }
}
