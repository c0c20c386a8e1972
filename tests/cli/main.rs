//! End-to-end tests of the `mlk` binary: one test binary, one module per command.
mod common;
mod contracts;
mod files;
mod generated;
mod init;
mod lint;
mod quota;
mod report_formats;
mod robustness;
mod rules_meta;
mod serve;
mod train;
