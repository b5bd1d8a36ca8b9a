//! Compiles ./catalog into $OUT_DIR/contracts.rs, as a service's build script would.
fn main() -> Result<(), contractc::build::Error> {
    contractc::build::compile("catalog")
}
