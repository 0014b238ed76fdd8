//! Every input under `tests/fuzz_regressions/` (the fuzzer's seeds, hostile cases, and any
//! input the fuzzer ever crashed on) runs through the same readers as `fuzz/`'s target.

mod harness;

#[test]
fn every_regression_input_is_read_without_panicking() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    let mut inputs = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    inputs.sort();
    assert!(inputs.len() >= 8, "regression inputs missing from {folder}");
    for input in inputs {
        let data = std::fs::read(&input).unwrap_or_default();
        harness::read_arbitrary(&data);
    }
}
