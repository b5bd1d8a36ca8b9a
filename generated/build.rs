//! Compiles ../schemas into $OUT_DIR/contracts.rs and keeps jsonschema/ and python/ fresh.
fn main() -> Result<(), contractc::build::Error> {
    let builder = contractc::build::Builder::new().catalog("../schemas");
    builder
        .json_schema_dir("jsonschema")
        .python_dir("python")
        .compile()
        .map(drop)
}
