"""Identity: `Identity.from_claims`, `.identity` and `.quota_source` (org first), frozen models."""

from __future__ import annotations

import pydantic
import pytest

import contracts
import everything_contracts as ev
from contracts import ClaimsError, Identity


def test_claims_give_user_and_org() -> None:
    identity = Identity.from_claims({"sub": "u-1", "org_id": "acme", "exp": 1})
    assert identity == Identity("u-1", "acme")
    assert identity.quota_source == "org:acme"


@pytest.mark.parametrize("claims", [{"sub": "u-1"}, {"sub": "u-1", "org_id": None}])
def test_a_missing_or_null_org_claim_means_no_org(claims: dict[str, object]) -> None:
    identity = Identity.from_claims(claims)
    assert identity.org_id is None
    assert identity.quota_source == "user:u-1"


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({}, "claim `sub` is missing"),
        ({"sub": None}, "claim `sub` is missing"),
        ("not a mapping", "claim `sub` is missing"),
        ({"sub": 7}, "claim `sub` is not a string"),
        ({"sub": ""}, "claim `sub` is invalid: must not be empty"),
        ({"sub": "x" * 256}, "claim `sub` is invalid: longer than 255 characters (256 characters)"),
        ({"sub": "u", "org_id": ["o"]}, "claim `org_id` is not a string"),
        ({"sub": "u", "org_id": ""}, "claim `org_id` is invalid: must not be empty"),
        ({"sub": "u", "org_id": "o" * 300}, "claim `org_id` is invalid: longer than 255 characters (300 characters)"),
    ],
)
def test_each_way_a_claim_is_wrong_has_its_error(claims: object, message: str) -> None:
    with pytest.raises(ClaimsError) as error:
        Identity.from_claims(claims)
    assert str(error.value) == message
    assert error.value.claim in ("sub", "org_id")


def test_scalar_values_are_counted_not_bytes() -> None:
    assert Identity.from_claims({"sub": "😀" * 255}).user_id == "😀" * 255


def test_the_configured_claims_and_bounds_are_read() -> None:
    # The everything catalog reads `uid` and `tenant`, at most 64 and 32 characters.
    identity = ev.Identity.from_claims({"uid": "u", "tenant": "t", "sub": "ignored"})
    assert identity == ev.Identity("u", "t")
    with pytest.raises(ev.ClaimsError, match="claim `uid` is missing"):
        ev.Identity.from_claims({"sub": "u"})
    with pytest.raises(ev.ClaimsError, match="longer than 32 characters"):
        ev.Identity.from_claims({"uid": "u", "tenant": "t" * 33})


def test_identity_itself_checks_its_values() -> None:
    with pytest.raises(contracts.IdentityError, match="must not be empty"):
        Identity("")
    with pytest.raises(contracts.IdentityError, match="longer than 255"):
        Identity("u", "o" * 256)


def usage(org_id: str | None) -> contracts.UsageRecordedV1:
    return contracts.UsageRecordedV1.model_validate(
        {
            "user_id": "teacher-42",
            "org_id": org_id,
            "consumption_event_id": "d23f0824-128b-4f33-8c5c-7fd0a6a3a450",
            "resource_type": "llm_tokens",
            "amount": 10,
            "balance_after": 0,
            "period_start": "2026-11-01",
            "recorded_at": "2026-11-30T14:02:11+01:00",
        }
    )


def test_quota_source_is_org_first() -> None:
    assert usage("school-7").quota_source == "org:school-7"
    assert usage(None).quota_source == "user:teacher-42"
    assert usage("school-7").identity == Identity("teacher-42", "school-7")


def test_identity_comes_first_on_the_wire_and_in_the_model() -> None:
    assert list(contracts.UsageRecordedV1.model_fields)[:2] == ["user_id", "org_id"]
    assert list(usage(None).model_dump())[:2] == ["user_id", "org_id"]


def test_identity_cannot_change_after_construction() -> None:
    message = usage("school-7")
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        message.org_id = None  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        message.user_id = "someone-else"  # type: ignore[misc]


def test_org_required_messages_type_their_org_as_required() -> None:
    assert ev.EverythingCommandV1.__contract__.org == "required"
    with pytest.raises(pydantic.ValidationError, match="org_id"):
        ev.EverythingCommandV1(user_id="u", when="2026-01-01T00:00:00Z")  # type: ignore[call-arg]
    command = ev.EverythingCommandV1(user_id="u", org_id="o", when="2026-01-01T00:00:00Z")  # type: ignore[arg-type]
    assert command.quota_source == "org:o"


def test_exempt_messages_carry_no_identity() -> None:
    heartbeat = ev.HeartbeatV1(seq=1)
    assert not hasattr(heartbeat, "identity")
    assert "user_id" not in ev.HeartbeatV1.model_fields
    assert ev.HeartbeatV1.__contract__.exempt is not None
    # An unknown key to it, ignored as its contract says (`unknown_fields: ignore`).
    assert not hasattr(ev.HeartbeatV1.model_validate_json(b'{"seq": 1, "user_id": "u"}'), "user_id")
