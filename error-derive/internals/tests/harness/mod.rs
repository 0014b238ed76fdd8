//! What the derive and the checks it shares with errwire must do with any input, asserted by
//! panicking: shared by the property tests here (`hostile_input.rs`) and the fuzz targets
//! (`fuzz/fuzz_targets/{derive,template,checks}.rs`, which include this file by path).

use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};

/// The derive on `source`, if rustc could give it to a derive at all (it parses as a struct,
/// enum or union, or nests too deep to tell): it returns (a panic fails the caller), its output parses as items, and
/// every `compile_error!` in it points at tokens of the input (a non-empty span; an empty one
/// is the call site, which rustc shows at the `#[derive]`, not at the mistake).
pub fn check_derive(source: &str) -> Result<(), String> {
    let Ok(tokens) = TokenStream::from_str(source) else {
        return Ok(());
    };
    // Too deep for syn to parse without overflowing the stack, but rustc parses it: the
    // derive must refuse it before syn sees it.
    let too_deep = errwire_derive_internals::too_deep(&tokens);
    if !too_deep && syn::parse2::<syn::DeriveInput>(tokens.clone()).is_err() {
        return Ok(());
    }
    let output = errwire_derive_internals::derive(tokens);
    if syn::parse2::<syn::File>(output.clone()).is_err() {
        return Err(format!("the expansion of {source} is no list of items"));
    }
    let mut spans = Vec::new();
    compile_errors(output, &mut spans);
    if spans_have_places() && spans.iter().any(|span| span.byte_range().is_empty()) {
        return Err(format!("a compile_error! without a span, for {source}"));
    }
    Ok(())
}

/// Whether parsed tokens know where they are. proc-macro2 keeps no source map when built
/// for fuzzing (it would grow with every input), so there every span is empty, and the
/// fuzzer can check no more than the absence of panics and that the output parses; the
/// property tests check the spans.
fn spans_have_places() -> bool {
    TokenStream::from_str("x")
        .ok()
        .and_then(|tokens| tokens.into_iter().next())
        .is_some_and(|token| !token.span().byte_range().is_empty())
}

/// [`check_derive`] on `source` as one item, or on every struct, enum and union of it as a
/// file (so whole trybuild cases seed the fuzzer).
pub fn check_derive_any(source: &str) -> Result<(), String> {
    // Nested too deep, it is not parsed as a file (syn would recurse that deep) but given to
    // the derive, which must refuse it.
    let deep = TokenStream::from_str(source)
        .map_or(true, |tokens| errwire_derive_internals::too_deep(&tokens));
    if deep {
        return check_derive(source);
    }
    match syn::parse_file(source) {
        Ok(file) => file
            .items
            .iter()
            .filter(|item| {
                matches!(
                    item,
                    syn::Item::Struct(_) | syn::Item::Enum(_) | syn::Item::Union(_)
                )
            })
            .try_for_each(|item| check_derive(&quote::ToTokens::to_token_stream(item).to_string())),
        Err(_) => check_derive(source),
    }
}

/// The span of every `compile_error` in `tokens`.
pub fn compile_errors(tokens: TokenStream, spans: &mut Vec<proc_macro2::Span>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => spans.push(ident.span()),
            TokenTree::Group(group) => compile_errors(group.stream(), spans),
            _ => {}
        }
    }
}

/// The derive's template reader and errwire's run-time filler on `text`: neither panics;
/// a template the derive accepts as plain is filled as `write!` would (each `{name}` by its
/// value, `{{` and `}}` by a brace), and one without fields is its literal text.
pub fn check_template(text: &str) -> Result<(), String> {
    let parsed = errwire_derive_internals::template(text);
    let names: Vec<String> = match &parsed {
        Ok(template) => template.members.clone(),
        Err(_) => Vec::new(),
    };
    let shown: Vec<String> = names.iter().map(|name| format!("<{name}>")).collect();
    let values: Vec<(&str, &dyn std::fmt::Display)> = names
        .iter()
        .zip(&shown)
        .map(|(name, shown)| (name.as_str(), shown as &dyn std::fmt::Display))
        .collect();
    let filled = Filled(text, &values).to_string();
    let Ok(template) = parsed else {
        return Ok(());
    };
    if template.members.is_empty() && template.literal_text != filled {
        return Err(format!(
            "{text:?}: literal {:?}, filled {filled:?}",
            template.literal_text
        ));
    }
    if template.plain {
        let expected = by_hand(text);
        if filled != expected {
            return Err(format!(
                "{text:?}: filled {filled:?}, expected {expected:?}"
            ));
        }
    }
    Ok(())
}

struct Filled<'a>(&'a str, &'a [(&'a str, &'a dyn std::fmt::Display)]);

impl std::fmt::Display for Filled<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        errwire::__private::write_template(f, self.0, self.1)
    }
}

/// A plain template filled the slow way: braces doubled are one, `{name}` is `<name>`.
fn by_hand(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some((name, after)) = rest
            .strip_prefix('{')
            .and_then(|inner| inner.split_once('}'))
        {
            out.push_str(&format!("<{name}>"));
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The errcode and header checks on arbitrary text: none panics; the derive's header-name
/// check and errwire's run-time one (`Overrides::header`) agree, as both are http's rule; a
/// header value is refused exactly when it holds a byte http refuses (CR, LF, NUL, …);
/// errcodes the derive accepts are found in the errcode table built from them.
pub fn check_values(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\n');
    let name = parts.next().unwrap_or_default();
    let value = parts.next().unwrap_or_default();
    let errcodes = parts.next().unwrap_or_default();

    let derive_accepts = errwire_derive_internals::header_name(name).is_ok();
    let runtime = errwire::Overrides::default().header(name, "v");
    if derive_accepts != runtime.is_ok() {
        return Err(format!(
            "header name {name:?}: derive {derive_accepts}, run time {}",
            runtime.is_ok()
        ));
    }
    let value_ok = http::HeaderValue::from_str(value).is_ok();
    let with_value = errwire::Overrides::default().header("x-value", value);
    if value_ok != with_value.is_ok() {
        return Err(format!(
            "header value {value:?}: http {value_ok}, errwire {}",
            with_value.is_ok()
        ));
    }

    let mut accepted: Vec<String> = errcodes
        .split(' ')
        .filter_map(|errcode| errwire_derive_internals::errcode(errcode).ok())
        .collect();
    accepted.sort();
    accepted.dedup();
    accepted.truncate(32);
    let slots = errwire_errcode::build(accepted.iter().map(String::as_str).enumerate());
    for (index, errcode) in accepted.iter().enumerate() {
        let found = find(&slots, errcode, |at| accepted.get(at) == Some(errcode));
        if found != Some(index) {
            return Err(format!("{errcode:?} at {index} found at {found:?}"));
        }
    }
    let absent = find(&slots, "NOT.AN.ERRCODE.OF.THESE", |at| {
        accepted
            .get(at)
            .is_some_and(|e| e == "NOT.AN.ERRCODE.OF.THESE")
    });
    if absent.is_some() {
        return Err("an absent errcode was found".to_owned());
    }
    Ok(())
}

/// `errwire_errcode::find` on a table of any of the sizes `build` makes for 32 errcodes.
fn find(slots: &[u32], errcode: &str, is_at: impl Fn(usize) -> bool) -> Option<usize> {
    macro_rules! sized {
        ($($n:literal)*) => {
            match slots.len() {
                $($n => <&[u32; $n]>::try_from(slots)
                    .ok()
                    .and_then(|slots| errwire_errcode::find(slots, errcode, &is_at)),)*
                _ => None,
            }
        };
    }
    sized!(1 2 4 8 16 32 64)
}
