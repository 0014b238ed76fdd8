#[automatically_derived]
impl ::error_core::Described for SynapseError {
    const DESCRIPTOR: &'static ::error_core::ErrorDescriptor = &::error_core::ErrorDescriptor {
        name: "SynapseError",
        module: ::core::module_path!(),
        code: ::core::option::Option::None,
        status: <HttpError as ::error_core::Described>::DESCRIPTOR.status,
        errcode: ::core::option::Option::Some("M_UNKNOWN"),
        error_type: <HttpError as ::error_core::Described>::DESCRIPTOR.error_type,
        error_subtype: <HttpError as ::error_core::Described>::DESCRIPTOR.error_subtype,
        message: "{3} ({0:?})",
        doc: "Synapse's `SynapseError(code, msg, errcode)`.",
        format: <HttpError as ::error_core::Described>::DESCRIPTOR.format,
        fields: &[
            ::error_core::FieldDescriptor {
                name: "0",
                ty: "u16",
                role: ::error_core::FieldRole::Status,
            },
            ::error_core::FieldDescriptor {
                name: "1",
                ty: "Option<std::io::Error>",
                role: ::error_core::FieldRole::Source,
            },
            ::error_core::FieldDescriptor {
                name: "2",
                ty: "Secret",
                role: ::error_core::FieldRole::Skip,
            },
            ::error_core::FieldDescriptor {
                name: "3",
                ty: "String",
                role: ::error_core::FieldRole::Context,
            },
        ],
        parent: ::core::option::Option::Some(
            <HttpError as ::error_core::Described>::DESCRIPTOR,
        ),
        headers: <HttpError as ::error_core::Described>::DESCRIPTOR.headers,
    };
}
#[automatically_derived]
impl ::error_core::Catalog for SynapseError {
    const ERRORS: &'static [::error_core::ErrorDescriptor] = ::core::slice::from_ref(
        <Self as ::error_core::Described>::DESCRIPTOR,
    );
}
#[automatically_derived]
impl ::error_core::ApiError for SynapseError {
    fn descriptor(&self) -> &'static ::error_core::ErrorDescriptor {
        <Self as ::error_core::Described>::DESCRIPTOR
    }
}
#[automatically_derived]
impl ::error_core::__private::Generated for SynapseError {
    fn has_flatten(&self) -> bool {
        false
    }
    fn instance(&self) -> ::error_core::Instance<'_> {
        let Self(__field0, ..) = self;
        ::error_core::Instance {
            status: ::error_core::__private::StatusField::to_status(__field0),
            ..::error_core::Instance::NONE
        }
    }
}
#[automatically_derived]
impl ::core::fmt::Display for SynapseError {
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let Self(__field0, _, _, __field3) = self;
        ::core::write!(__formatter, "{__field3} ({__field0:?})")
    }
}
#[automatically_derived]
impl ::core::error::Error for SynapseError {
    fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
        let Self(_, __field1, ..) = self;
        {
            use ::error_core::__private::AsDynError as _;
            ::core::option::Option::map(
                ::core::option::Option::as_ref(__field1),
                |__source| __source.as_dyn_error(),
            )
        }
    }
}
#[automatically_derived]
impl ::error_core::__private::serde::Serialize for SynapseError {
    fn serialize<__S: ::error_core::__private::serde::Serializer>(
        &self,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error> {
        ::error_core::__private::serialize_native(self, __serializer)
    }
}
#[automatically_derived]
impl ::error_core::Classify for SynapseError {}
#[automatically_derived]
impl ::error_core::__private::GeneratedClassify for SynapseError {
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
        fn __fill0(
            __value: ::core::option::Option<::error_core::__private::Member<'_>>,
        ) -> ::core::option::Option<u16> {
            {
                use ::error_core::__private::{
                    FillDefault as _, FillDeserialize as _,
                    FillDeserializeOrDefault as _, FillNothing as _,
                };
                (&&&&::error_core::__private::Fill::<u16>::new()).fill(__value)
            }
        }
        fn __fill1(
            __value: ::core::option::Option<::error_core::__private::Member<'_>>,
        ) -> ::core::option::Option<Option<std::io::Error>> {
            {
                use ::error_core::__private::{
                    FillDefault as _, FillDeserialize as _,
                    FillDeserializeOrDefault as _, FillNothing as _,
                };
                (&&&&::error_core::__private::Fill::<Option<std::io::Error>>::new())
                    .fill(__value)
            }
        }
        fn __fill2(
            __value: ::core::option::Option<::error_core::__private::Member<'_>>,
        ) -> ::core::option::Option<Secret> {
            {
                use ::error_core::__private::{
                    FillDefault as _, FillDeserialize as _,
                    FillDeserializeOrDefault as _, FillNothing as _,
                };
                (&&&&::error_core::__private::Fill::<Secret>::new()).fill(__value)
            }
        }
        fn __fill3(
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
            0 => {
                match (
                    __fill0(::error_core::__private::number(__wire.status())),
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
