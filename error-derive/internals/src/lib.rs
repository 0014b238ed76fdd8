//! errwire's derive as a library: [`derive`] runs on `proc_macro2` tokens, outside a macro
//! context, so a fuzzer and property tests can feed it any input. The modules are the
//! derive's own files (`error-derive/src/`), compiled here a second time; nothing here is
//! published or public API.

#[path = "derive/ast.rs"]
mod ast;
#[path = "derive/attr.rs"]
mod attr;
#[path = "derive/expand/mod.rs"]
mod expand;
#[path = "derive/fallback.rs"]
mod fallback;
#[path = "derive/fmt.rs"]
mod fmt;
#[path = "derive/model.rs"]
mod model;
#[path = "derive/ty.rs"]
mod ty;
#[path = "derive/valid.rs"]
mod valid;

use proc_macro2::TokenStream;

/// What `#[derive(ApiError)]` expands `input` (the item it is on) to: the impls, or the
/// `compile_error!`s that say what is wrong, as rustc would be given them. Input that is no
/// item at all is one `compile_error!`, as `syn::parse_macro_input!` makes it, and so is
/// one nested too deep to read, as the proc macro checks before parsing.
pub fn derive(input: TokenStream) -> TokenStream {
    if let Some(error) = ast::nesting_error(&input) {
        return error.to_compile_error();
    }
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => expand::derive(&input),
        Err(error) => error.to_compile_error(),
    }
}

/// A message template as the derive reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The fields it shows, in order of first use (`name`, or `0` for a tuple field).
    pub members: Vec<String>,
    /// Whether every placeholder is bare (`{name}`, `{0}`), so it is filled at run time by
    /// errwire's `write_template`.
    pub plain: bool,
    /// The text with `{{` and `}}` unescaped (the message of a template without fields).
    pub literal_text: String,
}

/// The derive's reading of the message template `text`, or the error it reports.
pub fn template(text: &str) -> Result<Template, String> {
    let lit = syn::LitStr::new(text, proc_macro2::Span::call_site());
    fmt::Template::parse(&lit)
        .map(|template| Template {
            members: template.members.iter().map(ToString::to_string).collect(),
            plain: template.plain,
            literal_text: template.literal_text,
        })
        .map_err(|error| error.to_string())
}

/// The derive's check of an errcode, or the error it reports.
pub fn errcode(text: &str) -> Result<String, String> {
    attr::errcode(&syn::LitStr::new(text, proc_macro2::Span::call_site()))
        .map_err(|error| error.to_string())
}

/// The derive's check of a header name: the name as written and as sent, or the error.
pub fn header_name(text: &str) -> Result<(String, String), String> {
    attr::header_name(&syn::LitStr::new(text, proc_macro2::Span::call_site()))
        .map_err(|error| error.to_string())
}

/// Whether `input` nests deeper than the derive reads (it then answers one `compile_error!`
/// at the first token too deep, before syn parses, which would recurse that deep).
pub fn too_deep(input: &TokenStream) -> bool {
    ast::nesting_error(input).is_some()
}
