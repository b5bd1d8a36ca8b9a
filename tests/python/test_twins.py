"""Where a rule runs inside pydantic-core (no Python call per value), its plain-Python twin in
the runtime says what it means; both must give the same verdict on every value here. The fast
read of a whole document (`runtime.read_fast`) has the exact reading as its twin."""

from __future__ import annotations

import itertools
import json
import uuid
from typing import Annotated, Any

import pydantic
import pytest
from everything_contracts import ColorV1, EverythingRequestV1, runtime

from test_validation import REQUEST

VALUES: list[Any] = [
    0, 1, -1, 3, 4, -3, -4, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, True, False, None,
    0.0, -0.0, 1.0, 3.0, 3.5, 1e3, 1e300, float("inf"), float("-inf"), float("nan"), 2.0**63,
    "1", "red", "RED", "dark-blue", "Self", "", b"red", [], {}, ColorV1.RED,
    "0196a1d2-0000-7000-8000-000000000001", "0196A1D2-0000-7000-8000-00000000000F",
    "0196a1d200007000800000000000000001", "{0196a1d2-0000-7000-8000-000000000001}",
    "urn:uuid:0196a1d2-0000-7000-8000-000000000001", "0196a1d2-0000-7000-8000-00000000000g",
    "0196a1d2-0000-7000-8000-000000000001\n", " 0196a1d2-0000-7000-8000-000000000001",
    uuid.UUID(int=7),
]


STRICT = pydantic.ConfigDict(strict=True)  # as every model of the package is


def verdict(adapter: pydantic.TypeAdapter[Any], value: object) -> object:
    try:
        return adapter.validate_python(value)
    except pydantic.ValidationError:
        return "invalid"


def twin(function: Any, value: object, *args: object) -> object:
    try:
        return function(value, *args)
    except (ValueError, pydantic_core_error()):
        return "invalid"


def pydantic_core_error() -> type[Exception]:
    import pydantic_core

    return pydantic_core.PydanticCustomError


@pytest.mark.parametrize(("ge", "le"), [(-3, 3), (-(2**63), 2**63 - 1), (0, 0)])
def test_integer_and_json_integer_agree(ge: int, le: int) -> None:
    adapter = pydantic.TypeAdapter(Annotated[int, runtime.integer(ge=ge, le=le)], config=STRICT)
    for value in VALUES:
        assert verdict(adapter, value) == twin(runtime.json_integer, value, ge, le), repr(value)


def test_the_uuid_schema_and_uuid_format_agree() -> None:
    adapter: pydantic.TypeAdapter[uuid.UUID] = pydantic.TypeAdapter(runtime.Uuid, config=STRICT)
    for value in VALUES:
        assert verdict(adapter, value) == twin(runtime.uuid_format, value), repr(value)


def test_the_enum_schema_and_enum_member_agree() -> None:
    adapter = pydantic.TypeAdapter(ColorV1, config=STRICT)
    for value in VALUES:
        if isinstance(value, bytes):
            continue  # never read from JSON; lax pydantic decodes it
        assert verdict(adapter, value) == twin(ColorV1.enum_member, value), repr(value)


def test_every_value_pair_compares_as_json_schema_compares() -> None:
    # uniqueItems: two items are equal exactly when they are the same JSON value.
    items: list[object] = [0, 1, 1.0, -0.0, True, False, None, "1", "a", [1], [1.0], [True], {"a": 1}, {"a": 1.0}, {"a": 1, "b": None}]
    for a, b in itertools.product(items, repeat=2):
        same_json = _same(a, b)
        assert (runtime._json_key(a) == runtime._json_key(b)) is same_json, (a, b)


def _same(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


DATE_TIMES = [
    "2020-01-01T00:00:00Z", "2020-01-01t00:00:00z", "2020-01-01T01:00:00+01:00", "2019-12-31T23:00:00-01:00",
    "2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00.1234567891Z", "1998-12-31T23:59:60Z",
    "1998-12-31T15:59:60-08:00", "0000-01-01T00:00:00+01:00", "9999-12-31T23:59:59-23:59",
    "2020-01-01T00:00:00", "2020-01-01 00:00:00Z", "2020-01-01T00:00Z", "2020-01-01T00:00:00+0100",
    "2020-02-30T00:00:00Z", "2020-01-01T24:00:00Z", "1998-12-31T23:58:60Z", "2020-01-01T00:00:00.Z",
    "2020-01-01", "2020-02-29T12:30:45.5+05:30", "2021-02-29T00:00:00Z", "2020-01-01T00:00:00+24:00",
    "2020-01-01T00:00:00+23:60", "2020-13-01T00:00:00Z", "2020-01-01T00:00:00Z\n", "２０２０-01-01T00:00:00Z",
    "2020-01-01T00:60:00Z", "2020-01-01T00:00:00ZZ", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", 0, None,
]
DATES = [
    "2020-02-29", "2000-02-29", "1900-02-28", "0000-01-01", "9999-12-31", "2021-02-29", "1900-02-29",
    "2020-13-01", "2020-1-01", "20200101", "2020-01-01T00:00:00Z", "２０２０-01-01", "2020-00-10",
    "2020-04-31", "2020-01-01\n", 20200101, None,
]


def test_the_date_time_fast_path_and_date_time_format_agree() -> None:
    import datetime as dt

    adapter = pydantic.TypeAdapter(runtime.DateTime, config=STRICT)
    for value in [*DATE_TIMES, dt.datetime(2020, 1, 1), dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.date(2020, 1, 1)]:
        fast, slow = verdict(adapter, value), twin(runtime.date_time_format, value)
        assert (fast == "invalid") == (slow == "invalid"), repr(value)
        assert fast == "invalid" or fast == slow or value == "1998-12-31T23:59:60Z", (value, fast, slow)


def test_the_date_fast_path_and_date_format_agree() -> None:
    import datetime as dt

    adapter = pydantic.TypeAdapter(runtime.Date, config=STRICT)
    for value in [*DATES, dt.date(2020, 1, 1), dt.datetime(2020, 1, 1)]:
        fast, slow = verdict(adapter, value), twin(runtime.date_format, value)
        assert fast == slow, repr(value)


# --- The fast read (`runtime.read_fast`, pydantic-core reading the bytes) and the exact one ---

SPELLINGS = [
    "0", "1", "-0", "-0.0", "1.0", "1e0", "1E+0", "2.5", "0.1", "1e-400", "1.0000000000000001",
    "9007199254740993", "9007199254740993.0", "9223372036854775807.0", "-9223372036854775809",
    "1e308", "1e309", "-1e400", "1" + "0" * 400, "NaN", "Infinity", "-Infinity", "true", "null",
    '"1"', '"ab"', '"dark-blue"', '"\\u0061b"', '"\\ud800"', '"\\udc00x"', '"\\ud83d\\ude00"', '"a\\u0000"',
    '"0196a1d2-0000-7000-8000-000000000001"', '"0196A1D2-0000-7000-8000-00000000000F"',
    '"0196a1d200007000800000000000000001"', '"{0196a1d2-0000-7000-8000-000000000001}"',
    '"2026-03-02T09:00:00+01:00"', '"2026-03-02 09:00:00Z"', '"2026-03-02T09:00:00"', '"2026-03-02"',
    '"0000-01-01"', "[]", "[1, 1.0]", '[9007199254740993, 9007199254740993.0]', '["ab", "ab"]',
    '{"a": NaN}', '{"a": 1e400}', '{"a": [1.5, -2]}', "[" * 130 + "]" * 130,
]
SPELLINGS += [json.dumps(text) for text in (*DATE_TIMES, *DATES) if isinstance(text, str)]
# Where a spelling goes: a field of each kind, inside a list and a map, and an unknown key.
SLOTS = [
    ("card", "count"), ("card", "score"), ("card", "weight"), ("card", "id"), ("card", "at"),
    ("card", "on"), ("card", "extra"), ("card", "zz"), ("notes",), ("zz",), ("tags", 0),
    ("scores", "a"), ("matrix", 0, 0), ("color",), ("user_id",),
]


def _document(slot: tuple[str | int, ...], spelling: str) -> bytes:
    document = json.loads(json.dumps(REQUEST))
    place = document
    for step in slot[:-1]:
        place = place[step]
    place[slot[-1]] = "\x00SLOT\x00"
    return json.dumps(document).replace('"\\u0000SLOT\\u0000"', spelling).encode()


def _exact(model: type[runtime.Record], data: bytes) -> runtime.Record | None:
    try:
        return model.model_validate(runtime.read_json(data), by_name=False)
    except pydantic.ValidationError:
        return None


def test_the_fast_read_reads_the_base_document_itself() -> None:
    data = json.dumps(REQUEST).encode()
    fast = runtime.read_fast(EverythingRequestV1, data)
    assert fast is not None and fast == _exact(EverythingRequestV1, data)


@pytest.mark.parametrize("slot", SLOTS, ids=lambda slot: "/".join(map(str, slot)))
def test_the_fast_read_vouches_only_for_what_the_exact_reading_accepts(slot: tuple[str | int, ...]) -> None:
    read_fast = 0
    for spelling in SPELLINGS:
        data = _document(slot, spelling)
        for form in (data, data.decode()):
            fast = runtime.read_fast(EverythingRequestV1, form)
            if fast is None:
                continue
            read_fast += 1
            exact = _exact(EverythingRequestV1, data)
            assert exact is not None, (spelling, "the fast read accepts what the exact reading refuses")
            assert fast == exact and fast.model_fields_set == exact.model_fields_set, spelling
            assert fast.model_dump_json() == exact.model_dump_json(), spelling
    # Each field takes some spelling, and the fast read reads it; an unknown key it never reads
    # (it cannot tell `NaN` in an ignored value from a number).
    assert (read_fast == 0) == (slot[-1] == "zz")


def test_a_lone_surrogate_in_text_is_left_to_the_exact_reading() -> None:
    text = json.dumps(REQUEST, ensure_ascii=False).replace('"u-1"', '"u-\ud800"')
    assert runtime.read_fast(EverythingRequestV1, text) is None
    with pytest.raises(pydantic.ValidationError):
        EverythingRequestV1.model_validate_json(text)


def test_read_alike_refuses_the_numbers_the_two_readings_may_part_on() -> None:
    assert runtime.read_alike({"a": [1, 2.5, "x", None, True, {"b": -0.5}]})
    for value in [1.0, 2.0**60, float("nan"), float("inf"), [0.0], {"a": {"b": -3.0}}, 10**400]:
        assert not runtime.read_alike(value), value
