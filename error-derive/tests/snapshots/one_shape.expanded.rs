const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Catalog for Error {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = {
            const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
            const __STATUS_400: __errwire::__private::http::StatusCode = __errwire::__private::status(
                400,
            );
            const __FIELDS0: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "reason",
                    ty: "String",
                    role: __errwire::FieldRole::Extra {
                        wire_name: "reason",
                    },
                },
            ];
            const __STATUS_404: __errwire::__private::http::StatusCode = __errwire::__private::status(
                404,
            );
            const __BASE: __errwire::ErrorDescriptor = __errwire::ErrorDescriptor {
                name: "",
                module: __MODULE,
                code: ::core::option::Option::None,
                status: __STATUS_400,
                errcode: ::core::option::Option::None,
                error_type: ::core::option::Option::None,
                error_subtype: ::core::option::Option::None,
                message: "",
                title: ::core::option::Option::None,
                doc: "",
                format: __errwire::WireFormat::Matrix,
                fields: __FIELDS0,
                parent: ::core::option::Option::None,
                headers: ::core::option::Option::None,
                doc_url: ::core::option::Option::None,
                deprecated: ::core::option::Option::None,
            };
            &[
                __errwire::ErrorDescriptor {
                    name: "Error::Error0",
                    errcode: ::core::option::Option::Some("M_ERROR_0"),
                    message: "error 0: {reason}",
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "Error::Error1",
                    errcode: ::core::option::Option::Some("M_ERROR_1"),
                    message: "error 1: {reason}",
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "Error::Error2",
                    status: __STATUS_404,
                    errcode: ::core::option::Option::Some("M_ERROR_2"),
                    message: "error 2: {reason}",
                    ..__BASE
                },
            ]
        };
    }
    #[automatically_derived]
    impl __errwire::ApiError for Error {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            let __index = match self {
                Error::Error0 { .. } => 0,
                Error::Error1 { .. } => 1,
                Error::Error2 { .. } => 2,
            };
            &<Self as __errwire::Catalog>::ERRORS[__index]
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for Error {
        fn has_flatten(&self) -> bool {
            false
        }
        fn serialize_extra<__M: __errwire::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            match self {
                Error::Error0 { reason, .. }
                | Error::Error1 { reason, .. }
                | Error::Error2 { reason, .. } => {
                    __errwire::__private::serde::ser::SerializeMap::serialize_entry(
                        __map,
                        "reason",
                        reason,
                    )?;
                }
            }
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Error {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            match self {
                Error::Error0 { reason, .. }
                | Error::Error1 { reason, .. }
                | Error::Error2 { reason, .. } => {
                    __errwire::__private::write_template(
                        __formatter,
                        __errwire::ApiError::descriptor(self).message,
                        &[("reason", reason as &dyn ::core::fmt::Display)],
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for Error {}
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for Error {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for Error {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for Error {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
                _ => ::core::option::Option::None,
            }
        }
        fn index_by_errcode(
            __errcode: &::core::primitive::str,
        ) -> ::core::option::Option<usize> {
            const __SLOTS: [::core::primitive::u32; 8] = [0, 1, 2, 0, 0, 3, 0, 0];
            __errwire::__private::errcode_index(
                &__SLOTS,
                __errcode,
                |__index| {
                    <Self as __errwire::Catalog>::ERRORS[__index].errcode
                        == ::core::option::Option::Some(__errcode)
                },
            )
        }
        fn from_index(
            __index: usize,
            __wire: &dyn __errwire::wire::ReceivedBody,
        ) -> ::core::option::Option<Self> {
            fn __fill0(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<String> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<String>::new()).fill(__value)
                }
            }
            match __index {
                0..=2 => {
                    match __fill0(__wire.member("reason")) {
                        ::core::option::Option::Some(__v0) => {
                            ::core::option::Option::Some(
                                match __index {
                                    0 => Error::Error0 { reason: __v0 },
                                    1 => Error::Error1 { reason: __v0 },
                                    2 => Error::Error2 { reason: __v0 },
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
        /// Builds the `Error0` error: "error 0: {reason}".
        #[inline]
        pub fn error0(reason: String) -> Self {
            Error::Error0 { reason }
        }
        /// Builds the `Error1` error: "error 1: {reason}".
        #[inline]
        pub fn error1(reason: String) -> Self {
            Error::Error1 { reason }
        }
        /// Builds the `Error2` error: "error 2: {reason}".
        #[inline]
        pub fn error2(reason: String) -> Self {
            Error::Error2 { reason }
        }
        /// This error with some catalog values replaced for this instance (message,
        /// headers, subtype, detail, trace id); the catalog definition is unchanged.
        pub fn with_overrides(
            self,
            overrides: __errwire::Overrides,
        ) -> __errwire::Overridden<Self> {
            __errwire::Overridden::new(self, overrides)
        }
        /// This error with its message replaced for this instance.
        pub fn with_message(
            self,
            message: impl ::core::convert::Into<
                __errwire::__private::Cow<'static, ::core::primitive::str>,
            >,
        ) -> __errwire::Overridden<Self> {
            __errwire::Overridden::new(self, __errwire::Overrides::message(message))
        }
    }
};
