//! Writing generated files: only what changed, each one atomically (temp file + rename),
//! and files contractc generated earlier that no longer have a source are removed.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Generated files in memory, by path relative to the output directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outputs {
    /// Relative path → content.
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files created or changed.
    pub written: Vec<PathBuf>,
    /// Files already up to date (left alone, so their mtime does not change).
    pub unchanged: usize,
    /// Generated files removed because their definition is gone.
    pub removed: Vec<PathBuf>,
}

/// How a file on disk differs from what would be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Staleness {
    /// Not on disk.
    Missing(PathBuf),
    /// On disk with other content.
    Changed(PathBuf),
    /// On disk, generated earlier, but no longer produced.
    Extra(PathBuf),
}

impl std::fmt::Display for Staleness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Staleness::Missing(p) => write!(f, "missing: {}", p.display()),
            Staleness::Changed(p) => write!(f, "out of date: {}", p.display()),
            Staleness::Extra(p) => write!(f, "no longer generated: {}", p.display()),
        }
    }
}

/// Suffixes of files contractc owns in an output directory.
const OWNED_SUFFIXES: [&str; 2] = [".schema.json", ".rs"];

impl Outputs {
    /// Adds a file.
    pub fn insert(&mut self, path: impl Into<PathBuf>, content: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), content.into());
    }

    /// Every difference between `dir` and these outputs, in path order.
    pub fn staleness(&self, dir: &Path) -> Vec<Staleness> {
        let mut stale = Vec::new();
        for (rel, content) in &self.files {
            match std::fs::read(dir.join(rel)) {
                Ok(existing) if existing == *content => {}
                Ok(_) => stale.push(Staleness::Changed(dir.join(rel))),
                Err(_) => stale.push(Staleness::Missing(dir.join(rel))),
            }
        }
        stale.extend(self.extra_files(dir).into_iter().map(Staleness::Extra));
        stale
    }

    /// Files in the directories these outputs write to, that look generated but are not produced.
    pub fn extra_files(&self, dir: &Path) -> Vec<PathBuf> {
        let subdirs: std::collections::BTreeSet<_> = self
            .files
            .keys()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        let mut extra = Vec::new();
        for sub in subdirs {
            let Ok(entries) = std::fs::read_dir(dir.join(&sub)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = sub.join(&name);
                let owned = OWNED_SUFFIXES.iter().any(|s| name.ends_with(s));
                if owned && !self.files.contains_key(&rel) && entry.path().is_file() {
                    extra.push(entry.path());
                }
            }
        }
        extra.sort();
        extra
    }

    /// Writes every changed file atomically and removes generated files no longer produced.
    pub fn write(&self, dir: &Path) -> std::io::Result<WriteSummary> {
        let mut summary = WriteSummary::default();
        for (rel, content) in &self.files {
            let path = dir.join(rel);
            if write_if_changed(&path, content)? {
                summary.written.push(path);
            } else {
                summary.unchanged += 1;
            }
        }
        for extra in self.extra_files(dir) {
            std::fs::remove_file(&extra)?;
            summary.removed.push(extra);
        }
        Ok(summary)
    }
}

/// Writes `content` to `path` through a temporary file in the same directory and a rename,
/// unless the file already holds exactly that; returns whether it wrote. A reader sees the old
/// file or the new one, never a part. There is no fsync, as in cargo's own outputs: a crash can
/// lose a write, never tear one, and the next build writes it again. On an error the temporary
/// file is removed.
pub fn write_if_changed(path: &Path, content: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == content) {
        return Ok(false);
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let (tmp, file) = create_temp(parent, path, &TEMP_COUNTER)?;
    let result = fill(file, content).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        // The error to report is the write's or the rename's; a failed clean-up adds nothing.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| true)
}

/// Writes `content` and closes the file (before the rename: some systems refuse to rename an
/// open file).
fn fill(mut file: File, content: &[u8]) -> std::io::Result<()> {
    file.write_all(content)
}

/// Temporary names made so far by this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates a new file beside `path`: `.<name>.<pid>.<n>.tmp`, `n` taken from `counter`, never
/// an existing one (a name left by a crashed run with the same pid is skipped). `File::create_new` gives it the
/// permissions of a plainly created file (0666 less the umask), which the rename keeps. The
/// `.tmp` suffix keeps it out of [`OWNED_SUFFIXES`].
fn create_temp(
    parent: &Path,
    path: &Path,
    counter: &AtomicU64,
) -> std::io::Result<(PathBuf, File)> {
    // A prefix of the name shows whose file it is and keeps the temporary name within the
    // file system's limit on name length.
    let name: String = path.file_name().map_or_else(String::new, |n| {
        n.to_string_lossy().chars().take(64).collect()
    });
    let pid = std::process::id();
    for _ in 0..TEMP_ATTEMPTS {
        let n = counter.fetch_add(1, Ordering::Relaxed);
        let tmp = parent.join(format!(".{name}.{pid}.{n}.tmp"));
        match File::create_new(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!(
            "no free temporary name beside {} after {TEMP_ATTEMPTS} tries",
            path.display()
        ),
    ))
}

/// How many taken temporary names [`create_temp`] skips before it gives up.
const TEMP_ATTEMPTS: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs() -> Outputs {
        let mut o = Outputs::default();
        o.insert("jsonschema/A.schema.json", "{}\n");
        o.insert("rust/contracts.rs", "// x\n");
        o
    }

    #[test]
    fn writes_only_changes_and_removes_orphans() {
        let dir = tempfile::tempdir().unwrap();
        let o = outputs();
        assert_eq!(o.staleness(dir.path()).len(), 2);
        let first = o.write(dir.path()).unwrap();
        assert_eq!(first.written.len(), 2);
        assert!(o.staleness(dir.path()).is_empty());
        let second = o.write(dir.path()).unwrap();
        assert!(second.written.is_empty());
        assert_eq!(second.unchanged, 2);

        std::fs::write(dir.path().join("jsonschema/Old.schema.json"), "{}").unwrap();
        std::fs::write(dir.path().join("jsonschema/notes.txt"), "mine").unwrap();
        let stale = o.staleness(dir.path());
        assert_eq!(
            stale,
            vec![Staleness::Extra(
                dir.path().join("jsonschema/Old.schema.json")
            )]
        );
        let third = o.write(dir.path()).unwrap();
        assert_eq!(third.removed.len(), 1);
        assert!(
            dir.path().join("jsonschema/notes.txt").exists(),
            "files we do not own stay"
        );
    }

    #[test]
    fn unchanged_file_keeps_its_mtime() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rs");
        assert!(write_if_changed(&path, b"a").unwrap());
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!write_if_changed(&path, b"a").unwrap());
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rs");
        write_if_changed(&path, b"a").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, the owner can read and write, and the mode is not tempfile's 0600
        // unless the umask asks for it (077).
        assert_eq!(mode & 0o600, 0o600, "{mode:o}");
        let umask = std::process::Command::new("sh")
            .args(["-c", "umask"])
            .output()
            .unwrap();
        let umask = u32::from_str_radix(String::from_utf8_lossy(&umask.stdout).trim(), 8).unwrap();
        assert_eq!(mode, 0o666 & !umask, "{mode:o} with umask {umask:o}");
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a directory: the temporary file is written, the rename fails.
        let path = dir.path().join("f.rs");
        std::fs::create_dir(&path).unwrap();
        assert!(write_if_changed(&path, b"a").is_err());
        assert_eq!(names(dir.path()), ["f.rs"]);
        assert!(path.is_dir(), "the directory is left as it was");
    }

    #[test]
    fn a_taken_temporary_name_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rs");
        // Names a crashed run with this pid could have left.
        let pid = std::process::id();
        for n in 0..3 {
            std::fs::write(dir.path().join(format!(".f.rs.{pid}.{n}.tmp")), "stale").unwrap();
        }
        let counter = AtomicU64::new(0);
        let (tmp, file) = create_temp(dir.path(), &path, &counter).unwrap();
        drop(file);
        assert_eq!(tmp, dir.path().join(format!(".f.rs.{pid}.3.tmp")));
        for n in 0..3 {
            let kept = std::fs::read(dir.path().join(format!(".f.rs.{pid}.{n}.tmp"))).unwrap();
            assert_eq!(kept, b"stale", "not overwritten");
        }
    }

    #[test]
    fn a_write_leaves_only_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.rs");
        assert!(write_if_changed(&path, b"old").unwrap());
        assert!(write_if_changed(&path, b"new").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["f.rs"]);
    }

    #[test]
    fn a_long_name_still_gets_a_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // 240 bytes: within the usual 255-byte limit, but not with a prefix and suffix added.
        let path = dir.path().join(format!("{}.rs", "n".repeat(237)));
        assert!(write_if_changed(&path, b"a").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"a");
        assert_eq!(names(dir.path()).len(), 1);
    }
}
