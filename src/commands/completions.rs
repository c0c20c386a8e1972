//! `mlk completions SHELL`: shell completion scripts on stdout.
use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Result;

pub fn run(args: &CompletionsArgs, out: &mut impl Write) -> Result<()> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "mlk", &mut buf);
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}
