//! Generates error catalogs of 10, 100, 1,000 and 10,000 errcodes, to show that looking one up
//! costs the same whatever the catalog's size.

use std::fmt::Write as _;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let mut source = String::new();
    for size in [10usize, 100, 1_000, 10_000] {
        let _ = writeln!(
            source,
            "#[derive(Debug, errwire::ApiError)]\n#[api_error(format = \"matrix\", http = 400)]\npub enum Catalog{size} {{"
        );
        for index in 0..size {
            let _ = writeln!(
                source,
                "    #[api_error(errcode = \"M_ERROR_{index}\", message = \"Error {index}\")]\n    Error{index},"
            );
        }
        source.push_str("}\n\n");
    }
    let path = std::path::Path::new(&out).join("catalogs.rs");
    if let Err(error) = std::fs::write(&path, source) {
        panic!("cannot write {}: {error}", path.display());
    }
    println!("cargo::rerun-if-changed=build.rs");
}
