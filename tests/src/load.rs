//! A load run: many clients on keep-alive connections send a mix of requests to a server on
//! the loopback interface, and every response is checked against the one expected for its
//! request (status, headers, body), so no error is lost, mixed with another request's or
//! mis-rendered under concurrency. The same run against a hand-written server that answers
//! the same bytes gives the baseline. `tests/tests/load.rs` runs a short one, the `load`
//! example (`scripts/load.sh`) the full one.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

/// One request of the mix and the response it must get.
#[derive(Clone, Debug)]
pub struct Case {
    /// What the case is, for a report.
    pub name: String,
    pub method: http::Method,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub expected: Expected,
}

/// A response as expected (and as received): the headers without `date` and
/// `content-length`, which depend on when and how it is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Expected {
    /// `response` as expected of a server.
    pub fn of(response: &http::Response<Vec<u8>>) -> Self {
        Expected {
            status: response.status().as_u16(),
            headers: comparable(response.headers()),
            body: response.body().clone(),
        }
    }
}

fn comparable(headers: &http::HeaderMap) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| *name != http::header::DATE && *name != http::header::CONTENT_LENGTH)
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    headers.sort();
    headers
}

/// A server that answers each case's request with its expected response, written by hand
/// (a lookup and the bytes): the baseline of a load run.
pub fn hand_written(cases: &[Case]) -> Router {
    // A request is told apart by what the example server reads: method, path, `Accept`,
    // `Authorization` and body.
    type Key = (http::Method, String, [Option<String>; 2], Vec<u8>);
    let accept_of = |headers: &[(String, String)]| {
        ["accept", "authorization"].map(|wanted| {
            headers
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, value)| value.clone())
        })
    };
    let answers: HashMap<Key, Expected> = cases
        .iter()
        .map(|case| {
            let accept = accept_of(&case.headers);
            let key = (
                case.method.clone(),
                case.path.clone(),
                accept,
                case.body.clone(),
            );
            (key, case.expected.clone())
        })
        .collect();
    let answers = Arc::new(answers);
    Router::new().fallback(move |request: Request| {
        let answers = answers.clone();
        async move {
            let (parts, body) = request.into_parts();
            let body = body
                .collect()
                .await
                .map(|body| body.to_bytes().to_vec())
                .unwrap_or_default();
            let accept = [http::header::ACCEPT, http::header::AUTHORIZATION].map(|name| {
                parts
                    .headers
                    .get(name)
                    .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            });
            let key = (parts.method, parts.uri.to_string(), accept, body);
            match answers.get(&key) {
                Some(expected) => {
                    let mut response = Response::new(Body::from(expected.body.clone()));
                    *response.status_mut() =
                        http::StatusCode::from_u16(expected.status).unwrap_or_default();
                    for (name, value) in &expected.headers {
                        if let (Ok(name), Ok(value)) = (
                            http::HeaderName::from_bytes(name.as_bytes()),
                            http::HeaderValue::from_str(value),
                        ) {
                            response.headers_mut().append(name, value);
                        }
                    }
                    response
                }
                None => http::StatusCode::NOT_IMPLEMENTED.into_response(),
            }
        }
    })
}

/// What a load run measured.
#[derive(Clone, Debug)]
pub struct Report {
    pub requests: usize,
    /// Responses that differ from their case's expected one, with the first few differences.
    pub mismatches: usize,
    pub first_mismatches: Vec<String>,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

impl Report {
    /// Requests answered per second.
    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// `clients` concurrent clients, each on one keep-alive connection to `server`, each sending
/// `per_client` requests taken round the mix from its own starting point.
pub async fn run(
    server: SocketAddr,
    cases: Arc<Vec<Case>>,
    clients: usize,
    per_client: usize,
) -> Report {
    let start = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let cases = cases.clone();
            // Each client starts at its own share of the mix, so together they send all of it.
            let start = client * cases.len() / clients;
            tokio::spawn(async move { client_run(server, &cases, client, start, per_client).await })
        })
        .collect();
    let mut latencies = Vec::with_capacity(clients * per_client);
    let mut mismatches = 0;
    let mut first_mismatches = Vec::new();
    for task in tasks {
        match task.await {
            Ok(outcome) => {
                latencies.extend(outcome.latencies);
                mismatches += outcome.mismatches.len();
                first_mismatches.extend(outcome.mismatches.into_iter().take(3));
            }
            Err(error) => {
                mismatches += per_client;
                first_mismatches.push(format!("client task failed: {error}"));
            }
        }
    }
    let elapsed = start.elapsed();
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    first_mismatches.truncate(5);
    Report {
        requests: latencies.len(),
        mismatches,
        first_mismatches,
        elapsed,
        p50: at(0.50),
        p99: at(0.99),
    }
}

struct Outcome {
    latencies: Vec<Duration>,
    mismatches: Vec<String>,
}

async fn client_run(
    server: SocketAddr,
    cases: &[Case],
    client: usize,
    start: usize,
    per_client: usize,
) -> Outcome {
    let mut outcome = Outcome {
        latencies: Vec::with_capacity(per_client),
        mismatches: Vec::new(),
    };
    let connected = async {
        let stream = tokio::net::TcpStream::connect(server).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(sender)
    };
    let mut sender = match connected.await {
        Ok(sender) => sender,
        Err(error) => {
            outcome
                .mismatches
                .push(format!("client {client}: connect: {error}"));
            return outcome;
        }
    };
    for n in 0..per_client {
        let case = &cases[(start + n) % cases.len()];
        let mut request = http::Request::builder()
            .method(case.method.clone())
            .uri(&case.path)
            .header(http::header::HOST, server.to_string());
        for (name, value) in &case.headers {
            request = request.header(name, value);
        }
        let Ok(request) = request.body(Full::new(Bytes::from(case.body.clone()))) else {
            outcome
                .mismatches
                .push(format!("{}: no request", case.name));
            continue;
        };
        let sent = Instant::now();
        let received = async {
            sender.ready().await?;
            let response = sender.send_request(request).await?;
            let (parts, body) = response.into_parts();
            let body = body.collect().await?.to_bytes().to_vec();
            Ok::<_, hyper::Error>(Expected {
                status: parts.status.as_u16(),
                headers: comparable(&parts.headers),
                body,
            })
        };
        match received.await {
            Ok(received) => {
                outcome.latencies.push(sent.elapsed());
                if received != case.expected {
                    outcome.mismatches.push(format!(
                        "{}: expected {:?}, received {:?}",
                        case.name, case.expected, received
                    ));
                }
            }
            Err(error) => {
                outcome.mismatches.push(format!("{}: {error}", case.name));
                return outcome;
            }
        }
    }
    outcome
}

/// Serves `app` on an ephemeral loopback port of the current runtime.
pub async fn serve(app: Router) -> SocketAddr {
    let (listener, address) = crate::loopback_listener().await;
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    address
}

/// The mix for the `axum_server` example: every Djblets and Matrix catalog error (natively
/// and as problem details), `rooms` unknown rooms (each error's message naming its own
/// request, so a body sent to the wrong request shows), a missing token, and successes.
/// Each expected response is the catalog's own rendering for that request.
pub fn axum_server_cases(rooms: usize) -> Vec<Case> {
    use errwire::{ApiError, RenderOptions, WireFormat};
    use errwire_catalog::synapse::{MissingClientTokenError, NotFoundError};
    use errwire_catalog::{System, entries};

    let mut cases = Vec::new();
    let fixtures = crate::catalog::fixtures();
    for entry in entries()
        .iter()
        .filter(|e| matches!(e.system, System::Djblets | System::Matrix))
    {
        let Some(fields) = crate::catalog::buildable_fields(entry.reference, &fixtures) else {
            continue;
        };
        let Ok(error) = (entry.build)(fields.clone(), Default::default()) else {
            continue;
        };
        for accept in [None, Some("application/problem+json")] {
            let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
            headers.extend(accept.map(|accept| ("accept".to_owned(), accept.to_owned())));
            let path = format!("/errors/{}", entry.reference);
            let (mut request, ()) = http::Request::new(()).into_parts();
            request.uri = path.parse().unwrap_or_default();
            for (name, value) in &headers {
                if let (Ok(name), Ok(value)) = (
                    http::HeaderName::from_bytes(name.as_bytes()),
                    http::HeaderValue::from_str(value),
                ) {
                    request.headers.insert(name, value);
                }
            }
            let options = RenderOptions {
                format: accept.map(|_| WireFormat::Problem),
                request: Some(&request),
                ..RenderOptions::default()
            };
            let Ok(expected) = error.render_dyn(&options) else {
                continue;
            };
            cases.push(Case {
                name: format!("{} ({})", entry.reference, accept.unwrap_or("native")),
                method: http::Method::POST,
                path,
                headers,
                body: serde_json::to_vec(&fields).unwrap_or_default(),
                expected: Expected::of(&expected),
            });
        }
    }
    let token = ("authorization".to_owned(), "Bearer token".to_owned());
    for n in 0..rooms {
        let room = format!("!room{n}:example.org");
        let error = NotFoundError {
            msg: format!("Unknown room {room}"),
            errcode: "M_NOT_FOUND".to_owned(),
        };
        if let Ok(expected) = error.to_response() {
            cases.push(Case {
                name: format!("unknown room {n}"),
                method: http::Method::GET,
                path: format!("/_matrix/client/v3/rooms/{room}"),
                headers: vec![token.clone()],
                body: Vec::new(),
                expected: Expected::of(&expected),
            });
        }
        // A success beside each error.
        let mut ok = http::Response::new(b"{\"room_id\":\"!lobby:example.org\"}".to_vec());
        ok.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        cases.push(Case {
            name: format!("lobby {n}"),
            method: http::Method::GET,
            path: "/_matrix/client/v3/rooms/!lobby:example.org".to_owned(),
            headers: vec![token.clone()],
            body: Vec::new(),
            expected: Expected::of(&ok),
        });
    }
    let missing = MissingClientTokenError {
        msg: "Missing access token".to_owned(),
    };
    if let Ok(expected) = missing.to_response() {
        cases.push(Case {
            name: "missing token".to_owned(),
            method: http::Method::GET,
            path: "/_matrix/client/v3/rooms/!lobby:example.org".to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
            expected: Expected::of(&expected),
        });
    }
    cases
}

/// The load run against the example server (`app`) and against the hand-written one, on a
/// runtime of `workers` threads: both reports.
pub fn compare(
    app: Router,
    cases: Vec<Case>,
    clients: usize,
    per_client: usize,
    workers: usize,
) -> (Report, Report) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    let baseline = hand_written(&cases);
    let cases = Arc::new(cases);
    runtime.block_on(async {
        let toolkit = serve(app).await;
        let by_hand = serve(baseline).await;
        // Warm both up, then measure each in turn.
        run(toolkit, cases.clone(), 4, 20).await;
        run(by_hand, cases.clone(), 4, 20).await;
        let ours = run(toolkit, cases.clone(), clients, per_client).await;
        let theirs = run(by_hand, cases.clone(), clients, per_client).await;
        (ours, theirs)
    })
}

/// The two reports as the table of `BENCHMARKS.md`.
pub fn table(ours: &Report, by_hand: &Report) -> String {
    let row = |name: &str, report: &Report| {
        format!(
            "| {name} | {} | {} | {:.0} | {:.0} | {:.0} |\n",
            report.requests,
            report.mismatches,
            report.throughput(),
            report.p50.as_secs_f64() * 1e6,
            report.p99.as_secs_f64() * 1e6,
        )
    };
    let mut table = String::from(
        "| server | requests | mismatched | requests/s | p50 (µs) | p99 (µs) |\n|---|---|---|---|---|---|\n",
    );
    table.push_str(&row("errwire (`axum_server` example)", ours));
    table.push_str(&row("hand-written (same bytes)", by_hand));
    table.push_str(&format!(
        "\nthroughput ratio errwire / hand-written: {:.2}; p50 ratio {:.2}; p99 ratio {:.2}\n",
        ours.throughput() / by_hand.throughput(),
        ours.p50.as_secs_f64() / by_hand.p50.as_secs_f64(),
        ours.p99.as_secs_f64() / by_hand.p99.as_secs_f64(),
    ));
    table
}
