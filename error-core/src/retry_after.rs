//! `Retry-After` (RFC 9110 §10.2.3): how long a client waits before asking again, as
//! delay-seconds or as an HTTP-date, read from a received response and written into one.

use std::time::{Duration, SystemTime};

use http::HeaderValue;
use http::header::{HeaderMap, RETRY_AFTER};

/// A `Retry-After` value: `Retry-After = HTTP-date / delay-seconds`.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use errwire::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
/// let at = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
/// // A date already past means "now".
/// assert_eq!(at.delay_from(SystemTime::now()), Duration::ZERO);
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// `delay-seconds`: wait this long from when the response was received.
    Delay(Duration),
    /// `HTTP-date`: wait until then.
    At(SystemTime),
}

impl RetryAfter {
    /// Reads one field value: delay-seconds (ASCII digits only, as RFC 9110 writes it; more
    /// than `u64` holds is the longest delay) or an HTTP-date in any of the three forms a
    /// recipient must accept (IMF-fixdate, RFC 850, asctime). Anything else (`1.5`, `-1`,
    /// `soon`, empty) is `None`: no hint, not an error.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim_matches([' ', '\t']);
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::At)
    }

    /// The `Retry-After` of a response's headers. RFC 9110 makes it a singleton: several
    /// fields that say the same are that value; fields that disagree, a value that is not
    /// text or does not parse, give `None`, so a client falls back to its own policy rather
    /// than trust one of them.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        Self::from_values(
            headers
                .get_all(RETRY_AFTER)
                .iter()
                .map(HeaderValue::as_bytes),
        )
    }

    /// [`from_headers`](Self::from_headers) on headers as name and value pairs (names
    /// compared case-insensitively).
    pub fn from_pairs(headers: &[(String, String)]) -> Option<Self> {
        let values = headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
            .map(|(_, value)| value.as_bytes());
        Self::from_values(values)
    }

    fn from_values<'v>(mut values: impl Iterator<Item = &'v [u8]>) -> Option<Self> {
        let read = |value: &[u8]| std::str::from_utf8(value).ok().and_then(Self::parse);
        let first = read(values.next()?)?;
        values
            .all(|value| read(value) == Some(first))
            .then_some(first)
    }

    /// How long to wait, counted from `now` (the time the response arrived): a date already
    /// past is no wait.
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }

    /// The field value: whole seconds (rounded up, so a client never asks too early) or the
    /// IMF-fixdate.
    pub fn to_header_value(&self) -> HeaderValue {
        match *self {
            RetryAfter::Delay(delay) => {
                let seconds = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
                HeaderValue::from(seconds)
            }
            RetryAfter::At(at) => {
                // An IMF-fixdate is ASCII letters, digits, spaces, commas and colons.
                HeaderValue::from_str(&httpdate::fmt_http_date(at))
                    .unwrap_or_else(|_| HeaderValue::from_static("0"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> SystemTime {
        httpdate::parse_http_date(text).unwrap_or(SystemTime::UNIX_EPOCH)
    }

    /// RFC 9110 §10.2.3's own examples, and §5.6.7's three date forms of one instant.
    #[test]
    fn the_rfc_examples_are_read() {
        let date = at("Fri, 31 Dec 1999 23:59:59 GMT");
        assert_eq!(
            RetryAfter::parse("Fri, 31 Dec 1999 23:59:59 GMT"),
            Some(RetryAfter::At(date))
        );
        assert_eq!(
            RetryAfter::parse("120"),
            Some(RetryAfter::Delay(Duration::from_secs(120)))
        );
        let instant = at("Sun, 06 Nov 1994 08:49:37 GMT");
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                RetryAfter::parse(form),
                Some(RetryAfter::At(instant)),
                "{form}"
            );
        }
    }

    #[test]
    fn what_is_neither_form_is_no_hint() {
        for value in [
            "",
            " ",
            "1.5",
            "-1",
            "+3",
            "0x10",
            "soon",
            "120s",
            "Fri, 31 Dec 1999",
        ] {
            assert_eq!(RetryAfter::parse(value), None, "{value:?}");
        }
        assert_eq!(
            RetryAfter::parse("99999999999999999999999"),
            Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
    }

    #[test]
    fn a_date_is_a_delay_from_the_arrival_and_a_past_date_none() {
        let now = at("Fri, 31 Dec 1999 23:59:00 GMT");
        let later = RetryAfter::At(at("Fri, 31 Dec 1999 23:59:59 GMT"));
        assert_eq!(later.delay_from(now), Duration::from_secs(59));
        let past = RetryAfter::At(at("Fri, 31 Dec 1999 23:00:00 GMT"));
        assert_eq!(past.delay_from(now), Duration::ZERO);
    }

    #[test]
    fn duplicates_count_only_when_they_agree() {
        let mut headers = HeaderMap::new();
        assert_eq!(RetryAfter::from_headers(&headers), None);
        headers.append(RETRY_AFTER, HeaderValue::from_static("5"));
        headers.append(RETRY_AFTER, HeaderValue::from_static("5"));
        assert_eq!(
            RetryAfter::from_headers(&headers),
            Some(RetryAfter::Delay(Duration::from_secs(5)))
        );
        headers.append(RETRY_AFTER, HeaderValue::from_static("6"));
        assert_eq!(RetryAfter::from_headers(&headers), None);
        let mut not_text = HeaderMap::new();
        not_text.insert(
            RETRY_AFTER,
            HeaderValue::from_bytes(b"\xff5").unwrap_or(HeaderValue::from_static("x")),
        );
        assert_eq!(RetryAfter::from_headers(&not_text), None);
        let pairs = vec![("retry-after".to_owned(), "7".to_owned())];
        assert_eq!(
            RetryAfter::from_pairs(&pairs),
            Some(RetryAfter::Delay(Duration::from_secs(7)))
        );
    }

    #[test]
    fn it_is_written_in_whole_seconds_rounded_up_or_as_an_imf_fixdate() {
        let delay = RetryAfter::Delay(Duration::from_millis(1001));
        assert_eq!(delay.to_header_value(), "2");
        let date = RetryAfter::At(at("Fri, 31 Dec 1999 23:59:59 GMT"));
        assert_eq!(date.to_header_value(), "Fri, 31 Dec 1999 23:59:59 GMT");
        assert_eq!(
            RetryAfter::parse("0"),
            Some(RetryAfter::Delay(Duration::ZERO))
        );
    }
}
