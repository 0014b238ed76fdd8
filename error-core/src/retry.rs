//! A client's retry rule as data: which statuses are retried, how many attempts are made,
//! how long to wait between them, and when to give up.

use std::time::Duration;

/// How a client retries a request answered with a retryable status.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// The statuses that are retried.
    pub statuses: Vec<u16>,
    /// The most requests made for one call, the first included.
    pub max_attempts: u32,
    /// The wait before the n-th retry is `backoff × n` (1 s, 2 s, 3 s, … for one second)…
    pub backoff: Duration,
    /// …unless the response says otherwise with `Retry-After` (in seconds, fractions allowed).
    pub honor_retry_after: bool,
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

    /// The wait after the `attempt`-th request (1 for the first): `Retry-After` if honored,
    /// present and a number of seconds, else `backoff × attempt`.
    pub fn wait(&self, attempt: u32, retry_after: Option<&str>) -> Duration {
        let announced = retry_after
            .filter(|_| self.honor_retry_after)
            .and_then(|value| value.trim().parse::<f64>().ok())
            .filter(|seconds| seconds.is_finite() && *seconds >= 0.0)
            .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok());
        announced.unwrap_or_else(|| self.backoff.saturating_mul(attempt))
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
            honor_retry_after: true,
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
        let ignoring = RetryPolicy {
            honor_retry_after: false,
            ..policy
        };
        assert_eq!(ignoring.wait(1, Some("9")), Duration::from_secs(1));
    }
}
