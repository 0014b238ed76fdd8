//! The errcode table of a catalog: errwire-derive builds it when it expands the catalog, and
//! errwire looks errcodes up in it at run time. The hash, the table's size and the probe
//! sequence are stated here once, for both; a table built one way and read another would
//! miss.
//!
//! The table is open-addressing: an errcode's hash picks a slot, and the slots after it are
//! probed until the errcode or an empty one. At least half the slots are empty, so a lookup
//! costs the same whatever the catalog's size. Each slot holds 1 + the index of an error in
//! `Catalog::ERRORS`, or 0 when empty.
//!
//! The derive builds the table natively, rather than a `const fn` in the catalog's crate:
//! const evaluation costs more compile time (see BENCHMARKS.md).

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

use alloc::vec::Vec;

/// The hash of an errcode: eight bytes at a time, each word multiplied in, then mixed so the
/// low bits, which pick the slot, depend on every byte. Equal hashes are confirmed by
/// comparing the strings.
#[inline]
pub const fn hash(errcode: &str) -> u64 {
    let bytes = errcode.as_bytes();
    let mut hash = SEED ^ bytes.len() as u64;
    let mut rest = bytes;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        hash = step(hash, u64::from_le_bytes(*word));
        rest = tail;
    }
    if !rest.is_empty() {
        // The last eight bytes, overlapping the words before: one load, not a copy of a few.
        let word = match bytes.last_chunk::<8>() {
            Some(last) => u64::from_le_bytes(*last),
            None => {
                let mut word = 0;
                let mut at = rest.len();
                while at > 0 {
                    at -= 1;
                    word = (word << 8) | rest[at] as u64;
                }
                word
            }
        };
        hash = step(hash, word);
    }
    // A word's high bytes reach only the product's high bits: fold them down and multiply
    // once more, so the low bits that pick the slot depend on every byte.
    let hash = (hash ^ (hash >> 32)).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 32)
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
const fn step(hash: u64, word: u64) -> u64 {
    (hash ^ word).wrapping_mul(MULTIPLIER)
}

/// The slot `errcode`'s probe starts at, in a table of `len` slots (a power of two).
#[inline]
fn first_slot(errcode: &str, len: usize) -> usize {
    // Truncation is the point: the low bits of the hash pick the slot.
    #[allow(clippy::cast_possible_truncation)]
    let slot = hash(errcode) as usize;
    slot & (len - 1)
}

/// The slot after `slot`, wrapping around.
#[inline]
fn next_slot(slot: usize, len: usize) -> usize {
    (slot + 1) & (len - 1)
}

/// The table of `errcodes`, each with the index of its error: at least twice as many slots
/// as errcodes, a power of two.
pub fn build<'e>(errcodes: impl ExactSizeIterator<Item = (usize, &'e str)>) -> Vec<u32> {
    let len = (errcodes.len() * 2).next_power_of_two();
    let mut slots = alloc::vec![0u32; len];
    for (index, errcode) in errcodes {
        let mut slot = first_slot(errcode, len);
        while slots[slot] != 0 {
            slot = next_slot(slot, len);
        }
        slots[slot] = u32::try_from(index + 1).unwrap_or(u32::MAX);
    }
    slots
}

/// The index of `errcode` in a table [`build`] made, where `is_at(index)` tells whether the
/// error at `index` has `errcode`.
#[inline]
pub fn find<const N: usize>(
    slots: &[u32; N],
    errcode: &str,
    is_at: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut slot = first_slot(errcode, N);
    loop {
        let index = match slots[slot] {
            0 => return None,
            entry => entry as usize - 1,
        };
        if is_at(index) {
            return Some(index);
        }
        slot = next_slot(slot, N);
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// How many slots a lookup of each errcode reads: 1 when its own slot holds it.
    fn probe_lengths(errcodes: &[&str]) -> Vec<usize> {
        let slots = build(errcodes.iter().copied().enumerate());
        let len = slots.len();
        errcodes
            .iter()
            .enumerate()
            .map(|(index, errcode)| {
                let start = first_slot(errcode, len);
                let found = (0..len)
                    .position(|probe| slots[(start + probe) & (len - 1)] as usize == index + 1);
                found.map_or(usize::MAX, |probe| probe + 1)
            })
            .collect()
    }

    #[test]
    fn similar_errcodes_spread_over_the_table() {
        for size in [10, 1_000, 10_000] {
            let names: Vec<String> = (0..size).map(|i| format!("M_ERROR_{i}")).collect();
            let errcodes: Vec<&str> = names.iter().map(String::as_str).collect();
            let lengths = probe_lengths(&errcodes);
            let longest = lengths.iter().copied().max().unwrap_or(0);
            let mean = lengths.iter().sum::<usize>() as f64 / size as f64;
            assert!(longest <= 24, "{size} errcodes: a probe of {longest}");
            assert!(mean < 2.0, "{size} errcodes: {mean} probes on average");
        }
    }

    #[test]
    fn every_errcode_is_found_and_others_are_not() {
        let errcodes = [(0, "M_FORBIDDEN"), (2, "M_UNKNOWN_TOKEN"), (3, "M_X")];
        let built = build(errcodes.iter().copied());
        let slots: [u32; 8] = built.as_slice().try_into().unwrap_or([0; 8]);
        let is = |errcode: &'static str| {
            move |index: usize| errcodes.iter().any(|&(i, e)| i == index && e == errcode)
        };
        for (index, errcode) in errcodes {
            assert_eq!(find(&slots, errcode, is(errcode)), Some(index));
        }
        for other in ["", "M_Y", "M_FORBIDDEN_", "M_UNKNOWN_TOKEN_AND_MORE"] {
            assert_eq!(find(&slots, other, is(other)), None);
        }
    }

    /// Known answers: a change to the hash is a change to every table, seen here first.
    #[test]
    fn the_hash_is_unchanged() {
        for (errcode, hash) in [
            ("", 0x8570_e254_50bb_d481),
            ("M", 0xc179_d51d_b56d_9fe7),
            ("M_X", 0xb5a3_7678_d784_d4f5),
            ("M_BAD_JSON", 0x0141_0e2d_cc88_0c36),
            ("M_LIMIT_EXCEEDED", 0x688e_39f9_074a_d273),
            ("ORG.MATRIX.MSC3848.ALREADY_JOINED", 0xea2d_96bc_5dbb_b379),
        ] {
            assert_eq!(super::hash(errcode), hash, "{errcode}");
        }
    }
}
