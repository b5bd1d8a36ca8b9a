"""An org-optional upstream cannot fill an org-required downstream: its org may be absent."""

from __future__ import annotations

import everything_contracts as ev


def from_response(response: ev.EverythingResponseV1) -> ev.EverythingEventV1:
    # EverythingEventV1 is caused_by EverythingResponseV1 too, but requires an org.
    return ev.EverythingEventV1.caused_by(response)  # E: incompatible type "EverythingResponseV1"; expected "EverythingCommandV1"


def by_hand(response: ev.EverythingResponseV1) -> ev.EverythingEventV1:
    return ev.EverythingEventV1(user_id=response.user_id, org_id=response.org_id)  # E: incompatible type "str | None"; expected "str"


def org_of(response: ev.EverythingResponseV1) -> str:
    return response.org_id  # E: Incompatible return value type (got "str | None", expected "str")
