//! The Python template set: embedded from `templates/python/`, rendered with Tera.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::emit::error_chain as chain;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

macro_rules! manifest {
    ($($name:literal),* $(,)?) => {
        /// Every built-in template: (name, text).
        pub(super) const MANIFEST: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../../templates/python/", $name)))),*
        ];
    };
}

manifest!(
    "enum.py.tera",
    "model.py.tera",
    "models.py.tera",
    "runtime.py.tera",
    "validate.py.tera",
    "__init__.py.tera",
    "pyproject.toml.tera",
    "build_backend.py.tera",
);

/// The loaded templates.
pub(super) struct Engine(Tera);

impl Engine {
    /// Every built-in template, with the `py_str` filter.
    pub(super) fn new() -> Result<Engine, Diagnostics> {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        tera.register_filter("py_str", |v: &Value, _: Kwargs, _: &State| {
            super::literal::str_lit(&crate::emit::template_text(v))
        });
        tera.add_raw_templates(MANIFEST.iter().copied())
            .map_err(|e| failure(format!("the Python templates do not load: {}", chain(&e))))?;
        Ok(Engine(tera))
    }

    /// Renders `template` with `value` as the variable `name` (or as the whole context when
    /// `name` is empty).
    pub(super) fn render(
        &self,
        template: &str,
        name: &str,
        value: &impl Serialize,
    ) -> Result<String, Diagnostics> {
        let context = if name.is_empty() {
            Context::from_serialize(value)
        } else {
            let mut context = Context::new();
            context.insert(name.to_owned(), value);
            Ok(context)
        };
        context
            .and_then(|c| self.0.render(template, &c))
            .map_err(|e| {
                failure(format!(
                    "template `{template}` does not render: {}",
                    chain(&e)
                ))
            })
    }
}

fn failure(message: String) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.push(
        Diagnostic::global(Code::PythonEmit, message)
            .with_help("this is a bug in contractc's built-in Python templates: please report it"),
    );
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_loads_and_a_failure_is_a_python_emit_error() {
        let engine = Engine::new().expect("the built-in templates load");
        let err = engine
            .render("no-such.py.tera", "m", &1)
            .expect_err("an unknown template does not render");
        let d = err.iter().next().expect("one diagnostic");
        assert_eq!(d.code, Code::PythonEmit);
        assert!(d.message.contains("no-such.py.tera"), "{}", d.message);
    }
}
