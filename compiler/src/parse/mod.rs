//! Parse: catalog files → YAML documents whose every node keeps its position.

pub mod files;
pub mod yaml;

pub use files::InputFile;
pub use yaml::{Node, Scalar, Value};

use crate::diag::{Code, Diagnostics};
use crate::source::{FileId, Pos, SourceMap};

/// The YAML documents of one catalog file.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file in the source map.
    pub file: FileId,
    /// True for `contractc.yaml` at the catalog root.
    pub is_config: bool,
    /// One node per YAML document, in order.
    pub documents: Vec<Node>,
}

/// Name of the project config file at the catalog root.
pub const CONFIG_FILE: &str = "contractc.yaml";

/// A JSON Schema (draft-07, as editors read it) of one contract document, for editors using
/// yaml-language-server; `docs/contract.schema.json` is a copy, `contractc editor-schema`
/// prints it. It checks the shape of a document; `check` remains the judge.
pub const EDITOR_SCHEMA: &str = include_str!("contract.schema.json");

/// Decodes and parses every file; files that cannot be read as YAML become diagnostics.
/// Files are parsed over the machine's cores; results and diagnostics keep file order.
pub fn parse_files(
    sources: &mut SourceMap,
    files: Vec<InputFile>,
    diags: &mut Diagnostics,
) -> Vec<ParsedFile> {
    let mut decoded = Vec::new();
    for input in files {
        let is_config = input.relative.as_os_str() == CONFIG_FILE;
        if let Some(id) = files::decode(sources, input, diags) {
            decoded.push((id, is_config));
        }
    }
    let sources = &*sources;
    let parse_one = |&(id, is_config): &(FileId, bool)| {
        let mut found = Diagnostics::new();
        let documents = yaml::parse_documents(id, sources.get(id), &mut found);
        if documents.is_empty() && found.is_empty() {
            found.emit(
                Code::EmptyDocument,
                Pos::file_start(id),
                "file holds no YAML document",
            );
        }
        let parsed = ParsedFile {
            file: id,
            is_config,
            documents,
        };
        (parsed, found)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let chunk = decoded.len().div_ceil(threads).max(1);
    let results: Vec<Vec<(ParsedFile, Diagnostics)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = decoded
            .chunks(chunk)
            .map(|run| scope.spawn(move || run.iter().map(parse_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut parsed = Vec::with_capacity(decoded.len());
    for (file, found) in results.into_iter().flatten() {
        diags.extend(found);
        parsed.push(file);
    }
    parsed
}
