//! The ratio of each derived/hand-written pair, measured interleaved: many short rounds, each
//! timing both sides back to back (in alternating order), and the median of the per-round
//! ratios. On a small shared machine a slow phase lasting seconds skews whichever side
//! criterion happens to be measuring; here it hits both sides of a round alike.
//!
//! `cargo bench --bench ratios` (see BENCHMARKS.md). Criterion (`--bench runtime`) gives the
//! absolute times; this gives the ratios the targets are about.

use std::hint::black_box;
use std::time::Instant;

use errwire_benches::*;

/// Rounds per pair, and how long each side of a round runs.
const ROUNDS: usize = 301;
const ROUND_NANOS: u128 = 200_000;

/// Runs `f` `iterations` times and returns the nanoseconds it took.
fn time(iterations: u64, f: &dyn Fn()) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed().as_nanos() as f64
}

/// How many iterations of `f` take about `ROUND_NANOS`.
fn calibrate(f: &dyn Fn()) -> u64 {
    let mut iterations = 1u64;
    while time(iterations, f) < ROUND_NANOS as f64 && iterations < 1 << 30 {
        iterations *= 2;
    }
    iterations
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn measure(name: &str, derived: &dyn Fn(), by_hand: &dyn Fn()) {
    let iterations = calibrate(derived).max(calibrate(by_hand));
    let (mut ratios, mut derived_ns, mut by_hand_ns) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (d, h) = if round % 2 == 0 {
            let d = time(iterations, derived);
            (d, time(iterations, by_hand))
        } else {
            let h = time(iterations, by_hand);
            (time(iterations, derived), h)
        };
        ratios.push(d / h);
        derived_ns.push(d / iterations as f64);
        by_hand_ns.push(h / iterations as f64);
    }
    let mut sorted = ratios.clone();
    sorted.sort_by(f64::total_cmp);
    let (low, high) = (sorted[ROUNDS / 4], sorted[3 * ROUNDS / 4]);
    println!(
        "{name:<16} derived {:>7.1} ns  hand-written {:>7.1} ns  ratio {:.2} (middle half {low:.2}–{high:.2})",
        median(&mut derived_ns),
        median(&mut by_hand_ns),
        median(&mut ratios),
    );
}

fn main() {
    let inputs = Inputs::default();
    check_pairs(&inputs);
    let inputs = &inputs;
    for (name, derived, by_hand) in RENDER_PAIRS {
        measure(
            &format!("render/{name}"),
            &|| drop(black_box(derived(black_box(inputs)))),
            &|| drop(black_box(by_hand(black_box(inputs)))),
        );
    }
    measure(
        "parse/matrix",
        &|| drop(black_box(parse_matrix(black_box(MATRIX_BODY)))),
        &|| drop(black_box(parse_matrix_by_hand(black_box(MATRIX_BODY)))),
    );
    measure(
        "parse/classified",
        &|| drop(black_box(parse_matrix_classified(black_box(MATRIX_BODY)))),
        &|| drop(black_box(parse_matrix_by_hand(black_box(MATRIX_BODY)))),
    );
    measure(
        "with_message",
        &|| {
            drop(black_box(
                black_box(WebApiError::DOES_NOT_EXIST).with_message("Gone"),
            ))
        },
        &|| {
            drop(black_box(hand_written_with_message(
                black_box(WebApiError::DOES_NOT_EXIST),
                "Gone",
            )))
        },
    );
}
