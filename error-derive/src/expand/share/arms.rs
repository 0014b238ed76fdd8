//! Match arms shared by errors whose generated code reads the same.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::pattern::{binding, pattern};
use crate::model::{ErrorDef, FieldDef, Kind, Model};

/// One arm of a generated `match`: the patterns of every error it serves, and its body.
struct Arm {
    patterns: Vec<TokenStream>,
    binds_nothing: bool,
    body: TokenStream,
}

/// The most patterns one arm joins with `|`. rustc checks that the alternatives of an
/// or-pattern bind alike pair by pair, so one arm of 10,000 alternatives costs seconds; arms
/// of 64 cost what the alternatives do.
const MAX_ALTERNATIVES: usize = 64;

/// `items` grouped by their key: groups in the order of their first item, each in order.
pub fn group_by_key<T>(items: Vec<(String, T)>) -> Vec<Vec<T>> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (key, item) in items {
        let group = *group_of.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(item);
    }
    groups
}

/// What makes two arms the same: their body, and the names and types of what they bind.
fn arm_key(fields: &[&FieldDef<'_>], body: &TokenStream) -> String {
    let mut key = body.to_string();
    for field in fields {
        let (binding, ty) = (binding(field), field.ty);
        key.push_str(&format!(" | {binding}: {}", quote!(#ty)));
    }
    key
}

/// Runs `arm` on every error; `None` where it has nothing to do. For a struct, the body is
/// `let <pattern> = self; …`; for an enum, a `match` with a `_ => default` arm for the errors
/// left out. Returns `None` when no error has anything to do, so the method is not emitted.
pub fn per_error<'m>(
    model: &'m Model<'_>,
    default: TokenStream,
    mut arm: impl FnMut(&'m ErrorDef<'m>) -> Option<(Vec<&'m FieldDef<'m>>, TokenStream)>,
) -> Option<TokenStream> {
    let mut left_out = false;
    let mut keyed = Vec::new();
    for def in &model.errors {
        let Some((fields, body)) = arm(def) else {
            left_out = true;
            continue;
        };
        let pattern = pattern(model, def, &fields, true);
        keyed.push((arm_key(&fields, &body), (pattern, fields.is_empty(), body)));
    }
    // Errors whose arm reads the same and binds fields of the same names and types share one
    // arm, their patterns joined with `|`: a catalog of a thousand errors of one shape gives
    // rustc a few bodies to check instead of a thousand.
    let arms: Vec<Arm> = group_by_key(keyed)
        .into_iter()
        .flat_map(|group| {
            let (binds_nothing, body) = group
                .first()
                .map(|(_, binds_nothing, body)| (*binds_nothing, body.clone()))
                .unwrap_or_default();
            let patterns: Vec<TokenStream> =
                group.into_iter().map(|(pattern, ..)| pattern).collect();
            patterns
                .chunks(MAX_ALTERNATIVES)
                .map(|patterns| Arm {
                    patterns: patterns.to_vec(),
                    binds_nothing,
                    body: body.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    match model.kind {
        Kind::Struct => arms.into_iter().next().map(|arm| {
            let Arm {
                patterns,
                binds_nothing,
                body,
                ..
            } = arm;
            if binds_nothing {
                body
            } else {
                quote! {
                    let #(#patterns)* = self;
                    #body
                }
            }
        }),
        Kind::Enum => {
            let arms = arms
                .into_iter()
                .map(|Arm { patterns, body, .. }| quote!(#(#patterns)|* => #body,));
            let rest = left_out.then(|| quote!(_ => #default,));
            Some(quote! {
                match self {
                    #(#arms)*
                    #rest
                }
            })
        }
    }
}

/// A pattern matching the given ascending indices, runs written as ranges: `0..=999 | 1200`.
/// Ten thousand literal alternatives cost rustc seconds; a range costs nothing.
pub fn index_patterns(indices: impl IntoIterator<Item = usize>) -> TokenStream {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for index in indices {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == index => *last = index,
            _ => runs.push((index, index)),
        }
    }
    let runs = runs.into_iter().map(|(first, last)| {
        let from = proc_macro2::Literal::usize_unsuffixed(first);
        if first == last {
            return quote!(#from);
        }
        let to = proc_macro2::Literal::usize_unsuffixed(last);
        quote!(#from..=#to)
    });
    quote!(#(#runs)|*)
}
