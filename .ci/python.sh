#!/usr/bin/env bash
# Creates .venv/ at the workspace root with the pinned Python tools of .ci/requirements.txt
# (pydantic, mypy, ruff, pytest, jsonschema), which the Python tests and the benchmark use.
# Needs python3 (3.11 or newer) with venv and pip; reaches only PyPI. Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
if [ ! -x "$root/.venv/bin/python" ]; then
  "$python" -m venv "$root/.venv"
fi
"$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  --requirement "$root/.ci/requirements.txt"
"$root/.venv/bin/python" -m pip check >/dev/null
