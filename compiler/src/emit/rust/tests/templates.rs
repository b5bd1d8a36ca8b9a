//! Template loading and template bugs: errors name the template and the generated line.

use super::fixture;
use crate::diag::Code;
use crate::emit::rust::{Options, Templates, emit};

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn emit_with(dir: &tempfile::TempDir) -> Result<String, String> {
    let templates = Templates::from_dir(dir.path()).map_err(|d| messages(&d))?;
    let checked = fixture::checked();
    let schemas = fixture::schemas(checked.catalog());
    emit(
        checked.emittable().unwrap(),
        &schemas,
        &templates,
        Options::default(),
    )
    .map_err(|d| messages(&d))
}

fn messages(d: &crate::diag::Diagnostics) -> String {
    assert!(
        d.iter()
            .all(|d| d.code == Code::RustEmit || d.code == Code::Io)
    );
    d.iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn empty_dir_falls_back_to_builtin_templates() {
    let dir = dir_with(&[]);
    assert_eq!(emit_with(&dir).unwrap(), super::generated());
}

#[test]
fn override_replaces_one_template() {
    let dir = dir_with(&[(
        "file.rs.tera",
        "//! Custom.\n{% for item in file.items %}{{ item }}{% endfor %}",
    )]);
    let code = emit_with(&dir).unwrap();
    assert!(code.contains("//! Custom.\n"));
    assert!(code.contains("pub struct ElsCjAssessmentRequestV1"));
}

#[test]
fn broken_generated_code_names_template_and_line() {
    let broken = "impl {{ s.ident }} {\n    pub fn broken(x) -> u8 { 0 }\n}\n";
    let dir = dir_with(&[("validate.rs.tera", broken)]);
    let err = emit_with(&dir).unwrap_err();
    let first = err.lines().next().unwrap();
    assert!(first.contains("template `validate.rs.tera`"), "{first}");
    assert!(first.contains("validate.rs.tera)"), "path shown: {first}");
    assert!(first.contains("generated line 2"), "{first}");
    assert!(first.contains("`pub fn broken(x) -> u8 { 0 }`"), "{first}");
    assert!(first.contains("rendering `BatchStartedV1`"), "{first}");
    // Every struct fails, and every failure is reported.
    assert_eq!(err.lines().count(), 6, "{err}");
}

#[test]
fn unbalanced_delimiters_point_at_the_mismatch() {
    let dir = dir_with(&[("enum.rs.tera", "impl {{ e.ident }} {\n    fn f( {}\n}\n")]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("template `enum.rs.tera`"), "{err}");
    assert!(err.contains("generated line 3"), "{err}");
}

#[test]
fn broken_file_template_is_named() {
    let dir = dir_with(&[("file.rs.tera", "fn main( {}")]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("template `file.rs.tera`"), "{err}");
    assert!(err.contains("rendering the file"), "{err}");
}

#[test]
fn template_syntax_error_is_reported_at_load() {
    let dir = dir_with(&[("enum.rs.tera", "// An enum.\n{% if %}")]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("enum.rs.tera"), "{err}");
    assert!(err.contains("line 2"), "the template line: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn render_error_names_template_and_cause() {
    let dir = dir_with(&[(
        "enum.rs.tera",
        "// An enum.\npub enum {{ e.no_such_key }} {}",
    )]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("template `enum.rs.tera`"), "{err}");
    assert!(err.contains("does not render"), "{err}");
    assert!(err.contains("no_such_key"), "{err}");
    assert!(
        err.contains("line 2, column 15"),
        "the template line and column: {err}"
    );
}

#[test]
fn an_error_inside_a_component_names_its_template() {
    let builtin = include_str!("../../../../../templates/rust/macros.rs.tera");
    let broken = builtin.replace("{{ line }}", "{{ line.no_such_key }}");
    assert_ne!(broken, builtin);
    let dir = dir_with(&[("macros.rs.tera", &broken)]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("no_such_key"), "{err}");
    assert!(err.contains("`macros.rs.tera`, line 5"), "{err}");
}

#[test]
fn an_override_that_calls_an_unknown_component_fails_at_load() {
    let dir = dir_with(&[("enum.rs.tera", "{{ <no_such_component/> }}")]);
    let err = emit_with(&dir).unwrap_err();
    assert!(err.contains("do not load"), "{err}");
    assert!(err.contains("no_such_component"), "{err}");
}

#[test]
fn builtin_templates_blame_contractc() {
    let checked = fixture::checked();
    let templates = Templates::builtin();
    let schemas = fixture::schemas(checked.catalog());
    let ok = emit(
        checked.emittable().unwrap(),
        &schemas,
        &templates,
        Options::default(),
    );
    assert!(ok.is_ok());
    let err = templates.error("struct.rs.tera", "`X`", "renders Rust that does not parse");
    let d = err.iter().next().unwrap();
    assert!(d.help.contains("bug in contractc"), "{}", d.help);
    assert!(d.message.contains("(built-in)"), "{}", d.message);
}
