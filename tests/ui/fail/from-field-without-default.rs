use errwire::ApiError;

struct Connection;

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Connection")
    }
}

#[derive(Debug, ApiError)]
#[api_error(http = 503, message = "The store is unavailable")]
struct Unavailable {
    #[api_error(from)]
    cause: std::io::Error,
    connection: Connection,
}

fn main() {}
