#[automatically_derived]
impl ::error_core::Catalog for WebApiError {
    const ERRORS: &'static [::error_core::ErrorDescriptor] = {
        const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
        const __STATUS_404: ::error_core::__private::http::StatusCode = ::error_core::__private::status(
            404,
        );
        const __FIELDS0: &'static [::error_core::FieldDescriptor] = &[];
        const __STATUS_400: ::error_core::__private::http::StatusCode = ::error_core::__private::status(
            400,
        );
        const __FIELDS1: &'static [::error_core::FieldDescriptor] = &[
            ::error_core::FieldDescriptor {
                name: "fields",
                ty: "BTreeMap<String, Vec<String>>",
                role: ::error_core::FieldRole::Extra {
                    wire_name: "fields",
                },
            },
        ];
        const __STATUS_401: ::error_core::__private::http::StatusCode = ::error_core::__private::status(
            401,
        );
        const __BASE: ::error_core::ErrorDescriptor = ::error_core::ErrorDescriptor {
            name: "",
            module: __MODULE,
            code: ::core::option::Option::None,
            status: ::error_core::__private::status(500),
            errcode: ::core::option::Option::None,
            error_type: ::core::option::Option::None,
            error_subtype: ::core::option::Option::None,
            message: "",
            doc: "",
            format: ::error_core::WireFormat::Djblets,
            fields: __FIELDS0,
            parent: ::core::option::Option::None,
            headers: ::core::option::Option::None,
        };
        &[
            ::error_core::ErrorDescriptor {
                name: "WebApiError::DoesNotExist",
                code: ::core::option::Option::Some(100),
                status: __STATUS_404,
                error_type: ::core::option::Option::Some("resource-does-not-exist"),
                message: "Object does not exist",
                doc: "An error indicating a requested resource does not exist.",
                ..__BASE
            },
            ::error_core::ErrorDescriptor {
                name: "WebApiError::InvalidFormData",
                code: ::core::option::Option::Some(105),
                status: __STATUS_400,
                error_type: ::core::option::Option::Some("request-field-error"),
                message: "One or more fields had errors",
                fields: __FIELDS1,
                ..__BASE
            },
            ::error_core::ErrorDescriptor {
                name: "WebApiError::NotLoggedIn",
                code: ::core::option::Option::Some(103),
                status: __STATUS_401,
                error_type: ::core::option::Option::Some("not-logged-in"),
                message: "You are not logged in",
                headers: ::core::option::Option::Some(
                    auth_headers as ::error_core::HeaderHook,
                ),
                ..__BASE
            },
        ]
    };
}
#[automatically_derived]
impl ::error_core::ApiError for WebApiError {
    fn descriptor(&self) -> &'static ::error_core::ErrorDescriptor {
        let __index = match self {
            WebApiError::DoesNotExist => 0,
            WebApiError::InvalidFormData { .. } => 1,
            WebApiError::NotLoggedIn => 2,
        };
        &<Self as ::error_core::Catalog>::ERRORS[__index]
    }
}
#[automatically_derived]
impl ::error_core::__private::Generated for WebApiError {
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
    fn serialize_extra<__M: ::error_core::__private::serde::ser::SerializeMap>(
        &self,
        __map: &mut __M,
    ) -> ::core::result::Result<(), __M::Error> {
        match self {
            WebApiError::InvalidFormData { fields, .. } => {
                ::error_core::__private::serde::ser::SerializeMap::serialize_entry(
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
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            WebApiError::DoesNotExist => __formatter.write_str("Object does not exist"),
            WebApiError::InvalidFormData { .. } => {
                __formatter.write_str("One or more fields had errors")
            }
            WebApiError::NotLoggedIn => __formatter.write_str("You are not logged in"),
        }
    }
}
#[automatically_derived]
impl ::core::error::Error for WebApiError {}
#[automatically_derived]
impl ::error_core::__private::serde::Serialize for WebApiError {
    fn serialize<__S: ::error_core::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        ::error_core::__private::serialize_native(self, __serializer)
    }
}
#[automatically_derived]
impl ::error_core::Classify for WebApiError {}
#[automatically_derived]
impl ::error_core::__private::GeneratedClassify for WebApiError {
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
        __wire: &dyn ::error_core::wire::ReceivedBody,
    ) -> ::core::option::Option<Self> {
        fn __fill0(
            __value: ::core::option::Option<::error_core::__private::Member<'_>>,
        ) -> ::core::option::Option<BTreeMap<String, Vec<String>>> {
            {
                use ::error_core::__private::{
                    FillDefault as _, FillDeserialize as _,
                    FillDeserializeOrDefault as _, FillNothing as _,
                };
                (&&&&::error_core::__private::Fill::<
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
