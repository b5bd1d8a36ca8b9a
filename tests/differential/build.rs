//! Compiles ./catalog into $OUT_DIR/contracts.rs, as a service's build script would, with the
//! registry (`validate_json`) that the tests answer every message through.
fn main() -> Result<(), contractc::build::Error> {
    contractc::build::Builder::new()
        .catalog("catalog")
        .registry(true)
        .compile()
        .map(drop)
}
