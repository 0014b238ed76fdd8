#[automatically_derived]
impl ::error_core::Described for NotFound {
    const DESCRIPTOR: &'static ::error_core::ErrorDescriptor = &::error_core::ErrorDescriptor {
        name: "NotFound",
        module: ::core::module_path!(),
        code: ::core::option::Option::None,
        status: ::error_core::__private::status(404),
        errcode: ::core::option::Option::Some("M_NOT_FOUND"),
        error_type: ::core::option::Option::None,
        error_subtype: ::core::option::Option::None,
        message: "Not found",
        doc: "",
        format: ::error_core::WireFormat::Matrix,
        fields: &[],
        parent: ::core::option::Option::None,
        headers: ::core::option::Option::None,
    };
}
#[automatically_derived]
impl ::error_core::Catalog for NotFound {
    const ERRORS: &'static [::error_core::ErrorDescriptor] = ::core::slice::from_ref(
        <Self as ::error_core::Described>::DESCRIPTOR,
    );
}
#[automatically_derived]
impl ::error_core::ApiError for NotFound {
    fn descriptor(&self) -> &'static ::error_core::ErrorDescriptor {
        <Self as ::error_core::Described>::DESCRIPTOR
    }
}
#[automatically_derived]
impl ::error_core::__private::Generated for NotFound {
    fn has_flatten(&self) -> bool {
        false
    }
    fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
        ::core::option::Option::Some("Not found")
    }
}
#[automatically_derived]
impl ::core::fmt::Display for NotFound {
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __formatter.write_str("Not found")
    }
}
#[automatically_derived]
impl ::core::error::Error for NotFound {}
#[automatically_derived]
impl ::error_core::__private::serde::Serialize for NotFound {
    fn serialize<__S: ::error_core::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        ::error_core::__private::serialize_native(self, __serializer)
    }
}
#[automatically_derived]
impl ::error_core::Classify for NotFound {}
#[automatically_derived]
impl ::error_core::__private::GeneratedClassify for NotFound {
    fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
        match __code {
            _ => ::core::option::Option::None,
        }
    }
    fn index_by_errcode(
        __errcode: &::core::primitive::str,
    ) -> ::core::option::Option<usize> {
        const __SLOTS: [::core::primitive::u32; 2] = [1, 0];
        ::error_core::__private::errcode_index(
            &__SLOTS,
            __errcode,
            |__index| {
                <Self as ::error_core::Catalog>::ERRORS[__index].errcode
                    == ::core::option::Option::Some(__errcode)
            },
        )
    }
    fn from_index(
        __index: usize,
        __wire: &dyn ::error_core::wire::ReceivedBody,
    ) -> ::core::option::Option<Self> {
        match __index {
            0 => ::core::option::Option::Some(Self),
            _ => ::core::option::Option::None,
        }
    }
}
#[automatically_derived]
#[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
impl NotFound {
    /// Builds the `NotFound` error: "Not found".
    #[inline]
    pub const fn new() -> Self {
        Self
    }
    /// This error with some catalog values replaced for this instance (message,
    /// headers, subtype, detail, trace id); the catalog definition is unchanged.
    pub fn with_overrides(
        self,
        overrides: ::error_core::Overrides,
    ) -> ::error_core::Overridden<Self> {
        ::error_core::Overridden::new(self, overrides)
    }
    /// This error with its message replaced for this instance.
    pub fn with_message(
        self,
        message: impl ::core::convert::Into<
            ::error_core::__private::Cow<'static, ::core::primitive::str>,
        >,
    ) -> ::error_core::Overridden<Self> {
        ::error_core::Overridden::new(self, ::error_core::Overrides::message(message))
    }
}
#[automatically_derived]
impl ::error_core::__private::axum::response::IntoResponse for NotFound {
    fn into_response(self) -> ::error_core::__private::axum::response::Response {
        ::error_core::axum::into_response(&self)
    }
}
#[automatically_derived]
impl ::error_core::__private::utoipa::IntoResponses for NotFound {
    fn responses() -> ::error_core::__private::BTreeMap<
        ::std::string::String,
        ::error_core::__private::utoipa::openapi::RefOr<
            ::error_core::__private::utoipa::openapi::Response,
        >,
    > {
        ::error_core::openapi::responses::<Self>()
    }
}
