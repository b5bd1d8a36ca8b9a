//! Finding and reading catalog files: recursive, sorted, bounded.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::{FileId, SourceMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest catalog file read, in bytes; larger files get [`Code::FileTooLarge`].
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One catalog file in memory: where to show it, where it sits in the catalog, its bytes.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path shown in diagnostics.
    pub display: PathBuf,
    /// Path relative to the catalog root (`contractc.yaml` is the config).
    pub relative: PathBuf,
    /// Raw contents.
    pub bytes: Vec<u8>,
    /// Why the file could not be read, when it could not.
    pub error: Option<String>,
}

/// Lists `*.yaml` and `*.yml` below `dir`, recursively, sorted by relative path.
pub fn discover(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                diags.push(Diagnostic::global(
                    Code::Io,
                    format!("cannot read directory {}: {e}", current.display()),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // `file_type` does not follow symlinks: a linked directory cannot make us loop.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if is_yaml(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Reads every catalog file below `dir`; unreadable and oversized files become diagnostics.
pub fn read_dir(dir: &Path, diags: &mut Diagnostics) -> Vec<InputFile> {
    if dir.is_file() {
        // Definitions refer to each other across files, so one file is not checked alone.
        let root = catalog_root_of(dir);
        diags.push(
            Diagnostic::global(
                Code::CatalogIsAFile,
                format!(
                    "{} is a file: contractc reads a whole catalog directory, whose files refer to each other",
                    dir.display()
                ),
            )
            .with_help(format!(
                "pass the catalog directory that holds it: `{}`",
                root.display()
            )),
        );
        return Vec::new();
    }
    if !dir.is_dir() {
        diags.push(
            Diagnostic::global(
                Code::Io,
                format!("catalog directory {} does not exist", dir.display()),
            )
            .with_help("pass the catalog directory (default: schemas)"),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    for path in discover(dir, diags) {
        let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
        let (bytes, error) = match read_bounded(&path) {
            Ok(bytes) => (bytes, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        files.push(InputFile {
            display: path,
            relative,
            bytes,
            error,
        });
    }
    files
}

/// The catalog a file most likely belongs to: the nearest directory above it with a
/// `contractc.yaml`, else the nearest named `schemas`, else the file's own directory.
fn catalog_root_of(file: &Path) -> PathBuf {
    let parents: Vec<&Path> = file
        .ancestors()
        .skip(1)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let with_config = parents
        .iter()
        .find(|p| p.join(crate::parse::CONFIG_FILE).is_file());
    let named = || {
        parents
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n == "schemas"))
    };
    with_config
        .or_else(named)
        .or(parents.first())
        .map_or_else(|| PathBuf::from("."), |p| p.to_path_buf())
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so a huge file costs bounded memory.
fn read_bounded(path: &Path) -> Result<Vec<u8>, std::io::Error> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes a file into the source map, or explains why it cannot be a catalog file.
pub fn decode(sources: &mut SourceMap, file: InputFile, diags: &mut Diagnostics) -> Option<FileId> {
    let InputFile {
        display,
        bytes,
        error,
        ..
    } = file;
    if let Some(message) = error {
        let id = sources.add(display, String::new());
        diags.push(Diagnostic::new(
            Code::Io,
            crate::source::Pos::file_start(id),
            format!("cannot read file: {message}"),
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let id = sources.add(display, String::new());
        diags.push(Diagnostic::new(
            Code::FileTooLarge,
            crate::source::Pos::file_start(id),
            format!("file is larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024)),
        ));
        return None;
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let prefix = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let id = sources.add(display, prefix);
        let pos = sources.get(id).pos_of_offset(id, nul);
        diags.push(Diagnostic::new(
            Code::BinaryFile,
            pos,
            "file holds a NUL byte: it is binary, not YAML",
        ));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(sources.add(display, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let id = sources.add(display, prefix);
            let pos = sources.get(id).pos_of_offset(id, valid);
            diags.push(Diagnostic::new(
                Code::InvalidUtf8,
                pos,
                format!("invalid UTF-8 at byte {valid}"),
            ));
            None
        }
    }
}
