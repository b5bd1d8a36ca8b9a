//! `contractc build` and the build.rs API: check, then generate every output in memory, then
//! write only what changed. A failed check or emit writes nothing.

use crate::diag::{Diagnostics, render};
use crate::emit::{json_schema, python, rust};
use crate::model::{Catalog, Target, Targets};
use crate::output::{Outputs, Staleness};
use crate::{Checked, SourceMap};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the generated Rust file under `rust/` (CLI) or in `OUT_DIR` (build.rs).
pub const RUST_FILE: &str = "contracts.rs";

/// Every output of a catalog for the targets its `contractc.yaml` names (by default
/// `jsonschema/<Name>.schema.json`, the manifest `jsonschema/index.json` and
/// `rust/contracts.rs`).
pub fn generate(catalog: &Catalog, templates: &rust::Templates) -> Result<Outputs, Diagnostics> {
    generate_targets(catalog, templates, &catalog.config.targets)
}

/// Every output of `targets`: `jsonschema/<Name>.schema.json`, `rust/contracts.rs`, and the
/// Python package under `python/`. Every target is generated, so one run reports the
/// problems of all of them.
pub fn generate_targets(
    catalog: &Catalog,
    templates: &rust::Templates,
    targets: &Targets,
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
            match rust::emit(catalog, &schemas, templates) {
                Ok(code) => outputs.insert(Path::new("rust").join(RUST_FILE), code),
                Err(e) => errors.extend(e),
            }
        }
        if targets.has(Target::JsonSchema) {
            for (name, text) in schemas {
                outputs.insert(
                    Path::new("jsonschema").join(format!("{name}.schema.json")),
                    text,
                );
            }
            if catalog.messages().next().is_some() {
                let manifest = json_schema::to_text(&json_schema::manifest(catalog));
                outputs.insert(
                    Path::new("jsonschema").join(json_schema::MANIFEST_FILE),
                    manifest,
                );
            }
        }
    }
    if targets.has(Target::Python) {
        match python::emit(catalog) {
            Ok(files) => {
                for (rel, text) in files {
                    outputs.insert(Path::new(PYTHON_DIR).join(rel), text);
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

/// The directory of the Python package under `--out`.
pub const PYTHON_DIR: &str = "python";

/// Why a build failed. `Debug` prints the same text as `Display`, because a build script's
/// `main` returning `Err` shows its `Debug` form in cargo's output.
#[non_exhaustive]
pub enum Error {
    /// The catalog (or the templates) has errors; the text is the rendered diagnostics.
    Catalog {
        /// Number of errors.
        errors: usize,
        /// The diagnostics, rendered for humans.
        rendered: String,
    },
    /// Checked-in outputs differ from what the catalog generates.
    Stale(Vec<Staleness>),
    /// Reading or writing failed.
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Catalog { errors, rendered } => {
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

/// Options of a build, for build.rs (prost-build style); every setter replaces an earlier call.
#[derive(Debug, Clone)]
pub struct Builder {
    catalog: PathBuf,
    out_dir: Option<PathBuf>,
    json_schema_dir: Option<PathBuf>,
    python_dir: Option<PathBuf>,
    templates: Option<PathBuf>,
    deny_warnings: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

/// What a successful build did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The Rust file written (or left unchanged).
    pub rust_file: PathBuf,
    /// Files written or changed, across every output directory.
    pub written: Vec<PathBuf>,
    /// Warnings, rendered for humans (also printed as `cargo:warning=` lines).
    pub warnings: Vec<String>,
}

impl Builder {
    /// A builder for the catalog `schemas`, writing Rust to `$OUT_DIR`.
    pub fn new() -> Self {
        Builder {
            catalog: PathBuf::from("schemas"),
            out_dir: None,
            json_schema_dir: None,
            python_dir: None,
            templates: None,
            deny_warnings: false,
        }
    }

    /// The catalog directory, e.g. `.catalog("../schemas")`.
    pub fn catalog(mut self, dir: impl AsRef<Path>) -> Self {
        self.catalog = dir.as_ref().to_path_buf();
        self
    }

    /// Where `contracts.rs` goes; default `$OUT_DIR`. Include it with
    /// `include!(concat!(env!("OUT_DIR"), "/contracts.rs"));`.
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Also keep the JSON Schemas in `dir` (checked in for services in other languages), e.g.
    /// `.json_schema_dir("jsonschema")`. Under `CI=true` they are compared, not written, and a
    /// stale one fails the build with the command to run.
    pub fn json_schema_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.json_schema_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Also write the Python package of the catalog (pydantic models, `pip install DIR`) to
    /// `dir`, e.g. `.python_dir("python")`: the `python` target, as `contractc build --target
    /// python` writes it under `--out`. Under `CI=true` it is compared, not written, as the
    /// JSON Schemas are.
    pub fn python_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.python_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The targets this build generates: always Rust, and JSON Schema and Python when their
    /// directory is set.
    pub fn targets(&self) -> Targets {
        let mut targets = vec![Target::Rust];
        if self.json_schema_dir.is_some() {
            targets.push(Target::JsonSchema);
        }
        if self.python_dir.is_some() {
            targets.push(Target::Python);
        }
        Targets::of(targets)
    }

    /// Tera templates overriding the built-in ones (files missing there fall back).
    pub fn templates(mut self, dir: impl AsRef<Path>) -> Self {
        self.templates = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Makes warnings fail the build.
    pub fn deny_warnings(mut self, yes: bool) -> Self {
        self.deny_warnings = yes;
        self
    }

    /// Checks, generates and writes; prints `cargo:` lines when run from a build script.
    pub fn compile(self) -> Result<Summary, Error> {
        let in_build_script = std::env::var_os("OUT_DIR").is_some()
            && std::env::var_os("CARGO_MANIFEST_DIR").is_some();
        let out_dir = match (&self.out_dir, std::env::var_os("OUT_DIR")) {
            (Some(dir), _) => dir.clone(),
            (None, Some(dir)) => PathBuf::from(dir),
            (None, None) => {
                return Err(Error::Io(std::io::Error::other(
                    "no out_dir set and $OUT_DIR is not set (not in a build script)",
                )));
            }
        };
        let mut checked = crate::check_dir(&self.catalog);
        if in_build_script {
            self.print_rerun_lines(&checked.sources);
        }
        let outputs = self.checked_outputs(&mut checked)?;
        let warnings = render_warnings(&checked);
        if in_build_script {
            for w in &warnings {
                for line in w.lines().filter(|l| !l.trim().is_empty()) {
                    println!("cargo:warning={line}");
                }
            }
        }
        let mut summary = Summary {
            rust_file: out_dir.join(RUST_FILE),
            warnings,
            ..Summary::default()
        };
        let rust_path = Path::new("rust").join(RUST_FILE);
        if let Some(code) = outputs.files.get(&rust_path)
            && crate::output::write_if_changed(&summary.rust_file, code)?
        {
            summary.written.push(summary.rust_file.clone());
        }
        if let Some(dir) = &self.json_schema_dir {
            summary
                .written
                .extend(self.sync_dir(&outputs, "jsonschema", dir)?);
        }
        if let Some(dir) = &self.python_dir {
            summary
                .written
                .extend(self.sync_dir(&outputs, PYTHON_DIR, dir)?);
        }
        Ok(summary)
    }

    /// Checks and generates, turning diagnostics into an [`Error::Catalog`].
    fn checked_outputs(&self, checked: &mut Checked) -> Result<Outputs, Error> {
        if self.deny_warnings {
            checked.diagnostics.deny_warnings();
        }
        if !checked.diagnostics.has_errors() {
            let templates = match &self.templates {
                Some(dir) => rust::Templates::from_dir(dir),
                None => Ok(rust::Templates::builtin()),
            };
            match templates.and_then(|t| generate_targets(&checked.catalog, &t, &self.targets())) {
                Ok(outputs) => return Ok(outputs),
                Err(diags) => checked.diagnostics.extend(diags),
            }
        }
        let errors = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .collect::<Vec<_>>();
        let mut only_errors = Diagnostics::new();
        for d in errors {
            only_errors.push(d.clone());
        }
        Err(Error::Catalog {
            errors: only_errors.len(),
            rendered: render_human(&only_errors, &checked.sources),
        })
    }

    /// The outputs under `prefix/` kept in `dir`: written when changed, or compared under
    /// `CI=true`.
    fn sync_dir(&self, outputs: &Outputs, prefix: &str, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let mut kept = Outputs::default();
        for (rel, content) in &outputs.files {
            if let Ok(inner) = rel.strip_prefix(prefix) {
                kept.insert(inner, content.clone());
            }
        }
        if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
            let stale = kept.staleness(dir);
            return if stale.is_empty() {
                Ok(Vec::new())
            } else {
                Err(Error::Stale(stale))
            };
        }
        let summary = kept.write(dir)?;
        Ok(summary.written.into_iter().chain(summary.removed).collect())
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
        println!("cargo:rerun-if-env-changed=CI");
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
