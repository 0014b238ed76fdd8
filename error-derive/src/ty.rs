//! Questions about a field's type, answered from its structure (`syn::Type`), never from its
//! text: a type named `SelfLink` does not mention `Self`, and `&` inside a string literal of a
//! const generic does not make a type borrowed.

use quote::quote;

/// `T`, if `ty` is `Option<T>` (by its last path segment, as `std::option::Option<T>` and
/// `Option<T>` are both written).
pub fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => {
            match args.args.first() {
                Some(syn::GenericArgument::Type(inner)) => Some(inner),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `ty` holds a reference anywhere (`&str`, `Option<&'a [u8]>`).
pub fn is_borrowed(ty: &syn::Type) -> bool {
    any_type(ty, &mut |ty| matches!(ty, syn::Type::Reference(_)))
}

/// Whether `ty` may name `Self` anywhere (`Self`, `Box<Self>`, `<Self as Trait>::Out`). A
/// macro in type position may expand to anything, so it counts as naming it.
pub fn mentions_self(ty: &syn::Type) -> bool {
    any_type(ty, &mut |ty| match ty {
        syn::Type::Path(path) => path.qself.is_none() && path_starts_with_self(&path.path),
        syn::Type::Macro(_) | syn::Type::Verbatim(_) => true,
        _ => false,
    })
}

fn path_starts_with_self(path: &syn::Path) -> bool {
    path.leading_colon.is_none() && path.segments.first().is_some_and(|s| s.ident == "Self")
}

/// Whether `found` holds for `ty` or any type inside it.
fn any_type(ty: &syn::Type, found: &mut dyn FnMut(&syn::Type) -> bool) -> bool {
    if found(ty) {
        return true;
    }
    match ty {
        syn::Type::Array(array) => any_type(&array.elem, found),
        syn::Type::Group(group) => any_type(&group.elem, found),
        syn::Type::Paren(paren) => any_type(&paren.elem, found),
        syn::Type::Ptr(ptr) => any_type(&ptr.elem, found),
        syn::Type::Reference(reference) => any_type(&reference.elem, found),
        syn::Type::Slice(slice) => any_type(&slice.elem, found),
        syn::Type::Tuple(tuple) => tuple.elems.iter().any(|elem| any_type(elem, found)),
        syn::Type::Path(path) => {
            path.qself
                .as_ref()
                .is_some_and(|qself| any_type(&qself.ty, found))
                || any_in_path(&path.path, found)
        }
        syn::Type::FnPtr(function) => {
            function.inputs.iter().any(|arg| any_type(&arg.ty, found))
                || any_in_return(&function.output, found)
        }
        syn::Type::TraitObject(object) => any_in_bounds(object.bounds.iter(), found),
        syn::Type::ImplTrait(bounds) => any_in_bounds(bounds.bounds.iter(), found),
        _ => false,
    }
}

fn any_in_path(path: &syn::Path, found: &mut dyn FnMut(&syn::Type) -> bool) -> bool {
    path.segments
        .iter()
        .any(|segment| match &segment.arguments {
            syn::PathArguments::None => false,
            syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|arg| match arg {
                syn::GenericArgument::Type(ty) => any_type(ty, found),
                syn::GenericArgument::AssocType(assoc) => any_type(&assoc.ty, found),
                syn::GenericArgument::Constraint(constraint) => {
                    any_in_bounds(constraint.bounds.iter(), found)
                }
                _ => false,
            }),
            syn::PathArguments::Parenthesized(args) => {
                args.inputs.iter().any(|arg| any_type(&arg.ty, found))
                    || any_in_return(&args.output, found)
            }
        })
}

fn any_in_return(output: &syn::ReturnType, found: &mut dyn FnMut(&syn::Type) -> bool) -> bool {
    match output {
        syn::ReturnType::Default => false,
        syn::ReturnType::Type(_, ty) => any_type(ty, found),
    }
}

fn any_in_bounds<'a>(
    mut bounds: impl Iterator<Item = &'a syn::TypeParamBound>,
    found: &mut dyn FnMut(&syn::Type) -> bool,
) -> bool {
    bounds.any(|bound| match bound {
        syn::TypeParamBound::Trait(bound) => {
            path_starts_with_self(&bound.path) || any_in_path(&bound.path, found)
        }
        _ => false,
    })
}

/// Whether `ty` is `Box<dyn …>` (by its last path segment), as `Box<dyn Error + Send + Sync>`.
pub fn is_boxed_trait_object(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if last.ident == "Box" => matches!(
            args.args.first(),
            Some(syn::GenericArgument::Type(syn::Type::TraitObject(_)))
        ),
        _ => false,
    }
}

/// Whether two types are written with the same tokens (spans aside): `io::Error` and
/// `std::io::Error` differ, as they may name different types for all the derive knows.
pub fn same_type(a: &syn::Type, b: &syn::Type) -> bool {
    same_tokens(quote!(#a), quote!(#b))
}

fn same_tokens(a: proc_macro2::TokenStream, b: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    loop {
        let same = match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(TokenTree::Group(x)), Some(TokenTree::Group(y))) => {
                x.delimiter() == y.delimiter() && same_tokens(x.stream(), y.stream())
            }
            (Some(TokenTree::Ident(x)), Some(TokenTree::Ident(y))) => x == y,
            (Some(TokenTree::Punct(x)), Some(TokenTree::Punct(y))) => {
                x.as_char() == y.as_char() && x.spacing() == y.spacing()
            }
            (Some(TokenTree::Literal(x)), Some(TokenTree::Literal(y))) => {
                x.to_string() == y.to_string()
            }
            _ => false,
        };
        if !same {
            return false;
        }
    }
}

/// A type as a person writes it: `Option<u64>`, not `Option < u64 >`. For display only (the
/// descriptor's `ty`): nothing is decided by this text.
pub fn type_name(ty: &syn::Type) -> String {
    let spaced = quote!(#ty).to_string();
    let mut name = String::with_capacity(spaced.len());
    let mut chars = spaced.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = name.chars().last();
            let next = chars.peek().copied();
            let glued = matches!(prev, Some('<' | '&' | '(' | '[' | ':'))
                || matches!(next, Some('<' | '>' | ',' | ')' | ']' | ':' | ';'))
                || (prev == Some('>') && next != Some('+'));
            let keep = prev == Some(',') || prev == Some(';') || !glued;
            if keep {
                name.push(' ');
            }
        } else {
            name.push(c);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn type_names_read_as_written() {
        let ty: syn::Type = parse_quote!(BTreeMap<String, Vec<String>>);
        assert_eq!(type_name(&ty), "BTreeMap<String, Vec<String>>");
        let ty: syn::Type = parse_quote!(Option<&'static str>);
        assert_eq!(type_name(&ty), "Option<&'static str>");
        let ty: syn::Type = parse_quote!(Box<dyn std::error::Error + Send + Sync>);
        assert_eq!(type_name(&ty), "Box<dyn std::error::Error + Send + Sync>");
    }

    #[test]
    fn a_type_named_like_self_is_not_self() {
        for (ty, mentions) in [
            (parse_quote!(SelfLink), false),
            (parse_quote!(Vec<SelfLink>), false),
            (parse_quote!(links::Self_), false),
            (parse_quote!(Self), true),
            (parse_quote!(Box<Self>), true),
            (parse_quote!(<Self as Trait>::Out), true),
            (parse_quote!(Option<(u8, Self::Out)>), true),
            (parse_quote!(fn(Self) -> u8), true),
        ] {
            let ty: syn::Type = ty;
            assert_eq!(mentions_self(&ty), mentions, "{}", type_name(&ty));
        }
    }

    #[test]
    fn borrowed_types_are_found_inside_others() {
        for (ty, borrowed) in [
            (parse_quote!(&'static str), true),
            (parse_quote!(Option<&'a [u8]>), true),
            (parse_quote!([&'a str; 2]), true),
            (parse_quote!(String), false),
            (parse_quote!(Cow<'static, str>), false),
            (parse_quote!(Option<Vec<u8>>), false),
        ] {
            let ty: syn::Type = ty;
            assert_eq!(is_borrowed(&ty), borrowed, "{}", type_name(&ty));
        }
    }

    #[test]
    fn same_type_compares_tokens_not_spans() {
        let (a, b): (syn::Type, syn::Type) =
            (parse_quote!(std::io::Error), parse_quote!(std::io::Error));
        assert!(same_type(&a, &b));
        let c: syn::Type = parse_quote!(io::Error);
        assert!(!same_type(&a, &c));
        let (d, e): (syn::Type, syn::Type) = (
            parse_quote!(Box<dyn Error + Send>),
            parse_quote!(Box<dyn Error + Sync>),
        );
        assert!(!same_type(&d, &e));
    }

    #[test]
    fn boxed_trait_objects_are_told_by_structure() {
        let (a, b, c): (syn::Type, syn::Type, syn::Type) = (
            parse_quote!(Box<dyn std::error::Error + Send + Sync>),
            parse_quote!(std::boxed::Box<dyn Error>),
            parse_quote!(Box<io::Error>),
        );
        assert!(is_boxed_trait_object(&a));
        assert!(is_boxed_trait_object(&b));
        assert!(!is_boxed_trait_object(&c));
    }

    #[test]
    fn only_option_has_an_option_inner() {
        let ty: syn::Type = parse_quote!(std::option::Option<u64>);
        assert!(option_inner(&ty).is_some());
        let ty: syn::Type = parse_quote!(Optional<u64>);
        assert!(option_inner(&ty).is_none());
    }
}
