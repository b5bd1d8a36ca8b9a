//! YAML text → a tree of nodes that keep their positions, built without recursion and
//! within fixed limits (depth, node count, no aliases), so hostile input stays cheap.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::{FileId, Pos, SourceFile};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Deepest nesting of mappings and sequences accepted.
pub const MAX_DEPTH: usize = 64;
/// Most nodes accepted in one file.
pub const MAX_NODES: usize = 1_000_000;

/// A YAML node and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The content.
    pub value: Value,
    /// Position of the node (for a scalar, its text; for a collection, its start).
    pub pos: Pos,
}

/// The content of a node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar; `plain` is false for quoted and block scalars, which are always strings.
    Scalar {
        /// The text after YAML unescaping.
        text: String,
        /// Written without quotes (so `1`, `true`, `null` are not strings).
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping with scalar keys, in source order, without duplicate keys.
    Map(Vec<(Node, Node)>),
}

/// A scalar read with the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits i64.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// Everything else, and every quoted scalar.
    Str(&'a str),
}

impl Node {
    /// The scalar, typed by the core schema; `None` for collections.
    pub fn scalar(&self) -> Option<Scalar<'_>> {
        match &self.value {
            Value::Scalar { text, plain: true } => Some(core_schema(text)),
            Value::Scalar { text, plain: false } => Some(Scalar::Str(text)),
            _ => None,
        }
    }

    /// The node as a string when it is a scalar that reads as a string.
    pub fn as_str(&self) -> Option<&str> {
        match self.scalar() {
            Some(Scalar::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The raw text of any scalar (`1` gives "1"), for keys.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The entries when the node is a mapping.
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The items when the node is a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// True for `null`, `~` or an empty plain scalar.
    pub fn is_null(&self) -> bool {
        self.scalar() == Some(Scalar::Null)
    }

    /// A short word for the node's shape, for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match (&self.value, self.scalar()) {
            (Value::Map(_), _) => "a mapping",
            (Value::Seq(_), _) => "a list",
            (_, Some(Scalar::Null)) => "null",
            (_, Some(Scalar::Bool(_))) => "a boolean",
            (_, Some(Scalar::Int(_))) => "an integer",
            (_, Some(Scalar::Float(_))) => "a number",
            _ => "a string",
        }
    }
}

/// Resolves a plain scalar with the YAML 1.2 core schema.
fn core_schema(text: &str) -> Scalar<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        _ => {}
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).map_or(Scalar::Str(text), Scalar::Int);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).map_or(Scalar::Str(text), Scalar::Int);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(i) => Scalar::Int(i),
            Err(_) => text.parse::<f64>().map_or(Scalar::Str(text), Scalar::Float),
        };
    }
    if is_core_float(digits) {
        return text.parse::<f64>().map_or(Scalar::Str(text), Scalar::Float);
    }
    Scalar::Str(text)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` without the sign.
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(int) && all_digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}

/// A collection being built.
enum Open {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>, KeyIndex),
}

/// Where each key of a mapping being built sits in its entries, so that a repeated key is
/// found in constant time (a scan per key made a 200,000-key mapping take minutes).
type KeyIndex = HashMap<String, usize>;

/// Parses every document of a file; stops the file at its first syntax or limit error.
pub fn parse_documents(file_id: FileId, file: &SourceFile, diags: &mut Diagnostics) -> Vec<Node> {
    let mut builder = Builder {
        file_id,
        file,
        diags,
        stack: Vec::new(),
        docs: Vec::new(),
        nodes: 0,
    };
    let mut parser = Parser::new_from_str(&file.text);
    while let Some(next) = parser.next_event() {
        let result = match next {
            Ok((event, span)) => builder.event(event, span),
            Err(e) => {
                let m = e.marker();
                let pos = file.pos(file_id, m.line(), m.col(), 0);
                Err((Code::YamlSyntax, pos, format!("invalid YAML: {}", e.info())))
            }
        };
        if let Err((code, pos, message)) = result {
            builder.diags.emit(code, pos, message);
            break;
        }
    }
    builder.docs
}

type Stop = (Code, Pos, String);

struct Builder<'a> {
    file_id: FileId,
    file: &'a SourceFile,
    diags: &'a mut Diagnostics,
    stack: Vec<Open>,
    docs: Vec<Node>,
    nodes: usize,
}

impl Builder<'_> {
    fn pos(&self, span: Span) -> Pos {
        let start = self.file.offset_of(span.start.line(), span.start.col());
        let end = self.file.offset_of(span.end.line(), span.end.col());
        let mut pos = self
            .file
            .pos(self.file_id, span.start.line(), span.start.col(), 0);
        pos.end = end.max(start);
        pos
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Stop> {
        let pos = self.pos(span);
        match event {
            Event::Scalar(text, style, _, tag) => {
                self.reject_tag(tag.is_some(), pos)?;
                let plain = style == ScalarStyle::Plain;
                // The scanner's buffer is often far larger than its text; the tree keeps
                // every scalar, so it keeps only the text.
                let mut text = text.into_owned();
                text.shrink_to_fit();
                self.value(Node {
                    value: Value::Scalar { text, plain },
                    pos,
                })?;
            }
            Event::SequenceStart(_, tag) => {
                self.reject_tag(tag.is_some(), pos)?;
                self.open(Open::Seq(pos, Vec::new()), pos)?;
            }
            Event::MappingStart(_, tag) => {
                self.reject_tag(tag.is_some(), pos)?;
                self.open(Open::Map(pos, Vec::new(), None, KeyIndex::new()), pos)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close()?,
            Event::Alias(_) => {
                return Err((
                    Code::YamlAlias,
                    pos,
                    "YAML alias (`*name`): aliases are not allowed in contracts".into(),
                ));
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
        Ok(())
    }

    fn reject_tag(&self, tagged: bool, pos: Pos) -> Result<(), Stop> {
        if tagged {
            return Err((
                Code::UnsupportedYaml,
                pos,
                "YAML tags (`!name`) are not used in contracts".into(),
            ));
        }
        Ok(())
    }

    fn open(&mut self, open: Open, pos: Pos) -> Result<(), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            return Err((
                Code::YamlTooDeep,
                pos,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            ));
        }
        self.count(pos)?;
        self.stack.push(open);
        Ok(())
    }

    fn count(&mut self, pos: Pos) -> Result<(), Stop> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err((
                Code::TooManyDocuments,
                pos,
                format!("more than {MAX_NODES} YAML nodes in one file"),
            ));
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), Stop> {
        let node = match self.stack.pop() {
            Some(Open::Seq(pos, mut items)) => {
                items.shrink_to_fit();
                Node {
                    value: Value::Seq(items),
                    pos,
                }
            }
            Some(Open::Map(pos, mut entries, _, _)) => {
                entries.shrink_to_fit();
                Node {
                    value: Value::Map(entries),
                    pos,
                }
            }
            None => return Ok(()),
        };
        self.attach(node)
    }

    fn value(&mut self, node: Node) -> Result<(), Stop> {
        self.count(node.pos)?;
        self.attach(node)
    }

    fn attach(&mut self, node: Node) -> Result<(), Stop> {
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, pending, index)) => match pending.take() {
                None => {
                    if node.text().is_none() {
                        return Err((
                            Code::UnsupportedYaml,
                            node.pos,
                            "mapping keys must be plain text, not lists or mappings".into(),
                        ));
                    }
                    *pending = Some(node);
                }
                Some(key) => {
                    let text = key.text().unwrap_or_default();
                    let duplicate = index.get(text).and_then(|&i| entries.get(i));
                    if let Some((first, _)) = duplicate {
                        let message =
                            format!("key `{}` is already set", key.text().unwrap_or_default());
                        self.diags.push(
                            Diagnostic::new(Code::DuplicateKey, key.pos, message)
                                .with_label("set again here")
                                .with_secondary(first.pos, "first set here"),
                        );
                    } else {
                        index.insert(text.to_string(), entries.len());
                        entries.push((key, node));
                    }
                }
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
