//! contractc: compiles a catalog of YAML message contracts into Rust, JSON Schema and
//! validators that always carry the user and organization each message belongs to.
//!
//! The pipeline is visible in the modules: [`parse`] (YAML with positions → raw
//! definitions) → [`resolve`] (names, types, config → [`model`]) → [`check`]
//! (diagnostics) → [`emit`] (Rust, JSON Schema, graph). [`diff`] compares two models.

pub mod build;
pub mod check;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod model;
pub mod output;
pub mod parse;
pub mod resolve;
pub mod source;

pub use check::CheckedCatalog;
pub use diag::{Code, Diagnostic, Diagnostics, Severity};
pub use model::{Catalog, Facts};
pub use source::SourceMap;

use std::path::{Path, PathBuf};

/// The result of reading and checking a catalog: the model, what was found, and the sources.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The resolved model; complete only when no phase found an error.
    catalog: Catalog,
    /// What was derived from it, once.
    facts: Facts,
    /// Parsing, resolving and checking found no error.
    passed: bool,
    /// Every diagnostic of every file.
    pub diagnostics: Diagnostics,
    /// The files read, for rendering diagnostics with source excerpts.
    pub sources: SourceMap,
}

impl Checked {
    /// Runs every check of the model on a catalog built in memory (by a tool or a test)
    /// rather than read from YAML.
    pub fn from_catalog(catalog: Catalog) -> Checked {
        let mut diagnostics = Diagnostics::new();
        let facts = Facts::of(&catalog);
        check::check(&catalog, &facts, &mut diagnostics);
        diagnostics.sort();
        Checked::new(catalog, facts, diagnostics, SourceMap::default())
    }

    /// Checks a catalog given as files in memory, as [`check_files`] does, in its own source map.
    pub fn from_files(files: Vec<(PathBuf, PathBuf, Vec<u8>)>) -> Checked {
        let mut sources = SourceMap::default();
        let (catalog, facts, diagnostics) =
            run(&mut sources, sorted_inputs(files), Diagnostics::new());
        Checked::new(catalog, facts, diagnostics, sources)
    }

    fn new(catalog: Catalog, facts: Facts, diagnostics: Diagnostics, sources: SourceMap) -> Self {
        Checked {
            passed: !diagnostics.has_errors(),
            catalog,
            facts,
            diagnostics,
            sources,
        }
    }

    /// The resolved model (complete only when there is no error).
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog for the emitters: `None` when any phase found an error, or an error was
    /// added since (`--deny-warnings`, a template that does not render).
    pub fn emittable(&self) -> Option<CheckedCatalog<'_>> {
        (self.passed && !self.diagnostics.has_errors())
            .then(|| CheckedCatalog::vouch(&self.catalog, &self.facts))
    }
}

/// Reads the catalog directory `dir` (recursively, sorted) and runs every check.
pub fn check_dir(dir: &Path) -> Checked {
    let mut sources = SourceMap::default();
    let (catalog, facts, diagnostics) = read_dir_into(&mut sources, dir);
    Checked::new(catalog, facts, diagnostics, sources)
}

/// Like [`check_dir`], adding the files to an existing source map (for `diff`, which reads two).
pub fn check_dir_into(sources: &mut SourceMap, dir: &Path) -> (Catalog, Diagnostics) {
    let (catalog, _, diagnostics) = read_dir_into(sources, dir);
    (catalog, diagnostics)
}

fn read_dir_into(sources: &mut SourceMap, dir: &Path) -> (Catalog, Facts, Diagnostics) {
    let mut found = Diagnostics::new();
    let files = parse::files::read_dir(dir, &mut found);
    if files.is_empty() && !found.has_errors() {
        found.push(Diagnostic::global(
            Code::EmptyCatalog,
            format!("no .yaml or .yml file below {}", dir.display()),
        ));
    }
    // Problems with the directory itself point at the directory, so that every diagnostic
    // names a file and a line (SARIF consumers reject results without a location).
    let mut diags = Diagnostics::new();
    let mut dir_file = None;
    for mut d in found {
        if d.pos.is_none() {
            let id = *dir_file.get_or_insert_with(|| sources.add(dir.to_path_buf(), String::new()));
            d.pos = Some(source::Pos::file_start(id));
        }
        diags.push(d);
    }
    run(sources, files, diags)
}

/// Checks a catalog given as files in memory: `(display path, relative path in the catalog, bytes)`.
/// A file whose relative path is `contractc.yaml` is the project config.
pub fn check_files(
    sources: &mut SourceMap,
    files: Vec<(PathBuf, PathBuf, Vec<u8>)>,
) -> (Catalog, Diagnostics) {
    let (catalog, _, diagnostics) = run(sources, sorted_inputs(files), Diagnostics::new());
    (catalog, diagnostics)
}

/// In-memory files as parse inputs, in catalog order.
fn sorted_inputs(files: Vec<(PathBuf, PathBuf, Vec<u8>)>) -> Vec<parse::InputFile> {
    let mut files: Vec<_> = files
        .into_iter()
        .map(|(display, relative, bytes)| parse::InputFile {
            display,
            relative,
            bytes,
            error: None,
        })
        .collect();
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    files
}

/// The phases, in order: parse, resolve, derive the facts, check. Each collects; none stops
/// the others.
fn run(
    sources: &mut SourceMap,
    files: Vec<parse::InputFile>,
    mut diags: Diagnostics,
) -> (Catalog, Facts, Diagnostics) {
    let parsed = parse::parse_files(sources, files, &mut diags);
    let catalog = resolve::resolve(&parsed, &mut diags);
    let facts = Facts::of(&catalog);
    check::check(&catalog, &facts, &mut diags);
    diags.sort();
    (catalog, facts, diags)
}

/// The codes and lines of the diagnostics of a one-file catalog, for unit tests.
#[cfg(test)]
pub(crate) fn diagnose_yaml(yaml: &str) -> Vec<(Code, u32)> {
    let mut sources = SourceMap::default();
    let file = PathBuf::from("c.yaml");
    let (_, diags) = check_files(&mut sources, vec![(file.clone(), file, yaml.into())]);
    diags
        .iter()
        .map(|d| (d.code, d.pos.map_or(0, |p| p.line)))
        .collect()
}
