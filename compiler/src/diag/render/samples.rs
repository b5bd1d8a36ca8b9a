//! A small source map with one diagnostic of each shape and one with two places, shared by
//! the format tests of this crate and the SARIF tests of `contractc-cli` (which includes this
//! file, with `crate::diag` and `crate::source` re-exported from `contractc`).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::SourceMap;

/// The first file: `é` (two bytes) sits before the span on line 2.
pub const ORDER: &str = "name: OrderPlaced\nkind: événement\n";
/// The second file.
pub const ESSAY: &str = "name: Essay\nkind: record\n";

/// Three diagnostics: an error after a multi-byte character, a warning, one without position.
pub fn sample() -> (SourceMap, Diagnostics) {
    let mut sources = SourceMap::default();
    let order = sources.add("schemas/order.yaml".into(), ORDER.into());
    let essay = sources.add("schemas/essay.yaml".into(), ESSAY.into());
    let mut diags = Diagnostics::new();
    // `événement` starts at column 7 of line 2; the span is `nement` (after `évé`).
    let span = sources.get(order).pos(order, 2, 9, "nement".len());
    diags.push(
        Diagnostic::new(Code::WrongValue, span, "unknown kind `événement`")
            .with_help("use one of: request, command, event, response, record, enum"),
    );
    let empty = sources.get(essay).pos(essay, 1, 6, 0);
    diags.emit(
        Code::EmptyDocument,
        empty,
        "the document holds no definition",
    );
    diags.push(Diagnostic::global(
        Code::EmptyCatalog,
        "no .yaml file under `schemas`",
    ));
    (sources, diags)
}

/// A diagnostic about `A` in `b.yaml` that was first defined in `a.yaml`.
pub fn two_places() -> (SourceMap, Diagnostics) {
    let mut sources = SourceMap::default();
    let a = sources.add("schemas/a.yaml".into(), "name: A\nkind: record\n".into());
    let b = sources.add("schemas/b.yaml".into(), "# x\n\n\nname: A\n".into());
    let mut diags = Diagnostics::new();
    diags.push(
        Diagnostic::new(
            Code::DuplicateDefinition,
            sources.get(b).pos(b, 4, 6, 1),
            "`A` is already defined",
        )
        .with_label("defined again here")
        .with_secondary(sources.get(a).pos(a, 1, 6, 1), "first defined here"),
    );
    (sources, diags)
}
