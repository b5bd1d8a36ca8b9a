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

/// Decodes and parses every file; files that cannot be read as YAML become diagnostics.
pub fn parse_files(
    sources: &mut SourceMap,
    files: Vec<InputFile>,
    diags: &mut Diagnostics,
) -> Vec<ParsedFile> {
    let mut parsed = Vec::new();
    for input in files {
        let is_config = input.relative.as_os_str() == CONFIG_FILE;
        let Some(id) = files::decode(sources, input, diags) else {
            continue;
        };
        let documents = yaml::parse_documents(id, sources.get(id), diags);
        if documents.is_empty() && !diags_mention(diags, id) {
            diags.emit(
                Code::EmptyDocument,
                Pos::file_start(id),
                "file holds no YAML document",
            );
        }
        parsed.push(ParsedFile {
            file: id,
            is_config,
            documents,
        });
    }
    parsed
}

fn diags_mention(diags: &Diagnostics, id: FileId) -> bool {
    diags.iter().any(|d| d.pos.is_some_and(|p| p.file == id))
}
