//! The full load run (`scripts/load.sh`): the `axum_server` example and a hand-written server
//! answering the same bytes, under the same concurrent load, every response checked; prints
//! the table `BENCHMARKS.md` keeps.
//!
//! `cargo run --release -p errwire-tests --example load -- [CLIENTS] [REQUESTS_PER_CLIENT]`

#[path = "axum_server.rs"]
#[allow(dead_code)]
mod axum_server;

use errwire_tests::load;

fn main() {
    let mut args = std::env::args().skip(1);
    let clients = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let per_client = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let cases = load::axum_server_cases(200);
    let limiter = axum_server::RateLimiter::new(u32::MAX, std::time::Duration::from_secs(60));
    let (ours, by_hand) = load::compare(axum_server::app(limiter), cases, clients, per_client, 2);
    println!(
        "{clients} clients x {per_client} requests, {} cases in the mix\n",
        load::axum_server_cases(200).len()
    );
    print!("{}", load::table(&ours, &by_hand));
    for mismatch in ours
        .first_mismatches
        .iter()
        .chain(&by_hand.first_mismatches)
    {
        println!("mismatch: {mismatch}");
    }
    if ours.mismatches + by_hand.mismatches > 0 {
        std::process::exit(1);
    }
}
