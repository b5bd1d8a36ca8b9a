"""The Python validator benchmark: `python -m contracts.validate NAME` against Python
`jsonschema` on the same emitted schema, whole process, on 20,000 valid lines of each message of
`generated/benches/payloads/`.

Usage: .venv/bin/python compiler/cli/benches/python_validators.py [--quick]

Both sides are what a Python service would run, installed as a service installs them:
`jsonschema` is in `.venv/` (pip byte-compiled it), and the generated package `generated/python`
is installed the same way, with `pip install --no-deps --target` into a temporary directory,
which byte-compiles its modules too. Run from the source tree with `PYTHONDONTWRITEBYTECODE=1`
instead, the package would compile its modules at every start (about 0.05 s of each run here),
a cost no installed service pays and the `jsonschema` side never paid. The `jsonschema` side is
`compiler/cli/benches/jsonschema_validate.py` (`Draft202012Validator` with `FORMAT_CHECKER` on
`generated/jsonschema/NAME.schema.json`). Each reads the lines on stdin and prints a verdict per
line; every verdict must be `ok`.

Each command runs three times (once with --quick); the fastest wall-clock time counts, and the
least CPU time (user + system, of the child process) is reported beside it: the machine may be
shared, and CPU time moves less with the load of other processes. Writes
`target/criterion/python-validators.json` for `report.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LINES = 20_000


def timed(command: list[str], stdin: Path | None, env: dict[str, str], lines: int = LINES) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run; every answer must be `ok`."""
    before = os.times()
    with stdin.open("rb") if stdin else open(os.devnull, "rb") as source:
        started = time.perf_counter()
        result = subprocess.run(command, stdin=source, capture_output=True, env=env, check=False)
        elapsed = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    answers = result.stdout.decode().splitlines()
    if result.returncode != 0 or answers != ["ok"] * lines:
        bad = next((a for a in answers if a != "ok"), result.stderr.decode()[-500:])
        raise SystemExit(f"{' '.join(command)}: not every line is ok: {bad}")
    return elapsed, cpu


def best(command: list[str], stdin: Path | None, env: dict[str, str], runs: int, lines: int = LINES) -> tuple[float, float]:
    """The least wall-clock and the least CPU seconds of `runs` runs."""
    results = [timed(command, stdin, env, lines) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results)


def install(target: Path) -> None:
    """`generated/python` installed as a service installs it (byte-compiled), offline."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "--no-index", "--target", str(target), str(ROOT / "generated/python")],
        check=True,
    )


def main() -> None:
    runs = 1 if "--quick" in sys.argv else 3
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        install(site)
        env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
        for payload in sorted((ROOT / "generated/benches/payloads").glob("*.json")):
            name = payload.stem
            line = json.dumps(json.loads(payload.read_text()), separators=(",", ":"))
            lines = Path(tmp, f"{name}.jsonl")
            lines.write_text((line + "\n") * LINES)
            schema = ROOT / "generated/jsonschema" / f"{name}.schema.json"
            pydantic = [sys.executable, "-m", "contracts.validate", name]
            jsonschema = [sys.executable, str(ROOT / "compiler/cli/benches/jsonschema_validate.py"), str(schema)]
            pydantic_s, pydantic_cpu = best(pydantic, lines, env, runs)
            jsonschema_s, jsonschema_cpu = best(jsonschema, lines, env, runs)
            startup_s, startup_cpu = best(pydantic, None, env, runs, lines=0)
            results[name] = {
                "lines": LINES,
                "bytes": len(line) + 1,
                "pydantic_s": pydantic_s,
                "jsonschema_s": jsonschema_s,
                "startup_s": startup_s,
                "pydantic_cpu_s": pydantic_cpu,
                "jsonschema_cpu_s": jsonschema_cpu,
                "startup_cpu_s": startup_cpu,
            }
            print(f"{name}: contracts.validate {pydantic_s:.2f} s ({pydantic_cpu:.2f} s CPU), "
                  f"jsonschema {jsonschema_s:.2f} s ({jsonschema_cpu:.2f} s CPU), "
                  f"{jsonschema_s / pydantic_s:.1f}x wall, {jsonschema_cpu / pydantic_cpu:.1f}x CPU", file=sys.stderr)
        versions = subprocess.run(
            [sys.executable, "-c", "import sys, importlib.metadata as m; print(sys.version.split()[0], m.version('pydantic'), m.version('jsonschema'))"],
            capture_output=True, text=True, check=True, env=env).stdout.split()
    out = ROOT / "target/criterion/python-validators.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"python": versions[0], "pydantic": versions[1], "jsonschema": versions[2],
                               "messages": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
