//! The errcode lookup of `Classify::index_by_errcode`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Model;

/// An open-addressing table of the errcodes, built here: the errcode's hash picks a slot, and
/// the few slots after it are probed until the errcode or an empty slot. At least half the
/// slots are empty, so a lookup costs the same whatever the catalog's size.
pub fn errcode_lookup(model: &Model<'_>) -> TokenStream {
    let errcodes: Vec<(usize, &str)> = model
        .errors
        .iter()
        .enumerate()
        .filter_map(|(index, def)| Some((index, def.errcode.as_deref()?)))
        .collect();
    if errcodes.is_empty() {
        return quote! {
            let _ = __errcode;
            ::core::option::Option::None
        };
    }
    let slots = errcode_slots(&errcodes);
    let size = slots.len();
    let slots = slots
        .iter()
        .map(|slot| proc_macro2::Literal::u32_unsuffixed(*slot));
    let size_literal = proc_macro2::Literal::usize_unsuffixed(size);
    let mask = proc_macro2::Literal::usize_unsuffixed(size - 1);
    quote! {
        // Each slot holds 1 + the index of an error in `ERRORS`, or 0 when empty.
        const __SLOTS: [u32; #size_literal] = [#(#slots),*];
        let mut __slot = ::error_core::__private::errcode_hash(__errcode) as usize & #mask;
        loop {
            let __index = match __SLOTS[__slot] {
                0 => return ::core::option::Option::None,
                __entry => __entry as usize - 1,
            };
            if <Self as ::error_core::Catalog>::ERRORS[__index].errcode
                == ::core::option::Option::Some(__errcode)
            {
                return ::core::option::Option::Some(__index);
            }
            __slot = (__slot + 1) & #mask;
        }
    }
}

/// The table of `errcode_lookup`: at least twice as many slots as errcodes, each holding
/// 1 + the index of the errcode whose hash picked it (or the next free one), 0 when empty.
fn errcode_slots(errcodes: &[(usize, &str)]) -> Vec<u32> {
    let size = (errcodes.len() * 2).next_power_of_two();
    let mut slots = vec![0u32; size];
    for (index, errcode) in errcodes {
        // Truncation is the point: the low bits of the hash pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = errcode_hash(errcode) as usize & (size - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        slots[slot] = u32::try_from(index + 1).unwrap_or(u32::MAX);
    }
    slots
}

/// The hash `error_core::__private::errcode_hash` computes at run time (see there why so):
/// the two must agree, or lookups miss (`error-catalog/tests/round_trip.rs` looks every
/// Synapse errcode up).
fn errcode_hash(errcode: &str) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |hash: u64, word: u64| (hash ^ word).wrapping_mul(MULTIPLIER);
    let word_at = |bytes: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[..8]);
        u64::from_le_bytes(word)
    };
    let bytes = errcode.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for word in &mut words {
        hash = step(hash, word_at(word));
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        let word = match bytes.len().checked_sub(8) {
            Some(start) => word_at(&bytes[start..]),
            None => tail
                .iter()
                .rev()
                .fold(0, |word, &byte| (word << 8) | u64::from(byte)),
        };
        hash = step(hash, word);
    }
    let hash = (hash ^ (hash >> 32)).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many slots a lookup of each errcode reads: 1 when its own slot holds it.
    fn probe_lengths(errcodes: &[(usize, &str)]) -> Vec<usize> {
        let slots = errcode_slots(errcodes);
        let mask = slots.len() - 1;
        errcodes
            .iter()
            .map(|(index, errcode)| {
                #[allow(clippy::cast_possible_truncation)]
                let start = errcode_hash(errcode) as usize & mask;
                let found = (0..slots.len())
                    .position(|probe| slots[(start + probe) & mask] as usize == index + 1);
                found.map_or(usize::MAX, |probe| probe + 1)
            })
            .collect()
    }

    #[test]
    fn similar_errcodes_spread_over_the_table() {
        for size in [10, 1_000, 10_000] {
            let names: Vec<String> = (0..size).map(|i| format!("M_ERROR_{i}")).collect();
            let errcodes: Vec<(usize, &str)> = names
                .iter()
                .enumerate()
                .map(|(i, n)| (i, n.as_str()))
                .collect();
            let lengths = probe_lengths(&errcodes);
            let longest = lengths.iter().copied().max().unwrap_or(0);
            let mean = lengths.iter().sum::<usize>() as f64 / size as f64;
            assert!(longest <= 24, "{size} errcodes: a probe of {longest}");
            assert!(mean < 2.0, "{size} errcodes: {mean} probes on average");
        }
    }
}
