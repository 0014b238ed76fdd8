use errwire::ApiError;

// A `display` path that names no function: `crate(self, f)` would not parse.
#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "{uuid}: {body}", display = crate)]
struct Computed {
    body: String,
}

#[derive(Debug, ApiError)]
#[api_error(http = 500, message = "m", display = super::Self)]
struct Typed;

fn main() {}
