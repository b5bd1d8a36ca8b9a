#!/usr/bin/env bash
# Every benchmark of contractc in one command, ending with one table of ratios:
#   compiler/cli/benches/run.sh            # the full run (about 10 minutes on 2 cores)
#   compiler/cli/benches/run.sh --quick    # criterion's quick mode, for a smoke run
# Arguments go to criterion. protoc (Debian's protobuf-compiler) is installed when missing,
# for the side-by-side comparisons (protoc, prost-build); without it those rows say "not run".
# compile.py then measures what a service's `cargo build` pays: the generated crate's rebuild
# beside prost-build (+ serde) at COMPILE_SIZES messages (default 100,1000; 100 with --quick;
# 1,000 needs about 5 GB for rustc), and a new service's cold build. It fetches prost-build,
# prost and serde from crates.io into its own scratch crates under target/compile-bench.
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
case " $* " in *" --quick "*) sizes="${COMPILE_SIZES:-100}" ;; *) sizes="${COMPILE_SIZES:-100,1000}" ;; esac
if command -v protoc >/dev/null 2>&1; then
  python3 compiler/cli/benches/compile.py --sizes "$sizes" --registry >/dev/null
fi
# The Python side: the pinned tools of .venv/ (created when missing), generated/python as the
# contracts crate's build script just wrote it.
[ -x .venv/bin/python ] || bash .ci/tools.sh
.venv/bin/python compiler/cli/benches/python_validators.py "$@"
python3 compiler/cli/benches/report.py
