//! Type expressions: `string`, `int?`, `list<uuid>`, `map<string, Essay?>`.

use crate::model::{Type, TypeSpec};

/// Deepest `list<...>` / `map<...>` nesting accepted.
const MAX_NESTING: usize = 32;

/// A parsed type expression: the type and whether a top-level `?` made it optional.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeExpr {
    /// The type; element types carry `nullable` from their own `?`.
    pub spec: TypeSpec,
    /// A trailing `?` on the whole expression.
    pub optional: bool,
    /// Names of records and enums it refers to, in order.
    pub refs: Vec<String>,
}

/// Parses a type expression; the error says what is wrong, for a `C0108` diagnostic.
pub fn parse(text: &str) -> Result<TypeExpr, String> {
    let mut p = Parser {
        text,
        at: 0,
        refs: Vec::new(),
    };
    let (spec, optional) = p.spec(0)?;
    p.skip_ws();
    if p.at < text.len() {
        return Err(format!("unexpected `{}` after the type", &text[p.at..]));
    }
    Ok(TypeExpr {
        spec,
        optional,
        refs: p.refs,
    })
}

/// Maps a built-in type name to its type.
pub fn builtin(name: &str) -> Option<Type> {
    Some(match name {
        "string" => Type::String,
        "int" => Type::Int,
        "float" => Type::Float,
        "bool" => Type::Bool,
        "uuid" => Type::Uuid,
        "datetime" => Type::DateTime,
        "date" => Type::Date,
        "email" => Type::Email,
        "json" => Type::Json,
        _ => return None,
    })
}

/// Every built-in type name, for suggestions.
pub const BUILTINS: [&str; 11] = [
    "string", "int", "float", "bool", "uuid", "datetime", "date", "email", "json", "list", "map",
];

struct Parser<'a> {
    text: &'a str,
    at: usize,
    refs: Vec<String>,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.text[self.at..].starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char, context: &str) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(format!("expected `{c}` {context}"))
        }
    }

    fn ident(&mut self) -> Result<&str, String> {
        self.skip_ws();
        let rest = &self.text[self.at..];
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            let found = rest
                .chars()
                .next()
                .map_or("the end".to_string(), |c| format!("`{c}`"));
            return Err(format!("expected a type name, found {found}"));
        }
        self.at += len;
        Ok(&rest[..len])
    }

    /// A type with an optional trailing `?`.
    fn spec(&mut self, depth: usize) -> Result<(TypeSpec, bool), String> {
        if depth > MAX_NESTING {
            return Err(format!("types nest deeper than {MAX_NESTING} levels"));
        }
        let ty = self.ty(depth)?;
        let optional = self.eat('?');
        if self.eat('?') {
            return Err("`??` is not a type: one `?` makes a type optional".into());
        }
        Ok((TypeSpec::plain(ty), optional))
    }

    fn element(&mut self, depth: usize) -> Result<Box<TypeSpec>, String> {
        let (mut spec, nullable) = self.spec(depth + 1)?;
        spec.nullable = nullable;
        Ok(Box::new(spec))
    }

    fn ty(&mut self, depth: usize) -> Result<Type, String> {
        let name = self.ident()?.to_string();
        match name.as_str() {
            "list" => {
                self.expect('<', "after `list`: write `list<T>`")?;
                let item = self.element(depth)?;
                self.expect('>', "to close `list<...>`")?;
                Ok(Type::List(item))
            }
            "map" => {
                self.expect('<', "after `map`: write `map<string, T>`")?;
                let key = self.ident()?;
                if key != "string" {
                    return Err(format!("map keys are always `string`, found `{key}`"));
                }
                self.expect(',', "after the key type of `map<string, T>`")?;
                let value = self.element(depth)?;
                self.expect('>', "to close `map<...>`")?;
                Ok(Type::Map(value))
            }
            "enum" => Err("an inline enum is written `{ type: enum, values: [...] }`".into()),
            _ => Ok(builtin(&name).unwrap_or_else(|| {
                self.refs.push(name.clone());
                Type::Ref(name)
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_types() {
        let t = parse("map<string, list<Essay?>>?").unwrap();
        assert!(t.optional);
        assert_eq!(t.spec.display(), "map<string, list<Essay?>>");
        assert_eq!(t.refs, vec!["Essay".to_string()]);
    }

    #[test]
    fn rejects_bad_expressions() {
        for bad in [
            "list<",
            "list<int",
            "map<int, string>",
            "int??",
            "",
            "list<int>>",
            "9x",
        ] {
            assert!(parse(bad).is_err(), "{bad} should fail");
        }
        let deep = format!("{}int{}", "list<".repeat(100_000), ">".repeat(100_000));
        assert!(parse(&deep).unwrap_err().contains("deeper"));
    }
}
