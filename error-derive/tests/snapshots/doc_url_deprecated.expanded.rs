#[allow(deprecated)]
const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::Catalog for ShopError {
        const ERRORS: &'static [__errwire::ErrorDescriptor] = {
            const __MODULE: &'static ::core::primitive::str = ::core::module_path!();
            const __STATUS_404: __errwire::__private::http::StatusCode = __errwire::__private::status(
                404,
            );
            const __FIELDS0: &'static [__errwire::FieldDescriptor] = &[];
            const __STATUS_409: __errwire::__private::http::StatusCode = __errwire::__private::status(
                409,
            );
            const __STATUS_410: __errwire::__private::http::StatusCode = __errwire::__private::status(
                410,
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
                format: __errwire::WireFormat::Problem,
                fields: __FIELDS0,
                parent: ::core::option::Option::None,
                headers: ::core::option::Option::None,
                doc_url: ::core::option::Option::None,
                deprecated: ::core::option::Option::None,
            };
            &[
                __errwire::ErrorDescriptor {
                    name: "ShopError::OrderNotFound",
                    status: __STATUS_404,
                    message: "No order",
                    doc_url: ::core::option::Option::Some(
                        "https://docs.example.com/errors/order-not-found",
                    ),
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "ShopError::OutOfStock",
                    status: __STATUS_409,
                    message: "Out of stock",
                    doc_url: ::core::option::Option::Some("https://shop.example/stock"),
                    ..__BASE
                },
                __errwire::ErrorDescriptor {
                    name: "ShopError::SoldOut",
                    status: __STATUS_410,
                    message: "Sold out",
                    doc_url: ::core::option::Option::Some(
                        "https://docs.example.com/errors/sold-out",
                    ),
                    deprecated: ::core::option::Option::Some(__errwire::Deprecation {
                        since: ::core::option::Option::Some("1.4.0"),
                        note: ::core::option::Option::Some("use OutOfStock"),
                    }),
                    ..__BASE
                },
            ]
        };
    }
    #[automatically_derived]
    impl __errwire::ApiError for ShopError {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            let __index = match self {
                ShopError::OrderNotFound => 0,
                ShopError::OutOfStock => 1,
                ShopError::SoldOut => 2,
            };
            &<Self as __errwire::Catalog>::ERRORS[__index]
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for ShopError {
        fn has_flatten(&self) -> bool {
            false
        }
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            match self {
                ShopError::OrderNotFound => ::core::option::Option::Some("No order"),
                ShopError::OutOfStock => ::core::option::Option::Some("Out of stock"),
                ShopError::SoldOut => ::core::option::Option::Some("Sold out"),
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for ShopError {
        fn fmt(
            &self,
            __formatter: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            match self {
                ShopError::OrderNotFound => __formatter.write_str("No order"),
                ShopError::OutOfStock => __formatter.write_str("Out of stock"),
                ShopError::SoldOut => __formatter.write_str("Sold out"),
            }
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for ShopError {}
    #[automatically_derived]
    impl __errwire::__private::serde::Serialize for ShopError {
        fn serialize<__S: __errwire::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __errwire::__private::serialize_native(self, __serializer)
        }
    }
    #[automatically_derived]
    impl __errwire::Classify for ShopError {}
    #[automatically_derived]
    impl __errwire::__private::GeneratedClassify for ShopError {
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
            match __index {
                0..=2 => {
                    ::core::option::Option::Some(
                        match __index {
                            0 => ShopError::OrderNotFound,
                            1 => ShopError::OutOfStock,
                            2 => ShopError::SoldOut,
                            _ => return ::core::option::Option::None,
                        },
                    )
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    #[automatically_derived]
    #[allow(dead_code, clippy::too_many_arguments, clippy::new_without_default)]
    impl ShopError {
        /// The `OrderNotFound` error: "No order".
        pub const ORDER_NOT_FOUND: Self = ShopError::OrderNotFound;
        /// The `OutOfStock` error: "Out of stock".
        pub const OUT_OF_STOCK: Self = ShopError::OutOfStock;
        /// The `SoldOut` error: "Sold out".
        #[deprecated(since = "1.4.0", note = "use OutOfStock")]
        pub const SOLD_OUT: Self = ShopError::SoldOut;
        /// Builds the `OrderNotFound` error: "No order".
        #[inline]
        pub const fn order_not_found() -> Self {
            ShopError::OrderNotFound
        }
        /// Builds the `OutOfStock` error: "Out of stock".
        #[inline]
        pub const fn out_of_stock() -> Self {
            ShopError::OutOfStock
        }
        /// Builds the `SoldOut` error: "Sold out".
        #[deprecated(since = "1.4.0", note = "use OutOfStock")]
        #[inline]
        pub const fn sold_out() -> Self {
            ShopError::SoldOut
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
