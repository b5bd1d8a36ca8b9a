//! The one table of diagnostic codes, default severities and help lines.
//!
//! `docs/diagnostics.md` is generated from this table (`contractc explain --all`)
//! and a test keeps the two in sync.

use super::Severity;
use serde::Serialize;

/// What the table says about a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// Stable code, e.g. `C0201`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `unattributed-message`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One-line summary of the rule.
    pub summary: &'static str,
    /// Default help line.
    pub help: &'static str,
}

macro_rules! codes {
    ($( $variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal, $help:literal; )*) => {
        /// Every diagnostic code contractc can report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The table row of this code.
            pub fn info(self) -> &'static CodeInfo {
                match self {
                    $(Code::$variant => &CodeInfo {
                        code: $code,
                        name: $name,
                        severity: Severity::$sev,
                        summary: $summary,
                        help: $help,
                    },)*
                }
            }
        }
    };
}

codes! {
    // Input: files, YAML.
    Io = "C0001", "io-error", Error, "A file or directory could not be read.", "check the path and its permissions";
    InvalidUtf8 = "C0002", "invalid-utf8", Error, "A catalog file is not valid UTF-8.", "save the file as UTF-8";
    BinaryFile = "C0003", "binary-file", Error, "A catalog file holds binary data (NUL bytes).", "remove the file from the catalog or rename it so it does not end in .yaml/.yml";
    FileTooLarge = "C0004", "file-too-large", Error, "A catalog file is larger than the 8 MiB limit.", "split the file; a contract catalog file is rarely more than a few hundred KiB";
    YamlSyntax = "C0005", "yaml-syntax", Error, "The file is not valid YAML.", "fix the YAML syntax at the position shown";
    YamlAlias = "C0006", "yaml-alias", Error, "YAML anchors and aliases are not allowed in contracts.", "write the value out in full; contracts are read in review, line by line";
    YamlTooDeep = "C0007", "yaml-too-deep", Error, "The YAML nests deeper than 64 levels.", "flatten the document; no contract needs this depth";
    DuplicateKey = "C0008", "duplicate-key", Error, "A YAML mapping has the same key twice.", "remove one of the two keys; YAML keeps only one of them";
    EmptyCatalog = "C0009", "empty-catalog", Error, "The catalog directory holds no .yaml or .yml file.", "point contractc at the directory that holds your contracts (default: schemas)";
    EmptyDocument = "C0010", "empty-document", Warning, "A file or YAML document holds no definition.", "remove the empty file or document";
    UnsupportedYaml = "C0011", "unsupported-yaml", Error, "A YAML construct contracts do not use (tags, complex keys).", "use plain scalars for keys and values";
    TooManyDocuments = "C0012", "too-many-nodes", Error, "A file holds more YAML nodes than the 1,000,000-node limit.", "split the file";
    CatalogIsAFile = "C0013", "catalog-is-a-file", Error, "The catalog given is a file, not a directory.", "pass the catalog directory (default: schemas); its files are checked together because they refer to each other";

    // Definitions.
    UnknownKey = "C0101", "unknown-key", Error, "A key the contract language does not know.", "remove the key or fix its spelling";
    MissingKey = "C0102", "missing-key", Error, "A required key is missing.", "add the key";
    WrongValue = "C0103", "wrong-value", Error, "A key has a value of the wrong shape or an unknown value.", "see docs/language.md for the values each key takes";
    InvalidName = "C0104", "invalid-name", Error, "A definition name is not of the form [A-Za-z][A-Za-z0-9_]*.", "use letters, digits and underscores, starting with a letter";
    DuplicateDefinition = "C0105", "duplicate-definition", Error, "Two definitions have the same name.", "names are unique across the whole catalog: rename or remove one";
    VersionMismatch = "C0106", "version-mismatch", Error, "The `version` key disagrees with the trailing V<n> of the name.", "make `version` equal the number after the trailing V, or drop `version`";
    InvalidFieldName = "C0107", "invalid-field-name", Error, "A field name is not of the form [A-Za-z_][A-Za-z0-9_]*.", "use letters, digits and underscores, not starting with a digit";
    TypeSyntax = "C0108", "type-syntax", Error, "A type expression cannot be parsed.", "write a type such as `string`, `int?`, `list<uuid>`, `map<string, Essay>`";
    UnknownType = "C0109", "unknown-type", Error, "A type names no built-in type, record or enum.", "define the record or enum, or fix the spelling";
    KeyNotForKind = "C0110", "key-not-for-kind", Error, "A key is not allowed on this kind of definition.", "remove the key; docs/language.md lists the keys each kind takes";
    InvalidEnumValues = "C0111", "invalid-enum-values", Error, "Enum values are missing, repeated, or not strings.", "list distinct string values: `values: [A, B, C]`";
    RustNameCollision = "C0112", "rust-name-collision", Error, "Two names become the same Rust identifier.", "rename one of them so their snake_case / CamelCase forms differ";
    NotAMessageType = "C0113", "type-is-a-message", Error, "A field refers to a message; only records and enums can be nested.", "extract the shared part into a `record` and use it in both";
    SplitType = "C0114", "split-type", Error, "YAML's flow style split a type at its comma (`{ type: map<string, T> }`).", "quote the type (`type: \"map<string, T>\"`) or write the mapping in block style";

    // Identity.
    UnattributedMessage = "C0201", "unattributed-message", Error, "A message does not declare its identity.", "add `identity: { user_id: required, org_id: optional }` (or `org_id: required`), or an `identity: { exempt: \"reason\" }`";
    UserIdNotRequired = "C0202", "user-id-not-required", Error, "`identity.user_id` is not `required`.", "write `user_id: required`: a message without a user cannot be attributed";
    IdentityKeyMissing = "C0203", "identity-key-missing", Error, "An identity block leaves out `user_id` or `org_id`.", "write both keys out: `user_id: required` and `org_id: optional | required`";
    OrgIdInvalid = "C0204", "org-id-invalid", Error, "`identity.org_id` is neither `optional` nor `required`.", "write `org_id: optional` or `org_id: required`";
    IdentityOnSharedType = "C0205", "identity-on-shared-type", Error, "A record or enum declares identity.", "remove `identity`: shared types travel inside messages, which carry the identity";
    ReservedIdentityField = "C0206", "reserved-identity-field", Error, "A field is named `user_id` or `org_id`, which contractc embeds itself.", "remove the field: declare `identity:` instead and contractc adds it";
    IdentityLookalikeField = "C0207", "identity-lookalike-field", Error, "A field spells an identity field another way (userId, tenant_id, ...).", "identity has one spelling: declare `identity:`; if the field names another user or org, name it by its role (`invitee_user_id`, `owner_org_id`)";
    ExemptionReasonTooShort = "C0208", "exemption-reason-too-short", Error, "An identity exemption gives a reason shorter than 10 characters.", "say why the message never consumes anything attributable";
    ExemptionsDenied = "C0209", "exemptions-denied", Error, "The project config forbids identity exemptions.", "declare `user_id` and `org_id`, or set `policy.exemptions: allow` in contractc.yaml";
    MixedIdentity = "C0210", "mixed-identity", Error, "An identity block is both exempt and attributed.", "keep either `exempt` or `user_id`/`org_id`";
    IdentityDropped = "C0211", "identity-dropped", Error, "An exempt message is caused by an attributed one: identity would be lost.", "attribute this message too, threading `user_id`/`org_id` from its cause";
    OrgIdWeakened = "C0212", "org-id-weakened", Error, "`org_id: optional` downstream of `org_id: required`: org attribution could be lost.", "declare `org_id: required` here as well";
    UnknownCause = "C0213", "unknown-cause", Error, "`caused_by` names a message that does not exist.", "fix the name or define the message";
    CausalityCycle = "C0214", "causality-cycle", Error, "`caused_by` edges form a cycle.", "a message cannot lead to itself: remove one edge of the cycle";
    CauseNotAMessage = "C0215", "cause-not-a-message", Error, "`caused_by` names a record or enum.", "name the upstream request, command, event or response";

    // Fields and constraints.
    ConstraintNotForType = "C0301", "constraint-not-for-type", Error, "A constraint does not fit the field's type.", "remove the constraint or change the type";
    InconsistentBounds = "C0302", "inconsistent-bounds", Error, "Constraints contradict each other (min > max, ...).", "make the lower bound at most the upper bound";
    InvalidPattern = "C0303", "invalid-pattern", Error, "A `pattern` is not a valid regular expression.", "fix the regular expression";
    NonPortablePattern = "C0304", "non-portable-pattern", Error, "A `pattern` uses syntax outside the subset Rust and ECMA-262 read alike.", "rewrite it without look-around, back-references, inline flags or Rust/ECMA-only escapes";
    DefaultOnRequired = "C0305", "default-on-required", Error, "A required field has a `default`.", "make the field optional (`?`) or remove the default";
    InvalidDefault = "C0306", "invalid-default", Error, "A `default` does not fit the field's type or constraints.", "change the default so the field's own validator accepts it";
    RecursiveRecord = "C0307", "recursive-record", Error, "A record contains itself without `?`, `list<>` or `map<>`.", "make the self-reference optional or a list";
    InvalidConstraintValue = "C0308", "invalid-constraint-value", Error, "A constraint has a value of the wrong kind (negative length, non-number bound, ...).", "give a non-negative integer for lengths and counts, a number for bounds";
    DeprecatedUse = "C0309", "deprecated-use", Warning, "A definition uses a deprecated record or enum.", "move to the replacement the deprecation names";
    TopicNotAllowed = "C0310", "topic-not-allowed", Error, "`topic` on a definition that is not a command or event.", "remove `topic`: only commands and events are published to a topic";
    UnsafeIntBound = "C0320", "unsafe-int-bound", Warning, "An `int` bound lies past ±(2^53 − 1), the range every JSON parser reads exactly (I-JSON).", "keep `min` and `max` within ±9007199254740991, or send the value as a string; past it JavaScript validators (ajv, @cfworker/json-schema) read integers as doubles and cannot check it";

    // Evolution (contractc diff). Each code breaks backward compatibility (consumers on NEW read
    // data written under OLD), forward compatibility (consumers on OLD read data written under
    // NEW), or both; `contractc diff --mode` reports the ones that break the mode.
    MessageRemoved = "C0401", "message-removed", Error, "A message was removed (breaks backward and forward).", "keep the message until no producer or consumer uses it; add its successor alongside it";
    KindChanged = "C0402", "kind-changed", Error, "A message changed its kind, or became or stopped being a message (breaks both).", "add a new definition (a new version) instead of changing the kind";
    TopicChanged = "C0403", "topic-changed", Error, "A command or event changed its topic (breaks both).", "publish to the new topic under a new version and keep the old one until every consumer has moved";
    RequiredFieldAdded = "C0404", "required-field-added", Error, "A required field was added (breaks backward: old data lacks it).", "add the field as optional (`?`, with a `default` if readers need a value), or add a new version of the message";
    FieldAddedUnderReject = "C0405", "field-added-under-reject", Error, "A field was added where OLD readers reject unknown fields (breaks forward).", "deploy consumers before producers, or switch the old readers to `unknown_fields: ignore` first";
    RequiredFieldRemoved = "C0406", "required-field-removed", Error, "A required field was removed (breaks forward: old readers need it).", "make the field optional first, and remove it once no reader requires it";
    FieldRemovedUnderReject = "C0407", "field-removed-under-reject", Error, "A field was removed where NEW readers reject unknown fields (breaks backward: old data carries it).", "keep the field (mark it `deprecated`) until no producer sends it, or read with `unknown_fields: ignore`";
    FieldMadeOptional = "C0408", "field-made-optional", Error, "A required field became optional (breaks forward: old readers need it).", "keep the field required until every consumer accepts its absence";
    FieldMadeRequired = "C0409", "field-made-required", Error, "An optional field became required (breaks backward: old data may lack it).", "keep the field optional (give it a `default`), or add a new version of the message";
    TypeChanged = "C0410", "type-changed", Error, "A field (or a list or map element) changed its type to one that differs both ways (breaks both).", "add a new field (or a new version of the message) instead of changing the type";
    ItemsMadeNullable = "C0411", "items-made-nullable", Error, "List or map elements may now be null (breaks forward).", "old readers reject null elements: upgrade consumers before producers send nulls";
    ItemsMadeNonNull = "C0412", "items-made-non-null", Error, "List or map elements may no longer be null (breaks backward).", "old data may hold null elements: keep the `?`";
    ConstraintTightened = "C0413", "constraint-tightened", Error, "A constraint was added or tightened (breaks backward: old data may not pass).", "loosen it back, or add a new field or version with the stricter rule";
    ConstraintLoosened = "C0414", "constraint-loosened", Error, "A constraint was removed or loosened (breaks forward: old readers may reject new data).", "upgrade consumers before producers send values the old constraint rejects";
    PatternChanged = "C0415", "pattern-changed", Error, "A `pattern` was replaced by one that differs both ways, or whose difference cannot be decided (breaks both).", "the two expressions accept different strings: add a new field or version instead";
    EnumValueAdded = "C0416", "enum-value-added", Error, "An enum value was added (breaks forward: old readers reject it).", "upgrade consumers before any producer sends the new value";
    EnumValueRemoved = "C0417", "enum-value-removed", Error, "An enum value was removed (breaks backward: old data may hold it).", "keep the value (stop producing it) until no stored or in-flight data holds it";
    UnknownFieldsRejected = "C0418", "unknown-fields-rejected", Error, "`unknown_fields` went from `ignore` to `reject` (breaks backward: old data may carry undeclared keys).", "keep `ignore`, or add a new version that rejects unknown fields";
    UnknownFieldsIgnored = "C0419", "unknown-fields-ignored", Error, "`unknown_fields` went from `reject` to `ignore` (breaks forward: old readers reject undeclared keys).", "upgrade consumers before producers send keys the old contract does not declare";
    IdentityWeakened = "C0420", "identity-weakened", Error, "A message's identity was weakened: it became exempt, or `org_id` went from required to optional (reported in every mode).", "identity may only be strengthened: restore it, or add a new version of the message if attribution really changes";
    IdentityStrengthened = "C0421", "identity-strengthened", Error, "A message's identity was strengthened: `org_id` became required, or an exempt message became attributed (breaks backward).", "have every producer send the identity first (the old contract allows it), and require it only once no data without it remains";
    DefaultChanged = "C0422", "default-changed", Warning, "A field's `default` changed, appeared or disappeared.", "readers on OLD and NEW fill in different values for an absent field: make sure both sides agree";
    TypeWidened = "C0423", "type-widened", Error, "A field (or element) changed to a type that accepts every old value and more, as `int` → `float` (breaks forward).", "upgrade consumers before producers send values the old type rejects";
    TypeNarrowed = "C0424", "type-narrowed", Error, "A field (or element) changed to a type that accepts only some old values, as `string` → `email` (breaks backward).", "old data may hold values the new type rejects: keep the wider type, or add a new field or version";
    FieldAddedToOpenContent = "C0425", "field-added-to-open-content", Error, "With `--strict-open-content`: an optional field was added where OLD ignores unknown fields, so old data may carry the key with another value (breaks backward).", "make sure no producer of OLD sends this key, then run without `--strict-open-content`, or pick a new key";
    FieldRemovedFromOpenContent = "C0426", "field-removed-from-open-content", Error, "With `--strict-open-content`: an optional field was removed where NEW ignores unknown fields, so new data may carry the key with another value (breaks forward).", "keep the field (mark it `deprecated`) so that nobody reuses the key, or run without `--strict-open-content`";

    // Emitting.
    RustEmit = "C0501", "rust-emit-failed", Error, "Generating Rust failed: a template does not load or render, or renders code that does not parse.", "fix the template named in the message; with the built-in templates this is a contractc bug: please report it";
    // Python output.
    PythonEmit = "C0600", "python-emit-failed", Error, "Generating the Python package failed: a built-in template does not load or render.", "this is a contractc bug: please report it";
}

/// The reference page of every code (`docs/diagnostics.md`), generated from the table.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# contractc diagnostics\n\n<!-- @generated from compiler/src/diag/codes.rs by `contractc explain --markdown`; do not edit -->\n\n\
         Every diagnostic has a stable code, a name, a default severity and a help line. \
         `--deny-warnings` makes warnings errors. `contractc explain CODE` prints one entry.\n\n\
         | code | name | severity | rule | help |\n| --- | --- | --- | --- | --- |\n",
    );
    for code in Code::ALL {
        let i = code.info();
        let cell = |s: &str| s.replace('|', "\\|");
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            i.code,
            i.name,
            i.severity.as_str(),
            cell(i.summary),
            cell(i.help)
        ));
    }
    out
}

impl Code {
    /// Finds a code by its code (`C0201`) or name (`unattributed-message`), case-insensitively.
    pub fn lookup(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| {
            let i = c.info();
            i.code.eq_ignore_ascii_case(text) || i.name.eq_ignore_ascii_case(text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: HashSet<_> = Code::ALL.iter().map(|c| c.info().code).collect();
        let names: HashSet<_> = Code::ALL.iter().map(|c| c.info().name).collect();
        assert_eq!(codes.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
    }
}
