//! `--format github`: one GitHub Actions workflow command per finding, which the runner
//! turns into an annotation on the file and line, then the summary as a plain log line.
//!
//! `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=mlk RULE::MESSAGE`, with
//! `warning` for warnings and `notice` for info. The help follows the message on its own
//! line, as an annotation may span several.
use std::io::Write;

use super::{Style, end_position, summary};
use crate::lint::{Finding, Level, Report};

pub fn write(report: &Report, style: Style, out: &mut impl Write) -> std::io::Result<()> {
    for f in &report.findings {
        writeln!(out, "{}", command(report, f))?;
    }
    if !style.quiet {
        // A line that starts with `::` would be read as a command; a summary never does.
        writeln!(out, "{}", summary(report))?;
    }
    Ok(())
}

fn command(report: &Report, f: &Finding) -> String {
    let name = match f.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "notice",
    };
    let mut properties = vec![("file", f.file.to_string())];
    if f.position.line > 0 {
        properties.push(("line", f.position.line.to_string()));
        properties.push(("col", f.position.column.to_string()));
        if let Some((line, column)) = end_position(report, f) {
            properties.push(("endLine", line.to_string()));
            // GitHub takes an end column only for an annotation on a single line.
            if line == f.position.line {
                properties.push(("endColumn", column.to_string()));
            }
        }
    }
    properties.push(("title", format!("mlk {}", f.rule)));
    let properties: Vec<String> = properties
        .into_iter()
        .map(|(k, v)| format!("{k}={}", escape_property(&v)))
        .collect();
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// The escaping of the runner (`@actions/core`'s `escapeData`): `%` first, so that the
/// escapes it writes are not escaped again.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values also escape the separators of the property list (`escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{hostile, linted};

    fn render(report: &Report) -> String {
        let mut out = Vec::new();
        write(
            report,
            Style {
                color: false,
                quiet: false,
            },
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Undoes the runner's escaping, as it does when it reads a command.
    fn unescape(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    #[test]
    fn engine_report() {
        let text = render(&linted());
        assert!(text.contains(
            "::error file=manifests/pod.yaml,line=10,col=19,endLine=10,endColumn=23,title=mlk privileged-container::"
        ));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn hostile_text_stays_one_command_per_finding() {
        let report = hostile();
        let text = render(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), report.findings.len() + 1);
        for (line, f) in lines.iter().zip(&report.findings) {
            let rest = line.strip_prefix("::").unwrap();
            let (head, data) = rest.split_once("::").unwrap();
            let (_, properties) = head.split_once(' ').unwrap();
            let file = properties.split(',').next().unwrap();
            assert_eq!(unescape(file.strip_prefix("file=").unwrap()), &*f.file);
            assert!(unescape(data).starts_with(&f.message));
        }
        assert_eq!(lines.last(), Some(&summary(&report).as_str()));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100%\r\n:,"), "100%25%0D%0A:,");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
