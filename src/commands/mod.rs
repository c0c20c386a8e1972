//! One module per subcommand. Each turns its clap arguments into validated settings, runs,
//! and writes the product to the stdout it is given and everything else to stderr.
pub mod common;
pub mod completions;
pub mod crd;
pub mod init;
pub mod lint;
pub mod quota;
pub mod rule;
pub mod serve;
pub mod train;

use std::path::PathBuf;

use crate::config::Loaded;
use crate::term::ColorChoice;

/// What every command may need besides its own flags.
#[derive(Debug)]
pub struct Context {
    pub config: Loaded,
    pub color: ColorChoice,
    pub cwd: PathBuf,
}
