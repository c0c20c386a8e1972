//! `--format junit`: JUnit XML for CI test-report views.
//!
//! `testsuites > testsuite name="mlk lint"`, with one failing test case per finding: the
//! file is its `classname` (views group by it), `name` is `RULE at LINE:COL`, and the
//! `failure` has the level as `type`, the message as `message` and the concise line, help,
//! object and path as text. A report without findings has one passing test case, because
//! several CI systems treat a report without tests as an error. Every finding is a
//! failure, whatever `--fail-on` says; the exit status is what decides the build.
use std::fmt::Write as _;
use std::io::Write;

use super::summary;
use crate::lint::{Finding, Report};

pub fn write(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(document(report).as_bytes())
}

fn document(report: &Report) -> String {
    let tests = report.findings.len().max(1);
    let failures = report.findings.len();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // Writing to a String cannot fail; `let _` keeps the formatting readable.
    let _ = writeln!(
        xml,
        "<testsuites name=\"mlk lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    let _ = writeln!(
        xml,
        "  <testsuite name=\"mlk lint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
    );
    if report.findings.is_empty() {
        let _ = writeln!(
            xml,
            "    <testcase classname=\"mlk lint\" name=\"{}\"/>",
            escape(&summary(report), true)
        );
    }
    for f in &report.findings {
        test_case(&mut xml, f);
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

fn test_case(xml: &mut String, f: &Finding) {
    let p = f.position;
    let name = if p.line > 0 {
        format!("{} at {}:{}", f.rule, p.line, p.column)
    } else {
        f.rule.to_string()
    };
    let location = if p.line > 0 {
        format!("{}:{}:{}", f.file, p.line, p.column)
    } else {
        f.file.to_string()
    };
    let mut details = format!("{location}: {}[{}] {}", f.level, f.rule, f.message);
    if let Some(help) = &f.help {
        let _ = write!(details, "\nhelp: {help}");
    }
    if let Some(object) = &f.object {
        let _ = write!(details, "\nobject: {}", object.label());
    }
    if !f.path.is_empty() {
        let _ = write!(details, "\npath: {}", f.path);
    }
    let _ = write!(
        xml,
        "    <testcase classname=\"{file}\" name=\"{name}\" file=\"{file}\"",
        file = escape(&f.file, true),
        name = escape(&name, true),
    );
    if p.line > 0 {
        let _ = write!(xml, " line=\"{}\"", p.line);
    }
    let _ = writeln!(
        xml,
        ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
        f.level,
        escape(&f.message, true),
        escape(&details, false)
    );
}

/// Escapes text for XML 1.0 content or (with `attribute`) a double-quoted attribute value.
///
/// Line breaks and tabs in attributes are written as character references because a parser
/// replaces literal ones with spaces; a carriage return is one everywhere because a parser
/// turns a literal one into a line feed. Characters that XML 1.0 forbids even as
/// references (most C0 controls, U+FFFE, U+FFFF) become U+FFFD.
fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{hostile, linted};

    #[test]
    fn engine_report_parses_back() {
        let report = linted();
        let xml = document(&report);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let case = doc
            .descendants()
            .find(|n| n.attribute("name") == Some("privileged-container at 10:19"))
            .unwrap();
        assert_eq!(case.attribute("classname"), Some("manifests/pod.yaml"));
        let failure = case.first_element_child().unwrap();
        assert_eq!(failure.tag_name().name(), "failure");
        assert_eq!(failure.attribute("type"), Some("error"));
        insta::assert_snapshot!(xml);
    }

    #[test]
    fn hostile_text_round_trips() {
        let report = hostile();
        let xml = document(&report);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(root.attribute("failures"), Some("5"));
        let failures: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .collect();
        assert_eq!(failures.len(), report.findings.len());
        for (failure, f) in failures.iter().zip(&report.findings) {
            let expected = f.message.replace('\u{7}', "\u{fffd}");
            assert_eq!(failure.attribute("message"), Some(expected.as_str()));
            assert!(failure.text().unwrap().contains(&expected));
            let case = failure.parent_element().unwrap();
            assert_eq!(case.attribute("file"), Some(&*f.file));
        }
        insta::assert_snapshot!(xml);
    }

    #[test]
    fn an_empty_report_has_one_passing_test() {
        let xml = document(&Report {
            files: 2,
            ..Report::default()
        });
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let cases: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].attribute("name"), Some("no problems in 2 files"));
        assert_eq!(cases[0].children().count(), 0);
    }

    #[test]
    fn escaping_keeps_every_string_intact() {
        let hostile = "a\"b'c<d>e&f\r\ng\th]]>\u{0}\u{1b}\u{fffe}ü✓";
        let xml = format!(
            "<x a=\"{}\">{}</x>",
            escape(hostile, true),
            escape(hostile, false)
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let x = doc.root_element();
        let expected = "a\"b'c<d>e&f\r\ng\th]]>\u{fffd}\u{fffd}\u{fffd}ü✓";
        assert_eq!(x.attribute("a"), Some(expected));
        assert_eq!(x.text(), Some(expected));
    }
}
