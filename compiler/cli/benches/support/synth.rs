//! A synthetic catalog for the benchmarks: N messages of 13 mixed fields in groups of ten,
//! each group with a record and an enum of its own, written both as contractc YAML and as
//! the equivalent proto3 files, so `contractc` and `protoc` compile the same message shapes.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Messages per group; a group is one YAML file and one `.proto` file.
pub const GROUP: usize = 10;

/// Message kinds, in turn.
const KINDS: [&str; 4] = ["command", "event", "request", "response"];

/// The catalog of `n` messages as `(file name, YAML)` pairs, with its `contractc.yaml`.
pub fn yaml_files(n: usize) -> Vec<(String, String)> {
    let mut files = vec![("contractc.yaml".to_owned(), CONFIG.to_owned())];
    files.extend(groups(n).map(|(g, count)| (format!("group_{g:05}.yaml"), yaml_group(g, count))));
    files
}

/// The same catalog as proto3 files, one package per group.
pub fn proto_files(n: usize) -> Vec<(String, String)> {
    groups(n)
        .map(|(g, count)| (format!("group_{g:05}.proto"), proto_group(g, count)))
        .collect()
}

/// Writes `yaml_files(n)` into `dir/schemas` and `proto_files(n)` into `dir/proto`, replacing
/// what an earlier run left there.
pub fn write(n: usize, dir: &Path) -> io::Result<()> {
    for (sub, files) in [("schemas", yaml_files(n)), ("proto", proto_files(n))] {
        let sub = dir.join(sub);
        if sub.exists() {
            std::fs::remove_dir_all(&sub)?;
        }
        std::fs::create_dir_all(&sub)?;
        for (name, text) in files {
            std::fs::write(sub.join(name), text)?;
        }
    }
    Ok(())
}

const CONFIG: &str = "policy:\n  exemptions: deny\n  unknown_fields: ignore\n";

/// `(group number, messages in it)` for `n` messages.
fn groups(n: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n.div_ceil(GROUP)).map(move |g| (g, GROUP.min(n - g * GROUP)))
}

/// The last two messages of each group's `caused_by` chain require `org_id` (an effect may
/// tighten its cause's identity, never loosen it).
fn org_required(i: usize) -> bool {
    i >= GROUP - 2
}

fn message_name(g: usize, i: usize) -> String {
    format!("Synth{g}Message{i}V1")
}

fn yaml_group(g: usize, count: usize) -> String {
    let mut out = format!(
        "name: Synth{g}ItemV1\nkind: record\ndescription: Line item shared by group {g}.\n\
         fields:\n  sku: {{ type: string, pattern: '^[A-Z0-9]{{8}}$', description: Stock unit. }}\n  \
         quantity: {{ type: int, min: 1, max: 10000, description: Units ordered. }}\n  \
         price: {{ type: float, min: 0, description: Unit price. }}\n  \
         note: {{ type: string?, max_length: 500, description: Free text. }}\n---\n\
         name: Synth{g}StatusV1\nkind: enum\ndescription: Status of a group {g} message.\n\
         values: [pending, active, suspended, closed]\n"
    );
    for i in 0..count {
        out.push_str("---\n");
        yaml_message(&mut out, g, i);
    }
    out
}

fn yaml_message(out: &mut String, g: usize, i: usize) {
    let kind = KINDS[i % KINDS.len()];
    let name = message_name(g, i);
    let org = if org_required(i) {
        "required"
    } else {
        "optional"
    };
    let _ = writeln!(
        out,
        "name: {name}\nkind: {kind}\ndescription: Synthetic message {i} of group {g}."
    );
    if kind == "command" || kind == "event" {
        let _ = writeln!(out, "topic: synth.g{g}.m{i}.v1");
    }
    let _ = writeln!(out, "identity:\n  user_id: required\n  org_id: {org}");
    if i > 0 {
        let _ = writeln!(out, "caused_by: [{}]", message_name(g, i - 1));
    }
    let _ = write!(
        out,
        "fields:\n  \
         request_id: {{ type: uuid, description: Id of this message. }}\n  \
         created_at: {{ type: datetime, description: When it was sent. }}\n  \
         title: {{ type: string, min_length: 1, max_length: 200, description: Title. }}\n  \
         code: {{ type: string, pattern: '^[A-Z]{{3}}-[0-9]{{4}}$', description: Code. }}\n  \
         count: {{ type: int, min: 0, max: 100000, description: Count. }}\n  \
         score: {{ type: float?, min: 0, max: 1, description: Score. }}\n  \
         active: {{ type: bool, description: Whether it is active. }}\n  \
         status: {{ type: Synth{g}StatusV1, description: Status. }}\n  \
         primary: {{ type: Synth{g}ItemV1, description: Main item. }}\n  \
         items: {{ type: 'list<Synth{g}ItemV1>', max_items: 100, description: Items. }}\n  \
         tags: {{ type: 'list<string>', max_items: 20, unique: true, description: Tags. }}\n  \
         attributes: {{ type: 'map<string, int>?', description: Counters by name. }}\n  \
         contact: {{ type: email?, max_length: 254, description: Who to tell. }}\n"
    );
}

fn proto_group(g: usize, count: usize) -> String {
    let mut out = format!(
        "syntax = \"proto3\";\n\npackage synth.g{g};\n\n\
         // Line item shared by group {g}.\nmessage Synth{g}ItemV1 {{\n  string sku = 1;\n  \
         int64 quantity = 2;\n  double price = 3;\n  optional string note = 4;\n}}\n\n\
         // Status of a group {g} message.\nenum Synth{g}StatusV1 {{\n  \
         SYNTH{g}_STATUS_V1_PENDING = 0;\n  SYNTH{g}_STATUS_V1_ACTIVE = 1;\n  \
         SYNTH{g}_STATUS_V1_SUSPENDED = 2;\n  SYNTH{g}_STATUS_V1_CLOSED = 3;\n}}\n"
    );
    for i in 0..count {
        let org = if org_required(i) { "" } else { "optional " };
        let _ = write!(
            out,
            "\n// Synthetic message {i} of group {g}.\nmessage {} {{\n  string user_id = 1;\n  \
             {org}string org_id = 2;\n  string request_id = 3;\n  string created_at = 4;\n  \
             string title = 5;\n  string code = 6;\n  int64 count = 7;\n  optional double score = 8;\n  \
             bool active = 9;\n  Synth{g}StatusV1 status = 10;\n  Synth{g}ItemV1 primary = 11;\n  \
             repeated Synth{g}ItemV1 items = 12;\n  repeated string tags = 13;\n  \
             map<string, int64> attributes = 14;\n  optional string contact = 15;\n}}\n",
            message_name(g, i)
        );
    }
    out
}
