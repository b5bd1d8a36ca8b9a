//! The record of the last clean build in `OUT/.contractc/build`: what went in (a SHA-256 of
//! each catalog file), what came out (size and modification time of each output) and the
//! summary printed. A build whose inputs and outputs still match it has nothing to do, and
//! answers from it without parsing, checking or generating.

use contractc::Diagnostics;
use contractc::output::Outputs;
use contractc::parse::files::discover;
use contractc::source::SourceMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Where the record lives, relative to the output directory.
pub const RECORD: &str = ".contractc/build";

/// The record of a clean build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The contractc that built: version and executable fingerprint.
    builder: String,
    /// The options that change the outputs (`registry`), as the caller spells them.
    #[serde(default)]
    options: String,
    /// Catalog files as read, in order, with the SHA-256 of their text.
    inputs: Vec<(String, String)>,
    /// Outputs relative to the output directory, with size and modification time (ns).
    outputs: Vec<(String, u64, u128)>,
    /// What the build printed as its summary, replayed by a build with nothing to do.
    pub summary: String,
}

impl Record {
    /// The record of a build that read `sources` and wrote `outputs` into `out` with
    /// `options`; `None` when a path is not UTF-8 or an output cannot be read back (such a
    /// build is never replayed).
    pub fn new(
        sources: &SourceMap,
        outputs: &Outputs,
        out: &Path,
        options: &str,
        summary: String,
    ) -> Option<Self> {
        let mut inputs = sources
            .iter()
            .map(|(_, f)| Some((f.path.to_str()?.to_owned(), digest(f.text.as_bytes()))))
            .collect::<Option<Vec<_>>>()?;
        inputs.sort();
        let outputs = outputs
            .files
            .keys()
            .map(|rel| {
                let (len, mtime) = stamp(&out.join(rel))?;
                Some((rel.to_str()?.to_owned(), len, mtime))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Record {
            builder: builder(),
            options: options.to_owned(),
            inputs,
            outputs,
            summary,
        })
    }

    /// Writes the record into `out` (atomically, as every output).
    pub fn save(&self, out: &Path) -> std::io::Result<()> {
        let text = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        contractc::output::write_if_changed(&out.join(RECORD), &text).map(drop)
    }

    /// Removes the record of `out`, if any: the outputs no longer match a clean build.
    pub fn forget(out: &Path) -> std::io::Result<()> {
        match std::fs::remove_file(out.join(RECORD)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The record of `out`, when the catalog `dir` and the outputs still match it exactly:
    /// the same contractc with the same `options`, the same catalog files with the same
    /// text, every output with its recorded size and time, and no other generated file
    /// beside them.
    pub fn replay(dir: &Path, out: &Path, options: &str) -> Option<Self> {
        let text = std::fs::read(out.join(RECORD)).ok()?;
        let record: Record = serde_json::from_slice(&text).ok()?;
        if record.builder != builder() || record.options != options || !record.inputs_match(dir) {
            return None;
        }
        let mut expected = Outputs::default();
        for (rel, len, mtime) in &record.outputs {
            if stamp(&out.join(rel)) != Some((*len, *mtime)) {
                return None;
            }
            expected.insert(PathBuf::from(rel), Vec::new());
        }
        expected.extra_files(out).is_empty().then_some(record)
    }

    fn inputs_match(&self, dir: &Path) -> bool {
        let mut found = Diagnostics::new();
        let paths = discover(dir, &mut found);
        found.is_empty()
            && paths.len() == self.inputs.len()
            && paths.iter().zip(&self.inputs).all(|(path, (name, hash))| {
                path.to_str() == Some(name.as_str())
                    && std::fs::read(path).is_ok_and(|bytes| digest(&bytes) == *hash)
            })
    }
}

/// The version of contractc and the size and time of its executable, so a rebuilt contractc
/// never replays a record of its predecessor.
fn builder() -> String {
    let exe = std::env::current_exe().ok();
    let (len, mtime) = exe.as_deref().and_then(stamp).unwrap_or_default();
    format!("contractc {} {len} {mtime}", env!("CARGO_PKG_VERSION"))
}

/// Size and modification time (ns since the epoch) of a file.
fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), mtime.as_nanos()))
}

fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
