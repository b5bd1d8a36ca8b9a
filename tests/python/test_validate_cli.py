"""`python -m PACKAGE.validate CONTRACT`: the Python twin of `contractc validate`."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests/fixtures/codegen/everything/documents"


def validate(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "everything_contracts.validate", *args]
    return subprocess.run(command, input=stdin, capture_output=True, env=os.environ, check=False)


def test_every_pinned_document_gets_the_pinned_verdict() -> None:
    files = sorted(DOCUMENTS.glob("*.jsonl"))
    assert len(files) == 5
    for jsonl in files:
        result = validate(jsonl.stem, stdin=jsonl.read_bytes())
        got = [line.split(":")[0] for line in result.stdout.decode().splitlines()]
        want = [line.split(":")[0] for line in jsonl.with_suffix(".expected").read_text().splitlines()]
        assert got == want, jsonl.name
        assert result.returncode == (1 if "invalid" in want else 0)


def test_output_format_and_exit_codes() -> None:
    ok = b'{"seq": 1}\n'
    bad = b'{"seq": -1, "seq2": 0}\n'
    result = validate("HeartbeatV1", stdin=ok + bad + b"\n" + b"[1, 2]\r\n" + b'{"seq": 2}')
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "ok"
    assert lines[1].startswith("invalid: /seq: ")
    assert lines[2].startswith("invalid: /: not a JSON document")
    assert lines[3].startswith("invalid: /: ")
    assert lines[4] == "ok"
    assert result.returncode == 1
    assert validate("HeartbeatV1", stdin=ok * 3).returncode == 0
    assert validate("HeartbeatV1").returncode == 0


def test_an_unknown_contract_is_a_usage_error() -> None:
    result = validate("NoSuchMessageV1", stdin=b"{}\n")
    assert result.returncode == 2
    assert b"not a message" in result.stderr and b"HeartbeatV1" in result.stderr
    assert validate("ScoreCardV1").returncode == 2  # a record, not a message
    assert validate().returncode == 2


def test_a_line_past_the_limit_is_invalid_and_the_next_one_is_read() -> None:
    huge = b'{"seq": 1, "pad": "' + b"x" * (16 * 1024 * 1024) + b'"}\n'
    result = validate("HeartbeatV1", stdin=huge + b'{"seq": 1}\n')
    assert result.stdout.decode().splitlines() == ["invalid: /: longer than 16777216 bytes", "ok"]
