const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Catalog for StoreError {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = {
            const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
            const __STATUS_500: __errwire::__private::http::StatusCode = __errwire::__private::status(
                500,
            );
            const __FIELDS0: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "0",
                    ty: "std::io::Error",
                    role: __errwire::FieldRole::Source,
                },
            ];
            const __FIELDS1: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "cause",
                    ty: "serde_json::Error",
                    role: __errwire::FieldRole::Source,
                },
                __errwire::FieldDescriptor {
                    name: "trace_id",
                    ty: "Option<String>",
                    role: __errwire::FieldRole::TraceId,
                },
            ];
            const __BASE: __errwire::ErrorDescriptor = __errwire::ErrorDescriptor {
                name: "",
                module: __MODULE,
                code: ::core::option::Option::None,
                status: __STATUS_500,
                errcode: ::core::option::Option::None,
                error_type: ::core::option::Option::None,
                error_subtype: ::core::option::Option::None,
                message: "",
                title: ::core::option::Option::None,
                doc: "",
                format: __errwire::WireFormat::Problem,
                fields: &[],
                parent: ::core::option::Option::None,
                headers: ::core::option::Option::None,
                doc_url: ::core::option::Option::None,
                deprecated: ::core::option::Option::None,
            };
            &[
                __errwire::ErrorDescriptor {
                    name: "StoreError::Read",
                    message: "Reading failed",
                    fields: __FIELDS0,
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "StoreError::Json",
                    message: "Bad JSON",
                    fields: __FIELDS1,
                    ..__BASE
                },
            ]
        };
    }
    #[automatically_derived]
    impl __errwire::ApiError for StoreError {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            let __index = match self {
                StoreError::Read(..) => 0,
                StoreError::Json { .. } => 1,
            };
            &<Self as __errwire::Catalog>::ERRORS[__index]
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for StoreError {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            match self {
                StoreError::Read(..) => ::core::option::Option::Some("Reading failed"),
                StoreError::Json { .. } => ::core::option::Option::Some("Bad JSON"),
            }
        }
        fn instance(&self) -> __errwire::Instance<'_> {
            match self {
                StoreError::Json { trace_id, .. } => {
                    __errwire::Instance {
                        trace_id: __errwire::__private::TextField::to_text(trace_id),
                        ..__errwire::Instance::NONE
                    }
                }
                _ => __errwire::Instance::NONE,
            }
        }
        fn error_source(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            ::core::error::Error::source(self)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for StoreError {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            match self {
                StoreError::Read(..) => __formatter.write_str("Reading failed"),
                StoreError::Json { .. } => __formatter.write_str("Bad JSON"),
            }
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for StoreError {
        fn source(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            match self {
                StoreError::Read(__field0) => {
                    ::core::option::Option::Some(
                        __errwire::__private::FromError::as_source(__field0),
                    )
                }
                StoreError::Json { cause, .. } => {
                    ::core::option::Option::Some(
                        __errwire::__private::FromError::as_source(cause),
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for StoreError {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for StoreError {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for StoreError {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
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
            ) -> ::core::option::Option<std::io::Error> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<std::io::Error>::new())
                        .fill(__value)
                }
            }
            fn __fill1(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<serde_json::Error> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<serde_json::Error>::new())
                        .fill(__value)
                }
            }
            fn __fill2(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<Option<String>> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<Option<String>>::new())
                        .fill(__value)
                }
            }
            match __index {
                0 => {
                    match __fill0(::core::option::Option::None) {
                        ::core::option::Option::Some(__v0) => {
                            ::core::option::Option::Some(StoreError::Read(__v0))
                        }
                        ::core::option::Option::None => ::core::option::Option::None,
                    }
                }
                1 => {
                    match (
                        __fill1(::core::option::Option::None),
                        __fill2(__errwire::__private::text(__wire.trace_id())),
                    ) {
                        (
                            ::core::option::Option::Some(__v0),
                            ::core::option::Option::Some(__v1),
                        ) => {
                            ::core::option::Option::Some(StoreError::Json {
                                cause: __v0,
                                trace_id: __v1,
                            })
                        }
                        _ => ::core::option::Option::None,
                    }
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    #[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
    impl StoreError {
        /// Builds the `Read` error: "Reading failed".
        #[inline]
        pub fn read(arg0: std::io::Error) -> Self {
            StoreError::Read(arg0)
        }
        /// Builds the `Json` error: "Bad JSON".
        #[inline]
        pub fn json(cause: serde_json::Error, trace_id: Option<String>) -> Self {
            StoreError::Json {
                cause,
                trace_id,
            }
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
    impl ::core::convert::From<std::io::Error> for StoreError {
        fn from(__source: std::io::Error) -> Self {
            StoreError::Read(__source)
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<serde_json::Error> for StoreError {
        fn from(__source: serde_json::Error) -> Self {
            StoreError::Json {
                cause: __source,
                trace_id: <Option<
                    String,
                > as __errwire::__private::FilledByDefault>::filled(),
            }
        }
    }
};
