//! End-to-end tests of the `mlk` binary: one test binary, one module per command.
mod common;
mod contracts;
mod files;
mod generated;
mod lint;
mod report_formats;
mod robustness;
mod serve;
mod train;
