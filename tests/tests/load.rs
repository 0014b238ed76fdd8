//! A short load run of the `axum_server` example (the full one: `scripts/load.sh`): 16
//! concurrent clients sending the whole mix twice over, every Djblets and Matrix error natively and as problem details,
//! unknown rooms whose messages name their own request, and successes; not one response
//! may differ from the one expected for its request, nor may the hand-written baseline's.

#[path = "../../examples/axum_server.rs"]
#[allow(dead_code)]
mod axum_server;

use errwire_tests::load;

#[test]
fn under_concurrent_load_every_response_is_the_one_expected_for_its_request() {
    let cases = load::axum_server_cases(50);
    assert!(cases.len() > 2 * 94 + 100, "{} cases", cases.len());
    // A limit no client of the run reaches: every response is deterministic.
    let limiter = axum_server::RateLimiter::new(u32::MAX, std::time::Duration::from_secs(60));
    // 16 clients of 40 requests each send every case of the mix at least twice.
    let per_client = 2 * cases.len() / 16 + 1;
    let (ours, by_hand) =
        load::compare(axum_server::app(limiter), cases.clone(), 16, per_client, 2);
    eprintln!("{}", load::table(&ours, &by_hand));
    assert_eq!(
        ours.requests,
        16 * per_client,
        "{:?}",
        ours.first_mismatches
    );
    assert_eq!(ours.mismatches, 0, "{:#?}", ours.first_mismatches);
    assert_eq!(
        by_hand.requests,
        16 * per_client,
        "{:?}",
        by_hand.first_mismatches
    );
    assert_eq!(by_hand.mismatches, 0, "{:#?}", by_hand.first_mismatches);
}
