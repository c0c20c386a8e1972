//! The `mlk` binary: parse arguments, run, map the outcome to an exit code.
use std::process::ExitCode;

/// mimalloc: linting allocates many small tree nodes on every thread, where the system
/// allocator spends a noticeable share of the run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    mlk::main_with_args(std::env::args_os())
}
