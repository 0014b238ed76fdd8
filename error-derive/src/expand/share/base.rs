//! The `__BASE` descriptor: each descriptor of an enum spells out only what differs from a
//! shared descriptor of the values most errors have, a tenth of the tokens for rustc to check
//! in a catalog of one shape.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::expand::descriptor::{KEYS, Values, descriptor_literal, keyed};

/// The `__BASE` item and each error's descriptor, naming it.
pub fn descriptors_from_base(all: &[Values]) -> (TokenStream, Vec<TokenStream>) {
    let base_ident = format_ident!("__BASE");
    let texts: Vec<Vec<String>> = all
        .iter()
        .map(|values| values.iter().map(ToString::to_string).collect())
        .collect();
    // For each key, the value of `__BASE` and its text.
    let base: Vec<(TokenStream, String)> = KEYS
        .iter()
        .enumerate()
        .map(|(position, key)| {
            let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
            for (error, text) in texts.iter().enumerate() {
                counts
                    .entry(text[position].as_str())
                    .or_insert((0, error))
                    .0 += 1;
            }
            // The value most errors share (the first such on a tie); a value no two errors
            // share is written where it is used.
            let common = counts
                .into_values()
                .filter(|&(count, _)| count > 1 && key.shareable)
                .max_by_key(|&(count, first)| (count, std::cmp::Reverse(first)));
            match common {
                Some((_, error)) => (all[error][position].clone(), texts[error][position].clone()),
                None => {
                    let default = (key.default)();
                    let text = default.to_string();
                    (default, text)
                }
            }
        })
        .collect();
    let base_values: Values = base.iter().map(|(value, _)| value.clone()).collect();
    let base_literal = descriptor_literal(keyed(&base_values), None);
    let base_item = quote!(const #base_ident: __errwire::ErrorDescriptor = #base_literal;);
    let descriptors = all
        .iter()
        .zip(&texts)
        .map(|(values, texts)| {
            let differing = keyed(values)
                .zip(texts)
                .zip(&base)
                .filter(|((_, text), (_, base_text))| *text != base_text)
                .map(|(field, _)| field.0);
            descriptor_literal(differing, Some(&base_ident))
        })
        .collect();
    (base_item, descriptors)
}
