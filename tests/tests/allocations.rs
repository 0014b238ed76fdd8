//! Using a catalog error allocates nothing; overriding its message allocates once. Counted
//! with a counting global allocator, not timed.

use errwire::{ApiError, Overrides};

#[derive(Debug, ApiError)]
#[api_error(format = "djblets")]
pub enum WebApiError {
    #[api_error(code = 100, http = 404, message = "Object does not exist")]
    DoesNotExist,
    #[api_error(code = 101, http = 403, message = "You don't have permission for this")]
    PermissionDenied,
}

fn allocations(work: impl FnOnce()) -> u64 {
    allocation_counter::measure(work).count_total
}

#[test]
fn a_field_less_catalog_error_allocates_nothing() {
    let count = allocations(|| {
        let error = std::hint::black_box(WebApiError::DOES_NOT_EXIST);
        let other = std::hint::black_box(WebApiError::permission_denied());
        assert_eq!(std::hint::black_box(&error).status(), 404);
        assert_eq!(error.code(), Some(100));
        assert_eq!(other.descriptor().name, "WebApiError::PermissionDenied");
    });
    assert_eq!(count, 0);
}

#[test]
fn with_message_allocates_once() {
    let count = allocations(|| {
        let error = std::hint::black_box(WebApiError::DOES_NOT_EXIST).with_message("Gone");
        std::hint::black_box(&error);
    });
    assert_eq!(count, 1);
    let count = allocations(|| {
        let error = std::hint::black_box(WebApiError::DOES_NOT_EXIST).with_overrides(Overrides {
            trace_id: Some("t-1".into()),
            detail: Some("static detail".into()),
            ..Overrides::default()
        });
        std::hint::black_box(&error);
    });
    assert_eq!(count, 1);
}

#[test]
fn displaying_a_static_message_allocates_nothing_beyond_the_output() {
    let mut out = String::with_capacity(64);
    let count = allocations(|| {
        use std::fmt::Write as _;
        let _ = write!(out, "{}", std::hint::black_box(WebApiError::DOES_NOT_EXIST));
    });
    assert_eq!(count, 0);
    assert_eq!(out, "Object does not exist");
}
