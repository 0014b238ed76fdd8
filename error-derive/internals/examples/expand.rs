//! Prints the derive's expansion of the item read from standard input.
use std::io::Read;
use std::str::FromStr;

fn main() {
    let mut source = String::new();
    if std::io::stdin().read_to_string(&mut source).is_err() {
        return;
    }
    match proc_macro2::TokenStream::from_str(&source) {
        Ok(tokens) => println!("{}", errwire_derive_internals::derive(tokens)),
        Err(error) => eprintln!("not tokens: {error}"),
    }
}
