//! The reference catalog's causal chain, from a client's batch registration to the usage the
//! entitlements service records, with identity threaded through every hop by
//! `thread_identity!`. Shared by the `identity_threading` example and its test.
//!
//! The hops follow `caused_by` in `schemas/`: registration request → registration response →
//! pipeline request → entitlement check request → entitlement check response → CJ assessment
//! initiate command → ELS CJ assessment request → resource consumption report → usage
//! recorded. No hop writes `user_id` or `org_id` by hand.

use std::collections::BTreeMap;
use std::fmt;

use contractc_runtime::chrono::{DateTime, Datelike, FixedOffset, TimeDelta};
use contractc_runtime::serde_json::Value;
use contractc_runtime::uuid::Uuid;
use contractc_runtime::{
    Attributed, ClaimsError, Identity, QuotaSource, Violations, thread_identity,
};
use contracts::*;

/// The JWT claim holding the user (`identity.user_id.claim` in `schemas/contractc.yaml`).
pub const USER_CLAIM: &str = "sub";
/// The JWT claim holding the organisation (`identity.org_id.claim`).
pub const ORG_CLAIM: &str = "org_id";

/// Comparisons the CJ assessment of three essays makes: every pair once.
const COMPARISONS: i64 = 3;

/// The identity in decoded JWT claims, as the API gateway reads it.
pub fn identity_from_claims(claims: &Value) -> Result<Identity, ClaimsError> {
    Identity::from_claims(claims, USER_CLAIM, ORG_CLAIM)
}

/// One message of the chain, as it was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The message's wire name.
    pub name: &'static str,
    /// The identity it carries.
    pub identity: Identity,
    /// Who its usage is charged to, org first.
    pub quota_source: QuotaSource,
}

impl fmt::Display for Hop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let org = self.identity.org_id.as_ref().map_or("-", |o| o.as_str());
        write!(
            f,
            "{:<46} user={} org={} quota={}",
            self.name, self.identity.user_id, org, self.quota_source
        )
    }
}

/// Why the chain stopped.
#[derive(Debug)]
pub enum ChainError {
    /// A message the chain built breaks its contract.
    Invalid {
        /// The message's wire name.
        name: &'static str,
        /// Every violation.
        violations: Violations,
    },
    /// The entitlements service denied the run.
    Denied {
        /// The quota source that lacked credit.
        source: QuotaSource,
        /// Its balance.
        available: i64,
    },
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { name, violations } => write!(f, "{name} is invalid: {violations}"),
            Self::Denied { source, available } => {
                write!(f, "run denied: {source} has {available} left")
            }
        }
    }
}

impl std::error::Error for ChainError {}

/// One deduction the ledger made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charge {
    /// Who paid.
    pub source: QuotaSource,
    /// What was consumed.
    pub resource: ResourceTypeV1,
    /// How much.
    pub amount: i64,
}

/// A toy entitlements service: balances per quota source, charged org first.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    balances: BTreeMap<QuotaSource, i64>,
    /// Every deduction, in order.
    pub charges: Vec<Charge>,
}

impl Ledger {
    /// Grants `amount` of credit to `source`.
    pub fn credit(&mut self, source: QuotaSource, amount: i64) {
        *self.balances.entry(source).or_default() += amount;
    }

    /// The credit `source` has left.
    pub fn balance(&self, source: &QuotaSource) -> i64 {
        self.balances.get(source).copied().unwrap_or(0)
    }

    /// Answers a credit check for the request's quota source.
    fn check(
        &self,
        req: &EntitlementCheckRequestV1,
        at: DateTime<FixedOffset>,
    ) -> EntitlementCheckResponseV1 {
        let available = self.balance(&req.quota_source());
        let decision = if available >= req.requested_amount {
            EntitlementCheckResponseV1Decision::Allowed
        } else {
            EntitlementCheckResponseV1Decision::DeniedInsufficientCredit
        };
        thread_identity!(req => EntitlementCheckResponseV1 {
            decision,
            available_amount: available,
            reservation_id: None,
            denial_reason: None,
            checked_at: at,
        })
    }

    /// Deducts a consumption report from its quota source and records the usage.
    fn record(&mut self, report: &ResourceConsumptionReportedV1) -> UsageRecordedV1 {
        let source = report.quota_source();
        let balance = self.balances.entry(source.clone()).or_default();
        *balance -= report.amount;
        let balance_after = *balance;
        self.charges.push(Charge {
            source,
            resource: report.resource_type,
            amount: report.amount,
        });
        let day = report.timestamp.date_naive();
        thread_identity!(report => UsageRecordedV1 {
            consumption_event_id: report.event_id,
            resource_type: report.resource_type,
            amount: report.amount,
            balance_after,
            period_start: day.with_day(1).unwrap_or(day),
            recorded_at: report.timestamp + TimeDelta::seconds(1),
        })
    }
}

/// Validates a message and appends it to the hops.
fn sent<T: Attributed>(hops: &mut Vec<Hop>, message: &T) -> Result<(), ChainError> {
    message
        .validate()
        .map_err(|violations| ChainError::Invalid {
            name: T::NAME,
            violations,
        })?;
    hops.push(Hop {
        name: T::NAME,
        identity: message.identity(),
        quota_source: message.quota_source(),
    });
    Ok(())
}

/// A fixed id, so every run prints the same.
fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0196_0000_0000_7000_8000_0000_0000_0000 | n)
}

/// The three essays of the batch.
fn essays() -> Vec<EssayRefV1> {
    (1..=3)
        .map(|n| EssayRefV1 {
            essay_id: id(100 + n),
            text_storage_id: format!("{n:032x}"),
            filename: Some(format!("essay-{n}.docx")),
            word_count: Some(400),
        })
        .collect()
}

/// The client's registration as the gateway builds it: its body plus the JWT identity.
#[allow(deprecated)] // a struct literal names every field, `essay_instructions` included
fn registration(identity: &Identity) -> BatchRegistrationRequestV1 {
    thread_identity!(identity => BatchRegistrationRequestV1 {
        expected_essay_count: 3,
        essay_ids: Some(essays().iter().map(|e| e.essay_id).collect()),
        course_code: CourseCodeV1::Eng5,
        class_id: Some("9A".to_owned()),
        student_prompt_storage_id: Some(format!("{:032x}", 0xabc)),
        essay_instructions: None,
        cj_default_llm_model: Some("claude-sonnet".to_owned()),
        cj_default_temperature: Some(0.2),
        completion_notification_email: None,
    })
}

/// Runs the chain for `identity` from time `start`, charging `ledger`; every hop, in order.
pub fn run(
    identity: &Identity,
    ledger: &mut Ledger,
    start: DateTime<FixedOffset>,
) -> Result<Vec<Hop>, ChainError> {
    let at = |s: i64| start + TimeDelta::seconds(s);
    let mut hops = Vec::new();
    let request = registration(identity);
    sent(&mut hops, &request)?;
    let response = thread_identity!(request => BatchRegistrationResponseV1 {
        batch_id: id(1),
        correlation_id: id(2),
        status: BatchRegistrationResponseV1Status::Registered,
        registered_at: at(1),
    });
    sent(&mut hops, &response)?;
    let pipeline = thread_identity!(response => ClientBatchPipelineRequestV1 {
        batch_id: response.batch_id,
        requested_pipeline: ClientBatchPipelineRequestV1RequestedPipeline::CjAssessment,
        is_retry: None,
        llm_config_overrides: None,
        requested_at: at(60),
    });
    sent(&mut hops, &pipeline)?;
    let check = thread_identity!(pipeline => EntitlementCheckRequestV1 {
        batch_id: pipeline.batch_id,
        resource_type: ResourceTypeV1::CjComparisons,
        requested_amount: COMPARISONS,
        reserve: Some(false),
    });
    sent(&mut hops, &check)?;
    let decision = ledger.check(&check, at(61));
    sent(&mut hops, &decision)?;
    if decision.decision != EntitlementCheckResponseV1Decision::Allowed {
        return Err(ChainError::Denied {
            source: decision.quota_source(),
            available: decision.available_amount,
        });
    }
    let command = thread_identity!(decision => BatchServiceCjAssessmentInitiateCommandDataV1 {
        batch_id: pipeline.batch_id,
        correlation_id: response.correlation_id,
        essays_to_process: essays(),
        language: EssayLanguageV1::En,
        course_code: request.course_code,
        student_prompt_storage_id: request.student_prompt_storage_id.clone(),
        class_type: BatchServiceCjAssessmentInitiateCommandDataV1ClassType::Regular,
        llm_config_overrides: pipeline.llm_config_overrides.clone(),
    });
    sent(&mut hops, &command)?;
    process(command, ledger, &mut hops, at(62))?;
    Ok(hops)
}

/// ELS asks the CJ service to assess; the CJ service reports what it consumed; the ledger
/// records it.
fn process(
    command: BatchServiceCjAssessmentInitiateCommandDataV1,
    ledger: &mut Ledger,
    hops: &mut Vec<Hop>,
    at: DateTime<FixedOffset>,
) -> Result<(), ChainError> {
    let els = thread_identity!(command => ElsCjAssessmentRequestV1 {
        batch_id: command.batch_id,
        correlation_id: command.correlation_id,
        essays_for_cj: command.essays_to_process,
        language: command.language,
        course_code: command.course_code,
        assignment_id: None,
        student_prompt_storage_id: command.student_prompt_storage_id,
        llm_config_overrides: command.llm_config_overrides,
        max_comparisons: Some(COMPARISONS),
    });
    sent(hops, &els)?;
    let report = thread_identity!(els => ResourceConsumptionReportedV1 {
        event_id: id(3),
        resource_type: ResourceTypeV1::CjComparisons,
        amount: els.max_comparisons_or_default(),
        timestamp: at + TimeDelta::minutes(5),
        reporting_service: ServiceNameV1::CjAssessment,
        batch_id: Some(els.batch_id),
        correlation_id: Some(els.correlation_id),
        metadata: Some(BTreeMap::from([("llm_model".to_owned(), "claude-sonnet".to_owned())])),
    });
    sent(hops, &report)?;
    let usage = ledger.record(&report);
    sent(hops, &usage)
}
