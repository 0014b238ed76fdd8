//! Workspace-level tests of errwire and its derive, and what several of them share.

pub mod catalog;
pub mod load;

use std::future::Future;
use std::net::SocketAddr;

/// Runs `test` against a server that `serve` starts on an ephemeral loopback port, on a
/// runtime of its own; the server is stopped when the test returns.
pub fn on_loopback<F>(
    serve: impl FnOnce(tokio::net::TcpListener) -> F,
    test: impl AsyncFnOnce(SocketAddr),
) where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    runtime.block_on(async {
        let (listener, address) = loopback_listener().await;
        let server = tokio::spawn(serve(listener));
        test(address).await;
        server.abort();
    });
}

/// A listener on an ephemeral loopback port, and its address.
pub async fn loopback_listener() -> (tokio::net::TcpListener, SocketAddr) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let address = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("address: {e}"));
    (listener, address)
}
