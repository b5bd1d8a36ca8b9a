//! Reading a catalog as it was at a git revision (`git:REV`), through the `git` command.
//!
//! The revision is resolved to a commit id first (so nothing the user types reaches git as
//! an option), the catalog's files are listed with `git ls-tree` and each one is read with
//! `git cat-file`, at most [`MAX_FILE_BYTES`] + 1 bytes of it, like files on disk.

use crate::parse::files::MAX_FILE_BYTES;
use std::ffi::OsStr;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A file of a catalog in memory: display path, path relative to the catalog, bytes.
pub type CatalogFile = (PathBuf, PathBuf, Vec<u8>);

/// Why git could not give us the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError {
    /// What went wrong, in one sentence.
    pub message: String,
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for GitError {}

fn error(message: impl Into<String>) -> GitError {
    GitError {
        message: message.into(),
    }
}

/// A catalog directory inside a git repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitCatalog {
    /// The top of the working tree.
    pub top: PathBuf,
    /// The catalog's path relative to `top`, with `/` separators; empty for the top itself.
    pub path: String,
}

impl GitCatalog {
    /// The repository enclosing the existing directory `dir`, and `dir`'s place in it.
    pub fn for_dir(dir: &Path) -> Result<Self, GitError> {
        if !dir.is_dir() {
            return Err(error(format!(
                "catalog directory {} does not exist",
                dir.display()
            )));
        }
        let top = toplevel(dir)?;
        let canonical = |p: &Path| {
            p.canonicalize()
                .map_err(|e| error(format!("cannot resolve {}: {e}", p.display())))
        };
        let (dir_abs, top_abs) = (canonical(dir)?, canonical(&top)?);
        let relative = dir_abs.strip_prefix(&top_abs).map_err(|_| {
            error(format!(
                "{} is not inside the git working tree {}",
                dir.display(),
                top.display()
            ))
        })?;
        Ok(GitCatalog {
            top,
            path: slash_path(relative),
        })
    }

    /// The repository enclosing `cwd`, and `cwd/relative` in it (which need not exist now).
    pub fn for_path_from(cwd: &Path, relative: &Path) -> Result<Self, GitError> {
        let top = toplevel(cwd)?;
        let prefix = text(git(cwd, ["rev-parse", "--show-prefix"])?);
        let path = format!("{}{}", prefix.trim(), slash_path(relative));
        Ok(GitCatalog {
            top,
            path: path.trim_end_matches('/').to_string(),
        })
    }

    /// Every `.yaml`/`.yml` file of the catalog at `rev`, displayed as `git:REV:path`.
    pub fn read(&self, rev: &str) -> Result<Vec<CatalogFile>, GitError> {
        let commit = self.resolve(rev)?;
        let mut files = Vec::new();
        for entry in self.list(&commit)? {
            let Some(relative) = self.relative(&entry.path) else {
                continue;
            };
            let bytes = self.blob(&entry.object)?;
            let display = PathBuf::from(format!("git:{rev}:{}", entry.path));
            files.push((display, PathBuf::from(relative), bytes));
        }
        Ok(files)
    }

    /// The commit id `rev` names.
    fn resolve(&self, rev: &str) -> Result<String, GitError> {
        if rev.is_empty() || rev.starts_with('-') {
            return Err(error(format!("`{rev}` is not a git revision")));
        }
        let spec = format!("{rev}^{{commit}}");
        git(&self.top, ["rev-parse", "--verify", "--quiet", &spec])
            .map(|out| text(out).trim().to_string())
            .map_err(|_| {
                error(format!(
                    "unknown git revision `{rev}` in {}",
                    self.top.display()
                ))
            })
    }

    /// The blobs below the catalog path at `commit`.
    fn list(&self, commit: &str) -> Result<Vec<TreeEntry>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", commit];
        if !self.path.is_empty() {
            args.extend(["--", self.path.as_str()]);
        }
        let out = git(&self.top, args)?;
        Ok(out
            .split(|&b| b == 0)
            .filter_map(TreeEntry::parse)
            .filter(|e| e.is_file())
            .collect())
    }

    /// The path of a listed file relative to the catalog, when it is a catalog file.
    fn relative<'a>(&self, path: &'a str) -> Option<&'a str> {
        let relative = if self.path.is_empty() {
            path
        } else {
            path.strip_prefix(self.path.as_str())?.strip_prefix('/')?
        };
        let yaml = relative.ends_with(".yaml") || relative.ends_with(".yml");
        yaml.then_some(relative)
    }

    /// The bytes of a blob, at most [`MAX_FILE_BYTES`] + 1 of them.
    fn blob(&self, object: &str) -> Result<Vec<u8>, GitError> {
        let failed = |e: std::io::Error| error(format!("cannot read git object {object}: {e}"));
        let mut child = command(&self.top, ["cat-file", "blob", object])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| error(format!("cannot run git: {e}")))?;
        let mut bytes = Vec::new();
        if let Some(out) = child.stdout.take() {
            out.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(failed)?;
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            // The front-end reports the file as too large; the rest is not needed.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(bytes);
        }
        let status = child.wait().map_err(failed)?;
        if !status.success() {
            return Err(error(format!("cannot read git object {object}")));
        }
        Ok(bytes)
    }
}

/// One line of `git ls-tree -z`: `<mode> SP <type> SP <object> TAB <path>`.
struct TreeEntry {
    mode: String,
    kind: String,
    object: String,
    path: String,
}

impl TreeEntry {
    fn parse(line: &[u8]) -> Option<Self> {
        let line = std::str::from_utf8(line).ok()?;
        let (meta, path) = line.split_once('\t')?;
        let mut parts = meta.split(' ');
        Some(TreeEntry {
            mode: parts.next()?.to_string(),
            kind: parts.next()?.to_string(),
            object: parts.next()?.to_string(),
            path: path.to_string(),
        })
    }

    /// A regular file: not a symlink (mode 120000) nor a submodule.
    fn is_file(&self) -> bool {
        self.kind == "blob" && self.mode != "120000"
    }
}

/// The top of the working tree enclosing `dir`.
fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let out = git(dir, ["rev-parse", "--show-toplevel"]).map_err(|e| {
        error(format!(
            "{} is not inside a git repository ({e})",
            dir.display()
        ))
    })?;
    Ok(PathBuf::from(text(out).trim_end_matches('\n')))
}

fn command<I, S>(dir: &Path, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args);
    cmd
}

/// Runs git in `dir`; its standard output, or its standard error as the error.
fn git<I, S>(dir: &Path, args: I) -> Result<Vec<u8>, GitError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = command(dir, args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| error(format!("cannot run git: {e}")))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(error(text(out.stderr).trim().to_string()))
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A relative path with `/` separators, as git writes paths.
fn slash_path(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(path: &str) -> GitCatalog {
        GitCatalog {
            top: PathBuf::from("/repo"),
            path: path.to_string(),
        }
    }

    #[test]
    fn ls_tree_lines_are_parsed_and_only_files_kept() {
        let file = TreeEntry::parse(b"100644 blob 0123abcd\tschemas/a b.yaml").expect("entry");
        assert_eq!(
            (file.object.as_str(), file.path.as_str()),
            ("0123abcd", "schemas/a b.yaml")
        );
        assert!(file.is_file());
        let link = TreeEntry::parse(b"120000 blob 0123abcd\tschemas/l.yaml").expect("entry");
        assert!(!link.is_file());
        let module = TreeEntry::parse(b"160000 commit 0123abcd\tschemas/sub").expect("entry");
        assert!(!module.is_file());
        assert!(TreeEntry::parse(b"").is_none());
    }

    #[test]
    fn only_yaml_files_below_the_catalog_path_belong_to_it() {
        let c = catalog("schemas");
        assert_eq!(c.relative("schemas/x/a.yaml"), Some("x/a.yaml"));
        assert_eq!(c.relative("schemas/b.yml"), Some("b.yml"));
        assert_eq!(c.relative("schemas/notes.txt"), None);
        assert_eq!(c.relative("schemas2/a.yaml"), None);
        assert_eq!(catalog("").relative("a.yaml"), Some("a.yaml"));
    }

    #[test]
    fn paths_use_slashes_without_dot_segments() {
        assert_eq!(slash_path(Path::new("./a/b")), "a/b");
        assert_eq!(slash_path(Path::new("")), "");
    }
}
