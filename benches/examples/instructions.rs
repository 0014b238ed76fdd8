//! Runs one side of one pair `iterations` times, for `instructions.sh` to count the
//! instructions under callgrind: `instructions <pair> <derived|hand-written> <iterations>`.
//! Instruction counts do not change with the machine's load, which timings on a shared
//! 2-core machine do; they complement the ratios, they do not replace them.

use std::hint::black_box;
use std::process::ExitCode;

use errwire_benches::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pair, side, iterations] = args.as_slice() else {
        eprintln!("usage: instructions <pair> <derived|hand-written> <iterations>");
        return ExitCode::FAILURE;
    };
    let Ok(iterations) = iterations.parse::<u64>() else {
        eprintln!("iterations: not a number: {iterations}");
        return ExitCode::FAILURE;
    };
    let inputs = Inputs::default();
    check_pairs(&inputs);
    let derived = side == "derived";
    let run: Box<dyn Fn()> = match pair.as_str() {
        "parse/matrix" if derived => {
            Box::new(|| drop(black_box(parse_matrix(black_box(MATRIX_BODY)))))
        }
        "parse/classified" if derived => {
            Box::new(|| drop(black_box(parse_matrix_classified(black_box(MATRIX_BODY)))))
        }
        "parse/matrix" | "parse/classified" => {
            Box::new(|| drop(black_box(parse_matrix_by_hand(black_box(MATRIX_BODY)))))
        }
        render => {
            let Some((_, by_derive, by_hand)) = RENDER_PAIRS
                .into_iter()
                .find(|(name, ..)| render.strip_prefix("render/") == Some(name))
            else {
                eprintln!("unknown pair: {render}");
                return ExitCode::FAILURE;
            };
            let inputs = &inputs;
            if derived {
                Box::new(move || drop(black_box(by_derive(black_box(inputs)))))
            } else {
                Box::new(move || drop(black_box(by_hand(black_box(inputs)))))
            }
        }
    };
    for _ in 0..iterations {
        run();
    }
    ExitCode::SUCCESS
}
