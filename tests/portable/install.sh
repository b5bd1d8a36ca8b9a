#!/usr/bin/env bash
# Installs the validators the cross-validator test runs on the emitted JSON Schemas, from the
# pinned versions beside this script: Python jsonschema and check-jsonschema into .venv/ at the
# workspace root, ajv, ajv-formats and @cfworker/json-schema into tests/portable/node_modules.
# Needs python3 (3.11) and node (20) with npm; reaches only PyPI and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -x "$root/.venv/bin/python" ]; then
  python3 -m venv "$root/.venv"
fi
"$root/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r "$here/requirements.txt" -c "$here/constraints.txt"
npm ci --prefix "$here" --no-audit --no-fund --silent
