//! Validator throughput on realistic messages of the reference catalog, three ways:
//! (a) `serde` — `serde_json::from_slice` into the generated struct, no validation;
//! (b) `contracts` — `T::from_json` (parse and validate, what services call);
//! (c) `jsonschema` — parse into a `serde_json::Value`, then the `jsonschema` crate's
//! `is_valid` with the emitted schema, configured as `contractc validate` configures it
//! (draft 2020-12, formats asserted), the validator built once.
//!
//! Two more functions split (c): `value_parse` (the `Value` parse alone) and `is_valid` (the
//! validation of an already parsed `Value` alone).
//!
//! Results land in `target/criterion/validators/<function>/<NAME>/`, where
//! `compiler/cli/benches/report.py` reads them.

use std::hint::black_box;

use contractc_runtime::serde::de::DeserializeOwned;
use contractc_runtime::{Contract, Message};
use contracts::{
    BatchRegistrationRequestV1, CjAssessmentCompletedV1, ElsCjAssessmentRequestV1,
    EntitlementCheckRequestV1, ServiceHeartbeatV1, UsageRecordedV1,
};
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput, measurement::WallTime};
use serde_json::Value;

/// Benches one message type on its payload, after checking all three ways accept it.
fn bench<T: Message + DeserializeOwned>(group: &mut BenchmarkGroup<'_, WallTime>, bytes: &[u8]) {
    let name = T::NAME;
    let schema: Value = serde_json::from_str(T::json_schema())
        .unwrap_or_else(|e| panic!("{name}: emitted schema is not JSON: {e}"));
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}: jsonschema rejects the emitted schema: {e}"));

    if let Err(e) = serde_json::from_slice::<T>(bytes) {
        panic!("{name}: payload does not deserialize into the struct: {e}");
    }
    if let Err(e) = T::from_json(bytes) {
        panic!("{name}: payload is invalid under from_json: {e}");
    }
    let value: Value = serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("{name}: payload is not JSON: {e}"));
    if let Some(e) = validator.iter_errors(&value).next() {
        panic!(
            "{name}: payload is invalid under jsonschema at {}: {e}",
            e.instance_path()
        );
    }

    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(BenchmarkId::new("serde", name), |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(bytes)).is_ok())
    });
    group.bench_function(BenchmarkId::new("contracts", name), |b| {
        b.iter(|| T::from_json(black_box(bytes)).is_ok())
    });
    group.bench_function(BenchmarkId::new("jsonschema", name), |b| {
        b.iter(|| {
            serde_json::from_slice::<Value>(black_box(bytes))
                .is_ok_and(|value| validator.is_valid(&value))
        })
    });
    // The two halves of (c), to say where its time goes (report.py prints the split).
    group.bench_function(BenchmarkId::new("value_parse", name), |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(bytes)).is_ok())
    });
    group.bench_function(BenchmarkId::new("is_valid", name), |b| {
        b.iter(|| validator.is_valid(black_box(&value)))
    });
}

/// Benches type `$t` on `payloads/<NAME>.json`, `NAME` being its wire name.
macro_rules! bench {
    ($group:expr, $t:ty, $name:literal) => {{
        assert_eq!(<$t as Contract>::NAME, $name, "payload file of {}", $name);
        bench::<$t>($group, include_bytes!(concat!("payloads/", $name, ".json")));
    }};
}

fn validators(c: &mut Criterion) {
    let mut group = c.benchmark_group("validators");
    bench!(&mut group, ServiceHeartbeatV1, "ServiceHeartbeatV1");
    bench!(
        &mut group,
        EntitlementCheckRequestV1,
        "EntitlementCheckRequestV1"
    );
    bench!(&mut group, UsageRecordedV1, "UsageRecordedV1");
    bench!(
        &mut group,
        BatchRegistrationRequestV1,
        "BatchRegistrationRequestV1"
    );
    bench!(
        &mut group,
        CjAssessmentCompletedV1,
        "CJAssessmentCompletedV1"
    );
    bench!(
        &mut group,
        ElsCjAssessmentRequestV1,
        "ELS_CJAssessmentRequestV1"
    );
    group.finish();
}

criterion::criterion_group!(benches, validators);
criterion::criterion_main!(benches);
