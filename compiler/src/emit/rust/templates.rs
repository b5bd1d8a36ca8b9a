//! The template set and its manifest: which template renders what, and how they load.

use super::literal::{raw_str_lit, str_lit};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::emit::template_text as text_of;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::{Kwargs, State, Tera, Value};

/// What a template is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Apply {
    /// Once, for the whole file (context: `file`).
    File,
    /// Once per message and record (context: `s`), in manifest order.
    Struct,
    /// Once per enum definition and per inline enum (context: `e`).
    Enum,
    /// Imported or included by the others; never rendered on its own.
    Helper,
}

/// One row of the manifest.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// File name, also the Tera template name.
    pub name: &'static str,
    /// What it is rendered for.
    pub apply: Apply,
    /// The built-in text.
    source: &'static str,
}

macro_rules! entry {
    ($name:literal, $apply:ident) => {
        Entry {
            name: $name,
            apply: Apply::$apply,
            source: include_str!(concat!("../../../templates/rust/", $name)),
        }
    };
}

/// The manifest: every built-in template, in rendering order.
pub(crate) const MANIFEST: &[Entry] = &[
    entry!("macros.rs.tera", Helper),
    entry!("file.rs.tera", File),
    entry!("struct.rs.tera", Struct),
    entry!("validate.rs.tera", Struct),
    entry!("message_impls.rs.tera", Struct),
    entry!("enum.rs.tera", Enum),
];

/// Where a template's text came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Builtin,
    File(PathBuf),
}

/// The template set: built-in (embedded from `templates/rust/`) or a directory override.
#[derive(Debug, Clone)]
pub struct Templates {
    sources: BTreeMap<String, (String, Origin)>,
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Templates {
        let sources = MANIFEST
            .iter()
            .map(|e| (e.name.to_string(), (e.source.to_string(), Origin::Builtin)))
            .collect();
        Templates { sources }
    }

    /// Loads every `*.tera` of `dir`; missing ones fall back to the built-in ones.
    pub fn from_dir(dir: &Path) -> Result<Templates, Diagnostics> {
        let mut templates = Templates::builtin();
        let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| io_error(dir, &e))?.path();
            if path.extension().is_some_and(|x| x == "tera") && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, &e))?;
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            templates.sources.insert(name, (text, Origin::File(path)));
        }
        templates.engine()?;
        Ok(templates)
    }

    /// A Tera instance holding every template, with contractc's filters.
    pub(crate) fn engine(&self) -> Result<Tera, Diagnostics> {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        tera.register_filter("rust_str", |v: &Value, _: Kwargs, _: &State| {
            str_lit(&text_of(v))
        });
        tera.register_filter("raw_str", |v: &Value, _: Kwargs, _: &State| {
            raw_str_lit(&text_of(v))
        });
        let all = self
            .sources
            .iter()
            .map(|(n, (t, _))| (n.as_str(), t.as_str()));
        tera.add_raw_templates(all).map_err(|e| {
            one(
                format!("the Rust templates do not load: {}", chain(&e)),
                self.help(),
            )
        })?;
        Ok(tera)
    }

    /// The error of a template that failed: its name, where it came from, what went wrong.
    pub(crate) fn error(&self, name: &str, subject: &str, what: &str) -> Diagnostics {
        let origin = match self.sources.get(name) {
            Some((_, Origin::File(path))) => format!(" ({})", path.display()),
            _ => " (built-in)".to_string(),
        };
        one(
            format!("template `{name}`{origin}, rendering {subject}, {what}"),
            self.help(),
        )
    }

    fn help(&self) -> String {
        if self.sources.values().all(|(_, o)| *o == Origin::Builtin) {
            "this is a bug in contractc's built-in templates: please report it".to_string()
        } else {
            "fix the template named in the message, or the overriding templates it uses".to_string()
        }
    }
}

pub(crate) use crate::emit::error_chain as chain;

/// A collection holding one emit error.
pub(crate) fn one(message: String, help: String) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.push(Diagnostic::global(Code::RustEmit, message).with_help(help));
    d
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.push(Diagnostic::global(
        Code::Io,
        format!("cannot read templates from {}: {e}", path.display()),
    ));
    d
}
