::core::compile_error! {
    "`http = 200` is not an error status: use a status from 300 to 599"
}
::core::compile_error! {
    "`{nope}`: this error has no field named `nope`"
}
const _: () = {
    use ::errwire as __errwire;
    #[automatically_derived]
    impl __errwire::ApiError for Wrong {
        fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl __errwire::__private::Generated for Wrong {
        fn has_flatten(&self) -> bool {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Display for Wrong {
        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::unreachable!()
        }
    }
    #[automatically_derived]
    impl ::core::error::Error for Wrong {}
};
