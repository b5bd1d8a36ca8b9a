use super::super::{Format, fixture};
use super::*;
use crate::diag::Code;
use crate::source::{FileId, Pos};

/// Renders `diags` over `sources` without color.
fn plain(diags: &Diagnostics, sources: &SourceMap) -> String {
    let mut out = Vec::new();
    write(diags, sources, false, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// One diagnostic at `pos` in a map holding `text` as `a.yaml`.
fn one(text: &str, pos: impl FnOnce(FileId, &SourceMap) -> Pos) -> String {
    let mut sources = SourceMap::default();
    let file = sources.add("a.yaml".into(), text.into());
    let mut diags = Diagnostics::new();
    diags.emit(Code::MissingKey, pos(file, &sources), "missing `kind`");
    plain(&diags, &sources)
}

#[test]
fn sample_renders_like_rustc() {
    let expected = "\
error[C0103]: unknown kind `événement`
 --> schemas/order.yaml:2:10
  |
2 | kind: événement
  |          ^^^^^^
  |
  = help: use one of: request, command, event, response, record, enum

warning[C0010]: the document holds no definition
 --> schemas/essay.yaml:1:7
  |
1 | name: Essay
  |       ^
  |
  = help: remove the empty file or document

error[C0009]: no .yaml file under `schemas`
 |
 = help: point contractc at the directory that holds your contracts (default: schemas)

";
    assert_eq!(fixture::rendered(Format::Human), expected);
}

#[test]
fn empty_span_at_end_of_crlf_line_points_past_the_text() {
    let out = one("name: A\r\nkind:\r\n", |f, s| s.get(f).pos(f, 2, 5, 0));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], " --> a.yaml:2:6");
    assert_eq!(lines[3], "2 | kind:");
    assert_eq!(lines[4], "  |      ^");
}

#[test]
fn empty_file_gets_its_location_without_an_empty_excerpt() {
    let out = one("", |f, _| Pos::file_start(f));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "--> a.yaml:1:1");
    assert!(!out.contains("1 |"), "{out}");
}

#[test]
fn multi_line_span_shows_first_and_last_line() {
    let out = one("name: A\nkind:\n  x: 1\n", |f, s| {
        let mut pos = s.get(f).pos(f, 1, 6, 0);
        pos.end = s.get(f).offset_of(3, 3);
        pos
    });
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[1..8],
        [
            " --> a.yaml:1:7",
            "  |",
            "1 |   name: A",
            "  |  _______^",
            "2 | | kind:",
            "3 | |   x: 1",
            "  | |___^",
        ]
    );
}

#[test]
fn unusable_span_or_file_prints_location_only() {
    let bad_span = one("a: b\n", |f, _| Pos {
        start: 3,
        end: 99,
        ..Pos::file_start(f)
    });
    assert!(bad_span.contains("--> a.yaml:1:1\n"), "{bad_span}");
    assert!(!bad_span.contains("a: b"), "{bad_span}");
    let other_map = one("a: b\n", |_, _| Pos::file_start(FileId(7)));
    assert!(other_map.contains("--> <unknown>:1:1\n"), "{other_map}");
}

#[test]
fn control_characters_cannot_reach_the_terminal() {
    let mut sources = SourceMap::default();
    let file = sources.add("a.yaml".into(), "k\u{1b}[2J: v\n".into());
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::new(Code::UnknownKey, Pos::file_start(file), "key `\u{1b}[31m`")
            .with_help("did you mean `\u{1b}]0;x\u{7}`?"),
    );
    let out = plain(&diags, &sources);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}

#[test]
fn color_only_when_asked() {
    let (sources, diags) = fixture::sample();
    let mut styled = Vec::new();
    write(&diags, &sources, true, &mut styled).unwrap();
    let styled = String::from_utf8(styled).unwrap();
    assert!(styled.contains("\u{1b}["), "{styled:?}");
    assert!(!fixture::rendered(Format::Human).contains('\u{1b}'));
}

#[test]
fn both_places_of_a_two_file_diagnostic_are_shown() {
    let (sources, diags) = fixture::two_places();
    let expected = "\
error[C0105]: `A` is already defined
 --> schemas/b.yaml:4:7
  |
4 | name: A
  |       ^ defined again here
  |
 ::: schemas/a.yaml:1:7
  |
1 | name: A
  |       - first defined here
  |
  = help: names are unique across the whole catalog: rename or remove one

";
    assert_eq!(plain(&diags, &sources), expected);
}
