//! Writes the benchmarks' synthetic catalog: `cargo run -p contractc-cli --example synth -- N DIR`
//! puts N messages as YAML in `DIR/schemas` and as proto3 in `DIR/proto`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, dir] = args.as_slice() else {
        eprintln!("usage: synth N DIR");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("synth: N must be a number of messages, not {n:?}");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    match synth::write(n, &dir) {
        Ok(()) => {
            eprintln!("synth: {n} messages in {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: cannot write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
