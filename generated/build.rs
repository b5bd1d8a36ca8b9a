//! Compiles ../schemas into $OUT_DIR/contracts.rs and keeps jsonschema/ and python/ fresh:
//! written on a developer's machine, compared (and a stale one fails the build) in CI. With the
//! registry (`validate_json`), which the `validate` example answers through.
fn main() -> Result<(), contractc::build::Error> {
    println!("cargo:rerun-if-env-changed=CI");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    contractc::build::Builder::new()
        .catalog("../schemas")
        .json_schema_dir("jsonschema")
        .python_dir("python")
        .registry(true)
        .check(ci)
        .compile()
        .map(drop)
}
