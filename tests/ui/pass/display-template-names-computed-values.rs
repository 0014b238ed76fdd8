// With a `display` function, the message template documents the text and may name values the
// function computes instead of fields.
use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "{uuid}:{code} {text}", display = show)]
struct Computed {
    body: String,
}

fn show(error: &Computed, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    write!(f, "None:500 {}", error.body)
}

fn main() {
    assert_eq!(Computed { body: "x".into() }.to_string(), "None:500 x");
}
