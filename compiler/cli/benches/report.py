#!/usr/bin/env python3
"""Prints the benchmark table of the README from criterion's results.

Reads target/criterion/{compiler,validators}/*/*/new/estimates.json (written by
`cargo bench -p contractc-cli --bench compiler` and `cargo bench -p contracts --bench
validators`), measures peak memory by running the release `contractc` (and protoc) once
more on the benchmark's synthetic catalogs, and prints one Markdown table of figures,
ratios and targets, with the machine it ran on. Run through compiler/cli/benches/run.sh.
"""

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

SIZES = [100, 1_000, 10_000]
SIDE = 1_000


def target_dir():
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        capture_output=True, text=True, check=True)
    return Path(json.loads(meta.stdout)["target_directory"])


TARGET = target_dir()
CRITERION = TARGET / "criterion"


def mean_ns(*parts):
    """Criterion's mean estimate in ns, or None when that benchmark has not run."""
    path = CRITERION.joinpath(*map(str, parts), "new", "estimates.json")
    try:
        return json.loads(path.read_text())["mean"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def peak_kib(cmd, cwd=None):
    """Peak resident memory of one run of `cmd`, in KiB, measured in a fresh process."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    try:
        out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd,
                             capture_output=True, text=True, check=True)
        return int(out.stdout)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None


def duration(ns):
    if ns is None:
        return "not run"
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}"
    return f"{ns:.3g} ns"


def memory(kib):
    return "not run" if kib is None else f"{kib / 1024:.0f} MiB"


def ratio(num, den):
    return None if num is None or den is None or den == 0 else num / den


def verdict(value, limit, below=True):
    if value is None:
        return "not run"
    ok = value <= limit if below else value >= limit
    return "met" if ok else "**missed**"


def fmt_ratio(value):
    return "not run" if value is None else f"{value:.2f}x"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    try:
        protoc = subprocess.run(["protoc", "--version"], capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        protoc = "protoc not installed"
    return f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; {rustc}; {protoc}"


def compiler_rows(rows):
    exe = TARGET / "release" / "contractc"
    for verb in ("check", "build"):
        times = {n: mean_ns("compiler", verb, n) for n in SIZES}
        for small, big in zip(SIZES, SIZES[1:]):
            growth = ratio(times[big], times[small])
            rows.append((f"`contractc {verb}`, {small:,} → {big:,} messages",
                         f"{duration(times[small])} → {duration(times[big])}",
                         fmt_ratio(growth), "≤ 11x", verdict(growth, 11.0)))
    build = mean_ns("compiler", "build", SIDE)
    protoc = mean_ns("compiler", "protoc", SIDE)
    side = ratio(build, protoc)
    rows.append((f"`contractc build` vs `protoc --cpp_out`, {SIDE:,} messages",
                 f"{duration(build)} vs {duration(protoc)}", fmt_ratio(side), "< 1x",
                 verdict(side, 0.999)))
    noop = mean_ns("compiler", "noop", SIDE)
    share = ratio(noop, build)
    rows.append((f"no-op `contractc build` vs full build, {SIDE:,} messages",
                 f"{duration(noop)} vs {duration(build)}", fmt_ratio(share), "< 0.1x",
                 verdict(share, 0.0999)))
    for n in SIZES:
        catalog = TARGET / "tmp" / f"bench-catalog-{n}"
        if not catalog.is_dir() or not exe.is_file():
            continue
        out = catalog / "peak-out"
        check = peak_kib([str(exe), "check", str(catalog / "schemas")])
        build_mem = peak_kib([str(exe), "build", str(catalog / "schemas"), "--out", str(out),
                              "--force"])
        figures = f"check {memory(check)}, build {memory(build_mem)}"
        if n == SIDE:
            out.mkdir(exist_ok=True)
            protos = sorted(str(p) for p in (catalog / "proto").glob("*.proto"))
            figures += ", protoc " + memory(peak_kib(
                ["protoc", f"--cpp_out={out}", f"-I{catalog / 'proto'}", *protos]))
        rows.append((f"peak memory, {n:,} messages", figures, "", "reported", ""))


def validator_rows(rows):
    base = CRITERION / "validators" / "contracts"
    names = sorted(p.name for p in base.iterdir()) if base.is_dir() else []
    if not names:
        rows.append(("validators", "not run", "", "", ""))
        return
    for name in names:
        a = mean_ns("validators", "serde", name)
        b = mean_ns("validators", "contracts", name)
        c = mean_ns("validators", "jsonschema", name)
        over_serde = ratio(b, a)
        over_schema = ratio(c, b)
        rows.append((f"`{name}`: (b) parse+validate vs (a) serde only",
                     f"{duration(b)} vs {duration(a)}", fmt_ratio(over_serde), "≤ 1.2x",
                     verdict(over_serde, 1.2)))
        rows.append((f"`{name}`: (c) jsonschema vs (b) parse+validate",
                     f"{duration(c)} vs {duration(b)}", fmt_ratio(over_schema), "≥ 4x",
                     verdict(over_schema, 4.0, below=False)))
        parse = mean_ns("validators", "value_parse", name)
        valid = mean_ns("validators", "is_valid", name)
        share = ratio(parse, None if parse is None or valid is None else parse + valid)
        rows.append((f"`{name}`: (c) split, `Value` parse + `is_valid`",
                     f"{duration(parse)} + {duration(valid)}",
                     "not run" if share is None else f"{share:.0%} parse", "reported", ""))


def python_rows(rows):
    """`python -m contracts.validate` against Python `jsonschema` (python_validators.py)."""
    try:
        data = json.loads((CRITERION / "python-validators.json").read_text())
    except (OSError, ValueError):
        rows.append(("`python -m contracts.validate` vs Python `jsonschema`", "not run", "", "", ""))
        return
    for name, r in sorted(data["messages"].items()):
        speedup = ratio(r["jsonschema_s"], r["pydantic_s"])
        cpu = ratio(r.get("jsonschema_cpu_s"), r.get("pydantic_cpu_s"))
        cpu_figures = "" if cpu is None else (
            f"; CPU {r['jsonschema_cpu_s']:.2f} s vs {r['pydantic_cpu_s']:.2f} s, {fmt_ratio(cpu)}")
        rows.append((f"`{name}`: Python `jsonschema` vs `python -m contracts.validate`, "
                     f"{r['lines']:,} lines, whole process, both installed",
                     f"{r['jsonschema_s']:.2f} s vs {r['pydantic_s']:.2f} s "
                     f"(of which {r['startup_s']:.2f} s start-up){cpu_figures}",
                     fmt_ratio(speedup), "≥ 10x", verdict(speedup, 10.0, below=False)))


def compile_results():
    """What compile.py measured (target/compile-bench/results.json), or {}."""
    try:
        return json.loads((TARGET / "compile-bench" / "results.json").read_text())
    except (OSError, ValueError):
        return {}


def compile_rows(rows):
    """The generated code's compile cost against prost-build + serde, and a new service."""
    data = compile_results()
    runs = {(r["generator"], r["n"], r["profile"]): r for r in data.get("compile", [])}
    if not runs:
        rows.append(("generated code's compile time (compile.py)", "not run", "", "", ""))
    for (gen, n, profile), r in sorted(runs.items()):
        peer = runs.get(("prost-build + serde", n, profile))
        if gen != "contractc" or peer is None:
            continue
        cpu = ratio(r["cpu"], peer["cpu"])
        rows.append((f"generated crate, {n:,} messages, {profile} rebuild: contractc vs "
                     "prost-build + serde (rustc CPU)", f"{r['cpu']:.1f} s vs {peer['cpu']:.1f} s",
                     fmt_ratio(cpu), "≤ 1x", verdict(cpu, 1.0)))
        mem = ratio(r["peak_mib"], peer["peak_mib"])
        rows.append((f"generated crate, {n:,} messages, {profile}: rustc peak memory",
                     f"{r['peak_mib']:.0f} MiB vs {peer['peak_mib']:.0f} MiB", fmt_ratio(mem),
                     "≤ 1x", verdict(mem, 1.0)))
        big = runs.get((gen, n * 10, profile))
        if big is not None:
            growth = ratio(big["cpu"], r["cpu"])
            rows.append((f"generated crate, {profile}: {n:,} → {n * 10:,} messages",
                         f"{r['cpu']:.1f} s → {big['cpu']:.1f} s", fmt_ratio(growth), "≤ 10x",
                         verdict(growth, 10.0)))
        copied = runs.get(("contractc, smallest size copied", n * 10, profile))
        if big is not None and copied is not None:
            # Ten copies of the same code hold no new shape: their growth is rustc's own.
            rows.append((f"control, {profile}: ten copies of the {n:,}-message code in one crate",
                         f"{r['cpu']:.1f} s → {copied['cpu']:.1f} s",
                         fmt_ratio(ratio(copied["cpu"], r["cpu"])), "reported (rustc's growth)",
                         ""))
            own = ratio(big["cpu"], copied["cpu"])
            rows.append((f"generated crate, {profile}: {n * 10:,} messages vs the ten copies",
                         f"{big['cpu']:.1f} s vs {copied['cpu']:.1f} s", fmt_ratio(own), "≤ 1.1x",
                         verdict(own, 1.1)))
    for svc in data.get("service", []):
        rows.append((f"new service's cold `cargo build` ({svc['service']})",
                     f"{svc['crates_compiled']} crates compiled, {svc['lock_packages']} packages "
                     f"locked, {svc['wall']:.0f} s", "", "≤ 39 crates (half of 79)"
                     if "prost" not in svc["service"] else "reported",
                     verdict(svc["crates_compiled"], 39) if "prost" not in svc["service"] else ""))


def compile_table():
    """One row per generator and size, as the README shows them."""
    runs = compile_results().get("compile", [])
    if not runs:
        return ""
    keyed = {(r["generator"], r["n"], r["profile"]): r for r in runs}

    def cell(run, key, unit, scale=1.0, digits=1):
        return "not run" if run is None else f"{run[key] / scale:.{digits}f} {unit}"

    lines = ["", "| N | generator | generated lines | debug rebuild (rustc CPU) "
             "| release rebuild (rustc CPU) | rustc peak memory (debug) | rlib (debug) |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for n, gen in sorted({(r["n"], r["generator"]) for r in runs}):
        debug, release = keyed.get((gen, n, "debug")), keyed.get((gen, n, "release"))
        lines.append(" | ".join([
            f"| {n:,}", gen, f"{(debug or release)['lines']:,}", cell(debug, "cpu", "s"),
            cell(release, "cpu", "s"), cell(debug, "peak_mib", "GB", 1024, 2),
            cell(debug, "rlib_mib", "MB", 1, 0)]) + " |")
    return "\n".join(lines) + "\n"


def main():
    rows = []
    compiler_rows(rows)
    validator_rows(rows)
    python_rows(rows)
    compile_rows(rows)
    lines = [f"Machine: {machine()}", "",
             "| measure | figures | ratio | target | |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    text = "\n".join(lines) + "\n" + compile_table()
    sys.stdout.write(text)
    CRITERION.mkdir(parents=True, exist_ok=True)
    (CRITERION / "contractc-report.md").write_text(text)


if __name__ == "__main__":
    main()
