//! Reporters: one file per output format, all reading the same findings. Nothing outside
//! this module formats a finding.
pub mod concise;

use std::io::Write;

use crate::cli::LintFormat;
use crate::lint::{Finding, Level, Report};

/// How a report is printed.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub quiet: bool,
}

/// Writes the report in `format`.
pub fn write(
    report: &Report,
    format: LintFormat,
    style: Style,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        LintFormat::Concise
        | LintFormat::Human
        | LintFormat::Json
        | LintFormat::Sarif
        | LintFormat::Github
        | LintFormat::Junit => concise::write(report, style, out)?,
    }
    out.flush()
}

/// "3 errors, 1 warning in 2 files" (or "no problems in 12 files").
pub fn summary(report: &Report) -> String {
    let count = |level| {
        report
            .findings
            .iter()
            .filter(|f: &&Finding| f.level == level)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let files_with = {
        let mut files: Vec<&str> = report.findings.iter().map(|f| f.file.as_str()).collect();
        files.dedup();
        files.len()
    };
    let parts: Vec<String> = [
        (Level::Error, "error"),
        (Level::Warning, "warning"),
        (Level::Info, "info"),
    ]
    .into_iter()
    .filter_map(|(level, word)| {
        let n = count(level);
        (n > 0).then(|| {
            if word == "info" {
                format!("{n} info")
            } else {
                plural(n, word)
            }
        })
    })
    .collect();
    if parts.is_empty() {
        format!("no problems in {}", plural(report.files, "file"))
    } else {
        format!(
            "{} in {} (of {} checked)",
            parts.join(", "),
            plural(files_with, "file"),
            report.files
        )
    }
}
