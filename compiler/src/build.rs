//! `contractc build` and the build.rs API: check, then generate every output in memory, then
//! write only what changed. A failed check or emit writes nothing.

use crate::check::CheckedCatalog;
use crate::diag::{Diagnostics, render};
use crate::emit::{json_schema, rust};
use crate::output::{Outputs, Staleness};
use crate::{Checked, SourceMap};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the generated Rust file under `rust/` (CLI) or in `OUT_DIR` (build.rs).
pub const RUST_FILE: &str = "contracts.rs";

/// Every output of a catalog: `jsonschema/<Name>.schema.json` and `rust/contracts.rs`.
pub fn generate(
    catalog: CheckedCatalog<'_>,
    templates: &rust::Templates,
) -> Result<Outputs, Diagnostics> {
    // Each schema is printed as soon as it is built, so only its text stays in memory.
    let schemas: BTreeMap<String, String> = catalog
        .messages()
        .filter_map(|def| {
            let name = &def.name.value;
            let schema = json_schema::message_schema(catalog, name)?;
            Some((name.clone(), json_schema::to_text(&schema)))
        })
        .collect();
    let code = rust::emit(catalog, &schemas, templates)?;
    let mut outputs = Outputs::default();
    for (name, text) in schemas {
        outputs.insert(
            Path::new("jsonschema").join(format!("{name}.schema.json")),
            text,
        );
    }
    outputs.insert(Path::new("rust").join(RUST_FILE), code);
    Ok(outputs)
}

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
                .extend(self.sync_json_schemas(&outputs, dir)?);
        }
        Ok(summary)
    }

    /// Checks and generates, turning diagnostics into an [`Error::Catalog`].
    fn checked_outputs(&self, checked: &mut Checked) -> Result<Outputs, Error> {
        if self.deny_warnings {
            checked.diagnostics.deny_warnings();
        }
        if let Some(catalog) = checked.emittable() {
            let templates = match &self.templates {
                Some(dir) => rust::Templates::from_dir(dir),
                None => Ok(rust::Templates::builtin()),
            };
            match templates.and_then(|t| generate(catalog, &t)) {
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

    /// The JSON Schemas in `dir`: written when changed, or compared under `CI=true`.
    fn sync_json_schemas(&self, outputs: &Outputs, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let mut schemas = Outputs::default();
        for (rel, content) in &outputs.files {
            if let (Some("jsonschema"), Some(name)) =
                (rel.parent().and_then(Path::to_str), rel.file_name())
            {
                schemas.insert(name, content.clone());
            }
        }
        if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
            let stale = schemas.staleness(dir);
            return if stale.is_empty() {
                Ok(Vec::new())
            } else {
                Err(Error::Stale(stale))
            };
        }
        let summary = schemas.write(dir)?;
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
