//! `errwire-catalog`: lists, shows and renders every declared error. See `errwire-catalog help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    // `std::env::args` would panic on an argument that is not UTF-8; refuse it in words.
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect();
    let args = match args {
        Ok(args) => args,
        Err(arg) => {
            eprintln!(
                "error: the argument {arg:?} is not UTF-8\nhint: give names, values and paths as UTF-8 text"
            );
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    match errwire_catalog::cli::run(&args, &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(u8::try_from(error.exit_code).unwrap_or(2))
        }
    }
}
