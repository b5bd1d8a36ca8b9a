//! Compiler speed as users feel it: the `contractc` binary's `check` and `build` over the
//! synthetic catalog at N = 100, 1,000 and 10,000 messages, a no-op rebuild, and `protoc
//! --cpp_out` on the same message shapes, side by side. `compiler/cli/benches/run.sh` turns the
//! results into the ratio table of the README.

#[path = "support/synth.rs"]
mod synth;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Catalog sizes, in messages.
const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// The size of the no-op rebuild and the protoc comparison.
const SIDE_BY_SIDE: usize = 1_000;

/// Where the synthetic catalogs live: kept after the run, so `run.sh` can measure peak memory
/// on the same files.
fn catalog_dir(n: usize) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-catalog-{n}"))
}

/// Runs a command to completion; a failure stops the benchmark rather than timing an error.
fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn contractc(args: &[&Path]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_contractc"));
    cmd.args(args);
    cmd
}

/// `contractc build DIR/schemas --out OUT`.
fn build(dir: &Path, out: &Path) -> Command {
    let mut cmd = contractc(&[
        Path::new("build"),
        &dir.join("schemas"),
        Path::new("--out"),
        out,
    ]);
    cmd.env_remove("CI");
    cmd
}

/// `protoc --cpp_out=OUT` over every file of `DIR/proto`, or `None` when protoc is missing.
fn protoc(dir: &Path, out: &Path) -> Option<Command> {
    Command::new("protoc").arg("--version").output().ok()?;
    let proto = dir.join("proto");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&proto)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut cmd = Command::new("protoc");
    cmd.arg(format!("--cpp_out={}", out.display()))
        .arg(format!("-I{}", proto.display()))
        .args(files);
    Some(cmd)
}

/// Where outputs are written: `CONTRACTC_BENCH_OUT`, else a RAM disk (`/dev/shm`) when there
/// is one, else the target's temporary directory. Every build deletes and rewrites thousands
/// of files; on a disk, the cost of that (writeback, and discards on a `discard` mount) lands
/// on whichever iteration the kernel picks and swamps the compiler's own time. Both contractc
/// and protoc write to the same place.
fn out_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("CONTRACTC_BENCH_OUT") {
        return PathBuf::from(dir);
    }
    let shm = Path::new("/dev/shm/contractc-bench");
    if std::fs::create_dir_all(shm).is_ok() {
        return shm.to_path_buf();
    }
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-out")
}

/// The output directory for catalog size `n`.
fn out_dir(n: usize) -> PathBuf {
    out_root().join(format!("out-{n}"))
}

/// A fresh, empty output directory for catalog size `n`.
fn fresh(n: usize) -> PathBuf {
    let out = out_dir(n);
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("clear the output directory");
    }
    std::fs::create_dir_all(&out).expect("create the output directory");
    out
}

fn compiler(c: &mut Criterion) {
    let mut group = c.benchmark_group("compiler");
    group.sample_size(10);
    for n in SIZES {
        let dir = catalog_dir(n);
        synth::write(n, &dir).expect("write the synthetic catalog");
        group.measurement_time(Duration::from_secs(if n >= 10_000 { 60 } else { 10 }));
        let schemas = dir.join("schemas");
        run(&mut contractc(&[Path::new("check"), &schemas]));
        group.bench_function(BenchmarkId::new("check", n), |b| {
            b.iter(|| run(&mut contractc(&[Path::new("check"), &schemas])));
        });
        group.bench_function(BenchmarkId::new("build", n), |b| {
            b.iter_batched(
                || fresh(n),
                |out| run(&mut build(&dir, &out)),
                BatchSize::PerIteration,
            );
        });
        if n != SIDE_BY_SIDE {
            continue;
        }
        let out = fresh(n);
        run(&mut build(&dir, &out));
        let again = run(&mut build(&dir, &out));
        assert!(
            again.contains("wrote 0 files"),
            "a no-op build wrote files: {again}"
        );
        group.bench_function(BenchmarkId::new("noop", n), |b| {
            b.iter(|| run(&mut build(&dir, &out)));
        });
        if protoc(&dir, &out).is_none() {
            eprintln!("protoc not found: install protobuf-compiler for the comparison");
            continue;
        }
        group.bench_function(BenchmarkId::new("protoc", n), |b| {
            b.iter_batched(
                || fresh(n),
                |out| run(&mut protoc(&dir, &out).expect("protoc")),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
    // The outputs may sit in RAM: leave nothing behind.
    for n in SIZES {
        let _ = std::fs::remove_dir_all(out_dir(n));
    }
}

criterion_group!(benches, compiler);
criterion_main!(benches);
