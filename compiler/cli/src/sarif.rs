//! One SARIF 2.1.0 document, built with `serde-sarif`, for code-scanning tools.
//!
//! Choices the format leaves open:
//! - columns are Unicode scalar values, as in every other format, so the run says
//!   `columnKind: unicodeCodePoints` (the SARIF default would be UTF-16 code units);
//! - a span that ends on a later line gets `endLine` as well as `endColumn`;
//! - the rule carries the code's default help; a diagnostic whose help differs (a "did you
//!   mean") appends it to its message as a second line, `help: ...`;
//! - a diagnostic without a position has no `locations`;
//! - every secondary place is a `relatedLocations` entry (ids from 0) with its text as the
//!   location's message.
//! - a `contractc diff` finding carries its witness documents in the result's property bag,
//!   `properties.witness` (`{"backward": DOC, "forward": DOC}`).

use contractc::diag::render::Located;
use contractc::diag::{Code, Diagnostic, Diagnostics, Severity};
use contractc::source::SourceMap;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run,
    Sarif, ToolComponent,
};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The OASIS schema of SARIF 2.1.0 (errata 01), the `$schema` of the document.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Writes the document, pretty-printed, followed by a line break.
pub fn write(diags: &Diagnostics, sources: &SourceMap, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(diags, sources))?;
    out.write_all(b"\n")
}

/// The whole log: one run whose rules are the codes used, in code order.
fn document(diags: &Diagnostics, sources: &SourceMap) -> Sarif {
    let codes: BTreeSet<Code> = diags.iter().map(|d| d.code).collect();
    let index: BTreeMap<Code, i64> = codes.iter().zip(0..).map(|(c, i)| (*c, i)).collect();
    let results = diags
        .iter()
        .map(|d| {
            let mut r = result(d, sources);
            r.rule_index = index.get(&d.code).copied();
            r
        })
        .collect::<Vec<_>>();
    let rules = codes.iter().map(|c| rule(*c)).collect::<Vec<_>>();
    let driver = ToolComponent::builder()
        .name("contractc")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(driver)
        .column_kind("unicodeCodePoints")
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA)
        .version("2.1.0")
        .runs(vec![run])
        .build()
}

/// The rule of a code: its id, kebab name, summary, default help and default level.
fn rule(code: Code) -> ReportingDescriptor {
    let info = code.info();
    ReportingDescriptor::builder()
        .id(info.code)
        .name(info.name)
        .short_description(text(info.summary))
        .help(text(info.help))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(info.severity.as_str())
                .build(),
        )
        .build()
}

/// A plain-text message string.
fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

/// The result of one diagnostic.
fn result(d: &Diagnostic, sources: &SourceMap) -> SarifResult {
    let mut message = d.message.clone();
    if !d.help.is_empty() && d.help != d.code.info().help {
        message = format!("{message}\nhelp: {}", d.help);
    }
    let level = match d.severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
    };
    let mut result = SarifResult::builder()
        .rule_id(d.code.info().code)
        .level(level)
        .message(Message::builder().text(message).build())
        .build();
    result.locations = Located::of(d, sources)
        .and_then(|l| location(&l))
        .map(|l| vec![l]);
    let related: Vec<Location> = d
        .secondary
        .iter()
        .zip(0..)
        .filter_map(|(label, id)| {
            let mut l = location(&Located::at(label.pos, sources))?;
            l.id = Some(id);
            l.message = Some(Message::builder().text(label.text.clone()).build());
            Some(l)
        })
        .collect();
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    result.properties = d
        .witness
        .as_deref()
        .and_then(|w| serde_json::to_value(w).ok())
        .map(|w| {
            PropertyBag::builder()
                .additional_properties(std::collections::BTreeMap::from([(
                    "witness".to_string(),
                    w,
                )]))
                .build()
        });
    result
}

/// The physical location of a diagnostic whose file is known.
fn location(located: &Located<'_>) -> Option<Location> {
    let artifact = ArtifactLocation::builder()
        .uri(uri(
            &located.slash_path()?,
            located.file?.path.is_absolute(),
        ))
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact)
        .region(region(located))
        .build();
    Some(Location::builder().physical_location(physical).build())
}

/// Start line and column, and the end when the byte span agrees with them.
fn region(located: &Located<'_>) -> Region {
    let pos = located.pos;
    let mut region = Region::builder()
        .start_line(i64::from(pos.line))
        .start_column(i64::from(pos.column))
        .build();
    let (Some(file), Some(span)) = (located.file, located.span()) else {
        return region;
    };
    let start = file.pos_of_offset(pos.file, span.start);
    if (start.line, start.column) != (pos.line, pos.column) {
        return region;
    }
    let end = file.pos_of_offset(pos.file, span.end);
    if end.line != pos.line {
        region.end_line = Some(i64::from(end.line));
    }
    region.end_column = Some(i64::from(end.column));
    region
}

/// A URI reference for a `/`-separated path: relative paths stay relative, absolute ones
/// become `file:` URIs; everything outside RFC 3986's path characters is percent-encoded.
fn uri(path: &str, absolute: bool) -> String {
    let mut out = String::with_capacity(path.len());
    if absolute {
        out.push_str(if path.starts_with('/') {
            "file://"
        } else {
            "file:///"
        });
    }
    for b in path.bytes() {
        // In a relative reference a `:` would read as a scheme, so only absolute ones keep it.
        let keep = b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=@/".contains(&b)
            || (b == b':' && absolute);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests;
