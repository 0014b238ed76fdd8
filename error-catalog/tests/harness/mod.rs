//! The fuzz harness: arbitrary bytes through every reader of received errors, with the
//! properties that must hold between them checked by `assert!`. It is no part of
//! `errwire-catalog`'s API: `fuzz/fuzz_targets/receive.rs` includes this file by path, and so
//! does the `fuzz_regressions` test, so that the fuzzer and `cargo test` run the same code.

use errwire::wire::RawBody;
use errwire::{ApiError, Classify, Limits, ReceivedError, WireFormat};
use errwire_catalog::System;
use errwire_catalog::classify::{Response, classify};
use errwire_catalog::djblets::WebApiError;

/// A body with something in every place a `RawBody` keeps things: texts with escapes,
/// Djblets' `err`, more members than fit inline, a name with an escape.
const FILLER: &[u8] = br#"{"stat":"fail","err":{"code":100,"msg":"\u0041","x":0},"errcode":"M_\u0042","title":"t","a":1,"b":2,"c":3,"d":4,"\u0065":5}"#;

/// Reads arbitrary bytes as a received response through every reader: the format-specific and
/// detecting parsers, each catalog's classification, and each system's rules; renders what was
/// read. What the fuzz target (`fuzz/`) and its regression test run: it must never panic.
///
/// The bytes are: the status (two bytes, little-endian), the length of a `Name:value` header,
/// the header, then the body, which is also read as XML (Djblets' form).
pub fn read_arbitrary(data: &[u8]) {
    let [status_low, status_high, header_len, rest @ ..] = data else {
        return;
    };
    let status = u16::from_le_bytes([*status_low, *status_high]);
    let (header, body) = rest.split_at(usize::from(*header_len).min(rest.len()));
    let header = String::from_utf8_lossy(header);
    let headers = match header.split_once(':') {
        Some((name, value)) => vec![(name.to_owned(), value.to_owned())],
        None => Vec::new(),
    };
    let limits = Limits {
        max_body_bytes: 64 * 1024,
        max_depth: 32,
    };
    let formats = [
        None,
        Some(WireFormat::Djblets),
        Some(WireFormat::Matrix),
        Some(WireFormat::Problem),
    ];
    // Every body is also read as Djblets' XML form, as a response saying it is XML is.
    let as_xml = vec![("Content-Type".to_owned(), "application/xml".to_owned())];
    for format in formats {
        if let Ok(received) = ReceivedError::read(format, status, as_xml.clone(), body, &limits) {
            assert!(
                received.fallback.is_none() || received.raw_body.as_deref() == Some(body),
                "a fallback keeps the body"
            );
            let _ = received.error.to_response();
        }
    }
    let xml_header = headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("content-type") && value.to_ascii_lowercase().contains("xml")
    });
    for format in formats {
        let Ok(received) = ReceivedError::read(format, status, headers.clone(), body, &limits)
        else {
            continue;
        };
        assert!(
            received.fallback.is_none() || received.raw_body.as_deref() == Some(body),
            "a fallback keeps the body"
        );
        // The one-pass reader reads JSON only.
        if let (Some(format), None, false) = (format, received.fallback, xml_header) {
            // The one-pass reader reads what the whole-response reader reads.
            match WebApiError::decode(format, body, &limits) {
                Ok(decoded) => {
                    let mut wire = decoded.wire().to_wire();
                    wire.status = wire.status.or(Some(status));
                    assert_eq!(wire, received.error, "decode and read disagree");
                    assert_eq!(
                        decoded.known(),
                        WebApiError::from_wire(&received.error).as_ref(),
                        "decode and from_wire build different errors"
                    );
                    // Read into a body that held another, it reads the same.
                    let mut reused = RawBody::new(format);
                    let _ = WebApiError::decode_into(&mut reused, FILLER, &limits);
                    match WebApiError::decode_into(&mut reused, body, &limits) {
                        Ok(error) => {
                            assert_eq!(reused.to_wire(), decoded.wire().to_wire());
                            assert_eq!(error.as_ref(), decoded.known());
                        }
                        Err(error) => panic!("decode_into refused what decode read: {error}"),
                    }
                }
                Err(error) => panic!("read accepted a body decode refused: {error}"),
            }
        }
        let wire = received.error;
        let _ = wire.to_response();
        let _ = WebApiError::classify(wire.clone());
        let _ = errwire_catalog::synapse::Codes::classify(wire);
    }
    let response = Response {
        status,
        headers,
        body: body.to_vec(),
        ..Response::default()
    };
    for system in System::ALL {
        for trusted in [false, true] {
            if let Ok(classification) = classify(system, &response, trusted, &limits) {
                let _ = classification.to_json();
                let _ = classification
                    .error
                    .render_dyn(&errwire::RenderOptions::default());
            }
        }
    }
}
