#!/usr/bin/env python3
"""What a service's `cargo build` pays for contractc, beside prost-build on the same shapes.

Two measures, written to WORK/results.json (read by report.py) and printed:

- **The generated code's compile time**: for N messages of the synthetic catalog (the
  `synth` example writes the same shapes as YAML and proto3), the Rust that `contractc build`
  writes, the Rust that prost-build writes, and prost-build's with serde derives, each in a
  crate of its own. Dependencies are built first; then only that crate is compiled, with
  `CARGO_INCREMENTAL=0`, debug and release. A rustc wrapper (this file, run as
  `compile.py --rustc-probe`) records the CPU time (user + sys), wall time and peak memory
  of that one rustc process; the rlib's size and the generated lines are recorded too.
  Runs are paired: each repetition builds every generator back to back. A control crate
  per larger size N holds N / S copies of contractc's code for the smallest size S
  (`copied_crates`): how much rustc's cost grows with a crate's size alone, beside how much
  contractc's grows.
- **A new service's cold build**: a crate outside the workspace with contractc as its
  build-dependency and contractc-runtime as its dependency (build.rs compiles a small
  catalog), resolved and built from nothing: crates compiled, packages in its Cargo.lock,
  wall and CPU time, and the versions of syn and prettyplease in its tree; the same for
  a service built with prost-build + prost + serde.

    compile.py [--sizes 100,1000] [--reps 1] [--profiles debug,release] [--registry]
               [--baseline DIR] [--work DIR] [--skip-service] [--skip-compile]

`--baseline DIR` also measures the contractc of another checkout (e.g. `git archive` of an
older commit), paired with this one. protoc must be on PATH (run.sh installs it).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[3]
PROBE_CRATE = "CONTRACTC_PROBE_CRATE"
PROBE_OUT = "CONTRACTC_PROBE_OUT"
# prost-build and prost at the same version (prost-build's output needs its own prost).
PROST = "0.14"
SERVICE_MESSAGES = 10
# The control generator: copies of contractc's code for the smallest size (copied_crates).
COPIED = "contractc, smallest size copied"


def rustc_probe(argv):
    """As RUSTC_WRAPPER: runs rustc; for the crate named in $CONTRACTC_PROBE_CRATE, records
    `wall user sys maxrss_kib` of that rustc process in $CONTRACTC_PROBE_OUT."""
    import resource
    start = time.monotonic()
    code = subprocess.call(argv)
    wall = time.monotonic() - start
    crate = os.environ.get(PROBE_CRATE)
    if crate and "--crate-name" in argv and argv[argv.index("--crate-name") + 1] == crate:
        use = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.environ[PROBE_OUT], "w") as out:
            out.write(f"{wall} {use.ru_utime} {use.ru_stime} {use.ru_maxrss}\n")
    return code


def run(cmd, cwd=None, env=None, quiet=True):
    """Runs `cmd`, failing loudly with its output."""
    done = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                          capture_output=quiet, text=True)
    if done.returncode != 0:
        sys.stderr.write((done.stdout or "") + (done.stderr or ""))
        raise SystemExit(f"compile.py: {' '.join(map(str, cmd))} failed")
    return done


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def contractc_exe(root, target):
    """The release `contractc` and `synth` of the checkout at `root`."""
    run(["cargo", "build", "--release", "-q", "-p", "contractc-cli", "--bin", "contractc",
         "--example", "synth"], cwd=root, env={"CARGO_TARGET_DIR": str(target)})
    return target / "release" / "contractc", target / "release" / "examples" / "synth"


def prost_generator(work):
    """A small binary that runs prost-build (with or without serde derives)."""
    crate = work / "prostgen"
    write(crate / "Cargo.toml", f"""[package]
name = "prostgen"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
prost-build = "{PROST}"

[workspace]
""")
    write(crate / "src" / "main.rs", """//! prostgen PROTO_DIR OUT_DIR [serde]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (protos, out) = (std::path::Path::new(&args[1]), &args[2]);
    let mut files: Vec<_> = std::fs::read_dir(protos)
        .expect("proto dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut config = prost_build::Config::new();
    config.out_dir(out);
    if args.get(3).is_some_and(|a| a == "serde") {
        config.type_attribute(".", "#[derive(::serde::Serialize, ::serde::Deserialize)]");
    }
    config.compile_protos(&files, &[protos]).expect("prost-build");
}
""")
    run(["cargo", "build", "--release", "-q"], cwd=crate)
    return crate / "target" / "release" / "prostgen"


def slug(label):
    """A label as a directory name."""
    return re.sub(r"[^a-z0-9]+", "-", label).strip("-")


def lines_of(files):
    return sum(len(f.read_text().splitlines()) for f in files)


def generate(work, label, exe, synth, prostgen, n, flags=()):
    """Writes the bench crates of size `n` under work/crates-<label> (and work/crates-prost);
    returns {generator: (workspace, crate name, generated lines)}."""
    catalog = work / f"catalog-{n}"
    if not (catalog / "proto").is_dir():
        run([synth, str(n), str(catalog)])
    out = work / f"gen-{slug(label)}-{n}"
    shutil.rmtree(out, ignore_errors=True)
    run([exe, "build", str(catalog / "schemas"), "--out", str(out), "--force", *flags])
    crate = work / f"crates-{slug(label)}" / f"contractc-{n}"
    code = (out / "rust" / "contracts.rs").read_text()
    write(crate / "src" / "contracts.rs", code)
    write(crate / "src" / "lib.rs", "//! contractc's code for the synthetic catalog.\n"
          "#![deny(warnings, missing_docs)]\ninclude!(\"contracts.rs\");\n")
    crates = {"contractc": (work / f"crates-{slug(label)}", f"contractc_{n}",
                            lines_of([crate / "src" / "contracts.rs"]))}
    for gen, serde in (("prost-build", False), ("prost-build + serde", True)):
        name = f"prost-{'serde-' if serde else ''}{n}"
        crate = work / "crates-prost" / name
        gen_dir = crate / "src" / "gen"
        if not gen_dir.is_dir():
            gen_dir.mkdir(parents=True)
            run([prostgen, str(catalog / "proto"), str(gen_dir)] + (["serde"] if serde else []))
        files = sorted(gen_dir.glob("*.rs"))
        mods = "".join(f"pub mod {f.stem.split('.')[-1]} {{ include!(\"gen/{f.name}\"); }}\n"
                       for f in files)
        write(crate / "src" / "lib.rs", "//! prost-build's code for the synthetic catalog.\n"
              "#![allow(missing_docs)]\n" + mods)
        crates[gen] = (work / "crates-prost", name.replace("-", "_"), lines_of(files))
    return crates


def copied_crates(sizes, crates):
    """rustc's own growth, as a control: for each size N that is a multiple of the smallest
    size S, a crate of N / S copies of contractc's S-message code, one module each. The same
    code N / S times over holds no new shape, so what its compile grows beyond N / S is
    rustc's cost of a larger crate, not the generated code's. Returns the members written."""
    small = min(sizes)
    ws, _, lines = crates[("contractc", small)]
    code = (ws / f"contractc-{small}" / "src" / "contracts.rs").read_text()
    members = []
    for n in sizes:
        if n == small or n % small:
            continue
        crate = ws / f"copies-{n}"
        write(crate / "src" / "contracts.rs", code)
        write(crate / "src" / "lib.rs", f"//! {n // small} copies of contractc's {small}-message "
              "code.\n#![allow(missing_docs)]\n" + "".join(
                  f"pub mod m{i} {{ include!(\"contracts.rs\"); }}\n" for i in range(n // small)))
        crates[(COPIED, n)] = (ws, f"copies_{n}", (n // small) * lines)
        members.append(f"copies-{n}")
    return members


def workspace(dir, members, deps, lock):
    """The Cargo.toml of a bench workspace and of its members."""
    write(dir / "Cargo.toml", "[workspace]\nresolver = \"2\"\nmembers = [{}]\n".format(
        ", ".join(f'"{m}"' for m in members)))
    for m in members:
        write(dir / m / "Cargo.toml", f"""[package]
name = "{m}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{deps(m)}
""")
    if lock and not (dir / "Cargo.lock").exists():
        shutil.copy(lock, dir / "Cargo.lock")


def measure(ws, crate, profile, probe_out):
    """One compile of `crate` alone: (cpu s, wall s, peak MiB, rlib MiB)."""
    lib = ws / crate.replace("_", "-") / "src" / "lib.rs"
    lib.touch()
    flags = ["--release"] if profile == "release" else []
    probe_out.unlink(missing_ok=True)
    run(["cargo", "build", "-q", "-p", crate.replace("_", "-"), *flags], cwd=ws, env={
        "CARGO_INCREMENTAL": "0",
        "RUSTC_WRAPPER": f"{HERE}",
        PROBE_CRATE: crate,
        PROBE_OUT: str(probe_out),
    })
    wall, user, sys_, rss = map(float, probe_out.read_text().split())
    rlibs = list((ws / "target" / profile / "deps").glob(f"lib{crate}-*.rlib"))
    rlib = max((r.stat().st_size for r in rlibs), default=0) / 2**20
    return {"cpu": user + sys_, "wall": wall, "peak_mib": rss / 1024, "rlib_mib": rlib}


def warm(ws, profile, packages):
    flags = ["--release"] if profile == "release" else []
    run(["cargo", "build", "-q", *flags] + [a for p in packages for a in ("-p", p)], cwd=ws,
        env={"CARGO_INCREMENTAL": "0", "RUSTC_WRAPPER": f"{HERE}"})


def compile_cost(args, work, labels, prostgen):
    """Paired compiles of every generator; returns rows of medians."""
    sizes = [int(s) for s in args.sizes.split(",")]
    profiles = args.profiles.split(",")
    crates = {}  # (generator, n) -> (ws, crate, lines)
    for label, (exe, synth, root) in labels.items():
        members = []
        flags = ["--registry"] if label.endswith("--registry") else []
        for n in sizes:
            got = generate(work, label, exe, synth, prostgen, n, flags)
            crates[(label, n)] = got["contractc"]
            for gen in ("prost-build", "prost-build + serde"):
                crates[(gen, n)] = got[gen]
            members.append(f"contractc-{n}")
        if label == "contractc":
            members += copied_crates(sizes, crates)
        runtime = root / "compiler" / "runtime"
        workspace(work / f"crates-{slug(label)}", members,
                  lambda m: f'contractc-runtime = {{ path = "{runtime}" }}', root / "Cargo.lock")
    prost_members = [f"prost-{s}{n}" for n in sizes for s in ("", "serde-")]
    workspace(work / "crates-prost", prost_members,
              lambda m: f'prost = "{PROST}"' + ('\nserde = { version = "1", features = '
                                                 '["derive"] }' if "serde" in m else ""), None)
    gens = list(labels) + ["prost-build + serde", "prost-build", COPIED]
    samples = {}
    for profile in profiles:
        for label in labels:
            warm(work / f"crates-{slug(label)}", profile, ["contractc-runtime"])
        warm(work / "crates-prost", profile, ["prost", "serde"])
        for n in sizes:
            for rep in range(args.reps):
                for gen in gens:
                    if (gen, n) not in crates:
                        continue
                    ws, crate, _ = crates[(gen, n)]
                    got = measure(ws, crate, profile, work / "probe.txt")
                    print(f"compile.py: N={n} {profile} {gen} #{rep + 1}: {got['cpu']:.1f} s CPU, "
                          f"{got['wall']:.1f} s wall, {got['peak_mib']:.0f} MiB", file=sys.stderr)
                    samples.setdefault((gen, n, profile), []).append(got)
    rows = []
    for (gen, n, profile), runs in samples.items():
        row = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        rows.append({"generator": gen, "n": n, "profile": profile, "runs": len(runs),
                     "lines": crates[(gen, n)][2], **row})
    return rows


def service(work, name, manifest_deps, build_rs, files):
    """Creates, resolves and cold-builds one service; returns its figures."""
    crate = work / name
    shutil.rmtree(crate, ignore_errors=True)
    write(crate / "Cargo.toml", f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

{manifest_deps}
[workspace]
""")
    write(crate / "build.rs", build_rs)
    for path, text in files.items():
        write(crate / path, text)
    run(["cargo", "generate-lockfile", "-q"], cwd=crate)
    lock = (crate / "Cargo.lock").read_text()
    packages = re.findall(r'^name = "([^"]+)"\nversion = "([^"]+)"', lock, re.M)
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = run(["cargo", "build"], cwd=crate, env={"CARGO_TARGET_DIR": str(crate / "target"),
                                                  "CARGO_TERM_COLOR": "never"})
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    compiled = len(re.findall(r"^\s*Compiling ", done.stderr, re.M))
    versions = lambda p: sorted(v for n, v in packages if n == p)
    figures = {"service": name, "crates_compiled": compiled, "lock_packages": len(packages) - 1,
               "wall": wall, "cpu": (after.ru_utime - before.ru_utime)
               + (after.ru_stime - before.ru_stime),
               "syn": versions("syn"), "prettyplease": versions("prettyplease")}
    shutil.rmtree(crate / "target", ignore_errors=True)
    print(f"compile.py: service {name}: {compiled} crates, {figures['lock_packages']} "
          f"packages, {wall:.0f} s wall, {figures['cpu']:.0f} s CPU", file=sys.stderr)
    return figures


def services(work, labels):
    catalog = work / f"catalog-{SERVICE_MESSAGES}"
    out = []
    for label, (exe, synth, root) in labels.items():
        if label.endswith("--registry"):
            continue  # a service's build.rs builds without the registry
        if not (catalog / "proto").is_dir():
            run([synth, str(SERVICE_MESSAGES), str(catalog)])
        schemas = {f"schemas/{p.name}": p.read_text() for p in (catalog / "schemas").iterdir()}
        deps = (f'[dependencies]\ncontractc-runtime = {{ path = "{root}/compiler/runtime" }}\n\n'
                f'[build-dependencies]\ncontractc = {{ path = "{root}/compiler" }}\n')
        build = 'fn main() -> Result<(), contractc::build::Error> {\n' \
                '    contractc::build::compile("schemas")\n}\n'
        lib = '//! A service.\ninclude!(concat!(env!("OUT_DIR"), "/contracts.rs"));\n'
        out.append(service(work, f"service-{slug(label)}", deps, build, {**schemas, "src/lib.rs": lib}))
    protos = {f"proto/{p.name}": p.read_text() for p in (catalog / "proto").iterdir()}
    deps = (f'[dependencies]\nprost = "{PROST}"\nserde = {{ version = "1", features = '
            f'["derive"] }}\n\n[build-dependencies]\nprost-build = "{PROST}"\n')
    build = """fn main() -> std::io::Result<()> {
    let mut files: Vec<_> = std::fs::read_dir("proto")?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    files.sort();
    prost_build::Config::new()
        .type_attribute(".", "#[derive(::serde::Serialize, ::serde::Deserialize)]")
        .compile_protos(&files, &["proto"])
}
"""
    lib = ("//! A service.\n" + "".join(
        f'pub mod g{i} {{ include!(concat!(env!("OUT_DIR"), "/synth.g{i}.rs")); }}\n'
        for i in range(-(-SERVICE_MESSAGES // 10))))
    out.append(service(work, "service-prost-build-serde", deps, build, {**protos, "src/lib.rs": lib}))
    return out


def main():
    if len(sys.argv) > 1 and sys.argv[1] != "--" and not sys.argv[1].startswith("--"):
        # Called by cargo as RUSTC_WRAPPER: `compile.py rustc ARGS...`.
        sys.exit(rustc_probe(sys.argv[1:]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--profiles", default="debug,release")
    parser.add_argument("--baseline", type=Path, help="another checkout's root, paired")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--skip-service", action="store_true")
    parser.add_argument("--skip-compile", action="store_true")
    parser.add_argument("--registry", action="store_true",
                        help="also measure the generated code with --registry")
    args = parser.parse_args()
    meta = json.loads(run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          cwd=ROOT).stdout)
    work = (args.work or Path(meta["target_directory"]) / "compile-bench").resolve()
    work.mkdir(parents=True, exist_ok=True)
    labels = {}
    if args.baseline:
        base = args.baseline.resolve()
        labels["baseline"] = (*contractc_exe(base, work / "baseline-target"), base)
    labels["contractc"] = (*contractc_exe(ROOT, Path(meta["target_directory"])), ROOT)
    if args.registry:
        # The same contractc with `validate_json` (Builder::registry), which parses every message.
        labels["contractc --registry"] = labels["contractc"]
    results = {"machine_load": os.getloadavg()}
    if not args.skip_compile:
        results["compile"] = compile_cost(args, work, labels, prost_generator(work))
    if not args.skip_service:
        results["service"] = services(work, labels)
    path = work / "results.json"
    if path.exists():
        old = json.loads(path.read_text())
        old.update(results)
        results = old
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
