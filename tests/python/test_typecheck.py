"""The type checker is a user too: mypy --strict accepts right threading and rejects wrong.

Each file of `typecheck/` marks the lines where mypy must report an error with
`# E: <part of the message>`; mypy must report exactly those.
"""

from __future__ import annotations

import os
import pathlib
import re

import mypy.api
import pytest

CASES = sorted((pathlib.Path(__file__).parent / "typecheck").glob("*.py"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_mypy_reports_exactly_the_marked_errors(case: pathlib.Path) -> None:
    expected = {
        n: m.group(1).strip()
        for n, line in enumerate(case.read_text().splitlines(), 1)
        if (m := re.search(r"# E: (.*)$", line))
    }
    stdout, stderr, status = mypy.api.run(
        ["--strict", "--no-incremental", "--cache-dir", os.devnull, "--hide-error-context", str(case)]
    )
    found: dict[int, str] = {}
    for line in stdout.splitlines():
        m = re.match(rf"(?:.*/)?{re.escape(case.name)}:(\d+): error: (.*)", line)
        if m:
            found[int(m.group(1))] = found.get(int(m.group(1)), "") + m.group(2)
    assert sorted(found) == sorted(expected), stdout + stderr
    for n, part in expected.items():
        assert part in found[n], f"line {n}: {found[n]!r} does not say {part!r}"
    assert status == (1 if expected else 0), stdout
