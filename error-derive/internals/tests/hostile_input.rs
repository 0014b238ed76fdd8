//! The derive under hostile input: every declaration of the trybuild cases, then the same
//! with tokens dropped, duplicated, swapped, replaced by literals of the wrong kind, huge
//! numbers, non-ASCII identifiers and deep nesting. Whatever rustc could hand the derive (any
//! input that parses as a struct, enum or union), it never panics, its output parses as
//! items, and every `compile_error!` it writes points at tokens of the input (a non-empty
//! span), never at nothing.

mod harness;

use std::path::Path;
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use proptest::prelude::*;

/// The trybuild cases' files.
fn case_files(folder: &str) -> Vec<std::path::PathBuf> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ui");
    let mut files: Vec<_> = std::fs::read_dir(ui.join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

/// Every item deriving `ApiError` in the trybuild cases, as source text, with whether it
/// is a case that must fail; read once.
fn seeds() -> &'static [(String, bool)] {
    static SEEDS: std::sync::OnceLock<Vec<(String, bool)>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(read_seeds)
}

fn read_seeds() -> Vec<(String, bool)> {
    let mut seeds = Vec::new();
    for (folder, fails) in [("pass", false), ("fail", true)] {
        let files = case_files(folder);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // A file nested too deep for syn (the nesting case) is the derive's to refuse,
            // which `check_derive_any` above checks; it seeds nothing.
            let deep = TokenStream::from_str(&text)
                .map_or(true, |tokens| errwire_derive_internals::too_deep(&tokens));
            if deep {
                continue;
            }
            let Ok(file) = syn::parse_file(&text) else {
                continue;
            };
            for item in file.items {
                let derives = match &item {
                    syn::Item::Struct(s) => derives_api_error(&s.attrs),
                    syn::Item::Enum(e) => derives_api_error(&e.attrs),
                    _ => false,
                };
                if derives {
                    seeds.push((quote::ToTokens::to_token_stream(&item).to_string(), fails));
                }
            }
        }
    }
    assert!(seeds.len() > 60, "only {} seeds", seeds.len());
    seeds
}

fn derives_api_error(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && quote::ToTokens::to_token_stream(attr)
                .to_string()
                .contains("ApiError")
    })
}

/// rustc's thread stack (`rustc_interface`'s 8 MiB), on which it runs derives.
const RUSTC_STACK: usize = 8 << 20;

/// [`check`] on a thread with rustc's stack.
fn check_as_rustc(source: String) -> Result<(), TestCaseError> {
    std::thread::Builder::new()
        .stack_size(RUSTC_STACK)
        .spawn(move || check(&source))
        .unwrap_or_else(|e| panic!("spawn: {e}"))
        .join()
        .unwrap_or_else(|_| Err(TestCaseError::fail("the derive panicked")))
}

fn check(source: &str) -> Result<(), TestCaseError> {
    harness::check_derive(source).map_err(TestCaseError::fail)
}

/// `source` as a flat list of token texts, group delimiters as tokens of their own, each
/// with whether a space follows it (none after a joint punctuation, so `::` stays one).
fn flatten(source: &str) -> Vec<(String, bool)> {
    fn walk(tokens: TokenStream, out: &mut Vec<(String, bool)>) {
        for tree in tokens {
            match tree {
                TokenTree::Group(group) => {
                    let (open, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::None => ("", ""),
                    };
                    out.push((open.to_owned(), true));
                    walk(group.stream(), out);
                    out.push((close.to_owned(), true));
                }
                TokenTree::Punct(punct) => {
                    out.push((
                        punct.as_char().to_string(),
                        punct.spacing() == Spacing::Alone,
                    ));
                }
                other => out.push((other.to_string(), true)),
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(tokens) = TokenStream::from_str(source) {
        walk(tokens, &mut out);
    }
    out
}

fn unflatten(tokens: &[(String, bool)]) -> String {
    let mut text = String::new();
    for (token, space) in tokens {
        text.push_str(token);
        if *space {
            text.push(' ');
        }
    }
    text
}

/// Tokens that are wrong in most places an attribute takes a value.
const REPLACEMENTS: &[&str] = &[
    "\"x\"",
    "\"\"",
    "0",
    "-1",
    "1.5",
    "'c'",
    "b\"x\"",
    "true",
    "r#\"raw\"#",
    "99999999999999999999999999999999999999",
    "0xFFFF_FFFF_FFFF_FFFF_FFFF",
    "1e999",
    "é",
    "日本",
    "Self",
    "crate",
    "_",
    "\"\\u{0}\"",
    "\"M_\u{1F600}\"",
    "\"{\"",
    "\"}{\"",
    "\"{0}{1}{2}\"",
    "\"{self}\"",
];

#[derive(Clone, Debug)]
enum Mutation {
    Drop(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Replace(usize, usize),
    Nest(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Drop),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), 0..REPLACEMENTS.len()).prop_map(|(a, r)| Mutation::Replace(a, r)),
        (any::<usize>(), 1..200usize).prop_map(|(a, depth)| Mutation::Nest(a, depth)),
    ]
}

fn apply(tokens: &mut Vec<(String, bool)>, mutation: &Mutation) {
    if tokens.is_empty() {
        return;
    }
    let len = tokens.len();
    let at = |i: usize| i % len;
    match *mutation {
        Mutation::Drop(i) => {
            tokens.remove(at(i));
        }
        Mutation::Duplicate(i) => {
            let token = tokens[at(i)].clone();
            tokens.insert(at(i), token);
        }
        Mutation::Swap(a, b) => {
            let (a, b) = (at(a), at(b));
            tokens.swap(a, b);
        }
        Mutation::Replace(i, r) => tokens[at(i)] = (REPLACEMENTS[r].to_owned(), true),
        Mutation::Nest(i, depth) => {
            let i = at(i);
            let token = tokens[i].clone();
            let nested = format!("{}{}{}", "(".repeat(depth), token.0, ")".repeat(depth));
            tokens[i] = (nested, true);
        }
    }
}

#[test]
fn every_declaration_of_the_trybuild_cases_expands_or_fails_with_spans() {
    for folder in ["pass", "fail"] {
        for path in case_files(folder) {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // The whole file, as the fuzzer's seeds are.
            harness::check_derive_any(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    for (source, fails) in seeds() {
        check(source).unwrap_or_else(|e| panic!("{e}"));
        let output = errwire_derive_internals::derive(
            TokenStream::from_str(source).unwrap_or_else(|e| panic!("{e}")),
        );
        let mut errors = Vec::new();
        harness::compile_errors(output, &mut errors);
        // A failing case's file may hold a correct declaration beside the wrong one.
        if !*fails {
            assert!(errors.is_empty(), "{source}");
        }
    }
}

/// The seed when `PROPTEST_RNG_SEED` sets none: a test run (CI's among them) tries the
/// same cases every time, so it fails only on a change. Exploring is the fuzzer's work
/// (`scripts/fuzz.sh`), or this test's with a seed of your choice; a failure it finds goes
/// into `hostile_input.proptest-regressions`, which every run replays first.
const DEFAULT_SEED: u64 = 0x6572_7277_6972_6531;

fn config() -> ProptestConfig {
    let config = ProptestConfig::default();
    let rng_seed = match config.rng_seed {
        proptest::test_runner::RngSeed::Random => {
            proptest::test_runner::RngSeed::Fixed(DEFAULT_SEED)
        }
        chosen => chosen,
    };
    ProptestConfig {
        cases: 4000,
        rng_seed,
        ..config
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_mutated_declaration_never_panics_and_every_error_has_a_span(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let seeds = seeds();
        let (source, _) = &seeds[seed.index(seeds.len())];
        let mut tokens = flatten(source);
        for mutation in &mutations {
            apply(&mut tokens, mutation);
        }
        check_as_rustc(unflatten(&tokens))?;
    }

    #[test]
    fn any_template_is_read_and_filled_alike(text in "[{}a-z0-9_: ?]{0,24}") {
        harness::check_template(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_errcode_and_header_checks_agree(data in prop::collection::vec(any::<u8>(), 0..64)) {
        harness::check_values(&data).map_err(TestCaseError::fail)?;
    }
}

/// Found by the property test: darling 0.24's `Flag` panicked on a key given an empty list.
#[test]
fn a_key_without_a_value_given_an_empty_list_is_an_error_not_a_panic() {
    let source = r#"#[derive(Debug, ApiError)] #[api_error(http = 400, message = "m")]
        struct A { #[api_error(detail())] x: String }"#;
    check(source).unwrap_or_else(|e| panic!("{e}"));
    let output =
        errwire_derive_internals::derive(TokenStream::from_str(source).unwrap_or_default());
    assert!(
        output.to_string().contains("`detail` takes no value"),
        "{output}"
    );
}
