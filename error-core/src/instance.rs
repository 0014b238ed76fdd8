//! Values an instance carries in its own fields, which win over the catalog's.

use http::StatusCode;

/// What one instance says about itself through fields marked `status`, `code`, `errcode`,
/// `error_type`, `error_subtype`, `detail` or `trace_id`. `None` leaves the catalog value
/// (or, for detail and trace id, nothing). Overrides win over these in turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Instance<'a> {
    /// The instance's HTTP status (Synapse's `SynapseError(code, …)`).
    pub status: Option<StatusCode>,
    /// The instance's numeric code (Djblets' `WebAPIError(code, …)`).
    pub code: Option<i64>,
    /// The instance's errcode (Synapse's `SynapseError(…, errcode)`).
    pub errcode: Option<&'a str>,
    /// The instance's error type.
    pub error_type: Option<&'a str>,
    /// The instance's error subtype.
    pub error_subtype: Option<&'a str>,
    /// Further detail on this occurrence.
    pub detail: Option<&'a str>,
    /// The trace id of this occurrence.
    pub trace_id: Option<&'a str>,
    /// RFC 9457's `instance`: a URI reference identifying this occurrence.
    pub instance: Option<&'a str>,
}

impl Instance<'_> {
    /// An instance that adds nothing to the catalog values.
    pub const NONE: Instance<'static> = Instance {
        status: None,
        code: None,
        errcode: None,
        error_type: None,
        error_subtype: None,
        detail: None,
        trace_id: None,
        instance: None,
    };
}
