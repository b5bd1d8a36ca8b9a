//! One JSON object per line (JSON Lines), for scripts. A `contractc diff` finding also carries
//! `witness`: `{"backward": DOC, "forward": DOC}`, each key only when it has a document.

use super::Located;
use crate::diag::{Diagnostic, Diagnostics, Severity, Witness};
use crate::source::SourceMap;
use serde::Serialize;
use std::io::Write;

/// One line of output; the field order is the key order.
#[derive(Serialize)]
struct Line<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    help: &'a str,
    /// Every place, the primary one (`file`, `line`, `column`) first.
    labels: Vec<LabelLine<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    witness: Option<&'a Witness>,
}

/// One place of a diagnostic.
#[derive(Serialize)]
struct LabelLine<'a> {
    file: String,
    line: u32,
    column: u32,
    text: &'a str,
    primary: bool,
}

/// Writes one JSON object per diagnostic, each on its own line.
pub(super) fn write(
    diags: &Diagnostics,
    sources: &SourceMap,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for d in diags {
        serde_json::to_writer(&mut *out, &line(d, sources))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The object for one diagnostic; file, line and column are null without a position.
fn line<'a>(d: &'a Diagnostic, sources: &SourceMap) -> Line<'a> {
    let located = Located::of(d, sources);
    let info = d.code.info();
    let place = |l: &Located<'_>, text, primary| LabelLine {
        file: l.path(),
        line: l.pos.line,
        column: l.pos.column,
        text,
        primary,
    };
    let primary = located.as_ref().map(|l| place(l, d.label.as_str(), true));
    let secondary = d
        .secondary
        .iter()
        .map(|s| place(&Located::at(s.pos, sources), s.text.as_str(), false));
    Line {
        labels: primary.into_iter().chain(secondary).collect(),
        code: info.code,
        name: info.name,
        severity: d.severity,
        message: &d.message,
        file: located.as_ref().map(Located::path),
        line: located.as_ref().map(|l| l.pos.line),
        column: located.as_ref().map(|l| l.pos.column),
        help: &d.help,
        witness: d.witness.as_deref(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::super::{Format, fixture};

    #[test]
    fn one_object_per_line_with_exact_keys() {
        let out = fixture::rendered(Format::Json);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                r#"{"code":"C0103","name":"wrong-value","severity":"error","message":"unknown kind `événement`","file":"schemas/order.yaml","line":2,"column":10,"help":"use one of: request, command, event, response, record, enum","labels":[{"file":"schemas/order.yaml","line":2,"column":10,"text":"","primary":true}]}"#,
                r#"{"code":"C0010","name":"empty-document","severity":"warning","message":"the document holds no definition","file":"schemas/essay.yaml","line":1,"column":7,"help":"remove the empty file or document","labels":[{"file":"schemas/essay.yaml","line":1,"column":7,"text":"","primary":true}]}"#,
                r#"{"code":"C0009","name":"empty-catalog","severity":"error","message":"no .yaml file under `schemas`","file":null,"line":null,"column":null,"help":"point contractc at the directory that holds your contracts (default: schemas)","labels":[]}"#,
            ]
        );
        assert!(out.ends_with("}\n"));
    }

    #[test]
    fn every_place_is_a_label_primary_first() {
        let (sources, diags) = super::super::fixture::two_places();
        let mut out = Vec::new();
        super::write(&diags, &sources, &mut out).unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            line["labels"],
            serde_json::json!([
                { "file": "schemas/b.yaml", "line": 4, "column": 7, "text": "defined again here", "primary": true },
                { "file": "schemas/a.yaml", "line": 1, "column": 7, "text": "first defined here", "primary": false },
            ])
        );
        assert_eq!(
            (&line["file"], &line["line"]),
            (&"schemas/b.yaml".into(), &4.into())
        );
    }

    #[test]
    fn control_characters_in_messages_stay_on_one_line() {
        let mut diags = crate::diag::Diagnostics::new();
        diags.push(crate::diag::Diagnostic::global(
            crate::diag::Code::Io,
            "bad\nname\u{1b}[31m",
        ));
        let mut out = Vec::new();
        super::write(&diags, &crate::source::SourceMap::default(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), 1);
        assert!(out.contains(r#""message":"bad\nname\u001b[31m""#), "{out}");
    }
}
