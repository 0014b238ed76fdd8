//! pyTenable's retry rule (`APISession._request`) as data: which statuses are retried, how
//! many requests are made, how long the session sleeps between them, and when it gives up
//! with a [`RetryError`](super::RetryError).
//!
//! This is pyTenable's rule, not a general one, so it lives in the pyTenable catalog rather
//! than in errwire: the linear backoff (`_backoff × attempt`), the default status list and
//! the sleep after the last attempt are pyTenable's choices. A general client policy would
//! want exponential backoff, jitter, a cap and `Retry-After` dates, and nothing else in the
//! project retries.

use std::time::{Duration, SystemTime};

use super::{RETRIES, RETRY_STATUSES};

/// How `APISession._request` retries a request answered with a retried status. The fields
/// are the session's settings (`retry_codes`, `_retries + 1`, `_backoff`);
/// [`RetryPolicy::default`] is a session built without them.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// The statuses that are retried (`retry_codes`).
    pub statuses: Vec<u16>,
    /// The most requests made for one call, the first included (`_retries + 1`).
    pub max_attempts: u32,
    /// The wait after the n-th request is `backoff × n` (1 s, 2 s, 3 s, … for one second),
    /// unless the response sends `Retry-After` (in seconds, fractions allowed).
    pub backoff: Duration,
}

impl Default for RetryPolicy {
    /// pyTenable's defaults: [`RETRY_STATUSES`], `RETRIES + 1` requests, one second of backoff.
    fn default() -> Self {
        RetryPolicy {
            statuses: RETRY_STATUSES.to_vec(),
            max_attempts: u32::try_from(RETRIES + 1).unwrap_or(u32::MAX),
            backoff: Duration::from_secs(1),
        }
    }
}

/// What to do once a response has arrived.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RetryDecision {
    /// The status is not retried: the response stands (success, or an error to classify).
    Done,
    /// Wait, then send the request again.
    Retry {
        /// How long to wait first.
        wait: Duration,
    },
    /// Every attempt was answered with a retried status: fail with a retry error.
    GiveUp {
        /// How many requests were made.
        attempts: u32,
        /// The wait the policy still prescribes (pyTenable sleeps it before raising).
        wait: Duration,
    },
}

impl RetryPolicy {
    /// Whether `status` is retried, by the policy or by the call's own `extra` statuses.
    pub fn retries(&self, status: u16, extra: &[u16]) -> bool {
        self.statuses.contains(&status) || extra.contains(&status)
    }

    /// The wait after the `attempt`-th request (1 for the first): `Retry-After` if present and
    /// a number of seconds (fractions allowed, as pyTenable's `float()` reads it) or an
    /// HTTP-date (until then, none if past), else `backoff × attempt`.
    ///
    /// pyTenable reads the header as a `float`, which a date is not; we honour the date as
    /// RFC 9110 §10.2.3 defines it, where pyTenable would not wait for it.
    pub fn wait(&self, attempt: u32, retry_after: Option<&str>) -> Duration {
        self.wait_at(attempt, retry_after, SystemTime::now())
    }

    /// [`wait`](Self::wait) for a response that arrived at `now`.
    pub fn wait_at(&self, attempt: u32, retry_after: Option<&str>, now: SystemTime) -> Duration {
        let seconds = retry_after
            .and_then(|value| value.trim().parse::<f64>().ok())
            .filter(|seconds| seconds.is_finite() && *seconds >= 0.0)
            .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok());
        let date = || {
            retry_after
                .and_then(errwire::RetryAfter::parse)
                .map(|hint| hint.delay_from(now))
        };
        seconds
            .or_else(date)
            .unwrap_or_else(|| self.backoff.saturating_mul(attempt))
    }

    /// What to do after the `attempt`-th request (1 for the first) was answered with `status`.
    pub fn decide(
        &self,
        attempt: u32,
        status: u16,
        retry_after: Option<&str>,
        extra: &[u16],
    ) -> RetryDecision {
        if !self.retries(status, extra) {
            return RetryDecision::Done;
        }
        let wait = self.wait(attempt, retry_after);
        if attempt >= self.max_attempts {
            RetryDecision::GiveUp {
                attempts: attempt,
                wait,
            }
        } else {
            RetryDecision::Retry { wait }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            statuses: vec![429, 503],
            max_attempts: 3,
            backoff: Duration::from_secs(1),
        }
    }

    #[test]
    fn retries_with_growing_waits_then_gives_up() {
        let policy = policy();
        assert_eq!(policy.decide(1, 200, None, &[]), RetryDecision::Done);
        assert_eq!(policy.decide(1, 400, None, &[]), RetryDecision::Done);
        assert_eq!(
            policy.decide(1, 429, None, &[]),
            RetryDecision::Retry {
                wait: Duration::from_secs(1)
            }
        );
        assert_eq!(
            policy.decide(2, 503, None, &[]),
            RetryDecision::Retry {
                wait: Duration::from_secs(2)
            }
        );
        assert_eq!(
            policy.decide(3, 503, None, &[]),
            RetryDecision::GiveUp {
                attempts: 3,
                wait: Duration::from_secs(3)
            }
        );
        assert_eq!(
            policy.decide(1, 400, None, &[400]),
            RetryDecision::Retry {
                wait: Duration::from_secs(1)
            }
        );
    }

    #[test]
    fn retry_after_wins_when_it_is_a_number() {
        let policy = policy();
        assert_eq!(policy.wait(1, Some("2.5")), Duration::from_millis(2500));
        assert_eq!(policy.wait(2, Some("0")), Duration::ZERO);
        assert_eq!(policy.wait(2, Some("soon")), Duration::from_secs(2));
        assert_eq!(policy.wait(2, Some("-1")), Duration::from_secs(2));
        assert_eq!(policy.wait(2, Some("inf")), Duration::from_secs(2));
    }

    #[test]
    fn retry_after_as_a_date_waits_until_then() {
        let policy = policy();
        let now = match errwire::RetryAfter::parse("Fri, 31 Dec 1999 23:59:00 GMT") {
            Some(errwire::RetryAfter::At(now)) => now,
            _ => SystemTime::UNIX_EPOCH,
        };
        let date = Some("Fri, 31 Dec 1999 23:59:59 GMT");
        assert_eq!(policy.wait_at(1, date, now), Duration::from_secs(59));
        let past = Some("Fri, 31 Dec 1999 23:00:00 GMT");
        assert_eq!(policy.wait_at(1, past, now), Duration::ZERO);
        assert_eq!(
            policy.wait_at(4, Some("Fri, 31 Dec"), now),
            Duration::from_secs(4)
        );
    }

    #[test]
    fn the_default_is_pytenables() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.statuses, [429, 501, 502, 503, 504]);
        assert_eq!(policy.max_attempts, 6);
        assert_eq!(policy.wait(3, None), Duration::from_secs(3));
    }
}
