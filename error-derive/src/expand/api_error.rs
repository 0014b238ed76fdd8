//! `ApiError` (the descriptor of each error) and the hidden `__private::Generated` (what the
//! instance adds to it: its own values, headers and body members).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::pattern::{binding, pattern};
use super::share::arms::per_error;
use crate::model::{Extra, FieldDef, Header, InstanceValue, Kind, Model, Role};

pub fn api_error_impl(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let descriptor = match model.kind {
        Kind::Struct => quote!(<Self as __errwire::Described>::DESCRIPTOR),
        Kind::Enum => {
            // One mention of `ERRORS`: each mention of a constant is evaluated and walked
            // again, which made catalogs of thousands of errors slow to compile.
            let arms = model.errors.iter().enumerate().map(|(index, def)| {
                let pattern = pattern(model, def, &[], true);
                let index = proc_macro2::Literal::usize_unsuffixed(index);
                quote!(#pattern => #index,)
            });
            quote! {
                let __index = match self { #(#arms)* };
                &<Self as __errwire::Catalog>::ERRORS[__index]
            }
        }
    };
    let instance = instance_fn(model);
    let message_text = message_text_fn(model);
    let headers = headers_fn(model);
    let extra = serialize_extra_fn(model);
    // Answered here for a type without a `flatten` field, sparing the look at the
    // descriptor on every render.
    let any_flatten = model.errors.iter().any(|def| {
        def.fields
            .iter()
            .any(|field| matches!(field.role, Role::Flatten))
    });
    let has_flatten = if any_flatten {
        quote!(__errwire::ApiError::descriptor(self).has_flatten())
    } else {
        quote!(false)
    };
    let field_errors = per_error(model, quote!(::core::option::Option::None), |def| {
        let field = def
            .fields
            .iter()
            .find(|f| matches!(f.role, Role::FieldErrors))?;
        let binding = binding(field);
        // Spanned at the type, so a field of another type is reported there.
        let read = quote_spanned! {field.ty.span()=>
            __errwire::__private::FieldErrorsField::field_errors(#binding)
        };
        Some((vec![field], read))
    })
    .map(|body| {
        quote! {
            fn field_errors(&self) -> ::core::option::Option<&__errwire::FieldErrors> {
                #body
            }
        }
    });
    // The errors whose template shows their source: as a 5xx, their body does not.
    let shows_source = per_error(model, quote!(false), |def| {
        let template = def.message.as_ref().filter(|_| def.display.is_none())?;
        let shown = template
            .members
            .iter()
            .any(|member| def.field(member).is_some_and(|f| f.role.is_source()));
        shown.then(|| (Vec::new(), quote!(true)))
    })
    .map(|body| {
        quote! {
            fn message_shows_source(&self) -> bool {
                #body
            }
        }
    });
    // The errors declared `bare`: their native body is their own members only.
    let bare = per_error(model, quote!(false), |def| {
        def.bare.then(|| (Vec::new(), quote!(true)))
    })
    .map(|body| {
        quote! {
            fn bare_body(&self) -> bool {
                #body
            }
        }
    });
    // For logging a 5xx's source chain: the `Error` impl's, where any error has a source.
    let error_source = model
        .errors
        .iter()
        .any(|def| def.fields.iter().any(|f| f.role.is_source()))
        .then(|| {
            quote! {
                fn error_source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                    ::core::error::Error::source(self)
                }
            }
        });
    quote! {
        #[automatically_derived]
        impl #impl_generics __errwire::ApiError for #ident #ty_generics #where_clause {
            fn descriptor(&self) -> &'static __errwire::ErrorDescriptor {
                #descriptor
            }
        }

        #[automatically_derived]
        impl #impl_generics __errwire::__private::Generated for #ident #ty_generics #where_clause {
            fn has_flatten(&self) -> bool {
                #has_flatten
            }
            #message_text
            #instance
            #headers
            #extra
            #field_errors
            #shows_source
            #error_source
            #bare
        }
    }
}

/// `message_text`, for the errors whose message is fixed text (a template without fields,
/// or a parent's inherited as written), so bodies write it without formatting.
fn message_text_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!(::core::option::Option::None), |def| {
        if def.display.is_some() {
            return None;
        }
        let text = match &def.message {
            Some(template) if template.members.is_empty() => {
                let text = &template.literal_text;
                quote!(#text)
            }
            Some(_) => return None,
            None => quote!(__errwire::ApiError::descriptor(self).message),
        };
        Some((Vec::new(), quote!(::core::option::Option::Some(#text))))
    })?;
    Some(quote! {
        fn message_text(&self) -> ::core::option::Option<&::core::primitive::str> {
            #body
        }
    })
}

fn instance_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!(__errwire::Instance::NONE), |def| {
        let fields = def
            .fields
            .iter()
            .filter_map(|f| Some((f, f.role.value()?)))
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let values = fields.iter().map(|&(field, value)| {
            let binding = binding(field);
            let key = format_ident!("{}", value.key());
            let read = match value {
                InstanceValue::Status => {
                    quote!(__errwire::__private::StatusField::to_status(#binding))
                }
                InstanceValue::Code => {
                    quote!(__errwire::__private::CodeField::to_code(#binding))
                }
                _ => quote!(__errwire::__private::TextField::to_text(#binding)),
            };
            quote!(#key: #read,)
        });
        Some((
            fields.iter().map(|&(field, _)| field).collect(),
            quote! {
                __errwire::Instance {
                    #(#values)*
                    ..__errwire::Instance::NONE
                }
            },
        ))
    })?;
    Some(quote! {
        fn instance(&self) -> __errwire::Instance<'_> {
            #body
        }
    })
}

fn headers_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!({}), |def| {
        let fields = def
            .fields
            .iter()
            .filter(|f| f.role.header().is_some() || matches!(f.role, Role::Headers))
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let inserts = fields.iter().map(|field| {
            with_value(field, field.option_inner().is_some(), |value| match field.role.header() {
                Some(Header { name, sent_as, with }) => {
                    let value = match with {
                        Some(with) => quote!(&#with(#value)),
                        None => value,
                    };
                    // Spanned at the field's type, so a type that is no header value is
                    // reported there.
                    let header_value = quote_spanned! {field.ty.span()=>
                        (&__errwire::__private::HeaderOf(#value)).header_value(#name)
                    };
                    quote! {
                        if let ::core::option::Option::Some(__header) = {
                            use __errwire::__private::{
                                DisplayHeaderValue as _, IntegerHeaderValue as _,
                            };
                            #header_value?
                        } {
                            __errwire::__private::insert_field_header(
                                __headers,
                                const { __errwire::__private::http::HeaderName::from_static(#sent_as) },
                                __header,
                            );
                        }
                    }
                }
                None => quote! {
                    for (__name, __value) in #value {
                        __errwire::__private::insert_header(
                            __headers,
                            ::core::convert::AsRef::<::core::primitive::str>::as_ref(__name),
                            __value,
                        )?;
                    }
                },
            })
        });
        Some((fields.clone(), quote!({ #(#inserts)* })))
    })?;
    Some(quote! {
        fn write_field_headers(
            &self,
            __headers: &mut __errwire::__private::http::HeaderMap,
        ) -> ::core::result::Result<(), __errwire::RenderError> {
            #body
            ::core::result::Result::Ok(())
        }
    })
}

fn serialize_extra_fn(model: &Model<'_>) -> Option<TokenStream> {
    let body = per_error(model, quote!({}), |def| {
        let fields = def
            .fields
            .iter()
            .filter(|f| f.role.extra().is_some() || matches!(f.role, Role::Flatten))
            .collect::<Vec<_>>();
        if fields.is_empty() {
            return None;
        }
        let entries = fields.iter().map(|field| body_entries(field));
        Some((fields.clone(), quote!({ #(#entries)* })))
    })?;
    Some(quote! {
        fn serialize_extra<__M: __errwire::__private::serde::ser::SerializeMap>(
            &self,
            __map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            #body
            ::core::result::Result::Ok(())
        }
    })
}

/// The body members of one field: one entry for `extra` (none for a `None` that is not
/// `nullable`), every entry of the map for `flatten`.
fn body_entries(field: &FieldDef<'_>) -> TokenStream {
    let extra = field.role.extra();
    let unwrap = field.option_inner().is_some() && !extra.is_some_and(|extra| extra.nullable);
    with_value(field, unwrap, |value| match extra {
        Some(Extra { key, .. }) => quote! {
            __errwire::__private::serde::ser::SerializeMap::serialize_entry(__map, #key, #value)?;
        },
        None => quote! {
            for (__key, __value) in #value {
                __errwire::__private::serde::ser::SerializeMap::serialize_entry(__map, __key, __value)?;
            }
        },
    })
}

/// `use_value` applied to the field's value: with `unwrap` (an `Option` field), only when it
/// is `Some`, to what it holds.
fn with_value(
    field: &FieldDef<'_>,
    unwrap: bool,
    use_value: impl FnOnce(TokenStream) -> TokenStream,
) -> TokenStream {
    let binding = binding(field);
    if unwrap {
        let used = use_value(quote!(__value));
        quote! {
            if let ::core::option::Option::Some(__value) = #binding {
                #used
            }
        }
    } else {
        use_value(binding)
    }
}
