//! The `error-catalog` tool: lists, shows and renders every declared error.

fn main() {
    println!("error-catalog: the catalogs are not declared yet");
}
