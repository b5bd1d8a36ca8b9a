"""Verdicts of Python validators on a corpus: what a Python service would answer.

Usage: python validate.py DIR VALIDATOR...  (VALIDATOR: jsonschema | check-jsonschema)

DIR holds the emitted schemas (`<Schema>.schema.json`) and `corpus.txt`, one document per line
as `<Schema> <JSON text>`. For each validator, writes `DIR/<validator>.txt`: one line per
document, `ok` or `invalid`. A document that `json.loads` refuses (or that is not UTF-8) is
`invalid`, as the service would refuse it. Every schema is compiled once; one process serves
the whole corpus.
"""

import json
import pathlib
import sys

import jsonschema


def python_jsonschema(path):
    """Draft202012Validator with its FORMAT_CHECKER (jsonschema[format-nongpl] installed)."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def check_jsonschema(path):
    """The validator `check-jsonschema --schemafile PATH` builds, with its default options."""
    from check_jsonschema.formats import FormatOptions
    from check_jsonschema.regex_variants import RegexImplementation, RegexVariantName
    from check_jsonschema.schema_loader import SchemaLoader

    regex = RegexImplementation(RegexVariantName.default)
    loader = SchemaLoader(str(path))
    return loader.get_validator(path, {}, FormatOptions(regex_impl=regex), regex, False)


FACTORIES = {"jsonschema": python_jsonschema, "check-jsonschema": check_jsonschema}


def verdict(validator, raw):
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return "invalid"
    try:
        return "ok" if validator.is_valid(doc) else "invalid"
    except Exception:  # noqa: BLE001 - a validator that throws has not accepted the document
        return "invalid"


def main():
    directory = pathlib.Path(sys.argv[1])
    sys.setrecursionlimit(20000)
    lines = (directory / "corpus.txt").read_bytes().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for name in sys.argv[2:]:
        validators = {}
        out = []
        for line in lines:
            schema, _, raw = line.partition(b" ")
            schema = schema.decode("ascii")
            if schema not in validators:
                validators[schema] = FACTORIES[name](directory / f"{schema}.schema.json")
            out.append(verdict(validators[schema], raw))
        (directory / f"{name}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
