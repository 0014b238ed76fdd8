use errwire::ApiError;

#[derive(Debug, ApiError)]
#[api_error(http = 403, message = "Out of credit")]
struct OutOfCredit {
    #[api_error(extra, rename = "account-balance")]
    balance: u32,
    #[api_error(extra, rename = "9lives")]
    lives: u32,
}

fn main() {}
