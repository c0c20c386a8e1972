//! The `mlk` binary: parse arguments, run, map the outcome to an exit code.
use std::process::ExitCode;

fn main() -> ExitCode {
    mlk::main_with_args(std::env::args_os())
}
