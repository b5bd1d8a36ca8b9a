//! The one entry point: comparing instead of writing, and the layout of `contractc build`.

use super::*;

fn reference_catalog() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

#[test]
fn check_compares_the_checked_in_schemas_and_writes_nothing_there() {
    let dir = tempfile::tempdir().unwrap();
    let (out, schemas) = (dir.path().join("out"), dir.path().join("jsonschema"));
    let builder = |check| {
        Builder::new()
            .catalog(reference_catalog())
            .out_dir(&out)
            .json_schema_dir(&schemas)
            .check(check)
    };
    let Err(Error::Stale(stale)) = builder(true).compile() else {
        panic!("missing schemas are stale");
    };
    assert!(stale.iter().all(|s| matches!(s, Staleness::Missing(_))));
    assert!(!schemas.exists(), "a check writes no schema");
    // The Rust of the build's own out_dir is written either way.
    assert!(out.join(RUST_FILE).is_file());

    let written = builder(false).compile().unwrap();
    assert!(written.written.iter().any(|p| p.starts_with(&schemas)));
    let summary = builder(true).compile().unwrap();
    assert!(summary.written.is_empty());
    std::fs::write(schemas.join("Stray.schema.json"), "{}").unwrap();
    let Err(Error::Stale(stale)) = builder(true).compile() else {
        panic!("a stray schema is stale");
    };
    assert_eq!(stale, [Staleness::Extra(schemas.join("Stray.schema.json"))]);
}

#[test]
fn output_dir_lays_out_what_contractc_build_writes() {
    let dir = tempfile::tempdir().unwrap();
    let builder = Builder::new()
        .catalog(reference_catalog())
        .output_dir(dir.path());
    let built = builder.run().unwrap();
    assert_eq!(
        built.rust_file, None,
        "no Rust outside the output directory"
    );
    assert!(dir.path().join("rust").join(RUST_FILE).is_file());
    assert!(
        dir.path()
            .join("jsonschema/UsageRecordedV1.schema.json")
            .is_file()
    );
    assert_eq!(built.written.len(), built.outputs.files.len());
    let again = builder.check(true).run().unwrap();
    assert!(again.stale.is_empty() && again.written.is_empty());
}
