"""The seed's flow in Python: `generated/examples/python/identity_threading.py` threads the
identity of JWT claims through the reference catalog's chain and charges org first."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "generated/examples/python/identity_threading.py"


def test_the_chain_carries_the_claims_identity_to_the_ledger() -> None:
    out = subprocess.run([sys.executable, str(EXAMPLE)], check=True, capture_output=True, text=True, env=os.environ).stdout
    school, individual, ledger = out.split("\n\n")
    hops = [line.split() for line in school.splitlines()[1:]]
    assert [hop[1] for hop in hops] == [
        "BatchRegistrationRequestV1", "BatchRegistrationResponseV1", "ClientBatchPipelineRequestV1",
        "EntitlementCheckRequestV1", "EntitlementCheckResponseV1",
        "BatchServiceCJAssessmentInitiateCommandDataV1", "ELS_CJAssessmentRequestV1",
        "ResourceConsumptionReportedV1", "UsageRecordedV1",
    ]
    assert all(hop[2:] == ["user=teacher-42", "org=school-7", "quota=org:school-7"] for hop in hops)
    assert all(line.endswith("user=teacher-42 org=- quota=user:teacher-42") for line in individual.splitlines()[1:])
    assert len(individual.splitlines()) == 10
    assert ledger.splitlines() == [
        "ledger:",
        "  org:school-7 charged 3 cj_comparisons (997 left)",
        "  user:teacher-42 charged 3 cj_comparisons (7 left)",
    ]


def test_it_prints_what_the_rust_example_prints() -> None:
    readme = (ROOT / "README.md").read_text()
    out = subprocess.run([sys.executable, str(EXAMPLE)], check=True, capture_output=True, text=True, env=os.environ).stdout
    assert out.strip() in readme
