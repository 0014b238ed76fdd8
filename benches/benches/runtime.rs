//! Run-time cost of catalog errors against hand-written code doing the same work, each pair in
//! the same criterion group so their ratio comes from one run (see BENCHMARKS.md).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use errwire_benches::*;
use errwire::__private::GeneratedClassify as _;
use errwire::{ApiError, Classify, Limits, ReceivedError, RenderOptions, WireFormat};

fn render(c: &mut Criterion) {
    let inputs = Inputs::default();
    check_pairs(&inputs);
    let mut group = c.benchmark_group("render");
    for (name, derived, by_hand) in RENDER_PAIRS {
        group.bench_function(format!("{name}/derived"), |b| {
            b.iter(|| derived(black_box(&inputs)))
        });
        group.bench_function(format!("{name}/hand-written"), |b| {
            b.iter(|| by_hand(black_box(&inputs)))
        });
    }
    // The same error in another format than its native one.
    let as_problem = RenderOptions {
        format: Some(WireFormat::Problem),
        ..RenderOptions::default()
    };
    group.bench_function("matrix-as-problem/derived", |b| {
        b.iter(|| black_box(&inputs.limit).render(&as_problem))
    });
    group.finish();
}

fn construct(c: &mut Criterion) {
    let mut group = c.benchmark_group("construct");
    group.bench_function("constant/derived", |b| {
        b.iter(|| black_box(WebApiError::DOES_NOT_EXIST))
    });
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
    let body = MATRIX_BODY;
    check_pairs(&Inputs::default());
    group.bench_function("matrix/derived", |b| {
        b.iter(|| parse_matrix(black_box(body)))
    });
    // The whole response kept owned: status, headers and every member parsed.
    group.bench_function("matrix/read-response", |b| {
        b.iter(|| {
            let received = ReceivedError::read(
                Some(WireFormat::Matrix),
                429,
                Vec::new(),
                black_box(body),
                &Limits::DEFAULT,
            )
            .ok()?;
            MatrixError::from_wire(&received.error)
        })
    });
    group.bench_function("matrix/hand-written", |b| {
        b.iter(|| parse_matrix_by_hand(black_box(body)))
    });
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let mut group = c.benchmark_group("lookup");
    type Lookup = fn(&str) -> Option<usize>;
    let sizes: [(usize, Lookup); 4] = [
        (10, Catalog10::index_by_errcode),
        (100, Catalog100::index_by_errcode),
        (1_000, Catalog1000::index_by_errcode),
        (10_000, Catalog10000::index_by_errcode),
    ];
    for (size, lookup) in sizes {
        // 64 errcodes spread over the catalog, the last included: one errcode's cost depends
        // on how far it lies from its slot, the average on the table's shape.
        let errcodes: Vec<String> = (1..=64)
            .map(|k: usize| format!("M_ERROR_{}", (k * size).div_ceil(64) - 1))
            .collect();
        group.throughput(criterion::Throughput::Elements(errcodes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("errcode", size),
            &errcodes,
            |b, errcodes| {
                b.iter(|| {
                    errcodes
                        .iter()
                        .filter_map(|errcode| lookup(black_box(errcode)))
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, render, construct, parse, lookup);
criterion_main!(benches);
