use errwire::ApiError;

// Nested past the 128 levels the derive reads: refused before syn parses it (which,
// unoptimized as proc macros are built, overflows rustc's stack at about 400).
#[derive(Debug, ApiError)]
#[api_error(http = 400, message = "Too deep")]
struct TooDeep {
    #[api_error(extra)]
    value: ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((u8)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))),
}

fn main() {}
