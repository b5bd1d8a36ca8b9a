//! Printing diagnostics: human, json and github. (SARIF, a command-line format only, is the
//! `contractc-cli` crate's; it builds on [`Located`].)
//!
//! Every format prints the diagnostics in the order of the [`Diagnostics`] given (call
//! [`Diagnostics::sort`] first for a stable order); none of them reorders or drops anything.

mod github;
mod human;
mod json;

use super::{Diagnostic, Diagnostics};
use crate::source::{FileId, Pos, SourceFile, SourceMap};
use std::ops::Range;

/// An output format for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// rustc-like text with source excerpts, for terminals.
    Human,
    /// One JSON object per line, for scripts.
    Json,
    /// GitHub Actions workflow commands, which become annotations on the pull request.
    Github,
}

/// Writes every diagnostic in `format`. `color` only affects Human.
pub fn render(
    diags: &Diagnostics,
    sources: &SourceMap,
    format: Format,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(diags, sources, color, out),
        Format::Json => json::write(diags, sources, out),
        Format::Github => github::write(diags, sources, out),
    }
}

/// A diagnostic's position together with the file it is in.
pub struct Located<'a> {
    /// The diagnostic's position.
    pub pos: Pos,
    /// The file, when the source map has it.
    pub file: Option<&'a SourceFile>,
}

impl<'a> Located<'a> {
    /// Looks up the file of `d`'s position; `None` for diagnostics without a position.
    pub fn of(d: &Diagnostic, sources: &'a SourceMap) -> Option<Self> {
        d.pos.map(|pos| Located::at(pos, sources))
    }

    /// Looks up the file of `pos`.
    pub fn at(pos: Pos, sources: &'a SourceMap) -> Self {
        Located {
            pos,
            file: file_of(sources, pos.file),
        }
    }

    /// The display path, or `<unknown>` for a file id the source map does not hold.
    pub fn path(&self) -> String {
        self.file
            .map_or_else(|| "<unknown>".into(), |f| f.path.display().to_string())
    }

    /// The path with `/` separators and no leading `./`, for tools that want repository paths.
    pub fn slash_path(&self) -> Option<String> {
        let path = self.file?.path.to_string_lossy();
        let path = if std::path::MAIN_SEPARATOR == '\\' {
            path.replace('\\', "/")
        } else {
            path.into_owned()
        };
        let mut rest = path.as_str();
        while let Some(stripped) = rest.strip_prefix("./") {
            rest = stripped;
        }
        Some(rest.to_string())
    }

    /// The byte span in the file's text, when it is a valid range on character boundaries.
    pub fn span(&self) -> Option<Range<usize>> {
        let text = &self.file?.text;
        let Pos { start, end, .. } = self.pos;
        let valid = start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        valid.then_some(start..end)
    }
}

/// The file with id `id`, without panicking on an id from another source map.
fn file_of(sources: &SourceMap, id: FileId) -> Option<&SourceFile> {
    sources
        .iter()
        .find_map(|(fid, file)| (fid == id).then_some(file))
}

#[cfg(test)]
mod samples;

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
pub(super) mod fixture {
    //! The sample diagnostics (`samples.rs`, shared with the SARIF tests of `contractc-cli`).

    pub use super::samples::*;

    /// Renders the sample in `format` without color.
    pub fn rendered(format: super::Format) -> String {
        let (sources, diags) = sample();
        let mut out = Vec::new();
        super::render(&diags, &sources, format, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }
}
