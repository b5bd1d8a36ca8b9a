//! GitHub Actions workflow commands (`::error file=..::message`), one line per diagnostic.
//!
//! The help is the last line of the annotation: it follows the message after an escaped
//! line break (`%0Ahelp: ...`), so the command stays on one line of output while GitHub shows
//! the help under the message. Each secondary place is a line between the two
//! (`first defined here: schemas/a.yaml:1:7`). A diagnostic without a known file carries only its title.

use super::Located;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::source::SourceMap;
use std::io::Write;

/// Writes one workflow command per diagnostic.
pub(super) fn write(
    diags: &Diagnostics,
    sources: &SourceMap,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for d in diags {
        writeln!(out, "{}", command(d, sources))?;
    }
    Ok(())
}

/// The workflow command for one diagnostic.
fn command(d: &Diagnostic, sources: &SourceMap) -> String {
    let name = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    let located = Located::of(d, sources);
    if let Some((located, path)) = located
        .as_ref()
        .and_then(|l| l.slash_path().map(|p| (l, p)))
    {
        properties.push(format!("file={}", escape_property(&path)));
        properties.push(format!("line={}", located.pos.line));
        properties.push(format!("col={}", located.pos.column));
    }
    properties.push(format!("title={}", escape_property(d.code.info().code)));
    let mut message = d.message.clone();
    for label in &d.secondary {
        let place = Located::at(label.pos, sources);
        let path = place.slash_path().unwrap_or_else(|| place.path());
        message = format!(
            "{message}\n{}: {path}:{}:{}",
            label.text, place.pos.line, place.pos.column
        );
    }
    if !d.help.is_empty() {
        message = format!("{message}\nhelp: {}", d.help);
    }
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// Escapes a command's message: `%`, carriage return and line feed.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as [`escape_data`], plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::super::{Format, fixture};
    use super::*;
    use crate::diag::Code;
    use crate::source::Pos;

    #[test]
    fn one_command_per_diagnostic() {
        let out = fixture::rendered(Format::Github);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::error file=schemas/order.yaml,line=2,col=10,title=C0103::unknown kind `événement`%0Ahelp: use one of: request, command, event, response, record, enum",
                "::warning file=schemas/essay.yaml,line=1,col=7,title=C0010::the document holds no definition%0Ahelp: remove the empty file or document",
                "::error title=C0009::no .yaml file under `schemas`%0Ahelp: point contractc at the directory that holds your contracts (default: schemas)",
            ]
        );
    }

    #[test]
    fn secondary_places_are_lines_of_the_annotation() {
        let (sources, diags) = super::super::fixture::two_places();
        let mut out = Vec::new();
        write(&diags, &sources, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=schemas/b.yaml,line=4,col=7,title=C0105::`A` is already defined\
             %0Afirst defined here: schemas/a.yaml:1:7\
             %0Ahelp: names are unique across the whole catalog: rename or remove one\n"
        );
    }

    #[test]
    fn escapes_data_and_properties() {
        let mut sources = SourceMap::default();
        let file = sources.add("./we,ird:dir/100%.yaml".into(), "a: b\n".into());
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::new(
                Code::UnknownKey,
                Pos::file_start(file),
                "50% off\r\nnow: yes",
            )
            .with_help(""),
        );
        let mut out = Vec::new();
        write(&diags, &sources, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=we%2Cird%3Adir/100%25.yaml,line=1,col=1,title=C0101::50%25 off%0D%0Anow: yes\n"
        );
    }
}
