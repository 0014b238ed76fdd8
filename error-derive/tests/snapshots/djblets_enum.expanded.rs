const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Catalog for WebApiError {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = {
            const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
            const __STATUS_404: __errwire::__private::http::StatusCode = __errwire::__private::status(
                404,
            );
            const __FIELDS0: &'static [__errwire::FieldDescriptor] = &[];
            const __STATUS_400: __errwire::__private::http::StatusCode = __errwire::__private::status(
                400,
            );
            const __FIELDS1: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "fields",
                    ty: "BTreeMap<String, Vec<String>>",
                    role: __errwire::FieldRole::Extra {
                        wire_name: "fields",
                    },
                },
            ];
            const __STATUS_401: __errwire::__private::http::StatusCode = __errwire::__private::status(
                401,
            );
            const __BASE: __errwire::ErrorDescriptor = __errwire::ErrorDescriptor {
                name: "",
                module: __MODULE,
                code: ::core::option::Option::None,
                status: __errwire::__private::status(500),
                errcode: ::core::option::Option::None,
                error_type: ::core::option::Option::None,
                error_subtype: ::core::option::Option::None,
                message: "",
                title: ::core::option::Option::None,
                doc: "",
                format: __errwire::WireFormat::Djblets,
                fields: __FIELDS0,
                parent: ::core::option::Option::None,
                headers: ::core::option::Option::None,
                doc_url: ::core::option::Option::None,
                deprecated: ::core::option::Option::None,
            };
            &[
                __errwire::ErrorDescriptor {
                    name: "WebApiError::DoesNotExist",
                    code: ::core::option::Option::Some(100),
                    status: __STATUS_404,
                    error_type: ::core::option::Option::Some("resource-does-not-exist"),
                    message: "Object does not exist",
                    doc: "An error indicating a requested resource does not exist.",
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "WebApiError::InvalidFormData",
                    code: ::core::option::Option::Some(105),
                    status: __STATUS_400,
                    error_type: ::core::option::Option::Some("request-field-error"),
                    message: "One or more fields had errors",
                    fields: __FIELDS1,
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "WebApiError::NotLoggedIn",
                    code: ::core::option::Option::Some(103),
                    status: __STATUS_401,
                    error_type: ::core::option::Option::Some("not-logged-in"),
                    message: "You are not logged in",
                    headers: ::core::option::Option::Some(
                        auth_headers as __errwire::HeaderHook,
                    ),
                    ..__BASE
                },
            ]
        };
    }
    #[automatically_derived]
    impl __errwire::ApiError for WebApiError {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            let __index = match self {
                WebApiError::DoesNotExist => 0,
                WebApiError::InvalidFormData { .. } => 1,
                WebApiError::NotLoggedIn => 2,
            };
            &<Self as __errwire::Catalog>::ERRORS[__index]
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for WebApiError {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            match self {
                WebApiError::DoesNotExist => {
                    ::core::option::Option::Some("Object does not exist")
                }
                WebApiError::InvalidFormData { .. } => {
                    ::core::option::Option::Some("One or more fields had errors")
                }
                WebApiError::NotLoggedIn => {
                    ::core::option::Option::Some("You are not logged in")
                }
            }
        }
        fn serialize_extra<__M: __errwire::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            match self {
                WebApiError::InvalidFormData { fields, .. } => {
                    __errwire::__private::serde::ser::SerializeMap::serialize_entry(
                        __map,
                        "fields",
                        fields,
                    )?;
                }
                _ => {}
            }
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for WebApiError {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            match self {
                WebApiError::DoesNotExist => {
                    __formatter.write_str("Object does not exist")
                }
                WebApiError::InvalidFormData { .. } => {
                    __formatter.write_str("One or more fields had errors")
                }
                WebApiError::NotLoggedIn => {
                    __formatter.write_str("You are not logged in")
                }
            }
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for WebApiError {}
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for WebApiError {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for WebApiError {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for WebApiError {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
                100 => ::core::option::Option::Some(0),
                105 => ::core::option::Option::Some(1),
                103 => ::core::option::Option::Some(2),
                _ => ::core::option::Option::None,
            }
        }
        fn index_by_errcode(
            __errcode: &::core::primitive::str,
        ) -> ::core::option::Option<usize> {
            let _ = __errcode;
            ::core::option::Option::None
        }
        fn from_index(
            __index: usize,
            __wire: &dyn __errwire::wire::ReceivedBody,
        ) -> ::core::option::Option<Self> {
            fn __fill0(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<BTreeMap<String, Vec<String>>> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<
                        BTreeMap<String, Vec<String>>,
                    >::new())
                        .fill(__value)
                }
            }
            match __index {
                0 | 2 => {
                    ::core::option::Option::Some(
                        match __index {
                            0 => WebApiError::DoesNotExist,
                            2 => WebApiError::NotLoggedIn,
                            _ => return ::core::option::Option::None,
                        },
                    )
                }
                1 => {
                    match __fill0(__wire.member("fields")) {
                        ::core::option::Option::Some(__v0) => {
                            ::core::option::Option::Some(WebApiError::InvalidFormData {
                                fields: __v0,
                            })
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
    impl WebApiError {
        /// The `DoesNotExist` error: "Object does not exist".
        pub const DOES_NOT_EXIST: Self = WebApiError::DoesNotExist;
        /// The `NotLoggedIn` error: "You are not logged in".
        pub const NOT_LOGGED_IN: Self = WebApiError::NotLoggedIn;
        /// Builds the `DoesNotExist` error: "Object does not exist".
        #[inline]
        pub const fn does_not_exist() -> Self {
            WebApiError::DoesNotExist
        }
        /// Builds the `InvalidFormData` error: "One or more fields had errors".
        #[inline]
        pub fn invalid_form_data(fields: BTreeMap<String, Vec<String>>) -> Self {
            WebApiError::InvalidFormData {
                fields,
            }
        }
        /// Builds the `NotLoggedIn` error: "You are not logged in".
        #[inline]
        pub const fn not_logged_in() -> Self {
            WebApiError::NotLoggedIn
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
