//! `--format concise`: `path:line:col: level[rule] message`, one finding per line, then
//! the summary.
use std::io::Write;

use super::{Style, summary};
use crate::lint::Report;

pub fn write(report: &Report, style: Style, out: &mut impl Write) -> std::io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            f.file, f.position.line, f.position.column, f.level, f.rule, f.message
        )?;
    }
    if !style.quiet {
        writeln!(out, "{}", summary(report))?;
    }
    Ok(())
}
