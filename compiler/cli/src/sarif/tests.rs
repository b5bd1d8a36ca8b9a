use super::*;
use serde_json::{Value, json};

/// The diagnostics the library's format tests render, for the same checks here.
#[path = "../../../src/diag/render/samples.rs"]
mod fixture;

fn rendered(diags: &Diagnostics, sources: &SourceMap) -> String {
    let mut out = Vec::new();
    write(diags, sources, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn parsed() -> Value {
    let (sources, diags) = fixture::sample();
    serde_json::from_str(&rendered(&diags, &sources)).unwrap()
}

#[test]
fn header_and_driver() {
    let doc = parsed();
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["$schema"], SCHEMA);
    assert_eq!(doc["runs"].as_array().unwrap().len(), 1);
    let driver = &doc["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "contractc");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // The project has no public home yet: no placeholder address (the key is optional).
    assert!(driver.get("informationUri").is_none(), "{driver}");
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn rules_are_the_codes_used_in_code_order() {
    let doc = parsed();
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["C0009", "C0010", "C0103"]);
    assert_eq!(
        rules[1],
        json!({
            "id": "C0010",
            "name": "empty-document",
            "shortDescription": { "text": "A file or YAML document holds no definition." },
            "help": { "text": "remove the empty file or document" },
            "defaultConfiguration": { "level": "warning" }
        })
    );
}

#[test]
fn results_point_at_the_span() {
    let doc = parsed();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "C0103");
    assert_eq!(first["ruleIndex"], 2);
    assert_eq!(first["level"], "error");
    assert_eq!(
        first["message"]["text"],
        "unknown kind `événement`\nhelp: use one of: request, command, event, response, record, enum"
    );
    let physical = &first["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "schemas/order.yaml");
    assert_eq!(
        physical["region"],
        json!({ "startLine": 2, "startColumn": 10, "endColumn": 16 })
    );
    let warning = &results[1];
    assert_eq!(
        (&warning["ruleId"], &warning["level"]),
        (&json!("C0010"), &json!("warning"))
    );
    // The default help is on the rule, not repeated in the message.
    assert_eq!(
        warning["message"]["text"],
        "the document holds no definition"
    );
    assert_eq!(
        warning["locations"][0]["physicalLocation"]["region"],
        json!({ "startLine": 1, "startColumn": 7, "endColumn": 7 })
    );
    assert_eq!(results[2]["ruleId"], "C0009");
    assert!(results[2].get("locations").is_none());
}

#[test]
fn output_deserialises_as_sarif() {
    let (sources, diags) = fixture::sample();
    let out = rendered(&diags, &sources);
    let sarif: Sarif = serde_json::from_str(&out).unwrap();
    assert_eq!(sarif.version, json!("2.1.0"));
    let results = sarif.runs[0].results.as_ref().unwrap();
    assert_eq!(results[0].level, Some(ResultLevel::Error));
    assert_eq!(results[1].level, Some(ResultLevel::Warning));
}

#[test]
fn multi_line_span_has_end_line() {
    let mut sources = SourceMap::default();
    let file = sources.add("a.yaml".into(), "name: A\nfields:\n  x: int\n".into());
    let mut pos = sources.get(file).pos(file, 2, 0, 0);
    pos.end = sources.get(file).offset_of(3, 4);
    let mut diags = Diagnostics::new();
    diags.emit(Code::UnknownKey, pos, "m");
    let doc = document(&diags, &sources);
    let region = doc.runs[0].results.as_ref().unwrap()[0]
        .locations
        .as_ref()
        .unwrap()[0]
        .physical_location
        .as_ref()
        .unwrap()
        .region
        .clone()
        .unwrap();
    assert_eq!(
        (
            region.start_line,
            region.start_column,
            region.end_line,
            region.end_column
        ),
        (Some(2), Some(1), Some(3), Some(5))
    );
}

#[test]
fn empty_run_is_still_a_document() {
    let doc = document(&Diagnostics::new(), &SourceMap::default());
    let value = serde_json::to_value(&doc).unwrap();
    assert_eq!(value["runs"][0]["results"], json!([]));
    assert_eq!(value["runs"][0]["tool"]["driver"]["rules"], json!([]));
}

#[test]
fn uris_are_percent_encoded() {
    assert_eq!(
        uri("schemas/my file%.yaml", false),
        "schemas/my%20file%25.yaml"
    );
    assert_eq!(uri("a:b/é.yaml", false), "a%3Ab/%C3%A9.yaml");
    assert_eq!(uri("/srv/x.yaml", true), "file:///srv/x.yaml");
    assert_eq!(uri("C:/x.yaml", true), "file:///C:/x.yaml");
}

#[test]
fn secondary_places_are_related_locations() {
    let (sources, diags) = fixture::two_places();
    let mut out = Vec::new();
    write(&diags, &sources, &mut out).unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let result = &doc["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "schemas/b.yaml"
    );
    assert_eq!(
        result["relatedLocations"],
        json!([{
            "id": 0,
            "message": { "text": "first defined here" },
            "physicalLocation": {
                "artifactLocation": { "uri": "schemas/a.yaml" },
                "region": { "startLine": 1, "startColumn": 7, "endColumn": 8 }
            }
        }])
    );
}
