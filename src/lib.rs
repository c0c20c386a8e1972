//! mlk: generate secure, runnable ML workloads for Kubernetes, and lint any Kubernetes YAML.
//!
//! The binary is a thin shell over [`main_with_args`]; the two flows are
//! `commands::train` (args -> validated spec -> sizing -> typed objects -> stdout) and, for
//! validation, the loader in `manifest`.
pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod generate;
pub mod generated;
pub mod input;
pub mod lint;
pub mod manifest;
pub mod output;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod sizing;
pub mod term;
pub mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::Context;
use crate::error::Error;

/// Entry point used by the binary: parses arguments, runs the command, prints a failure on
/// stderr, and maps the outcome to the exit code (0 success, 2 failure; a closed stdout
/// pipe is a success).
pub fn main_with_args<I: IntoIterator<Item = OsString>>(args: I) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // Help and version go to stdout, usage errors to stderr; clap knows which.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    term::install_error_handler(cli.color);
    // Standard output is line-buffered by default: a report of many thousand lines would
    // cost a write call per line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let result = run(cli, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let code = e.exit_code();
            let _ = writeln!(err, "{:?}", miette::Report::new(e));
            ExitCode::from(code)
        }
    }
}

/// Runs a parsed command line; returns the exit code of a successful run.
pub fn run(cli: Cli, out: &mut impl Write, err: &mut impl Write) -> Result<u8, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io("read", ".", e))?;
    let needs_config = matches!(
        cli.command,
        Command::Train(_) | Command::Serve(_) | Command::Quota(_) | Command::Lint(_)
    );
    let config = if needs_config {
        config::load(cli.config.as_deref(), &cwd)?
    } else {
        config::Loaded::default()
    };
    let ctx = Context {
        config,
        color: cli.color,
        cwd,
    };
    match &cli.command {
        Command::Lint(args) => return commands::lint::run(args, &ctx, out, err),
        Command::Rule(args) => commands::rule::run(args, out)?,
        Command::Train(args) => commands::train::run(args, &ctx, out, err)?,
        Command::Quota(args) => commands::quota::run(args, &ctx, out, err)?,
        Command::Serve(args) => commands::serve::run(args, &ctx, out, err)?,
        Command::Crd(args) => commands::crd::run(args, out)?,
        Command::Init(args) => commands::init::run(args, &ctx, err)?,
        Command::Completions(args) => commands::completions::run(args, out)?,
    }
    Ok(0)
}
