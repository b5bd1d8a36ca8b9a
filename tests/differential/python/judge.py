"""The pydantic side of the three-way differential (`tests/agree/python.rs`).

Usage: python judge.py PACKAGE CORPUS VERDICTS

CORPUS holds records `NAME <TAB> LENGTH <LF> BYTES <LF>`: a message name and one document.
For each, writes one line to VERDICTS: `ok`, or `invalid <TAB>` and the violations, as
`NAME.model_validate_json(BYTES)` of the generated package PACKAGE decides. One process for the
whole corpus; an exception other than `pydantic.ValidationError` is a verdict too (`crash`), so
that the Rust side shows the document.
"""

from __future__ import annotations

import importlib
import sys
import traceback

import pydantic


def main() -> int:
    package, corpus, verdicts = sys.argv[1:4]
    models = importlib.import_module(f"{package}.models")
    runtime = importlib.import_module(f"{package}.runtime")
    messages = models.MESSAGES
    with open(corpus, "rb") as source, open(verdicts, "w", encoding="utf-8") as out:
        while header := source.readline():
            name, _, length = header.rstrip(b"\n").partition(b"\t")
            document = source.read(int(length))
            source.read(1)
            try:
                messages[name.decode()].model_validate_json(document)
            except pydantic.ValidationError as error:
                found = "; ".join(f"{p}: {m}" for p, m in runtime.violations(error))
                out.write("invalid\t" + found.replace("\n", " ") + "\n")
            except Exception:  # noqa: BLE001 - any other failure is a bug, shown by the caller
                out.write("crash\t" + traceback.format_exc().replace("\n", " | ") + "\n")
            else:
                out.write("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
