//! Rendering a catalog error and reading the response back gives the same error and fields:
//! exhaustively for every predefined error, and for generated values (property tests).

use errwire_catalog::djblets::{CustomWebApiError, WebApiError};
use errwire_catalog::synapse::{Codes, ProxiedRequestError};
// `from_index`, to build each error of a catalog in turn.
use errwire::__private::GeneratedClassify as _;
use errwire::{
    ApiError, Catalog, Classified, Classify, Limits, ReceivedError, WireError, WireFormat,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Renders `error` and reads the response back as a client would: the body read, and the
/// body's bytes.
fn round_trip<E: ApiError>(error: &E) -> Result<(WireError, Vec<u8>), String> {
    let response = error.to_response().map_err(|e| e.to_string())?;
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let received = ReceivedError::read(
        Some(error.format()),
        response.status().as_u16(),
        headers,
        response.body(),
        &Limits::DEFAULT,
    )
    .map_err(|e| e.to_string())?;
    match received.fallback {
        None => Ok((received.error, response.into_body())),
        Some(fallback) => Err(format!("fell back: {fallback:?}")),
    }
}

/// `body` read in one pass by `Classify::decode` gives what reading it through parsed values
/// gives: the same members and the same typed error.
fn decode_agrees<E: Classify + PartialEq + std::fmt::Debug>(
    format: WireFormat,
    body: &[u8],
) -> Result<(), TestCaseError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let Value::Object(object) = value else {
        return Err(TestCaseError::fail("not an object"));
    };
    let parsed = WireError::from_object(format, object);
    let decoded = E::decode(format, body, &Limits::DEFAULT)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&decoded.wire().to_wire(), &parsed);
    let expected = E::from_wire(&parsed);
    prop_assert_eq!(decoded.known(), expected.as_ref());
    Ok(())
}

/// Every error of a catalog of field-less errors comes back as itself.
fn every_constant_comes_back<E: Classify + ApiError + PartialEq + std::fmt::Debug>() {
    for index in 0..E::ERRORS.len() {
        let Some(error) = E::from_index(index, &WireError::empty(WireFormat::Problem)) else {
            panic!("{} cannot be built", E::ERRORS[index].name);
        };
        let (wire, body) = round_trip(&error).unwrap_or_else(|e| panic!("{e}"));
        decode_agrees::<E>(error.format(), &body).unwrap_or_else(|e| panic!("{e}"));
        match E::classify(wire) {
            Classified::Known { error: back, .. } => assert_eq!(back, error),
            Classified::Unknown(wire) => panic!("{error:?} came back unknown: {wire:?}"),
        }
    }
}

#[test]
fn every_djblets_constant_comes_back() {
    every_constant_comes_back::<WebApiError>();
}

#[test]
fn every_synapse_errcode_comes_back() {
    every_constant_comes_back::<Codes>();
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z ]{0,20}",
        Just("caf\u{e9} \u{2603} \u{65e5}\u{672c} \"'`\\".to_owned()),
    ]
}

fn non_empty_text() -> impl Strategy<Value = String> {
    text().prop_filter("Djblets leaves empty values out", |t| !t.is_empty())
}

fn errcode() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("M_FORBIDDEN".to_owned()),
        "M_[A-Z_]{1,20}",
        "[A-Z]{2,4}\\.[A-Z]{2,8}\\.M_[A-Z_]{1,12}",
    ]
}

fn members() -> impl Strategy<Value = Option<Map<String, Value>>> {
    let member = ("[a-z_]{1,12}", text()).prop_filter("not a Matrix member", |(key, _)| {
        key != "errcode" && key != "error"
    });
    proptest::option::of(proptest::collection::vec(member, 1..4).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(key, value)| (key, Value::String(value)))
            .collect()
    }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_proxied_synapse_error_comes_back_with_every_field(
        code in 400u16..600,
        msg in text(),
        errcode in errcode(),
        additional_fields in members(),
    ) {
        let error = ProxiedRequestError { code, msg, errcode, additional_fields };
        let (wire, body) = round_trip(&error).map_err(TestCaseError::fail)?;
        decode_agrees::<ProxiedRequestError>(WireFormat::Matrix, &body)?;
        prop_assert_eq!(ProxiedRequestError::from_index(0, &wire), Some(error));
    }

    #[test]
    fn a_djblets_web_api_error_comes_back_with_every_field(
        code in any::<i64>(),
        msg in text(),
        http_status in 400u16..600,
        error_type in proptest::option::of(non_empty_text()),
        detail in proptest::option::of(non_empty_text()),
        trace_id in proptest::option::of(non_empty_text()),
        subtype in proptest::option::of(non_empty_text()),
    ) {
        // Djblets sends a subtype only with a type.
        let error_subtype = subtype.filter(|_| error_type.is_some());
        let error = CustomWebApiError {
            code,
            msg,
            http_status,
            headers: Default::default(),
            error_type,
            error_subtype,
            detail,
            trace_id,
        };
        let (wire, body) = round_trip(&error).map_err(TestCaseError::fail)?;
        decode_agrees::<CustomWebApiError>(WireFormat::Djblets, &body)?;
        prop_assert_eq!(CustomWebApiError::from_index(0, &wire), Some(error));
    }

    #[test]
    fn an_overridden_message_comes_back_as_received(index in 0usize..76, message in non_empty_text()) {
        let wire = WireError::empty(WireFormat::Matrix);
        let code = Codes::from_index(index % Codes::ERRORS.len(), &wire);
        let code = code.ok_or_else(|| TestCaseError::fail("no such errcode"))?;
        let (wire, body) = round_trip(&code.with_message(message.clone())).map_err(TestCaseError::fail)?;
        decode_agrees::<Codes>(WireFormat::Matrix, &body)?;
        match Codes::classify(wire) {
            Classified::Known { error, wire } => {
                prop_assert_eq!(error, code);
                prop_assert_eq!(wire.message, Some(message));
            }
            Classified::Unknown(wire) => prop_assert!(false, "unknown: {:?}", wire),
        }
    }
}
