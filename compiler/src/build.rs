//! `contractc build` and the build.rs API, one entry point ([`Builder::run`]): check, then
//! generate every output in memory, then write only what changed, or compare instead. A
//! failed check or emit writes nothing.

use crate::check::CheckedCatalog;
use crate::diag::{Diagnostics, render};
use crate::emit::{json_schema, python, rust};
use crate::model::{Target, Targets};
use crate::output::{Outputs, Staleness, write_if_changed};
use crate::{Checked, SourceMap};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the generated Rust file under `rust/` (CLI) or in `OUT_DIR` (build.rs).
pub const RUST_FILE: &str = "contracts.rs";

/// Every output of a catalog for the targets its `contractc.yaml` names (by default
/// `jsonschema/<Name>.schema.json`, the manifest `jsonschema/index.json` and
/// `rust/contracts.rs`, with what `options` asks for).
pub fn generate(
    catalog: CheckedCatalog<'_>,
    templates: &rust::Templates,
    options: rust::Options,
) -> Result<Outputs, Diagnostics> {
    generate_targets(catalog, templates, &catalog.config.targets, options)
}

/// Every output of `targets`, each under its directory ([`target_dir`]): `rust/contracts.rs`
/// (with what `options` asks for), `jsonschema/<Name>.schema.json` with the manifest
/// `jsonschema/index.json`, and the Python package under `python/`. Every target is
/// generated, so one run reports the problems of all of them.
pub fn generate_targets(
    catalog: CheckedCatalog<'_>,
    templates: &rust::Templates,
    targets: &Targets,
    options: rust::Options,
) -> Result<Outputs, Diagnostics> {
    let mut outputs = Outputs::default();
    let mut errors = Diagnostics::new();
    if targets.has(Target::Rust) || targets.has(Target::JsonSchema) {
        // Each schema is printed as soon as it is built, so only its text stays in memory.
        let schemas: BTreeMap<String, String> = catalog
            .messages()
            .filter_map(|def| {
                let name = &def.name.value;
                let schema = json_schema::message_schema(catalog, name)?;
                Some((name.clone(), json_schema::to_text(&schema)))
            })
            .collect();
        if targets.has(Target::Rust) {
            match rust::emit(catalog, &schemas, templates, options) {
                Ok(code) => {
                    outputs.insert(Path::new(target_dir(Target::Rust)).join(RUST_FILE), code)
                }
                Err(e) => errors.extend(e),
            }
        }
        if targets.has(Target::JsonSchema) {
            let dir = Path::new(target_dir(Target::JsonSchema));
            for (name, text) in schemas {
                outputs.insert(dir.join(format!("{name}.schema.json")), text);
            }
            if catalog.messages().next().is_some() {
                let manifest = json_schema::to_text(&json_schema::manifest(catalog));
                outputs.insert(dir.join(json_schema::MANIFEST_FILE), manifest);
            }
        }
    }
    if targets.has(Target::Python) {
        match python::emit(catalog) {
            Ok(files) => {
                let dir = Path::new(target_dir(Target::Python));
                for (rel, text) in files {
                    outputs.insert(dir.join(rel), text);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(outputs)
    } else {
        Err(errors)
    }
}

/// The directory of a target's outputs under `contractc build --out DIR`.
pub fn target_dir(target: Target) -> &'static str {
    match target {
        Target::Rust => "rust",
        Target::JsonSchema => "jsonschema",
        Target::Python => "python",
    }
}

/// Why a build failed. `Debug` prints the same text as `Display`, because a build script's
/// `main` returning `Err` shows its `Debug` form in cargo's output.
#[non_exhaustive]
pub enum Error {
    /// The catalog (or the templates) has errors; nothing was written.
    Catalog {
        /// Number of errors.
        errors: usize,
        /// The errors, rendered for humans.
        rendered: String,
        /// What was read and found, for rendering the diagnostics another way.
        checked: Box<Checked>,
    },
    /// Checked-in outputs differ from what the catalog generates (with [`Builder::check`]).
    Stale(Vec<Staleness>),
    /// Reading or writing failed.
    Io(std::io::Error),
}

impl Error {
    fn catalog(checked: Checked) -> Self {
        let mut only_errors = Diagnostics::new();
        for d in checked.diagnostics.iter() {
            if d.severity == crate::Severity::Error {
                only_errors.push(d.clone());
            }
        }
        Error::Catalog {
            errors: only_errors.len(),
            rendered: render_human(&only_errors, &checked.sources),
            checked: Box::new(checked),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Catalog {
                errors, rendered, ..
            } => {
                write!(
                    f,
                    "{rendered}contract catalog has {errors} error(s); nothing was generated"
                )
            }
            Error::Stale(items) => {
                writeln!(f, "generated files are stale:")?;
                for s in items {
                    writeln!(f, "  {s}")?;
                }
                write!(
                    f,
                    "run `cargo build` outside CI (or `contractc build`) and commit the result"
                )
            }
            Error::Io(e) => write!(f, "I/O error: {e}"),
        }
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

/// Compiles `catalog` from a build script with every default: the one-liner.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), contractc::build::Error> {
///     contractc::build::compile("../schemas")
/// }
/// ```
pub fn compile(catalog: impl AsRef<Path>) -> Result<(), Error> {
    Builder::new().catalog(catalog).compile().map(|_| ())
}

/// Options of a build (prost-build style), for build.rs and for `contractc build`; every
/// setter replaces an earlier call.
#[derive(Debug, Clone)]
pub struct Builder {
    catalog: PathBuf,
    out_dir: Option<PathBuf>,
    output_dir: Option<PathBuf>,
    targets: Option<Targets>,
    json_schema_dir: Option<PathBuf>,
    python_dir: Option<PathBuf>,
    templates: Option<PathBuf>,
    rust: rust::Options,
    deny_warnings: bool,
    check: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

/// What a successful [`Builder::compile`] did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The Rust file written (or left unchanged).
    pub rust_file: PathBuf,
    /// Files written or changed, across every output directory.
    pub written: Vec<PathBuf>,
    /// Warnings, rendered for humans (also printed as `cargo:warning=` lines).
    pub warnings: Vec<String>,
}

/// What a successful [`Builder::run`] did.
#[derive(Debug)]
pub struct Built {
    /// What was read and found (warnings only: a build with errors fails).
    pub checked: Checked,
    /// Every output, by path relative to an output directory laid out as `contractc build
    /// --out` lays it out (`jsonschema/<Name>.schema.json`, `rust/contracts.rs`).
    pub outputs: Outputs,
    /// The Rust file written to [`Builder::out_dir`] (or `$OUT_DIR`), if any.
    pub rust_file: Option<PathBuf>,
    /// Files created or changed.
    pub written: Vec<PathBuf>,
    /// Files already up to date, left alone.
    pub unchanged: usize,
    /// Generated files removed because their definition is gone.
    pub removed: Vec<PathBuf>,
    /// With [`Builder::check`]: every difference between the outputs and the disk.
    pub stale: Vec<Staleness>,
}

impl Builder {
    /// A builder for the catalog `schemas`, writing Rust to `$OUT_DIR`.
    pub fn new() -> Self {
        Builder {
            catalog: PathBuf::from("schemas"),
            out_dir: None,
            output_dir: None,
            targets: None,
            json_schema_dir: None,
            python_dir: None,
            templates: None,
            rust: rust::Options::default(),
            deny_warnings: false,
            check: false,
        }
    }

    /// The catalog directory, e.g. `.catalog("../schemas")`.
    pub fn catalog(mut self, dir: impl AsRef<Path>) -> Self {
        self.catalog = dir.as_ref().to_path_buf();
        self
    }

    /// Where `contracts.rs` goes; default `$OUT_DIR` (unless [`Builder::output_dir`] is set).
    /// Include it with `include!(concat!(env!("OUT_DIR"), "/contracts.rs"));`. Only that file
    /// is written there, and written even under [`Builder::check`]: it is the build's own.
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Every output of the [targets](Builder::targets) in one directory that contractc owns,
    /// as `contractc build --out DIR` writes it: `DIR/rust/contracts.rs`,
    /// `DIR/jsonschema/<Name>.schema.json` and the Python package `DIR/python/`. A file there
    /// that looks generated (`*.schema.json`, `*.rs`) and is no longer produced is removed.
    pub fn output_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.output_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The targets [`Builder::output_dir`] gets, as `--target` chooses them; default the
    /// `targets:` of `contractc.yaml` (rust and json-schema). [`Builder::out_dir`],
    /// [`Builder::json_schema_dir`] and [`Builder::python_dir`] get their own target whatever
    /// this says.
    pub fn targets(mut self, targets: impl IntoIterator<Item = Target>) -> Self {
        self.targets = Some(Targets::of(targets));
        self
    }

    /// Also keep the JSON Schemas in `dir` (checked in for services in other languages), e.g.
    /// `.json_schema_dir("jsonschema")`; a `*.schema.json` there that is no longer produced is
    /// removed.
    pub fn json_schema_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.json_schema_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Also keep the Python package of the catalog (the `python` target: pydantic models,
    /// `pip install DIR`) in `dir`, e.g. `.python_dir("python")`, laid out as `contractc build
    /// --target python` lays out `--out DIR/python/`.
    pub fn python_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.python_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Tera templates overriding the built-in ones (files missing there fall back).
    pub fn templates(mut self, dir: impl AsRef<Path>) -> Self {
        self.templates = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Also generates `validate_json(name, bytes)`, which parses and validates a message
    /// named at run time (`MESSAGE_NAMES` lists the names either way); off by default.
    ///
    /// It compiles the parse of every message of the catalog into the crate, which is most
    /// of what that crate costs to compile; without it, a service pays only for the
    /// messages it parses (`T::from_json`). Turn it on for a tool that must answer for any
    /// message, such as the `contracts` crate's `validate` example:
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), contractc::build::Error> {
    ///     contractc::build::Builder::new().catalog("../schemas").registry(true).compile().map(drop)
    /// }
    /// ```
    pub fn registry(mut self, yes: bool) -> Self {
        self.rust = self.rust.registry(yes);
        self
    }

    /// Makes warnings fail the build.
    pub fn deny_warnings(mut self, yes: bool) -> Self {
        self.deny_warnings = yes;
        self
    }

    /// Compares the checked-in outputs ([`Builder::output_dir`], [`Builder::json_schema_dir`],
    /// [`Builder::python_dir`]) with what the catalog generates instead of writing them, as `contractc build --check`
    /// does; [`Builder::compile`] then fails with [`Error::Stale`] on any difference. For CI,
    /// e.g. `.check(std::env::var("CI").is_ok_and(|v| v == "true"))`.
    pub fn check(mut self, yes: bool) -> Self {
        self.check = yes;
        self
    }

    /// Checks, generates, then writes (or compares) every output: the one entry point of
    /// `contractc build` and of build scripts. The diagnostics are returned, never printed.
    pub fn run(&self) -> Result<Built, Error> {
        let mut checked = crate::check_dir(&self.catalog);
        if self.deny_warnings {
            checked.diagnostics.deny_warnings();
        }
        let rust_dir = self.rust_dir()?;
        let dir_targets = self
            .targets
            .clone()
            .unwrap_or_else(|| checked.catalog().config.targets.clone());
        let mut targets: Vec<Target> = Vec::new();
        if self.output_dir.is_some() {
            targets.extend(dir_targets.iter());
        }
        if rust_dir.is_some() {
            targets.push(Target::Rust);
        }
        if self.json_schema_dir.is_some() {
            targets.push(Target::JsonSchema);
        }
        if self.python_dir.is_some() {
            targets.push(Target::Python);
        }
        let outputs = match self.generate(&mut checked, &Targets::of(targets)) {
            Some(outputs) => outputs,
            None => return Err(Error::catalog(checked)),
        };
        let mut built = Built {
            checked,
            outputs,
            rust_file: None,
            written: Vec::new(),
            unchanged: 0,
            removed: Vec::new(),
            stale: Vec::new(),
        };
        if let Some(dir) = rust_dir {
            let path = dir.join(RUST_FILE);
            let code = built.outputs.files.get(&Path::new("rust").join(RUST_FILE));
            if let Some(code) = code {
                if write_if_changed(&path, code)? {
                    built.written.push(path.clone());
                } else {
                    built.unchanged += 1;
                }
            }
            built.rust_file = Some(path);
        }
        for (dir, outputs) in self.owned_dirs(&built.outputs, &dir_targets) {
            if self.check {
                built.stale.extend(outputs.staleness(&dir));
            } else {
                let summary = outputs.write(&dir)?;
                built.written.extend(summary.written);
                built.unchanged += summary.unchanged;
                built.removed.extend(summary.removed);
            }
        }
        Ok(built)
    }

    /// [`Builder::run`] for a build script: prints `cargo:` lines when run from one (the
    /// files to watch, the warnings), renders the errors for cargo's output, and fails with
    /// [`Error::Stale`] when a compared output differs.
    pub fn compile(self) -> Result<Summary, Error> {
        let in_build_script = std::env::var_os("OUT_DIR").is_some()
            && std::env::var_os("CARGO_MANIFEST_DIR").is_some();
        let result = self.run();
        if in_build_script {
            match &result {
                Ok(built) => self.print_rerun_lines(&built.checked.sources),
                Err(Error::Catalog { checked, .. }) => self.print_rerun_lines(&checked.sources),
                Err(_) => {}
            }
        }
        let built = result?;
        let warnings = render_warnings(&built.checked);
        if in_build_script {
            for w in &warnings {
                for line in w.lines().filter(|l| !l.trim().is_empty()) {
                    println!("cargo:warning={line}");
                }
            }
        }
        if !built.stale.is_empty() {
            return Err(Error::Stale(built.stale));
        }
        Ok(Summary {
            rust_file: built.rust_file.unwrap_or_default(),
            written: built.written,
            warnings,
        })
    }

    /// Every output, unless the catalog or the templates have errors (added to `checked`).
    fn generate(&self, checked: &mut Checked, targets: &Targets) -> Option<Outputs> {
        let catalog = checked.emittable()?;
        let templates = match &self.templates {
            Some(dir) => rust::Templates::from_dir(dir),
            None => Ok(rust::Templates::builtin()),
        };
        match templates.and_then(|t| generate_targets(catalog, &t, targets, self.rust)) {
            Ok(outputs) => Some(outputs),
            Err(diags) => {
                checked.diagnostics.extend(diags);
                None
            }
        }
    }

    /// Where `contracts.rs` alone is written: `out_dir`, else `$OUT_DIR` unless the Rust goes
    /// to `output_dir`.
    fn rust_dir(&self) -> Result<Option<PathBuf>, Error> {
        match (&self.out_dir, &self.output_dir, std::env::var_os("OUT_DIR")) {
            (Some(dir), _, _) => Ok(Some(dir.clone())),
            (None, Some(_), _) => Ok(None),
            (None, None, Some(dir)) => Ok(Some(PathBuf::from(dir))),
            (None, None, None) => Err(Error::Io(std::io::Error::other(
                "no out_dir set and $OUT_DIR is not set (not in a build script)",
            ))),
        }
    }

    /// The directories contractc owns, each with the outputs that belong there: the output
    /// directory those of `dir_targets`, a target's own directory that target's, unprefixed.
    fn owned_dirs(&self, outputs: &Outputs, dir_targets: &Targets) -> Vec<(PathBuf, Outputs)> {
        let mut dirs = Vec::new();
        if let Some(dir) = &self.output_dir {
            let mut chosen = Outputs::default();
            for (rel, content) in &outputs.files {
                if dir_targets.iter().any(|t| rel.starts_with(target_dir(t))) {
                    chosen.insert(rel.clone(), content.clone());
                }
            }
            dirs.push((dir.clone(), chosen));
        }
        for (own, target) in [
            (&self.json_schema_dir, Target::JsonSchema),
            (&self.python_dir, Target::Python),
        ] {
            if let Some(dir) = own {
                let mut inner = Outputs::default();
                for (rel, content) in &outputs.files {
                    if let Ok(rel) = rel.strip_prefix(target_dir(target)) {
                        inner.insert(rel, content.clone());
                    }
                }
                dirs.push((dir.clone(), inner));
            }
        }
        dirs
    }

    /// `cargo:rerun-if-changed` for the catalog directory, every file read, and the templates.
    fn print_rerun_lines(&self, sources: &SourceMap) {
        println!("cargo:rerun-if-changed={}", self.catalog.display());
        for (_, file) in sources.iter() {
            println!("cargo:rerun-if-changed={}", file.path.display());
        }
        if let Some(t) = &self.templates {
            println!("cargo:rerun-if-changed={}", t.display());
        }
    }
}

fn render_human(diags: &Diagnostics, sources: &SourceMap) -> String {
    let mut out = Vec::new();
    let _ = render::render(diags, sources, render::Format::Human, false, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn render_warnings(checked: &Checked) -> Vec<String> {
    checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::Severity::Warning)
        .map(|d| {
            let mut one = Diagnostics::new();
            one.push(d.clone());
            render_human(&one, &checked.sources)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]
mod tests;
