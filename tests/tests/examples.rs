//! Every example under `examples/` runs, and prints what it should.

#[path = "../../examples/quickstart.rs"]
#[allow(dead_code)]
mod quickstart;

#[test]
fn quickstart_renders_and_prints() {
    let lines = quickstart::run().unwrap_or_default();
    assert_eq!(
        lines,
        [
            "<API Error 100, HTTP 404: Object does not exist>",
            "HTTP 400",
            "content-type: application/json",
            "x-content-type-options: nosniff",
            r#"{"stat":"fail","err":{"code":105,"msg":"One or more fields had errors","type":"request-field-error","detail":"The review needs a title","trace_id":"req-42"},"fields":{"title":["This field is required."]}}"#,
        ]
    );
}
