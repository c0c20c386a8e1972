//! `--format concise`: `path:line:col: level[rule] message`, one finding per line, then
//! the summary. Control characters in the file name or message are shown as pictures, so
//! that each finding stays one line and cannot drive the terminal.
use std::borrow::Cow;
use std::io::Write;

use super::{Style, printable, summary};
use crate::lint::Report;

pub fn write(report: &Report, style: Style, out: &mut impl Write) -> std::io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            one_line(&f.file),
            f.position.line,
            f.position.column,
            f.level,
            f.rule,
            one_line(&f.message)
        )?;
    }
    if !style.quiet {
        writeln!(out, "{}", summary(report))?;
    }
    Ok(())
}

/// `s` made [`printable`], with line breaks as spaces.
fn one_line(s: &str) -> Cow<'_, str> {
    match printable(s) {
        Cow::Borrowed(b) if !b.contains('\n') => Cow::Borrowed(b),
        other => Cow::Owned(other.replace('\n', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{hostile, linted};

    fn render(report: &Report) -> String {
        let mut out = Vec::new();
        let style = Style {
            color: false,
            quiet: false,
        };
        write(report, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn engine_report() {
        assert_eq!(
            render(&linted()),
            "manifests/pod.yaml:10:19: error[privileged-container] privileged: container \"trainer\" must not set securityContext.privileged=true\n1 error in 1 file (of 2 checked)\n"
        );
    }

    #[test]
    fn one_line_per_finding_whatever_the_text() {
        let report = hostile();
        let text = render(&report);
        assert_eq!(text.lines().count(), report.findings.len() + 1);
        assert!(!text.contains(['\r', '\u{7}']));
    }
}
