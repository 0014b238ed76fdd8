//! Compile-fail cases, one file per mistake, each with rustc's committed `.stderr`; and
//! compile-pass cases. `TRYBUILD=overwrite` rewrites the `.stderr` files after a deliberate
//! change.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}
