//! `contractc.yaml`: the project config (§6), every key optional.

use super::reader::{MapReader, count_value};
use crate::diag::{Code, Diagnostics};
use crate::model::{Config, ExemptionPolicy, IdentityFieldConfig, Target, Targets, UnknownFields};
use crate::parse::Node;
use crate::source::Spanned;

/// Reads the config document; unknown keys and bad values are reported, defaults kept.
pub fn read_config(doc: &Node, diags: &mut Diagnostics) -> Config {
    let mut config = Config::default();
    if doc.is_null() {
        return config;
    }
    let Some(map) = MapReader::new(
        doc,
        "contractc.yaml",
        &["json_schema", "identity", "policy", "targets", "python"],
        &[],
        diags,
    ) else {
        return config;
    };
    let section = |key: &str, keys: &[&str], diags: &mut Diagnostics| {
        let node = map.get(key)?;
        MapReader::new(node, &format!("`{key}`"), keys, &[], diags)
    };
    if let Some(js) = section("json_schema", &["id_base"], diags)
        && let Some(base) = js.string("id_base", diags)
    {
        config.id_base = base.value;
    }
    if let Some(id) = section("identity", &["user_id", "org_id"], diags) {
        read_identity_field(id.get("user_id"), "user_id", &mut config.user_id, diags);
        read_identity_field(id.get("org_id"), "org_id", &mut config.org_id, diags);
    }
    if let Some(policy) = section("policy", &["exemptions", "unknown_fields"], diags) {
        let exemptions = [
            ("allow", ExemptionPolicy::Allow),
            ("deny", ExemptionPolicy::Deny),
        ];
        if let Some(e) = policy.choice("exemptions", &exemptions, diags) {
            config.exemptions = e.value;
            config.exemptions_pos = Some(e.pos);
        }
        let unknown = [
            ("ignore", UnknownFields::Ignore),
            ("reject", UnknownFields::Reject),
        ];
        if let Some(u) = policy.choice("unknown_fields", &unknown, diags) {
            config.unknown_fields = u.value;
        }
    }
    if let Some(node) = map.get("targets") {
        read_targets(node, &mut config.targets, diags);
    }
    if let Some(python) = section("python", &["package", "version"], diags) {
        if let Some(package) = python.string("package", diags) {
            check_python_package(&package, diags).then(|| config.python.package = package.value);
        }
        if let Some(version) = python.string("version", diags) {
            check_python_version(&version, diags).then(|| config.python.version = version.value);
        }
    }
    config
}

/// `targets: [rust, json-schema, python]`: a non-empty list of known targets.
fn read_targets(node: &Node, out: &mut Targets, diags: &mut Diagnostics) {
    let Some(items) = node.as_seq() else {
        diags.emit(
            Code::WrongValue,
            node.pos,
            format!(
                "`targets` must be a list such as `[rust, json-schema, python]`, found {}",
                node.describe()
            ),
        );
        return;
    };
    let names: Vec<String> = Target::ALL
        .iter()
        .map(|t| format!("`{}`", t.as_str()))
        .collect();
    let mut found = Vec::new();
    for item in items {
        match Target::ALL.iter().find(|t| item.text() == Some(t.as_str())) {
            Some(t) => found.push(*t),
            None => diags.push(
                crate::diag::Diagnostic::new(
                    Code::WrongValue,
                    item.pos,
                    format!(
                        "unknown target {}",
                        item.text()
                            .map_or_else(|| item.describe().to_string(), |t| format!("`{t}`"))
                    ),
                )
                .with_help(format!("write one of {}", names.join(", "))),
            ),
        }
    }
    if items.is_empty() {
        diags.emit(
            Code::WrongValue,
            node.pos,
            "`targets` must name at least one target",
        );
    } else if found.len() == items.len() {
        *out = Targets::of(found);
    }
}

/// A package name Python can import and pip can install: an identifier that is not a keyword.
fn check_python_package(package: &Spanned<String>, diags: &mut Diagnostics) -> bool {
    let name = package.value.as_str();
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let ok = ident && !crate::emit::python::ident::is_keyword(name);
    if !ok {
        diags.push(
            crate::diag::Diagnostic::new(
                Code::WrongValue,
                package.pos,
                format!("`python.package` must be a Python package name, found `{name}`"),
            )
            .with_help("use ASCII letters, digits and `_`, not starting with a digit and not a Python keyword (e.g. `contracts`)"),
        );
    }
    ok
}

/// A PEP 440 release version: `1`, `0.1.0`, `2.0rc1`, `1.2.post3`, `1.0.dev4`.
fn check_python_version(version: &Spanned<String>, diags: &mut Diagnostics) -> bool {
    let ok = is_pep440(&version.value);
    if !ok {
        diags.push(
            crate::diag::Diagnostic::new(
                Code::WrongValue,
                version.pos,
                format!(
                    "`python.version` must be a PEP 440 version, found `{}`",
                    version.value
                ),
            )
            .with_help("write a version such as `0.1.0`, `2.0rc1` or `1.2.post3`"),
        );
    }
    ok
}

/// Release digits, then optional `a`/`b`/`rc` N, `.postN`, `.devN` (the public version scheme).
fn is_pep440(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (rest, dev) = match text.split_once(".dev") {
        Some((rest, n)) => (rest, Some(n)),
        None => (text, None),
    };
    let (rest, post) = match rest.split_once(".post") {
        Some((rest, n)) => (rest, Some(n)),
        None => (rest, None),
    };
    let split = rest
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (release, pre) = rest.split_at(split);
    let pre_ok = pre.is_empty()
        || ["a", "b", "rc"]
            .iter()
            .any(|tag| pre.strip_prefix(tag).is_some_and(digits));
    release.split('.').all(digits) && pre_ok && post.is_none_or(digits) && dev.is_none_or(digits)
}

fn read_identity_field(
    node: Option<&Node>,
    name: &str,
    out: &mut IdentityFieldConfig,
    diags: &mut Diagnostics,
) {
    let Some(node) = node else { return };
    let what = format!("`identity.{name}`");
    let Some(map) = MapReader::new(node, &what, &["max_length", "claim"], &[], diags) else {
        return;
    };
    if let Some(max) = map
        .get("max_length")
        .and_then(|n| count_value(n, "max_length", diags))
    {
        match u32::try_from(max.value) {
            Ok(m) if (1..=255).contains(&m) => out.max_length = m,
            _ => diags.emit(
                Code::WrongValue,
                max.pos,
                format!("`{name}.max_length` must be between 1 and 255 (the config can only tighten identity), found {}", max.value),
            ),
        }
    }
    if let Some(claim) = map.string("claim", diags) {
        if claim.value.is_empty() {
            diags.emit(Code::WrongValue, claim.pos, "`claim` must not be empty");
        } else {
            out.claim = claim.value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PythonConfig, Target};
    use std::path::PathBuf;

    /// The config and the codes of the diagnostics of a catalog with this `contractc.yaml`.
    fn read(config: &str) -> (Config, Vec<&'static str>) {
        let files = vec![
            (
                PathBuf::from("contractc.yaml"),
                PathBuf::from("contractc.yaml"),
                config.as_bytes().to_vec(),
            ),
            (
                PathBuf::from("a.yaml"),
                PathBuf::from("a.yaml"),
                b"name: PointV1\nkind: record\nfields: { x: int }\n".to_vec(),
            ),
        ];
        let (catalog, diags) = crate::check_files(&mut crate::SourceMap::default(), files);
        (
            catalog.config,
            diags.iter().map(|d| d.code.info().code).collect(),
        )
    }

    #[test]
    fn targets_and_python_default_and_read() {
        let (config, codes) = read("{}");
        assert!(codes.is_empty());
        assert_eq!(
            config.targets,
            Targets::of([Target::Rust, Target::JsonSchema])
        );
        assert_eq!(config.python, PythonConfig::default());
        let (config, codes) = read(
            "targets: [python, rust, python]\npython: { package: svc_contracts, version: 2.0rc1 }\n",
        );
        assert!(codes.is_empty(), "{codes:?}");
        assert_eq!(config.targets, Targets::of([Target::Python, Target::Rust]));
        assert_eq!(config.python.package, "svc_contracts");
        assert_eq!(config.python.version, "2.0rc1");
    }

    #[test]
    fn bad_targets_and_python_values_are_reported() {
        for bad in [
            "targets: [rust, go]",
            "targets: []",
            "targets: rust",
            "python: { package: my-contracts }",
            "python: { package: class }",
            "python: { package: 1abc }",
            "python: { version: one }",
            "python: { version: \"1.0-beta\" }",
            "python: { pakage: x }",
        ] {
            let (config, codes) = read(bad);
            assert_eq!(codes.len(), 1, "{bad}: {codes:?}");
            assert!(["C0103", "C0101"].contains(&codes[0]), "{bad}: {codes:?}");
            assert_eq!(config.targets, Targets::default(), "{bad}");
            assert_eq!(config.python, PythonConfig::default(), "{bad}");
        }
    }

    #[test]
    fn pep440_versions() {
        for ok in [
            "1",
            "0.1.0",
            "2.0rc1",
            "1.2.post3",
            "1.0.dev4",
            "1.0a1.post2.dev3",
        ] {
            assert!(is_pep440(ok), "{ok}");
        }
        for bad in [
            "", "v1", "1.", "1..2", "1.0-beta", "1.0rc", "1.0.post", "one",
        ] {
            assert!(!is_pep440(bad), "{bad}");
        }
    }
}
