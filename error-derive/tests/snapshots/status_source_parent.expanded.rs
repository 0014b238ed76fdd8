const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Described for SynapseError {
        const DESCRIPTOR: &'static __errwire::ErrorDescriptor = &__errwire::ErrorDescriptor {
            name: "SynapseError",
            module: ::core::module_path!(),
            code: ::core::option::Option::None,
            status: <HttpError as __errwire::Described>::DESCRIPTOR.status,
            errcode: ::core::option::Option::Some("M_UNKNOWN"),
            error_type: <HttpError as __errwire::Described>::DESCRIPTOR.error_type,
            error_subtype: <HttpError as __errwire::Described>::DESCRIPTOR.error_subtype,
            message: "{3} ({0:?})",
            title: <HttpError as __errwire::Described>::DESCRIPTOR.title,
            doc: "Synapse's `SynapseError(code, msg, errcode)`.",
            format: <HttpError as __errwire::Described>::DESCRIPTOR.format,
            fields: &[
                __errwire::FieldDescriptor {
                    name: "0",
                    ty: "u16",
                    role: __errwire::FieldRole::Status,
                },
                __errwire::FieldDescriptor {
                    name: "1",
                    ty: "Option<std::io::Error>",
                    role: __errwire::FieldRole::Source,
                },
                __errwire::FieldDescriptor {
                    name: "2",
                    ty: "Secret",
                    role: __errwire::FieldRole::Skip,
                },
                __errwire::FieldDescriptor {
                    name: "3",
                    ty: "String",
                    role: __errwire::FieldRole::Context,
                },
            ],
            parent: ::core::option::Option::Some(
                <HttpError as __errwire::Described>::DESCRIPTOR,
            ),
            headers: <HttpError as __errwire::Described>::DESCRIPTOR.headers,
            doc_url: ::core::option::Option::None,
            deprecated: ::core::option::Option::None,
        };
    }
    #[automatically_derived]
    impl __errwire::Catalog for SynapseError {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = ::core::slice::from_ref(
            <Self as __errwire::Described>::DESCRIPTOR,
        );
    }
    #[automatically_derived]
    impl __errwire::ApiError for SynapseError {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            <Self as __errwire::Described>::DESCRIPTOR
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for SynapseError {
        fn has_flatten(&self) -> bool {
            false
        }
        fn instance(&self) -> __errwire::Instance<'_> {
            let Self(__field0, ..) = self;
            __errwire::Instance {
                status: __errwire::__private::StatusField::to_status(__field0),
                ..__errwire::Instance::NONE
            }
        }
        fn error_source(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            ::core::error::Error::source(self)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for SynapseError {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            let Self(__field0, _, _, __field3) = self;
            ::core::write!(__formatter, "{__field3} ({__field0:?})")
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for SynapseError {
        fn source(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            let Self(_, __field1, ..) = self;
            {
                use __errwire::__private::AsDynError as _;
                ::core::option::Option::map(
                    ::core::option::Option::as_ref(__field1),
                    |__source| __source.as_dyn_error(),
                )
            }
        }
    }
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for SynapseError {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for SynapseError {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for SynapseError {
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
            fn __fill0(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<u16> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<u16>::new()).fill(__value)
                }
            }
            fn __fill1(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<Option<std::io::Error>> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<Option<std::io::Error>>::new())
                        .fill(__value)
                }
            }
            fn __fill2(
                __value: ::core::option::Option<__errwire::__private::Member<'_>>,
            ) -> ::core::option::Option<Secret> {
                {
                    use __errwire::__private::{
                        FillDefault as _, FillDeserialize as _,
                        FillDeserializeOrDefault as _, FillNothing as _,
                    };
                    (&&&&__errwire::__private::Fill::<Secret>::new()).fill(__value)
                }
            }
            fn __fill3(
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
                0 => {
                    match (
                        __fill0(__errwire::__private::number(__wire.status())),
                        __fill1(::core::option::Option::None),
                        __fill2(::core::option::Option::None),
                        __fill3(::core::option::Option::None),
                    ) {
                        (
                            ::core::option::Option::Some(__v0),
                            ::core::option::Option::Some(__v1),
                            ::core::option::Option::Some(__v2),
                            ::core::option::Option::Some(__v3),
                        ) => ::core::option::Option::Some(Self(__v0, __v1, __v2, __v3)),
                        _ => ::core::option::Option::None,
                    }
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    #[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
    impl SynapseError {
        /// Builds the `SynapseError` error: "{3} ({0:?})".
        #[inline]
        pub fn new(
            arg0: u16,
            arg1: Option<std::io::Error>,
            arg2: Secret,
            arg3: String,
        ) -> Self {
            Self(arg0, arg1, arg2, arg3)
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
