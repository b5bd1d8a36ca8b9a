"""`Model.model_validate_json` accepts exactly what the contract accepts, where pydantic's own
defaults would not: each case here is one of those defaults, with the contract's verdict.
(The differential suite checks the same on 100,000 generated documents, against the JSON
Schema and the generated Rust.)"""

from __future__ import annotations

import json

import pydantic
import pytest

import everything_contracts as ev
from everything_contracts import runtime

CARD = {
    "text": "ab1", "count": 0, "score": 0.1, "weight": 1000.0, "flag": True,
    "id": "0196a1d2-0000-7000-8000-000000000001", "at": "2026-03-02T09:00:00+01:00",
    "on": "2026-03-02", "mail": "a@b.cd", "extra": None,
}
REQUEST = {
    "user_id": "u-1", "card": CARD, "tags": ["ab"], "matrix": [[1, 2], []],
    "scores": {"a": 1.5, "b": None}, "forest": {}, "color": "dark-blue", "level": "mid",
}


def verdict(card: dict[str, object] | None = None, **fields: object) -> str:
    document = {**REQUEST, "card": {**CARD, **(card or {})}, **fields}
    return runtime.verdict(ev.EverythingRequestV1, json.dumps(document).encode())


def test_the_base_document_is_valid() -> None:
    assert verdict() == "ok"


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        ({"count": "1"}, "invalid"),  # lax pydantic reads "1" as 1
        ({"count": 1.0}, "ok"),  # JSON Schema: 1.0 is an integer
        ({"count": 2e0}, "ok"),
        ({"count": 1.5}, "invalid"),
        ({"count": True}, "invalid"),
        ({"count": 4}, "invalid"),
        ({"flag": 1}, "invalid"),
        ({"flag": "true"}, "invalid"),
        ({"score": "0.5"}, "invalid"),
        ({"score": 0}, "invalid"),  # exclusive_min: 0
        ({"weight": 1000}, "ok"),
        ({"text": "😀😀"}, "invalid"),  # `^\w+\d?$`: \w is ASCII
        ({"text": "abcdefgh"}, "ok"),
        ({"text": "abcdefghi"}, "invalid"),
        ({"text": "ab\n"}, "invalid"),  # `$` is the end, not a final newline
        ({"id": "0196A1D2-0000-7000-8000-000000000001"}, "ok"),
        ({"id": "0196a1d200007000800000000000000001"}, "invalid"),
        ({"id": "{0196a1d2-0000-7000-8000-000000000001}"}, "invalid"),
        ({"id": "urn:uuid:0196a1d2-0000-7000-8000-000000000001"}, "invalid"),
        ({"at": "2026-03-02T09:00:00"}, "invalid"),  # naive
        ({"at": "2026-03-02 09:00:00Z"}, "invalid"),
        ({"at": "2026-03-02T09:00:00.123456789z"}, "ok"),
        ({"at": "1998-12-31T23:59:60Z"}, "invalid"),  # the portable syntax: no leap second
        ({"at": "0000-01-01T00:00:00Z"}, "invalid"),  # nor the year 0000
        ({"on": "0000-01-01"}, "invalid"),
        ({"at": "2026-03-02T09:00Z"}, "invalid"),
        ({"at": 1772438400}, "invalid"),
        ({"on": "2026-02-29"}, "invalid"),
        ({"on": "2024-02-29"}, "ok"),
        ({"on": "2026-03-02T00:00:00Z"}, "invalid"),
        ({"mail": "joe.bloggs@example.com"}, "ok"),
        ({"mail": "user@[127.0.0.1]"}, "invalid"),  # the portable syntax: no address literals
        ({"mail": "joe@localhost"}, "invalid"),  # nor single-label domains
        ({"mail": "\"joe\"@example.com"}, "invalid"),  # nor quoted local parts
        ({"mail": "a@b"}, "invalid"),  # shorter than 6
        ({"mail": "a@@b.co"}, "invalid"),
        ({"mail": "joe@ex_ample.com"}, "invalid"),
        ({"mail": "δοκιμή@example.com"}, "invalid"),
        ({"extra": {"any": [1, "two", None]}}, "ok"),
        ({"fooBar": None, "type": None, "self": None, "class": 3, "json": True}, "ok"),
        ({"class_": 3}, "ok"),  # not a wire name: an unknown key, ignored by the record
        ({"class": "3"}, "invalid"),
    ],
)
def test_the_contract_decides_not_pydantic(card: dict[str, object], expected: str) -> None:
    assert verdict(card).split(":")[0] == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"org_id": None}, "ok"),  # optional: absent or null
        ({"org_id": ""}, "invalid"),
        ({"user_id": "x" * 65}, "invalid"),  # identity.user_id.max_length: 64
        ({"tree": None, "mood": None, "limit": None}, "ok"),
        ({"tags": ["ab", "ab"]}, "invalid"),  # unique
        ({"tags": ["ab", "AB"]}, "invalid"),  # pattern
        ({"tags": []}, "invalid"),  # min_items 1
        ({"sparse": [1, None, 1.0]}, "ok"),  # not unique: repeats are fine
        ({"limit": 101}, "invalid"),
        ({"level": "MID"}, "invalid"),
        ({"color": "Red"}, "invalid"),
        ({"color": "Self"}, "ok"),
        ({"unknown": 1}, "invalid"),  # unknown_fields: reject
        ({"matrix": [[1, 2, 3]]}, "invalid"),
        ({"matrix": [[9223372036854775808]]}, "invalid"),
        ({"matrix": [[8.0]]}, "ok"),
        ({"scores": {"a": "1"}}, "invalid"),
    ],
)
def test_message_fields(fields: dict[str, object], expected: str) -> None:
    assert verdict(**fields).split(":")[0] == expected


@pytest.mark.parametrize(
    "document",
    [
        b"",
        b"[]",
        b'{"user_id": "u", "x": NaN}',
        b'{"user_id": "u", "x": 1e400}',
        b'{"user_id": "u", "x": "\\ud800"}',
        b"\xef\xbb\xbf{}",
        b"{} {}",
        b"\xff",
    ],
)
def test_what_is_not_a_json_document_is_invalid(document: bytes) -> None:
    with pytest.raises(pydantic.ValidationError) as error:
        ev.EverythingRequestV1.model_validate_json(document)
    assert runtime.violations(error.value)[0][0] == "/"


def test_integers_are_decided_from_the_text() -> None:
    base = json.dumps(REQUEST)[:-1]
    for matrix, expected in [
        ("[[9.0]]", "ok"),
        ("[[9.0000000000000001]]", "invalid"),  # a fraction, though its nearest double is 9
        ("[[90e-1]]", "ok"),
        ("[[1e-400]]", "invalid"),  # a fraction whose double is 0
    ]:
        document = f'{base}, "matrix": {matrix}}}'.encode()
        assert runtime.verdict(ev.EverythingRequestV1, document).split(":")[0] == expected, matrix


def test_a_repeated_key_counts_with_its_last_value() -> None:
    base = json.dumps(REQUEST)[1:-1]
    assert runtime.verdict(ev.EverythingRequestV1, f'{{"user_id": "", {base}}}'.encode()) == "ok"
    assert runtime.verdict(ev.EverythingRequestV1, f'{{{base}, "user_id": ""}}'.encode()).startswith("invalid")


def test_errors_carry_the_json_pointer_of_each_violation() -> None:
    with pytest.raises(pydantic.ValidationError) as error:
        ev.EverythingRequestV1.model_validate_json(
            json.dumps({**REQUEST, "card": {**CARD, "count": 9, "class": "x"}, "scores": {"a/b": "x"}, "tags": ["ab", "ab"]})
        )
    pointers = [p for p, _ in runtime.violations(error.value)]
    assert pointers == ["/card/count", "/card/class", "/tags", "/scores/a~1b"]


def test_wire_names_are_kept_and_read_back() -> None:
    request = ev.EverythingRequestV1.model_validate_json(json.dumps({**REQUEST, "card": {**CARD, "class": 3, "json": False}}))
    assert request.card.class_ == 3
    assert request.card.json_ is False
    dumped = json.loads(request.model_dump_json())
    assert dumped["card"]["class"] == 3 and "class_" not in dumped["card"]
    assert ev.EverythingRequestV1.model_validate_json(request.model_dump_json()) == request


def test_defaults_are_as_declared() -> None:
    request = ev.EverythingRequestV1.model_validate_json(json.dumps(REQUEST))
    assert (request.limit, request.ratio, request.strict, request.label) == (10, 0.5, True, "none")
    assert (request.shade, request.speed) == (ev.ColorV1.DARK_BLUE, "slow")
    assert ev.EverythingRequestV1.model_validate_json(json.dumps({**REQUEST, "limit": None})).limit is None


def test_deprecation_is_surfaced() -> None:
    assert ev.EverythingRequestV1.model_fields["grade"].deprecated == "use card.score"
    assert ev.EverythingCommandV1.__contract__.deprecated == "use EverythingEventV1 directly"
    assert "Deprecated: use EverythingEventV1 directly" in (ev.EverythingCommandV1.__doc__ or "")


def test_descriptions_become_docstrings_and_field_descriptions() -> None:
    assert ev.EverythingRequestV1.__doc__ is not None and "uses every type" in ev.EverythingRequestV1.__doc__
    assert ev.EverythingRequestV1.model_fields["tags"].description == "Distinct lowercase tags."


def test_records_refer_to_themselves() -> None:
    tree = {"label": "root", "children": [{"label": "a", "children": [], "parent": {"label": "p", "children": []}}],
            "index": {"a": {"label": "a", "children": []}}}
    request = ev.EverythingRequestV1.model_validate_json(json.dumps({**REQUEST, "tree": tree}))
    assert request.tree is not None and request.tree.children[0].parent is not None
    assert request.tree.index is not None and request.tree.index["a"].label == "a"


def test_python_values_follow_the_same_rules() -> None:
    # Built in Python rather than read from JSON: a naive datetime has no offset.
    import datetime as dt

    with pytest.raises(pydantic.ValidationError, match="offset"):
        ev.EverythingCommandV1(user_id="u", org_id="o", when=dt.datetime(2026, 1, 1))
    with pytest.raises(pydantic.ValidationError, match="Input should be 'red', 'dark-blue'"):
        ev.EverythingRequestV1.model_validate({**REQUEST, "color": "dark blue"})
