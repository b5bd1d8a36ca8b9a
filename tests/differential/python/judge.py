"""The pydantic side of the three-way differential (`tests/agree/python.rs`).

Usage: python judge.py PACKAGE CORPUS VERDICTS

CORPUS holds records `NAME <TAB> LENGTH <LF> BYTES <LF>`: a message name and one document.
For each, writes one line to VERDICTS: `ok`, or `invalid <TAB>` and the violations, as
`NAME.model_validate_json(BYTES)` of the generated package PACKAGE decides. One process for the
whole corpus; an exception other than `pydantic.ValidationError` is a verdict too (`crash`), so
that the Rust side shows the document, and so is a document on which the fast read and the exact
reading of `model_validate_json` part (`fast_read_disagrees`).
"""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Any

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
            model = messages[name.decode()]
            try:
                parted = fast_read_disagrees(runtime, model, document)
                if parted:
                    out.write("crash\t" + parted.replace("\n", " ") + "\n")
                    continue
                model.model_validate_json(document)
            except pydantic.ValidationError as error:
                found = "; ".join(f"{p}: {m}" for p, m in runtime.violations(error))
                out.write("invalid\t" + found.replace("\n", " ") + "\n")
            except Exception:  # noqa: BLE001 - any other failure is a bug, shown by the caller
                out.write("crash\t" + traceback.format_exc().replace("\n", " | ") + "\n")
            else:
                out.write("ok\n")
    return 0


def fast_read_disagrees(runtime: Any, model: Any, document: bytes) -> str:
    """Why the fast read (`runtime.read_fast`) and the exact one part on `document`, or `""`:
    a document the fast read accepts is one the exact reading accepts, as the same model."""
    fast = runtime.read_fast(model, document)
    if fast is None:
        return ""
    try:
        exact = model.model_validate(runtime.read_json(document), by_name=False)
    except pydantic.ValidationError as error:
        return f"the fast read accepts what the exact reading refuses: {runtime.violations(error)}"
    if fast != exact or fast.model_fields_set != exact.model_fields_set:
        return f"the fast read gives {fast!r}, the exact reading {exact!r}"
    return ""


if __name__ == "__main__":
    sys.exit(main())
