//! Finding the catalog error a received body names: by numeric code, then by errcode, through
//! a `match` the derive generates, so the cost does not grow with the catalog.

use crate::descriptor::{Catalog, ErrorDescriptor, WireFormat};
use crate::wire::{Limits, ParseError, RawBody, ReceivedBody, WireError};

/// Implemented by `#[derive(ApiError)]` for every error type.
pub trait Classify: Catalog + Sized {
    /// The position in [`Catalog::ERRORS`] of the error with numeric `code`.
    fn index_by_code(code: i64) -> Option<usize>;

    /// The position in [`Catalog::ERRORS`] of the error with `errcode`.
    fn index_by_errcode(errcode: &str) -> Option<usize>;

    /// The error at `index`, its fields filled from `wire`: `extra` fields from the body's
    /// members, fields marked `status`, `code`, `errcode`, `error_type`, `error_subtype`,
    /// `detail` or `trace_id` from those values, a `flatten` map from the members no field
    /// claims, the field a one-placeholder template (`"{msg}"`) shows from the message, and
    /// any other field from its `Default`; an absent member gives the field's `Default`.
    /// `None` when a member has the wrong type or a field has no value and no default.
    fn from_index(index: usize, wire: &dyn ReceivedBody) -> Option<Self>;

    /// The error with numeric `code`.
    fn descriptor_by_code(code: i64) -> Option<&'static ErrorDescriptor> {
        Self::index_by_code(code).and_then(|index| Self::ERRORS.get(index))
    }

    /// The error with `errcode`.
    fn descriptor_by_errcode(errcode: &str) -> Option<&'static ErrorDescriptor> {
        Self::index_by_errcode(errcode).and_then(|index| Self::ERRORS.get(index))
    }

    /// The catalog error `wire` names (by code, else by errcode), with its fields filled.
    fn from_wire(wire: &dyn ReceivedBody) -> Option<Self> {
        let by_code = wire.code().and_then(Self::index_by_code);
        let index = by_code.or_else(|| wire.errcode().and_then(Self::index_by_errcode))?;
        Self::from_index(index, wire)
    }

    /// Reads a `format` body straight into the catalog error it names, in one pass: the
    /// fast way for a client that knows its API's format. Nothing is lost: the returned
    /// [`RawBody`] borrows `body` and holds every member as received ([`RawBody::to_wire`]
    /// makes it owned). `limits` are checked first, as [`ReceivedError::read`] does.
    ///
    /// [`ReceivedError::read`]: crate::ReceivedError::read
    fn decode<'b>(
        format: WireFormat,
        body: &'b [u8],
        limits: &Limits,
    ) -> Result<Classified<Self, RawBody<'b>>, ParseError> {
        limits.check(body).map_err(ParseError::Refused)?;
        let mut raw = RawBody::empty(format);
        raw.read(body)?;
        Ok(match Self::from_wire(&raw) {
            Some(error) => Classified::Known { error, wire: raw },
            None => Classified::Unknown(raw),
        })
    }

    /// The catalog error `wire` names, or the body kept whole when the catalog does not know
    /// it (a newer server's code) or its fields do not fit.
    fn classify(wire: WireError) -> Classified<Self> {
        match Self::from_wire(&wire) {
            Some(error) => Classified::Known { error, wire },
            None => Classified::Unknown(wire),
        }
    }
}

/// What a received body is, for one catalog; `W` is the body: a [`WireError`], or a
/// [`RawBody`] from [`Classify::decode`].
#[derive(Clone, Debug, PartialEq)]
pub enum Classified<E, W = WireError> {
    /// A catalog error; `wire` keeps every member, those no field holds included.
    Known {
        /// The typed error.
        error: E,
        /// The body as received.
        wire: W,
    },
    /// An error the catalog does not know, kept whole: its code, errcode, message and
    /// members are all in the body.
    Unknown(W),
}

impl<E, W> Classified<E, W> {
    /// The body as received, whichever the outcome.
    pub fn wire(&self) -> &W {
        match self {
            Classified::Known { wire, .. } | Classified::Unknown(wire) => wire,
        }
    }

    /// The typed error, if the catalog knows it.
    pub fn known(&self) -> Option<&E> {
        match self {
            Classified::Known { error, .. } => Some(error),
            Classified::Unknown(_) => None,
        }
    }
}
