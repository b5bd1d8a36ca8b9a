"""Threading the type checker accepts: every upstream the contract names, fields typed."""

from __future__ import annotations

import datetime as dt

import everything_contracts as ev


def respond(request: ev.EverythingRequestV1, cards: list[ev.ScoreCardV1]) -> ev.EverythingResponseV1:
    return ev.EverythingResponseV1.caused_by(request, accepted=True, echo=cards)


def escalate(command: ev.EverythingCommandV1) -> ev.EverythingEventV1:
    return ev.EverythingEventV1.caused_by(command)


def org_of(event: ev.EverythingEventV1) -> str:
    return event.org_id  # an org-required message's org is a `str`, never `None`


def when(command: ev.EverythingCommandV1) -> dt.datetime:
    return command.when
