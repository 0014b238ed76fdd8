//! How a request chooses the form of an error's body, as each protocol's server decides it:
//! Djblets' `api_format` and `Accept` rule for XML or JSON and its `callback` for JSONP
//! ([`djblets`]), and RFC 9457's media type for problem details ([`prefers_problem`]).
//! The axum middleware (`errwire::axum::negotiate`) applies them; they are plain functions of
//! the request's query and headers, so any server can.

use http::HeaderMap;
use http::header::ACCEPT;

use crate::render::Encoding;
use crate::wire::{WireFormat, XML_CONTENT_TYPE};

/// What a request asks of a Djblets error body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DjbletsForm {
    /// JSON or XML.
    pub encoding: Encoding,
    /// The JSONP callback of `?callback=`, if any (checked when rendered).
    pub callback: Option<String>,
}

/// Djblets 6.1's choice for `WebAPIResponseError` (`djblets/webapi/responses.py`,
/// `_normalize_response_mimetype`; `djblets/util/http.py`, `get_http_requested_mimetype`):
/// the query's last `api_format` if it is exactly `json` or `xml`; else the `Accept` range
/// of the highest `q` (a parameter written exactly `q=`; one that does not parse counts as 1)
/// that is exactly `application/json` or `application/xml`, the earlier on a tie; else JSON.
/// `?callback=` (its last value) asks for JSONP.
///
/// Where Djblets finds no type at all (`api_format=bogus`, every type refused with `q=0`) it
/// answers a broken response (Django's HTML 500); this answers JSON.
pub fn djblets(query: Option<&str>, headers: &HeaderMap) -> DjbletsForm {
    let mut api_format = None;
    let mut callback = None;
    for (key, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "api_format" => api_format = Some(value.into_owned()),
            "callback" => callback = Some(value.into_owned()),
            _ => {}
        }
    }
    let encoding = match api_format.as_deref() {
        Some("json") => Encoding::Json,
        Some("xml") => Encoding::Xml,
        _ => djblets_accept(headers),
    };
    DjbletsForm { encoding, callback }
}

/// Djblets' `Accept` rule; see [`djblets`].
fn djblets_accept(headers: &HeaderMap) -> Encoding {
    let json = WireFormat::Djblets.content_type();
    let mut ranges: Vec<(&str, f64)> = headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|range| {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or_default().trim();
            let q = parts
                .filter_map(|part| part.strip_prefix("q="))
                .next_back()
                .map_or(1.0, |q| q.parse().unwrap_or(1.0));
            (media, q)
        })
        .collect();
    // Stable: on a tie the earlier range stays first.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    let chosen = ranges
        .iter()
        .filter(|(_, q)| *q > 0.0)
        .find(|(media, _)| *media == json || *media == XML_CONTENT_TYPE);
    match chosen {
        Some((media, _)) if *media == XML_CONTENT_TYPE => Encoding::Xml,
        Some(_) => Encoding::Json,
        // Nothing named: JSON, unless the request refused it and not XML.
        None => {
            let refused = |media: &str| ranges.iter().any(|(m, q)| *m == media && *q == 0.0);
            if refused(json) && !refused(XML_CONTENT_TYPE) && !refused("*/*") {
                Encoding::Xml
            } else {
                Encoding::Json
            }
        }
    }
}

/// Whether `Accept` prefers `application/problem+json` to `application/json`: a higher `q`,
/// or the same `q` and listed first. Wildcards count for both, so they never tip the choice.
pub fn prefers_problem(headers: &HeaderMap) -> bool {
    let mut problem: Option<(f32, usize)> = None;
    let mut json: Option<(f32, usize)> = None;
    let ranges = headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','));
    for (position, range) in ranges.enumerate() {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|param| param.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let slot = match media.as_str() {
            media if media == WireFormat::Problem.content_type() => &mut problem,
            // The content type of every other format.
            media if media == WireFormat::Matrix.content_type() => &mut json,
            _ => continue,
        };
        if slot.is_none_or(|(best, _)| q > best) {
            *slot = Some((q, position));
        }
    }
    match (problem, json) {
        (Some((q, _)), None) => q > 0.0,
        (Some((q_problem, at_problem)), Some((q_json, at_json))) => {
            q_problem > q_json || (q_problem == q_json && q_problem > 0.0 && at_problem < at_json)
        }
        (None, _) => false,
    }
}
