const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Described for NotFound {
        const DESCRIPTOR: &'static __errwire::ErrorDescriptor = &__errwire::ErrorDescriptor {
            name: "NotFound",
            module: ::core::module_path!(),
            code: ::core::option::Option::None,
            status: __errwire::__private::status(404),
            errcode: ::core::option::Option::Some("M_NOT_FOUND"),
            error_type: ::core::option::Option::None,
            error_subtype: ::core::option::Option::None,
            message: "Not found",
            title: ::core::option::Option::None,
            doc: "",
            format: __errwire::WireFormat::Matrix,
            fields: &[],
            parent: ::core::option::Option::None,
            headers: ::core::option::Option::None,
            doc_url: ::core::option::Option::None,
            deprecated: ::core::option::Option::None,
        };
    }
    #[automatically_derived]
    impl __errwire::Catalog for NotFound {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = ::core::slice::from_ref(
            <Self as __errwire::Described>::DESCRIPTOR,
        );
    }
    #[automatically_derived]
    impl __errwire::ApiError for NotFound {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            <Self as __errwire::Described>::DESCRIPTOR
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for NotFound {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            ::core::option::Option::Some("Not found")
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for NotFound {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            __formatter.write_str("Not found")
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for NotFound {}
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for NotFound {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for NotFound {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for NotFound {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
                _ => ::core::option::Option::None,
            }
        }
        fn index_by_errcode(
            __errcode: &::core::primitive::str,
        ) -> ::core::option::Option<usize> {
            const __SLOTS: [::core::primitive::u32; 2] = [1, 0];
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
    #[automatically_derived]
    impl __errwire::__private::axum::response::IntoResponse for NotFound {
        fn into_response(self) -> __errwire::__private::axum::response::Response {
            __errwire::axum::into_response(&self)
        }
    }
    #[automatically_derived]
    impl __errwire::__private::utoipa::IntoResponses for NotFound {
        fn responses() -> __errwire::__private::BTreeMap<
            ::std::string::String,
            __errwire::__private::utoipa::openapi::RefOr<
                __errwire::__private::utoipa::openapi::Response,
            >,
        > {
            __errwire::openapi::responses::<Self>()
        }
    }
};
