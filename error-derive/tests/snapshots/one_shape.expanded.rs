#[automatically_derived]
impl ::error_core::Catalog for Error {
    const ERRORS: &'static [::error_core::ErrorDescriptor] = {
        const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
        const __STATUS_400: ::error_core::__private::http::StatusCode = ::error_core::__private::status(
            400,
        );
        const __FIELDS0: &'static [::error_core::FieldDescriptor] = &[
            ::error_core::FieldDescriptor {
                name: "detail",
                ty: "String",
                role: ::error_core::FieldRole::Extra {
                    wire_name: "detail",
                },
            },
        ];
        const __STATUS_404: ::error_core::__private::http::StatusCode = ::error_core::__private::status(
            404,
        );
        const __BASE: ::error_core::ErrorDescriptor = ::error_core::ErrorDescriptor {
            name: "",
            module: __MODULE,
            code: ::core::option::Option::None,
            status: __STATUS_400,
            errcode: ::core::option::Option::None,
            error_type: ::core::option::Option::None,
            error_subtype: ::core::option::Option::None,
            message: "",
            doc: "",
            format: ::error_core::WireFormat::Matrix,
            fields: __FIELDS0,
            parent: ::core::option::Option::None,
            headers: ::core::option::Option::None,
        };
        &[
            ::error_core::ErrorDescriptor {
                name: "Error::Error0",
                errcode: ::core::option::Option::Some("M_ERROR_0"),
                message: "error 0: {detail}",
                ..__BASE
            },
            ::error_core::ErrorDescriptor {
                name: "Error::Error1",
                errcode: ::core::option::Option::Some("M_ERROR_1"),
                message: "error 1: {detail}",
                ..__BASE
            },
            ::error_core::ErrorDescriptor {
                name: "Error::Error2",
                status: __STATUS_404,
                errcode: ::core::option::Option::Some("M_ERROR_2"),
                message: "error 2: {detail}",
                ..__BASE
            },
        ]
    };
}
#[automatically_derived]
impl ::error_core::ApiError for Error {
    fn descriptor(&self) -> &'static ::error_core::ErrorDescriptor {
        let __index = match self {
            Error::Error0 { .. } => 0,
            Error::Error1 { .. } => 1,
            Error::Error2 { .. } => 2,
        };
        &<Self as ::error_core::Catalog>::ERRORS[__index]
    }
}
#[automatically_derived]
impl ::error_core::__private::Generated for Error {
    fn has_flatten(&self) -> bool {
        false
    }
    fn serialize_extra<__M: ::error_core::__private::serde::ser::SerializeMap>(
        &self,
        __map: &mut __M,
    ) -> ::core::result::Result<(), __M::Error> {
        match self {
            Error::Error0 { detail, .. }
            | Error::Error1 { detail, .. }
            | Error::Error2 { detail, .. } => {
                ::error_core::__private::serde::ser::SerializeMap::serialize_entry(
                    __map,
                    "detail",
                    detail,
                )?;
            }
        }
        ::core::result::Result::Ok(())
    }
}
#[automatically_derived]
impl ::core::fmt::Display for Error {
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Error::Error0 { detail, .. }
            | Error::Error1 { detail, .. }
            | Error::Error2 { detail, .. } => {
                ::error_core::__private::write_template(
                    __formatter,
                    ::error_core::ApiError::descriptor(self).message,
                    &[("detail", detail as &dyn ::core::fmt::Display)],
                )
            }
        }
    }
}
#[automatically_derived]
impl ::core::error::Error for Error {}
#[automatically_derived]
impl ::error_core::__private::serde::Serialize for Error {
    fn serialize<__S: ::error_core::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        ::error_core::__private::serialize_native(self, __serializer)
    }
}
#[automatically_derived]
impl ::error_core::Classify for Error {}
#[automatically_derived]
impl ::error_core::__private::GeneratedClassify for Error {
    fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
        match __code {
            _ => ::core::option::Option::None,
        }
    }
    fn index_by_errcode(
        __errcode: &::core::primitive::str,
    ) -> ::core::option::Option<usize> {
        const __SLOTS: [::core::primitive::u32; 8] = [0, 1, 2, 0, 0, 3, 0, 0];
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
        fn __fill0(
            __value: ::core::option::Option<::error_core::__private::Member<'_>>,
        ) -> ::core::option::Option<String> {
            {
                use ::error_core::__private::{
                    FillDefault as _, FillDeserialize as _,
                    FillDeserializeOrDefault as _, FillNothing as _,
                };
                (&&&&::error_core::__private::Fill::<String>::new()).fill(__value)
            }
        }
        match __index {
            0..=2 => {
                match __fill0(__wire.member("detail")) {
                    ::core::option::Option::Some(__v0) => {
                        ::core::option::Option::Some(
                            match __index {
                                0 => Error::Error0 { detail: __v0 },
                                1 => Error::Error1 { detail: __v0 },
                                2 => Error::Error2 { detail: __v0 },
                                _ => return ::core::option::Option::None,
                            },
                        )
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
            _ => ::core::option::Option::None,
        }
    }
}
#[automatically_derived]
#[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
impl Error {
    /// Builds the `Error0` error: "error 0: {detail}".
    #[inline]
    pub fn error0(detail: String) -> Self {
        Error::Error0 { detail }
    }
    /// Builds the `Error1` error: "error 1: {detail}".
    #[inline]
    pub fn error1(detail: String) -> Self {
        Error::Error1 { detail }
    }
    /// Builds the `Error2` error: "error 2: {detail}".
    #[inline]
    pub fn error2(detail: String) -> Self {
        Error::Error2 { detail }
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
