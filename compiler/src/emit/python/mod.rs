//! The Python emitter: a checked catalog → a pip-installable package of pydantic v2 models.
//!
//! `DIR/python/` holds `pyproject.toml`, its stdlib-only build backend, and the package
//! `NAME/`: `models.py` (a model per message and record, an enum per enum), `runtime.py` (what
//! every model shares: identity, the contract's value rules, strict JSON), `validate.py`
//! (`python -m NAME.validate`), `__init__.py` and `py.typed`. The pipeline: names and
//! annotations from the model ([`context`], [`ident`], [`types`]) → the Tera templates of
//! `templates/python/` ([`templates`]).

mod context;
pub mod ident;
mod literal;
mod templates;
mod types;

use crate::check::CheckedCatalog;
use crate::diag::Diagnostics;
use serde::Serialize;
use std::path::PathBuf;

/// What `runtime.py` exports at the package's top level (unless a definition has the name).
const RUNTIME_EXPORTS: &[&str] = &[
    "ClaimsError",
    "ContractEnum",
    "ContractInfo",
    "ExemptMessage",
    "Identity",
    "IdentityError",
    "Message",
    "OrgId",
    "OrgOptionalMessage",
    "OrgRequiredMessage",
    "Record",
    "UserId",
    "read_json",
    "violations",
];

/// Every file of the Python package, by path relative to `DIR/python/`, in path order.
pub fn emit(catalog: CheckedCatalog<'_>) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let engine = templates::Engine::new()?;
    let names = context::Names::new(catalog.catalog());
    let package = &catalog.config.python.package;
    let count = catalog.definitions.len();
    let mut items = Vec::new();
    for def in catalog.definitions.values() {
        let text = match names.enum_ctx(def) {
            Some(e) => engine.render("enum.py.tera", "e", &e)?,
            None => engine.render("model.py.tera", "m", &names.model_ctx(def))?,
        };
        items.push(text.trim_end().to_owned());
    }
    let models = Models {
        definition_count: count,
        items,
        messages: names.registry(),
    };
    let config = &catalog.config;
    let runtime = Runtime {
        user_claim: literal::str_lit(&config.user_id.claim),
        org_claim: literal::str_lit(&config.org_id.claim),
        user_max: config.user_id.max_length,
        org_max: config.org_id.max_length,
    };
    let project = Project {
        package: package.clone(),
        version: config.python.version.clone(),
        definition_count: count,
    };
    let dir = PathBuf::from(package);
    let mut files = vec![
        (
            PathBuf::from("pyproject.toml"),
            engine.render("pyproject.toml.tera", "", &project)?,
        ),
        (
            PathBuf::from("build_backend.py"),
            engine.render("build_backend.py.tera", "", &project)?,
        ),
        (
            dir.join("__init__.py"),
            engine.render("__init__.py.tera", "", &init(&names, count))?,
        ),
        (
            dir.join("models.py"),
            engine.render("models.py.tera", "", &models)?,
        ),
        (dir.join("py.typed"), String::new()),
        (
            dir.join("runtime.py"),
            engine.render("runtime.py.tera", "", &runtime)?,
        ),
        (
            dir.join("validate.py"),
            engine.render("validate.py.tera", "", &project)?,
        ),
    ];
    for (_, text) in &mut files {
        tidy(text);
    }
    files.sort();
    Ok(files)
}

/// One trailing newline, no trailing spaces: what ruff and git expect of a file.
fn tidy(text: &mut String) {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out = lines.join("\n").trim_end().to_owned();
    // A class body whose loop rendered nothing leaves two blank lines; a block wants one.
    while out.contains("\n\n\n    ") {
        out = out.replace("\n\n\n    ", "\n\n    ");
    }
    if !out.is_empty() {
        out.push('\n');
    }
    *text = out;
}

#[derive(Serialize)]
struct Models {
    definition_count: usize,
    items: Vec<String>,
    messages: Vec<context::RegistryCtx>,
}

#[derive(Serialize)]
struct Runtime {
    user_claim: String,
    org_claim: String,
    user_max: u32,
    org_max: u32,
}

#[derive(Serialize)]
struct Project {
    package: String,
    version: String,
    definition_count: usize,
}

#[derive(Serialize)]
struct Init {
    summary: String,
    definition_count: usize,
    classes: Vec<String>,
    runtime: Vec<&'static str>,
    all: Vec<String>,
}

/// `__init__.py`: every class, and the runtime names no definition takes.
fn init(names: &context::Names<'_>, count: usize) -> Init {
    let classes: Vec<String> = names.classes.values().cloned().collect();
    let runtime: Vec<&'static str> = RUNTIME_EXPORTS
        .iter()
        .copied()
        .filter(|r| !classes.iter().any(|c| c == r))
        .collect();
    let mut all: Vec<String> = classes
        .iter()
        .cloned()
        .chain(runtime.iter().map(|r| (*r).to_owned()))
        .chain(["MESSAGES".to_owned()])
        .collect();
    // isort's order, as ruff's RUF022 wants it: CONSTANTS, then Classes, then functions.
    all.sort_by_key(|n| {
        let kind = if n.chars().all(|c| !c.is_ascii_lowercase()) {
            0
        } else if n.starts_with(|c: char| c.is_ascii_uppercase()) {
            1
        } else {
            2
        };
        (kind, n.clone())
    });
    Init {
        summary: "Message contracts with their identity: pydantic models generated by contractc."
            .to_owned(),
        definition_count: count,
        classes,
        runtime,
        all,
    }
}
