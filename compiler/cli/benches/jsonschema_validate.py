"""The Python `jsonschema` side of the Python validator benchmark (`report.py`).

Usage: python jsonschema_validate.py SCHEMA.json < lines.jsonl

Answers each JSON line as `python -m PACKAGE.validate` does (`ok` / `invalid: ...`), with the
validator a Python service would build from the emitted schema: `Draft202012Validator` with its
`FORMAT_CHECKER` (formats asserted, as `contractc validate` asserts them). Exits 1 when any line
is invalid.
"""

import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    valid = True
    out = sys.stdout.write
    for line in sys.stdin.buffer:
        try:
            errors = list(validator.iter_errors(json.loads(line)))
        except ValueError as error:
            errors = [error]
        if errors:
            valid = False
            out("invalid: " + "; ".join(str(getattr(e, "message", e)).replace("\n", " ") for e in errors) + "\n")
        else:
            out("ok\n")
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
