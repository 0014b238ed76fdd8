//! The `errwire-catalog` binary, run as a user runs it.

use std::process::Command;

/// Runs the tool with `args`: its exit code, standard output and standard error.
pub fn tool(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_errwire-catalog"))
        .args(args)
        .output();
    match output {
        Ok(output) => (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ),
        Err(error) => (-1, String::new(), error.to_string()),
    }
}
