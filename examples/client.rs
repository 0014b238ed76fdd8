//! A real HTTP client (hyper) that calls the `axum_server` example and turns every error
//! response into the typed catalog error: a Matrix body becomes the `synapse::Codes` errcode
//! it names, with its message and members, and a rate-limited call waits as `Retry-After`
//! says and tries again.
//!
//! `cargo run -p errwire-tests --example client -- 127.0.0.1:8008`

use std::net::SocketAddr;
use std::time::Duration;

use errwire::{
    ApiError, Classified, Classify, Limits, ReceivedError, RetryAfter, WireError, WireFormat,
};
use errwire_catalog::synapse::Codes;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

/// Anything that went wrong on the way: the connection, or the HTTP exchange.
pub type Transport = Box<dyn std::error::Error + Send + Sync>;

/// A response as received.
#[derive(Debug)]
pub struct Received {
    /// The status.
    pub status: u16,
    /// The headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// Sends one request on a new connection and reads the whole response.
pub async fn send(
    server: SocketAddr,
    method: http::Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Result<Received, Transport> {
    let stream = tokio::net::TcpStream::connect(server).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    let mut request = http::Request::builder()
        .method(method)
        .uri(path)
        .header(http::header::HOST, server.to_string());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = sender
        .send_request(request.body(Full::new(Bytes::from(body)))?)
        .await?;
    let status = response.status().as_u16();
    let headers = errwire::header_pairs(response.headers());
    let body = response.into_body().collect().await?.to_bytes().to_vec();
    Ok(Received {
        status,
        headers,
        body,
    })
}

/// What a Matrix call can end in: the answer, or the typed error the server sent.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // the error path; boxing would only complicate matching
pub enum CallError {
    /// The server answered with a Matrix error: the catalog errcode (or the body kept whole
    /// when the catalog does not know it).
    Api(Classified<Codes>),
    /// The body could not be read (too large, too deep).
    Unreadable(errwire::ReceiveError),
    /// The request did not complete.
    Transport(Transport),
}

/// Reads an error response as the typed catalog error.
pub fn classify(received: Received) -> CallError {
    match ReceivedError::read(
        Some(WireFormat::Matrix),
        received.status,
        received.headers,
        &received.body,
        &Limits::DEFAULT,
    ) {
        Ok(read) => CallError::Api(Codes::classify(read.error)),
        Err(refused) => CallError::Unreadable(refused),
    }
}

/// `GET` a room; a rate-limited call waits as told (at most `retries` times) and tries again.
pub async fn get_room(
    server: SocketAddr,
    room: &str,
    token: Option<&str>,
    retries: u32,
) -> Result<String, CallError> {
    let path = format!("/_matrix/client/v3/rooms/{room}");
    let authorization = token.map(|token| format!("Bearer {token}"));
    let mut headers = Vec::new();
    if let Some(authorization) = &authorization {
        headers.push(("authorization", authorization.as_str()));
    }
    let mut attempt = 0;
    loop {
        let received = send(server, http::Method::GET, &path, &headers, Vec::new())
            .await
            .map_err(CallError::Transport)?;
        if received.status < 400 {
            return Ok(String::from_utf8_lossy(&received.body).into_owned());
        }
        let announced = RetryAfter::from_pairs(&received.headers);
        let error = classify(received);
        let wait = match &error {
            CallError::Api(Classified::Known {
                error: Codes::LimitExceeded,
                wire,
            }) => retry_after(announced, wire),
            _ => None,
        };
        match wait {
            Some(wait) if attempt < retries => {
                attempt += 1;
                tokio::time::sleep(wait).await;
            }
            _ => return Err(error),
        }
    }
}

/// How long a `M_LIMIT_EXCEEDED` response says to wait: its `Retry-After` (seconds or a
/// date), which the Matrix spec prefers, else the body's `retry_after_ms`.
pub fn retry_after(announced: Option<RetryAfter>, wire: &WireError) -> Option<Duration> {
    if let Some(announced) = announced {
        return Some(announced.delay_from(std::time::SystemTime::now()));
    }
    let millis = wire.extra.get("retry_after_ms")?.as_u64()?;
    Some(Duration::from_millis(millis))
}

#[allow(dead_code)]
fn main() -> Result<(), Transport> {
    let server: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8008".to_owned())
        .parse()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        for (room, token) in [
            ("!lobby:example.org", Some("t")),
            ("!nowhere:example.org", Some("t")),
            ("!lobby:example.org", None),
        ] {
            match get_room(server, room, token, 0).await {
                Ok(room) => println!("{room}"),
                Err(CallError::Api(Classified::Known { error, wire })) => {
                    let errcode = error.errcode().unwrap_or_default();
                    println!(
                        "{errcode} ({error:?}): {}",
                        wire.message.unwrap_or_default()
                    );
                }
                Err(other) => println!("{other:?}"),
            }
        }
        Ok(())
    })
}
