// Every attribute key at once, on structs and on every kind of variant.
use errwire::ApiError;
use errwire::__private::http::HeaderMap;

fn challenge(_: Option<&errwire::__private::http::request::Parts>, _: &mut HeaderMap) {}

fn twice(value: &u32) -> u32 {
    value * 2
}

/// The root.
#[derive(Debug, ApiError)]
#[api_error(format = "problem", http = 500, error_type = "base", error_subtype = "root",
            message = "base error", headers = challenge)]
pub struct Base;

#[derive(Debug, ApiError)]
#[api_error(format = "djblets", parent = Base)]
pub enum Catalog {
    #[api_error(code = 1, errcode = "ORG.EXAMPLE.M_ONE", http = 400, message = "one {0} {1:?}")]
    Tuple(u32, #[api_error(extra, rename = "second")] String),
    #[api_error(code = 2, errcode = "IO.ELEMENT.MSC4512.M_FEDPROXY_NO_PROXY_PREFIX")]
    Named {
        #[api_error(extra, header = "X-Count", with = twice)]
        count: u32,
        #[api_error(status)]
        status: Option<u16>,
        #[api_error(source)]
        cause: Option<std::io::Error>,
        #[api_error(skip)]
        private: (),
        context: &'static str,
    },
    #[api_error(code = 3, errcode = "ORG_MATRIX_EXPIRED_ACCOUNT", message = "{{literal}}")]
    Unit,
}

fn main() {}
