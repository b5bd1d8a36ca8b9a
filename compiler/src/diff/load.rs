//! Reading OLD and NEW (each a directory or `git:REV`) into one source map, so diagnostics
//! can point into either.

use super::git::{GitCatalog, GitError};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::model::Catalog;
use crate::source::SourceMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    /// A directory on disk.
    Dir(PathBuf),
    /// The same catalog path at a revision of the enclosing git repository (`git:REV`).
    Git(String),
}

impl CatalogSource {
    /// Reads a command-line argument: `git:REV`, or else a directory (`./git:x` for a
    /// directory whose name starts with `git:`).
    pub fn parse(arg: &str) -> Result<Self, String> {
        match arg.strip_prefix("git:") {
            Some("") => Err("`git:` needs a revision, as in `git:origin/main`".to_string()),
            Some(rev) => Ok(CatalogSource::Git(rev.to_string())),
            None => Ok(CatalogSource::Dir(PathBuf::from(arg))),
        }
    }
}

impl fmt::Display for CatalogSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogSource::Dir(dir) => write!(f, "{}", dir.display()),
            CatalogSource::Git(rev) => write!(f, "git:{rev}"),
        }
    }
}

/// OLD and NEW, checked, with every file of both in one source map.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The catalog before the change.
    pub old: Catalog,
    /// The catalog after the change.
    pub new: Catalog,
    /// What checking the two catalogs found (OLD's files come first).
    pub diagnostics: Diagnostics,
    /// Every file read.
    pub sources: SourceMap,
}

/// Several OLD catalogs and NEW, checked, with every file of all of them in one source map.
#[derive(Debug, Clone, Default)]
pub struct LoadedAll {
    /// The catalogs before the change, each with the argument that named it.
    pub olds: Vec<(String, Catalog)>,
    /// The catalog after the change.
    pub new: Catalog,
    /// What checking the catalogs found (the OLDs' files first, in order).
    pub diagnostics: Diagnostics,
    /// Every file read.
    pub sources: SourceMap,
}

/// Reads and checks OLD then NEW. Catalog errors are diagnostics; a git failure is an error.
///
/// A `git:REV` side reads the path of NEW's directory inside its repository, or `schemas`
/// (relative to the current directory) when NEW is itself `git:`.
pub fn load(old: &CatalogSource, new: &CatalogSource) -> Result<Loaded, GitError> {
    let mut all = load_all(std::slice::from_ref(old), new)?;
    let old = all.olds.pop().map(|(_, c)| c).unwrap_or_default();
    Ok(Loaded {
        old,
        new: all.new,
        diagnostics: all.diagnostics,
        sources: all.sources,
    })
}

/// Reads and checks every OLD in order, then NEW, as [`load`] does for one OLD.
pub fn load_all(olds: &[CatalogSource], new: &CatalogSource) -> Result<LoadedAll, GitError> {
    let any_git = olds.iter().any(|o| matches!(o, CatalogSource::Git(_)));
    let repo = match new {
        CatalogSource::Dir(_) if !any_git => None,
        CatalogSource::Dir(dir) => Some(GitCatalog::for_dir(dir)?),
        CatalogSource::Git(_) => Some(GitCatalog::for_path_from(
            Path::new("."),
            Path::new("schemas"),
        )?),
    };
    let mut loaded = LoadedAll::default();
    for old in olds {
        let (catalog, diags) = read(&mut loaded.sources, old, repo.as_ref())?;
        loaded.olds.push((old.to_string(), catalog));
        loaded.diagnostics.extend(diags);
    }
    let (catalog, diags) = read(&mut loaded.sources, new, repo.as_ref())?;
    loaded.new = catalog;
    loaded.diagnostics.extend(diags);
    Ok(loaded)
}

fn read(
    sources: &mut SourceMap,
    source: &CatalogSource,
    repo: Option<&GitCatalog>,
) -> Result<(Catalog, Diagnostics), GitError> {
    match (source, repo) {
        (CatalogSource::Dir(dir), _) => Ok(crate::check_dir_into(sources, dir)),
        (CatalogSource::Git(rev), Some(repo)) => {
            let files = repo.read(rev)?;
            let empty = files.is_empty();
            let (catalog, mut diags) = crate::check_files(sources, files);
            if empty {
                let path = if repo.path.is_empty() {
                    "."
                } else {
                    repo.path.as_str()
                };
                diags.push(Diagnostic::global(
                    Code::EmptyCatalog,
                    format!("no .yaml or .yml file below {path} at git:{rev}"),
                ));
            }
            Ok((catalog, diags))
        }
        (CatalogSource::Git(rev), None) => Err(GitError {
            message: format!("no git repository to read git:{rev} from"),
        }),
    }
}
