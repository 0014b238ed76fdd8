//! Run-time cost of catalog errors against hand-written code doing the same work, each pair in
//! the same criterion group so their ratio comes from one run (see BENCHMARKS.md).

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use error_benches::*;
use error_core::{ApiError, Classified, Classify, Limits, ReceivedError, RenderOptions, WireFormat};

fn fields() -> BTreeMap<String, Vec<String>> {
    BTreeMap::from([("title".to_owned(), vec!["This field is required.".to_owned()])])
}

/// Times `derived` against `hand_written` after checking they give the same response.
fn compare(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    derived: impl Fn() -> Option<http::Response<Vec<u8>>>,
    hand_written: impl Fn() -> Option<http::Response<Vec<u8>>>,
) {
    match (derived(), hand_written()) {
        (Some(a), Some(b)) if same_response(&a, &b) => {}
        (a, b) => panic!("{name}: the baseline differs from the derived error:\n{a:?}\n{b:?}"),
    }
    group.bench_function(format!("{name}/derived"), |b| b.iter(&derived));
    group.bench_function(format!("{name}/hand-written"), |b| b.iter(&hand_written));
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    let form = WebApiError::InvalidFormData { fields: fields() };
    compare(
        &mut group,
        "djblets",
        || black_box(&form).to_response().ok(),
        || {
            let WebApiError::InvalidFormData { fields } = black_box(&form) else {
                return None;
            };
            let body = DjbletsBody {
                stat: "fail",
                err: DjbletsErr { code: 105, msg: "One or more fields had errors", error_type: "request-field-error" },
                fields,
            };
            hand_written_response(400, "application/json", &body, None, true)
        },
    );
    let limit = MatrixError::LimitExceeded { retry_after_ms: Some(1500) };
    compare(
        &mut group,
        "matrix",
        || black_box(&limit).to_response().ok(),
        || {
            let MatrixError::LimitExceeded { retry_after_ms } = black_box(&limit) else {
                return None;
            };
            let body = MatrixBody { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests", retry_after_ms: *retry_after_ms };
            hand_written_response(429, "application/json", &body, retry_after_ms.map(|ms| ms.div_ceil(1000)), false)
        },
    );
    let conflict = Conflict { key: "room-42".to_owned() };
    compare(
        &mut group,
        "problem",
        || black_box(&conflict).to_response().ok(),
        || {
            let conflict = black_box(&conflict);
            let body = ProblemBody {
                problem_type: "about:blank",
                title: "Conflict",
                status: 409,
                detail: format!("Conflict on {}", conflict.key),
                code: 7,
                errcode: "M_CONFLICT",
                key: &conflict.key,
            };
            hand_written_response(409, "application/problem+json", &body, None, false)
        },
    );
    // The same error in another format than its native one.
    let as_problem = RenderOptions { format: Some(WireFormat::Problem), ..RenderOptions::default() };
    group.bench_function("matrix-as-problem/derived", |b| b.iter(|| black_box(&limit).render(&as_problem)));
    group.finish();
}

fn construct(c: &mut Criterion) {
    let mut group = c.benchmark_group("construct");
    group.bench_function("constant/derived", |b| b.iter(|| black_box(WebApiError::DOES_NOT_EXIST)));
    group.bench_function("with_message/derived", |b| {
        b.iter(|| black_box(WebApiError::DOES_NOT_EXIST).with_message("Gone"))
    });
    group.bench_function("with_message/hand-written", |b| {
        b.iter(|| hand_written_with_message(black_box(WebApiError::DOES_NOT_EXIST), "Gone"))
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let body = br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests","retry_after_ms":1500}"#;
    // Both read the same values before either is timed.
    let decoded = MatrixError::decode(WireFormat::Matrix, body, &Limits::DEFAULT);
    let hand = serde_json::from_slice::<ReceivedMatrix>(body).ok();
    assert!(matches!(decoded, Ok(Classified::Known { error: MatrixError::LimitExceeded { retry_after_ms: Some(1500) }, .. })));
    assert_eq!(hand.and_then(|hand| hand.retry_after_ms), Some(1500));
    group.bench_function("matrix/derived", |b| {
        b.iter(|| match MatrixError::decode(WireFormat::Matrix, black_box(body), &Limits::DEFAULT) {
            Ok(Classified::Known { error, .. }) => Some(error),
            _ => None,
        })
    });
    // The whole response kept owned: status, headers and every member parsed.
    group.bench_function("matrix/read-response", |b| {
        b.iter(|| {
            let received = ReceivedError::read(Some(WireFormat::Matrix), 429, Vec::new(), black_box(body), &Limits::DEFAULT).ok()?;
            MatrixError::from_wire(&received.error)
        })
    });
    group.bench_function("matrix/hand-written", |b| {
        b.iter(|| serde_json::from_slice::<ReceivedMatrix>(black_box(body)).ok())
    });
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let mut group = c.benchmark_group("lookup");
    let sizes: [(usize, fn(&str) -> Option<usize>); 4] = [
        (10, Catalog10::index_by_errcode),
        (100, Catalog100::index_by_errcode),
        (1_000, Catalog1000::index_by_errcode),
        (10_000, Catalog10000::index_by_errcode),
    ];
    for (size, lookup) in sizes {
        // The last errcode of the catalog: a linear scan would pay the most for it.
        let errcode = format!("M_ERROR_{}", size - 1);
        group.bench_with_input(BenchmarkId::new("errcode", size), &errcode, |b, errcode| {
            b.iter(|| lookup(black_box(errcode)))
        });
    }
    group.finish();
}

criterion_group!(benches, render, construct, parse, lookup);
criterion_main!(benches);
