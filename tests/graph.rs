//! `contractc graph`: exact Mermaid and DOT for a small catalog; the reference catalog read back
//! by a real DOT parser (and laid out by `dot -Tsvg` when Graphviz is installed); node ids safe
//! for odd names; the command line's output and exit codes.

use contractc::emit::graph::node_id;
use contractc::{Catalog, Checked};
use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, Stmt, Vertex};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Mermaid drawing of a catalog that passes every check.
fn mermaid(catalog: &Catalog) -> String {
    let checked = Checked::from_catalog(catalog.clone());
    contractc::emit::graph::mermaid(checked.emittable().expect("a checked catalog"))
}

/// The DOT drawing of a catalog that passes every check.
fn dot(catalog: &Catalog) -> String {
    let checked = Checked::from_catalog(catalog.clone());
    contractc::emit::graph::dot(checked.emittable().expect("a checked catalog"))
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/graph")
        .join(name)
}

fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares with `tests/fixtures/graph/<name>`; `CONTRACTC_BLESS=1` rewrites it instead.
fn assert_fixture(name: &str, actual: &str) {
    if std::env::var_os("CONTRACTC_BLESS").is_some() {
        std::fs::write(fixture_path(name), actual).expect("bless");
        return;
    }
    assert_eq!(
        actual,
        fixture(name),
        "output differs from tests/fixtures/graph/{name}"
    );
}

fn check(files: &[(&str, &str)]) -> Catalog {
    let mut sources = contractc::SourceMap::default();
    let files = files
        .iter()
        .map(|(name, text)| {
            (
                PathBuf::from(name),
                PathBuf::from(name),
                text.as_bytes().to_vec(),
            )
        })
        .collect();
    let (catalog, diags) = contractc::check_files(&mut sources, files);
    assert!(
        !diags.has_errors(),
        "the test catalog has errors: {diags:?}"
    );
    catalog
}

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas")
}

fn reference() -> Catalog {
    let checked = contractc::check_dir(&reference_dir());
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked.diagnostics
    );
    checked.catalog().clone()
}

/// The node ids and distinct (upstream, downstream) edges the catalog should draw.
fn expected(catalog: &Catalog) -> (BTreeSet<String>, BTreeSet<(String, String)>) {
    let nodes = catalog.messages().map(|d| node_id(&d.name.value)).collect();
    let edges = catalog
        .messages()
        .flat_map(|d| {
            d.caused_by
                .iter()
                .map(move |up| (node_id(&up.value), node_id(&d.name.value)))
        })
        .collect();
    (nodes, edges)
}

/// What a real DOT parser reads: node ids with their attributes, and edges.
struct Parsed {
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    node_statements: usize,
    edges: Vec<(String, String)>,
}

fn id_text(id: &Id) -> String {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

fn vertex(v: &Vertex) -> String {
    match v {
        Vertex::N(n) => id_text(&n.0),
        Vertex::S(_) => panic!("the graph has no subgraph vertices"),
    }
}

fn parse_dot(text: &str) -> Parsed {
    let graph = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("not valid DOT: {e}\n{text}"));
    let Graph::DiGraph {
        stmts,
        strict: false,
        ..
    } = graph
    else {
        panic!("not a digraph: {graph:?}")
    };
    let mut parsed = Parsed {
        nodes: BTreeMap::new(),
        node_statements: 0,
        edges: Vec::new(),
    };
    for stmt in stmts {
        match stmt {
            Stmt::Node(n) => {
                parsed.node_statements += 1;
                let attrs = n
                    .attributes
                    .iter()
                    .map(|Attribute(k, v)| (id_text(k), id_text(v)))
                    .collect();
                parsed.nodes.insert(id_text(&n.id.0), attrs);
            }
            Stmt::Edge(e) => match e.ty {
                EdgeTy::Pair(a, b) => parsed.edges.push((vertex(&a), vertex(&b))),
                EdgeTy::Chain(_) => panic!("edges are written one per statement"),
            },
            Stmt::Subgraph(_) => panic!("no subgraphs expected"),
            Stmt::Attribute(_) | Stmt::GAttribute(_) => {}
        }
    }
    parsed
}

/// Asserts that the DOT text draws exactly the catalog's messages and caused_by edges.
fn assert_dot_matches(catalog: &Catalog, text: &str) -> Parsed {
    let parsed = parse_dot(text);
    let (nodes, edges) = expected(catalog);
    assert_eq!(parsed.node_statements, catalog.messages().count());
    assert_eq!(parsed.nodes.keys().cloned().collect::<BTreeSet<_>>(), nodes);
    assert_eq!(
        parsed.edges.len(),
        edges.len(),
        "one edge per distinct caused_by entry"
    );
    assert_eq!(parsed.edges.iter().cloned().collect::<BTreeSet<_>>(), edges);
    parsed
}

/// Lays the DOT text out with Graphviz, when installed; returns the SVG.
fn graphviz_svg(text: &str) -> Option<String> {
    use std::io::Write;
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => {
            eprintln!("`dot` not installed: skipping the Graphviz layout check");
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to dot");
    let out = child.wait_with_output().expect("dot runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "dot -Tsvg failed: {stderr}"
    );
    Some(String::from_utf8(out.stdout).expect("SVG is UTF-8"))
}

#[test]
fn small_catalog_mermaid_is_exact() {
    assert_fixture(
        "small.mmd",
        &mermaid(&check(&[("small.yaml", &fixture("small.yaml"))])),
    );
}

#[test]
fn small_catalog_dot_is_exact() {
    let catalog = check(&[("small.yaml", &fixture("small.yaml"))]);
    let text = dot(&catalog);
    assert_fixture("small.dot", &text);
    let parsed = assert_dot_matches(&catalog, &text);
    assert_eq!(parsed.nodes.len(), 5, "records are not drawn");
}

#[test]
fn output_does_not_depend_on_file_layout() {
    let small = fixture("small.yaml");
    let one = check(&[("small.yaml", &small)]);
    let docs: Vec<&str> = small.split("\n---\n").collect();
    let named: Vec<(String, &str)> = docs
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| (format!("{i}.yaml"), *d))
        .collect();
    let split = check(
        &named
            .iter()
            .map(|(n, d)| (n.as_str(), *d))
            .collect::<Vec<_>>(),
    );
    assert_eq!(split.definitions.len(), 6);
    assert_eq!(mermaid(&split), mermaid(&one));
    assert_eq!(dot(&split), dot(&one));
}

#[test]
fn reference_catalog_dot_parses_with_every_message_and_edge() {
    let catalog = reference();
    let parsed = assert_dot_matches(&catalog, &dot(&catalog));
    // Identity is visible in the style: org-required thick, exempt dashed, the rest neither.
    for def in catalog.messages() {
        let attrs = &parsed.nodes[&node_id(&def.name.value)];
        let style = &attrs["style"];
        match def.identity.as_ref().and_then(|i| i.org()) {
            Some(contractc::model::OrgPolicy::Required) => {
                assert_eq!(attrs.get("penwidth").map(String::as_str), Some("3"))
            }
            Some(contractc::model::OrgPolicy::Optional) => {
                assert!(!attrs.contains_key("penwidth") && !style.contains("dashed"))
            }
            None => assert!(
                style.contains("dashed"),
                "{} is exempt: {style}",
                def.name.value
            ),
        }
    }
    assert!(
        catalog.exempt_messages().count() >= 1,
        "the reference catalog shows an exempt message"
    );
}

#[test]
fn reference_catalog_dot_lays_out_with_graphviz() {
    let catalog = reference();
    let Some(svg) = graphviz_svg(&dot(&catalog)) else {
        return;
    };
    let (nodes, edges) = expected(&catalog);
    assert_eq!(svg.matches("class=\"node\"").count(), nodes.len());
    assert_eq!(svg.matches("class=\"edge\"").count(), edges.len());
}

#[test]
fn reference_catalog_mermaid_has_every_message_and_edge() {
    let catalog = reference();
    let text = mermaid(&catalog);
    let (nodes, edges) = expected(&catalog);
    let node_lines: BTreeSet<String> = text
        .lines()
        .filter(|l| l.contains(":::"))
        .map(|l| {
            l.trim_start()
                .split(['[', '(', '{'])
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let edge_lines: BTreeSet<(String, String)> = text
        .lines()
        .filter_map(|l| l.trim().split_once(" --> "))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(node_lines, nodes);
    assert_eq!(edge_lines, edges);
    assert_eq!(
        text.lines().filter(|l| l.contains(" --> ")).count(),
        edges.len()
    );
    assert!(text.contains("classDef exempt") && text.contains("classDef orgRequired"));
}

#[test]
fn keyword_and_odd_names_get_safe_distinct_ids() {
    assert_eq!(
        node_id("ELS_CJAssessmentRequestV1"),
        "ELS_CJAssessmentRequestV1"
    );
    assert_eq!(node_id("end"), "id_656e64");
    assert_eq!(node_id("Node"), "id_4e6f6465");
    assert_eq!(node_id("id_x"), "id_69645f78");
    assert_eq!(node_id("a-b é"), "id_612d6220c3a9");
    let names = [
        "end",
        "End",
        "node",
        "id_x",
        "id_656e64",
        "a-b",
        "a_b",
        "9lives",
        "",
        "Subgraph",
    ];
    let ids: BTreeSet<String> = names.iter().map(|n| node_id(n)).collect();
    assert_eq!(ids.len(), names.len(), "ids are distinct: {ids:?}");
    for id in &ids {
        let mut chars = id.chars();
        assert!(
            chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
            "{id}"
        );
        assert!(chars.all(|c| c.is_ascii_alphanumeric() || c == '_'), "{id}");
    }
}

#[test]
fn odd_catalog_renders_valid_dot_and_escaped_labels() {
    let catalog = check(&[("odd.yaml", &fixture("odd.yaml"))]);
    let text = dot(&catalog);
    let parsed = assert_dot_matches(&catalog, &text);
    let label = &parsed.nodes[&node_id("node")]["label"];
    assert_eq!(
        label,
        r#""node\nevent: a \"quoted\" <b> & #1 \\ back`tick\nuser + org (optional)""#
    );
    if let Some(svg) = graphviz_svg(&text) {
        for id in expected(&catalog).0 {
            assert!(
                svg.contains(&format!("<title>{id}</title>")),
                "{id} missing from the SVG"
            );
        }
        assert!(
            svg.contains("event: a &quot;quoted&quot; &lt;b&gt; &amp; #1 \\ back`tick"),
            "{svg}"
        );
    }
    let mermaid = mermaid(&catalog);
    assert!(
        mermaid.contains("event: a #34;quoted#34; #60;b#62; #38; #35;1 #92; back#96;tick<br/>"),
        "{mermaid}"
    );
    assert!(
        !mermaid.lines().any(|l| l.trim_start().starts_with("end")),
        "`end` would close a Mermaid block"
    );
}

fn contractc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_contractc"))
        .args(args)
        .output()
        .expect("contractc runs")
}

#[test]
fn cli_prints_mermaid_by_default_and_dot_on_request() {
    let catalog = reference();
    let dir = reference_dir();
    let dir = dir.to_str().expect("UTF-8 path");
    let out = contractc(&["graph", dir]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), mermaid(&catalog));
    let out = contractc(&["graph", dir, "--format", "dot"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), dot(&catalog));
}

#[test]
fn cli_prints_diagnostics_and_no_graph_when_the_catalog_has_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "name: LonelyV1\nkind: event\ntopic: a.v1\nfields:\n  n: int\n";
    std::fs::write(dir.path().join("lonely.yaml"), body).expect("write");
    let out = contractc(&[
        "graph",
        dir.path().to_str().expect("UTF-8 path"),
        "--color",
        "never",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "no graph: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("C0201") && stderr.contains("lonely.yaml"),
        "{stderr}"
    );
}

#[test]
fn cli_rejects_an_unknown_drawing_and_a_missing_catalog() {
    let dir = reference_dir();
    let out = contractc(&[
        "graph",
        dir.to_str().expect("UTF-8 path"),
        "--format",
        "svg",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = contractc(&["graph", "/nonexistent/contractc-graph-test"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
