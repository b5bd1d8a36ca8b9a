//! rustc-like text with source excerpts, drawn by `annotate-snippets`.

use super::Located;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::source::SourceMap;
use annotate_snippets::{
    AnnotationKind, Group, Level, Origin, Renderer, Snippet, normalize_untrusted_str,
};
use std::io::Write;
use std::ops::Range;

/// Writes every diagnostic as a rustc-like report, separated by blank lines.
pub(super) fn write(
    diags: &Diagnostics,
    sources: &SourceMap,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diags {
        let located = Located::of(d, sources);
        let secondary: Vec<(Located<'_>, &str)> = d
            .secondary
            .iter()
            .map(|l| (Located::at(l.pos, sources), l.text.as_str()))
            .collect();
        let report = [group(d, located.as_ref(), &secondary)];
        writeln!(out, "{}\n", renderer.render(&report))?;
    }
    Ok(())
}

/// The report of one diagnostic: title, then the excerpt of the primary place (or its bare
/// location), then one excerpt per secondary place, then help.
fn group<'a>(
    d: &'a Diagnostic,
    located: Option<&'a Located<'a>>,
    secondary: &'a [(Located<'a>, &'a str)],
) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(d.message.as_str())
        .id(d.code.info().code);
    // Without a position there is nothing to point at: the title alone, as rustc does.
    let mut group = Group::with_title(title);
    if let Some(located) = located {
        let primary = AnnotationKind::Primary;
        group = match excerpt(located, primary, &d.label) {
            Some(snippet) => group.element(snippet),
            None => group.element(origin(located)),
        };
    }
    for (place, text) in secondary {
        group = match excerpt(place, AnnotationKind::Context, text) {
            Some(snippet) => group.element(snippet),
            None => group.element(Level::NOTE.message(format!(
                "{text}: {}:{}:{}",
                place.path(),
                place.pos.line,
                place.pos.column
            ))),
        };
    }
    if !d.help.is_empty() {
        // `message` text is trusted by annotate-snippets; the help may quote user input.
        group = group.element(Level::HELP.message(normalize_untrusted_str(&d.help)));
    }
    group
}

/// The lines the span covers, with the span underlined as `kind` and labelled `label`;
/// `None` when the span is unusable.
fn excerpt<'a>(
    located: &'a Located<'a>,
    kind: AnnotationKind,
    label: &'a str,
) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    // A directory, or a file that could not be read: there is no text to show.
    let file = located.file.filter(|f| !f.text.is_empty())?;
    let span = located.span()?;
    let first = file.pos_of_offset(located.pos.file, span.start).line as usize;
    let lines = lines_around(&file.text, file.offset_of(first, 0), &span);
    let relative = span.start - lines.start..span.end - lines.start;
    Some(
        Snippet::source(&file.text[lines.clone()])
            .line_start(first)
            .path(located.path())
            .annotation(
                kind.span(relative)
                    .label((!label.is_empty()).then(|| normalize_untrusted_str(label))),
            ),
    )
}

/// From `line_start` to the end of the line where `span` ends, without the line break.
fn lines_around(text: &str, line_start: usize, span: &Range<usize>) -> Range<usize> {
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let end = if end > span.end && text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    line_start.min(span.start)..end
}

/// `--> file:line:col` alone, for a position whose text is not available.
fn origin<'a>(located: &Located<'a>) -> Origin<'a> {
    Origin::path(located.path())
        .line(located.pos.line as usize)
        .char_column(located.pos.column as usize)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests;
