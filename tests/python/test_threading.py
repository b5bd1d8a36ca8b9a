"""`Downstream.caused_by(upstream, **fields)`: identity copied from a message the contract
names in `caused_by`; anything else is refused at run time (and by the type checker, see
test_typecheck.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import pydantic
import pytest

import everything_contracts as ev
from everything_contracts import runtime

WHEN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def card() -> ev.ScoreCardV1:
    return ev.ScoreCardV1(
        text="ab1", count=0, score=0.1, weight=1.0, flag=True, id=uuid.UUID(int=1),
        at=WHEN, on=WHEN.date(), mail="a@b.cd", extra=None,
    )


def request(org_id: str | None) -> ev.EverythingRequestV1:
    return ev.EverythingRequestV1(
        user_id="u-1", org_id=org_id, card=card(), tags=["ab"], matrix=[[1]], scores={},
        forest={}, color=ev.ColorV1.RED, level="mid",
    )


@pytest.mark.parametrize("org_id", ["acme", None])
def test_caused_by_copies_the_identity(org_id: str | None) -> None:
    response = ev.EverythingResponseV1.caused_by(request(org_id), accepted=True, echo=[card()])
    assert response.identity == request(org_id).identity
    assert response.quota_source == (f"org:{org_id}" if org_id else "user:u-1")
    assert response.echo == [card()]


def test_a_required_org_flows_into_a_required_org() -> None:
    command = ev.EverythingCommandV1(user_id="u", org_id="o", when=WHEN)
    event = ev.EverythingEventV1.caused_by(command)
    assert (event.user_id, event.org_id) == ("u", "o")


def test_the_fields_are_validated_as_in_the_constructor() -> None:
    with pytest.raises(pydantic.ValidationError, match="echo"):
        ev.EverythingResponseV1.caused_by(request("o"), accepted=True, echo=[card()] * 3)


def test_an_upstream_the_contract_does_not_name_is_refused() -> None:
    heartbeat = ev.HeartbeatV1(seq=1)
    with pytest.raises(TypeError, match="is not caused by HeartbeatV1"):
        ev.EverythingResponseV1.caused_by(heartbeat, accepted=True, echo=[])  # type: ignore[arg-type]
    response = ev.EverythingResponseV1.caused_by(request("o"), accepted=True, echo=[])
    with pytest.raises(TypeError, match="is not caused by EverythingResponseV1"):
        ev.EverythingResponseV1.caused_by(response, accepted=True, echo=[])  # type: ignore[arg-type]


def test_an_optional_org_never_fills_a_required_one() -> None:
    # EverythingEventV1 (org required) is caused by EverythingResponseV1 (org optional) too,
    # but its `caused_by` takes only the org-required upstream.
    assert "EverythingResponseV1" not in ev.EverythingEventV1.caused_by.__doc__  # type: ignore[operator]
    response = ev.EverythingResponseV1.caused_by(request("acme"), accepted=True, echo=[])
    with pytest.raises(TypeError, match="not caused by EverythingResponseV1"):
        ev.EverythingEventV1.caused_by(response)  # type: ignore[arg-type]
    # Even where the upstream names an org: its contract does not promise one.
    with pytest.raises(TypeError, match="requires an org_id"):
        runtime.thread(ev.EverythingEventV1, response, (ev.EverythingResponseV1,))


def test_messages_without_an_upstream_have_no_caused_by() -> None:
    assert not hasattr(ev.EverythingRequestV1, "caused_by")
    assert not hasattr(ev.HeartbeatV1, "caused_by")


def test_a_field_with_a_default_keeps_it_unless_given() -> None:
    import contracts

    pipeline = contracts.ClientBatchPipelineRequestV1(
        user_id="u", batch_id=uuid.UUID(int=1), requested_pipeline="cj_assessment", requested_at=WHEN
    )
    assert pipeline.is_retry is False  # `default: false`
    args = {"batch_id": uuid.UUID(int=1), "resource_type": contracts.ResourceTypeV1.CJ_COMPARISONS, "requested_amount": 3}
    assert contracts.EntitlementCheckRequestV1.caused_by(pipeline, **args).reserve is True  # `default: true`
    assert contracts.EntitlementCheckRequestV1.caused_by(pipeline, **args, reserve=None).reserve is None
    assert contracts.EntitlementCheckRequestV1.caused_by(pipeline, **args, reserve=False).reserve is False
