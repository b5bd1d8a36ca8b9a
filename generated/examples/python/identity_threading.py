"""Identity from JWT claims, threaded with `caused_by` through every hop of the reference
catalog's chain, from a batch registration to the usage the entitlements service records,
and charged org first: the Python twin of `cargo run -p contracts --example identity_threading`.

    pip install generated/python        # or: PYTHONPATH=generated/python
    python generated/examples/python/identity_threading.py

Runs the chain twice: for a teacher of a school (an `org_id` claim, so the school pays) and for
an individual teacher (no `org_id` claim, so the teacher pays). No hop writes `user_id` or
`org_id` by hand: the gateway reads them from the claims, every later message takes them from
the message that caused it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from contracts import (
    BatchRegistrationRequestV1,
    BatchRegistrationResponseV1,
    BatchServiceCJAssessmentInitiateCommandDataV1,
    ClientBatchPipelineRequestV1,
    CourseCodeV1,
    ELS_CJAssessmentRequestV1,
    EntitlementCheckRequestV1,
    EntitlementCheckResponseV1,
    EssayLanguageV1,
    EssayRefV1,
    Identity,
    OrgOptionalMessage,
    ResourceConsumptionReportedV1,
    ResourceTypeV1,
    ServiceNameV1,
    UsageRecordedV1,
)

COMPARISONS = 3
"""Comparisons the CJ assessment of three essays makes: every pair once."""
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def fixed_id(n: int) -> uuid.UUID:
    """A fixed id, so that every run prints the same."""
    return uuid.UUID(int=0x0196_0000_0000_7000_8000_0000_0000_0000 | n)


@dataclass
class Ledger:
    """A toy entitlements service: balances per quota source, charged org first."""

    balances: dict[str, int] = field(default_factory=dict)
    charges: list[tuple[str, int, str]] = field(default_factory=list)

    def check(self, request: EntitlementCheckRequestV1, at: dt.datetime) -> EntitlementCheckResponseV1:
        """Answers a credit check for the request's quota source."""
        available = self.balances.get(request.quota_source, 0)
        allowed = available >= request.requested_amount
        return EntitlementCheckResponseV1.caused_by(
            request,
            decision="allowed" if allowed else "denied_insufficient_credit",
            available_amount=available,
            checked_at=at,
        )

    def record(self, report: ResourceConsumptionReportedV1) -> UsageRecordedV1:
        """Deducts a consumption report from its quota source and records the usage."""
        source = report.quota_source
        self.balances[source] = self.balances.get(source, 0) - report.amount
        self.charges.append((source, report.amount, report.resource_type.value))
        return UsageRecordedV1.caused_by(
            report,
            consumption_event_id=report.event_id,
            resource_type=report.resource_type,
            amount=report.amount,
            balance_after=self.balances[source],
            period_start=report.timestamp.date().replace(day=1),
            recorded_at=report.timestamp + dt.timedelta(seconds=1),
        )


def essays() -> list[EssayRefV1]:
    """The three essays of the batch."""
    return [
        EssayRefV1(essay_id=fixed_id(100 + n), text_storage_id=f"{n:032x}", filename=f"essay-{n}.docx", word_count=400)
        for n in range(1, 4)
    ]


def run(claims: dict[str, object], ledger: Ledger) -> list[OrgOptionalMessage]:
    """The chain for one set of claims: every message, in the order it was sent."""
    identity = Identity.from_claims(claims)
    # The API gateway: the client's body plus the JWT identity, read once.
    request = BatchRegistrationRequestV1(
        user_id=identity.user_id,
        org_id=identity.org_id,
        expected_essay_count=3,
        essay_ids=[e.essay_id for e in essays()],
        course_code=CourseCodeV1.ENG5,
        class_id="9A",
        student_prompt_storage_id=f"{0xABC:032x}",
        cj_default_llm_model="claude-sonnet",
        cj_default_temperature=0.2,
    )
    response = BatchRegistrationResponseV1.caused_by(
        request, batch_id=fixed_id(1), correlation_id=fixed_id(2), status="registered", registered_at=START
    )
    pipeline = ClientBatchPipelineRequestV1.caused_by(
        response,
        batch_id=response.batch_id,
        requested_pipeline="cj_assessment",
        requested_at=START + dt.timedelta(seconds=60),
    )
    check = EntitlementCheckRequestV1.caused_by(
        pipeline,
        batch_id=pipeline.batch_id,
        resource_type=ResourceTypeV1.CJ_COMPARISONS,
        requested_amount=COMPARISONS,
        reserve=False,
    )
    decision = ledger.check(check, START + dt.timedelta(seconds=61))
    sent: list[OrgOptionalMessage] = [request, response, pipeline, check, decision]
    if decision.decision != "allowed":
        raise RuntimeError(f"run denied: {decision.quota_source} has {decision.available_amount} left")
    command = BatchServiceCJAssessmentInitiateCommandDataV1.caused_by(
        decision,
        batch_id=pipeline.batch_id,
        correlation_id=response.correlation_id,
        essays_to_process=essays(),
        language=EssayLanguageV1.EN,
        course_code=request.course_code,
        student_prompt_storage_id=request.student_prompt_storage_id,
        class_type="regular",
    )
    els = ELS_CJAssessmentRequestV1.caused_by(
        command,
        batch_id=command.batch_id,
        correlation_id=command.correlation_id,
        essays_for_cj=command.essays_to_process,
        language=command.language,
        course_code=command.course_code,
        student_prompt_storage_id=command.student_prompt_storage_id,
        max_comparisons=COMPARISONS,
    )
    report = ResourceConsumptionReportedV1.caused_by(
        els,
        event_id=fixed_id(3),
        resource_type=ResourceTypeV1.CJ_COMPARISONS,
        amount=els.max_comparisons or COMPARISONS,
        timestamp=START + dt.timedelta(seconds=62, minutes=5),
        reporting_service=ServiceNameV1.CJ_ASSESSMENT,
        batch_id=els.batch_id,
        correlation_id=els.correlation_id,
        metadata={"llm_model": "claude-sonnet"},
    )
    usage = ledger.record(report)
    sent += [command, els, report, usage]
    # Every message is what its contract accepts: it reads back from its own JSON unchanged.
    for message in sent:
        assert type(message).model_validate_json(message.model_dump_json()) == message
    return sent


def main() -> None:
    """Runs the chain for a teacher of a school, then for an individual teacher."""
    ledger = Ledger(balances={"org:school-7": 1000, "user:teacher-42": 10})
    school = {"sub": "teacher-42", "org_id": "school-7", "exp": 1_900_000_000}
    individual = {"sub": "teacher-42", "exp": 1_900_000_000}
    for claims in (school, individual):
        print(f"claims {json.dumps(claims, sort_keys=True, separators=(',', ':'))}")
        for n, message in enumerate(run(claims, ledger), 1):
            org = message.org_id or "-"
            name = message.__contract__.name
            print(f"  {n}. {name:<46} user={message.user_id} org={org} quota={message.quota_source}")
        print()
    print("ledger:")
    for source, amount, resource in ledger.charges:
        print(f"  {source} charged {amount} {resource} ({ledger.balances[source]} left)")


if __name__ == "__main__":
    main()
