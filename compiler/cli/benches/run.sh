#!/usr/bin/env bash
# Every benchmark of contractc in one command, ending with one table of ratios:
#   compiler/cli/benches/run.sh            # the full run (about 10 minutes on 2 cores)
#   compiler/cli/benches/run.sh --quick    # criterion's quick mode, for a smoke run
# Arguments go to criterion. protoc (Debian's protobuf-compiler) is installed when missing,
# for the side-by-side comparison; without it that row says "not run".
set -euo pipefail
cd "$(dirname "$0")/../../.."

if ! command -v protoc >/dev/null 2>&1; then
  echo "run.sh: installing protobuf-compiler for the protoc comparison" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get install -y -q protobuf-compiler >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q protobuf-compiler >/dev/null 2>&1; } \
    || echo "run.sh: could not install protoc; its row will say 'not run'" >&2
fi

cargo bench -p contractc-cli --bench compiler -- "$@"
cargo bench -p contracts --bench validators -- "$@"
# The Python side: the pinned tools of .venv/ (created when missing), generated/python as the
# contracts crate's build script just wrote it.
[ -x .venv/bin/python ] || bash .ci/tools.sh
.venv/bin/python compiler/cli/benches/python_validators.py "$@"
python3 compiler/cli/benches/report.py
