"""The Python validator benchmark: `python -m contracts.validate NAME` against Python
`jsonschema` on the same emitted schema, whole process, on 20,000 valid lines of each message of
`generated/benches/payloads/`.

Usage: .venv/bin/python compiler/cli/benches/python_validators.py [--quick]

Both sides are what a Python service would run: the generated package `generated/python`
(pydantic models, the contract's rules), and `compiler/cli/benches/jsonschema_validate.py`
(`Draft202012Validator` with `FORMAT_CHECKER` on `generated/jsonschema/NAME.schema.json`). Each
reads the lines on stdin and prints a verdict per line; every verdict must be `ok`. Each command
runs three times (once with --quick) and the fastest wall-clock time counts. Writes
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


def timed(command: list[str], stdin: Path, env: dict[str, str]) -> float:
    """Wall-clock seconds of one run; every answer must be `ok`."""
    with stdin.open("rb") as source:
        started = time.perf_counter()
        result = subprocess.run(command, stdin=source, capture_output=True, env=env, check=False)
        elapsed = time.perf_counter() - started
    answers = result.stdout.decode().splitlines()
    if result.returncode != 0 or answers != ["ok"] * LINES:
        bad = next((a for a in answers if a != "ok"), result.stderr.decode()[-500:])
        raise SystemExit(f"{' '.join(command)}: not every line is ok: {bad}")
    return elapsed


def main() -> None:
    runs = 1 if "--quick" in sys.argv else 3
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated/python"), "PYTHONDONTWRITEBYTECODE": "1"}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for payload in sorted((ROOT / "generated/benches/payloads").glob("*.json")):
            name = payload.stem
            line = json.dumps(json.loads(payload.read_text()), separators=(",", ":"))
            lines = Path(tmp, f"{name}.jsonl")
            lines.write_text((line + "\n") * LINES)
            schema = ROOT / "generated/jsonschema" / f"{name}.schema.json"
            pydantic = [sys.executable, "-m", "contracts.validate", name]
            jsonschema = [sys.executable, str(ROOT / "compiler/cli/benches/jsonschema_validate.py"), str(schema)]
            startup = [sys.executable, "-c", "import contracts.models"]
            results[name] = {
                "lines": LINES,
                "bytes": len(line) + 1,
                "pydantic_s": min(timed(pydantic, lines, env) for _ in range(runs)),
                "jsonschema_s": min(timed(jsonschema, lines, env) for _ in range(runs)),
                "startup_s": min(_startup(startup, env) for _ in range(runs)),
            }
            r = results[name]
            print(f"{name}: contracts.validate {r['pydantic_s']:.2f} s, jsonschema {r['jsonschema_s']:.2f} s, "
                  f"{r['jsonschema_s'] / r['pydantic_s']:.1f}x", file=sys.stderr)
    versions = subprocess.run(
        [sys.executable, "-c", "import sys, pydantic, jsonschema; print(sys.version.split()[0], pydantic.VERSION, jsonschema.__version__)"],
        capture_output=True, text=True, check=True, env=env).stdout.split()
    out = ROOT / "target/criterion/python-validators.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"python": versions[0], "pydantic": versions[1], "jsonschema": versions[2],
                               "messages": results}, indent=2) + "\n")


def _startup(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
