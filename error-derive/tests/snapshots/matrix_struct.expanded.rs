const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Described for LimitExceeded {
        const DESCRIPTOR: &'static __errwire::ErrorDescriptor = &__errwire::ErrorDescriptor {
            name: "LimitExceeded",
            module: ::core::module_path!(),
            code: ::core::option::Option::None,
            status: __errwire::__private::status(429),
            errcode: ::core::option::Option::Some("M_LIMIT_EXCEEDED"),
            error_type: ::core::option::Option::None,
            error_subtype: ::core::option::Option::None,
            message: "Too Many Requests",
            title: ::core::option::Option::None,
            doc: "",
            format: __errwire::WireFormat::Matrix,
            fields: &[
                __errwire::FieldDescriptor {
                    name: "retry_after_ms",
                    ty: "Option<u64>",
                    role: __errwire::FieldRole::ExtraAndHeader {
                        wire_name: "retry_after_ms",
                        header: "Retry-After",
                    },
                },
            ],
            parent: ::core::option::Option::None,
            headers: ::core::option::Option::None,
            doc_url: ::core::option::Option::None,
            deprecated: ::core::option::Option::None,
        };
    }
    #[automatically_derived]
    impl __errwire::Catalog for LimitExceeded {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = ::core::slice::from_ref(
            <Self as __errwire::Described>::DESCRIPTOR,
        );
    }
    #[automatically_derived]
    impl __errwire::ApiError for LimitExceeded {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            <Self as __errwire::Described>::DESCRIPTOR
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for LimitExceeded {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            ::core::option::Option::Some("Too Many Requests")
        }
        fn write_field_headers(
            &self,
            __headers: &mut __errwire::__private::http::HeaderMap,
        ) -> ::core::result::Result<(), __errwire::RenderError> {
            let Self { retry_after_ms, .. } = self;
            {
                if let ::core::option::Option::Some(__value) = retry_after_ms {
                    if let ::core::option::Option::Some(__header) = {
                        use __errwire::__private::{
                            DisplayHeaderValue as _, IntegerHeaderValue as _,
                        };
                        (&__errwire::__private::HeaderOf(&ms_to_secs(__value)))
                            .header_value("Retry-After")?
                    } {
                        __errwire::__private::insert_field_header(
                            __headers,
                            const {
                                __errwire::__private::http::HeaderName::from_static(
                                    "retry-after",
                                )
                            },
                            __header,
                        );
                    }
                }
            }
            ::core::result::Result::Ok(())
        }
        fn serialize_extra<__M: __errwire::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            let Self { retry_after_ms, .. } = self;
            {
                if let ::core::option::Option::Some(__value) = retry_after_ms {
                    __errwire::__private::serde::ser::SerializeMap::serialize_entry(
                        __map,
                        "retry_after_ms",
                        __value,
                    )?;
                }
            }
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for LimitExceeded {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            __formatter.write_str("Too Many Requests")
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for LimitExceeded {}
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for LimitExceeded {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for LimitExceeded {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for LimitExceeded {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
                _ => ::core::option::Option::None,
            }
        }
        fn index_by_errcode(
            __errcode: &::core::primitive::str,
        ) -> ::core::option::Option<usize> {
            const __SLOTS: [::core::primitive::u32; 2] = [0, 1];
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
            ) -> ::core::option::Option<Option<u64>> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<Option<u64>>::new()).fill(__value)
                }
            }
            match __index {
                0 => {
                    match __fill0(__wire.member("retry_after_ms")) {
                        ::core::option::Option::Some(__v0) => {
                            ::core::option::Option::Some(Self { retry_after_ms: __v0 })
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
    impl LimitExceeded {
        /// Builds the `LimitExceeded` error: "Too Many Requests".
        #[inline]
        pub fn new(retry_after_ms: Option<u64>) -> Self {
            Self { retry_after_ms }
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
