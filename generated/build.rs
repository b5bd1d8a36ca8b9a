//! Compiles ../schemas into $OUT_DIR/contracts.rs and keeps jsonschema/ fresh.
fn main() -> Result<(), contractc::build::Error> {
    let builder = contractc::build::Builder::new().catalog("../schemas");
    builder.json_schema_dir("jsonschema").compile().map(drop)
}
