const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl<T: Serialize> __errwire::Catalog for Catalog<T> {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = {
            const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
            const __STATUS_400: __errwire::__private::http::StatusCode = __errwire::__private::status(
                400,
            );
            const __FIELDS0: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "0",
                    ty: "T",
                    role: __errwire::FieldRole::Context,
                },
                __errwire::FieldDescriptor {
                    name: "1",
                    ty: "u32",
                    role: __errwire::FieldRole::Extra {
                        wire_name: "value",
                    },
                },
            ];
            const __FIELDS1: &'static [__errwire::FieldDescriptor] = &[
                __errwire::FieldDescriptor {
                    name: "0",
                    ty: "T",
                    role: __errwire::FieldRole::Extra {
                        wire_name: "payload",
                    },
                },
            ];
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
                format: __errwire::WireFormat::Problem,
                fields: &[],
                parent: ::core::option::Option::None,
                headers: ::core::option::Option::None,
                doc_url: ::core::option::Option::None,
                deprecated: ::core::option::Option::None,
            };
            &[
                __errwire::ErrorDescriptor {
                    name: "Catalog::First",
                    code: ::core::option::Option::Some(1),
                    message: "first {1}",
                    fields: __FIELDS0,
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "Catalog::Second",
                    code: ::core::option::Option::Some(2),
                    message: "{{second}}",
                    fields: __FIELDS1,
                    ..__BASE
                },
            ]
        };
    }
    #[automatically_derived]
    impl<T: Serialize> __errwire::ApiError for Catalog<T> {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            let __index = match self {
                Catalog::First(..) => 0,
                Catalog::Second(..) => 1,
            };
            &<Self as __errwire::Catalog>::ERRORS[__index]
        }
    }
    #[automatically_derived]
    impl<T: Serialize> __errwire::__private::Generated for Catalog<T> {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            match self {
                Catalog::Second(..) => ::core::option::Option::Some("{second}"),
                _ => ::core::option::Option::None,
            }
        }
        fn serialize_extra<__M: __errwire::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            match self {
                Catalog::First(_, __field1) => {
                    __errwire::__private::serde::ser::SerializeMap::serialize_entry(
                        __map,
                        "value",
                        __field1,
                    )?;
                }
                Catalog::Second(__field0) => {
                    __errwire::__private::serde::ser::SerializeMap::serialize_entry(
                        __map,
                        "payload",
                        __field0,
                    )?;
                }
            }
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl<T: Serialize> ::core::fmt::Display for Catalog<T> {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            match self {
                Catalog::First(_, __field1) => {
                    __errwire::__private::write_template(
                        __formatter,
                        __errwire::ApiError::descriptor(self).message,
                        &[("1", __field1 as &dyn ::core::fmt::Display)],
                    )
                }
                Catalog::Second(..) => __formatter.write_str("{second}"),
            }
        }
    }
    #[automatically_derived]
    impl<T: Serialize> ::core::error::Error for Catalog<T> {}
    #[automatically_derived]
    impl<T: Serialize> __errwire::__private::serde::Serialize for Catalog<T> {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl<T: Serialize> __errwire::Classify for Catalog<T> {}
    #[automatically_derived]
    impl<T: Serialize> __errwire::__private::GeneratedClassify for Catalog<T> {
        fn index_by_code(__code: i64) -> ::core::option::Option<usize> {
            match __code {
                1 => ::core::option::Option::Some(0),
                2 => ::core::option::Option::Some(1),
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
            match __index {
                0 => {
                    match (
                        (|
                            __value: ::core::option::Option<
                                __errwire::__private::Member<'_>,
                            >|
                        {
                            use __errwire::__private::{
                                FillDefault as _, FillDeserialize as _,
                                FillDeserializeOrDefault as _, FillNothing as _,
                            };
                            (&&&&__errwire::__private::Fill::<T>::new()).fill(__value)
                        })(::core::option::Option::None),
                        (|
                            __value: ::core::option::Option<
                                __errwire::__private::Member<'_>,
                            >|
                        {
                            use __errwire::__private::{
                                FillDefault as _, FillDeserialize as _,
                                FillDeserializeOrDefault as _, FillNothing as _,
                            };
                            (&&&&__errwire::__private::Fill::<u32>::new()).fill(__value)
                        })(__wire.member("value")),
                    ) {
                        (
                            ::core::option::Option::Some(__v0),
                            ::core::option::Option::Some(__v1),
                        ) => ::core::option::Option::Some(Catalog::First(__v0, __v1)),
                        _ => ::core::option::Option::None,
                    }
                }
                1 => {
                    match (|
                        __value: ::core::option::Option<
                            __errwire::__private::Member<'_>,
                        >|
                    {
                        use __errwire::__private::{
                            FillDefault as _, FillDeserialize as _,
                            FillDeserializeOrDefault as _, FillNothing as _,
                        };
                        (&&&&__errwire::__private::Fill::<T>::new()).fill(__value)
                    })(__wire.member("payload")) {
                        ::core::option::Option::Some(__v0) => {
                            ::core::option::Option::Some(Catalog::Second(__v0))
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
    impl<T: Serialize> Catalog<T> {
        /// Builds the `First` error: "first {1}".
        #[inline]
        fn first(arg0: T, arg1: u32) -> Self {
            Catalog::First(arg0, arg1)
        }
        /// Builds the `Second` error: "{{second}}".
        #[inline]
        fn second(arg0: T) -> Self {
            Catalog::Second(arg0)
        }
        /// This error with some catalog values replaced for this instance (message,
        /// headers, subtype, detail, trace id); the catalog definition is unchanged.
        fn with_overrides(
            self,
            overrides: __errwire::Overrides,
        ) -> __errwire::Overridden<Self> {
            __errwire::Overridden::new(self, overrides)
        }
        /// This error with its message replaced for this instance.
        fn with_message(
            self,
            message: impl ::core::convert::Into<
                __errwire::__private::Cow<'static, ::core::primitive::str>,
            >,
        ) -> __errwire::Overridden<Self> {
            __errwire::Overridden::new(self, __errwire::Overrides::message(message))
        }
    }
};
