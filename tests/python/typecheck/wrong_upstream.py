"""An upstream the contract does not name in `caused_by` is a type error."""

from __future__ import annotations

import everything_contracts as ev


def from_heartbeat(heartbeat: ev.HeartbeatV1) -> ev.EverythingResponseV1:
    return ev.EverythingResponseV1.caused_by(heartbeat, accepted=True, echo=[])  # E: incompatible type "HeartbeatV1"; expected "EverythingRequestV1"


def from_itself(response: ev.EverythingResponseV1) -> ev.EverythingResponseV1:
    return ev.EverythingResponseV1.caused_by(response, accepted=True, echo=[])  # E: incompatible type "EverythingResponseV1"


def without_a_cause(request: ev.EverythingRequestV1) -> ev.EverythingRequestV1:
    return ev.EverythingRequestV1.caused_by(request)  # E: has no attribute "caused_by"


def wrong_field(request: ev.EverythingRequestV1) -> ev.EverythingResponseV1:
    return ev.EverythingResponseV1.caused_by(request, accepted="yes", echo=[])  # E: incompatible type "str"; expected "bool"
