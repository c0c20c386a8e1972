//! `--format human`: one miette graphical report per finding, with the source snippet, the
//! rule, the message and the help line, then the summary.
use std::fmt;
use std::io::Write;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, Severity,
    SourceCode,
};

use super::{Style, printable, span, summary};
use crate::lint::{Finding, Level, Report};

/// A fixed width, so that the same report wraps the same way on every terminal and in tests.
const WIDTH: usize = 100;

pub fn write(report: &Report, style: Style, out: &mut impl Write) -> std::io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(false);
    for finding in &report.findings {
        let mut text = String::new();
        handler
            .render_report(&mut text, &FindingDiagnostic::new(report, finding))
            .map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    }
    if !style.quiet {
        writeln!(out, "{}", summary(report))?;
    }
    Ok(())
}

/// A finding as a miette diagnostic, with every text from the input made printable.
#[derive(Debug)]
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    code: String,
    message: String,
    help: Option<String>,
    snippet: Option<(NamedSource<Arc<str>>, LabeledSpan)>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(report: &Report, finding: &'a Finding) -> Self {
        let file = printable(&finding.file).into_owned();
        let snippet = span(report, finding).map(|(text, range)| {
            let label = (!finding.path.is_empty()).then(|| printable(&finding.path).into_owned());
            (
                NamedSource::new(&file, printable_source(text)),
                LabeledSpan::new_primary_with_span(label, range),
            )
        });
        let mut message = printable(&finding.message).into_owned();
        // Without a snippet the header is the only place that says where the finding is.
        if snippet.is_none() {
            let p = finding.position;
            if p.line == 0 {
                message.push_str(&format!("\n  in {file}"));
            } else {
                message.push_str(&format!("\n  at {file}:{}:{}", p.line, p.column));
            }
        }
        FindingDiagnostic {
            finding,
            code: format!("{}[{}]", finding.level, finding.rule),
            message,
            help: finding.help.as_deref().map(|h| printable(h).into_owned()),
            snippet,
        }
    }
}

/// The file text with control characters replaced by `?`: one byte for one, so that the
/// finding's byte offsets still hold. The file is shared, not copied, when it has none.
fn printable_source(text: &Arc<str>) -> Arc<str> {
    // Line ends stay: the snippet is cut into lines at them.
    let unsafe_control = |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(unsafe_control) {
        return Arc::clone(text);
    }
    text.chars()
        .map(|c| if unsafe_control(c) { '?' } else { c })
        .collect::<String>()
        .into()
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.finding.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|(s, _)| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.snippet
            .as_ref()
            .map(|(_, l)| Box::new(std::iter::once(l.clone())) as Box<dyn Iterator<Item = _>>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{hostile, linted};

    fn render(report: &Report, style: Style) -> String {
        let mut out = Vec::new();
        write(report, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    const PLAIN: Style = Style {
        color: false,
        quiet: false,
    };

    #[test]
    fn engine_report() {
        let text = render(&linted(), PLAIN);
        assert!(!text.contains('\u{1b}'), "no colour without style.color");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn hostile_report() {
        insta::assert_snapshot!(render(&hostile(), PLAIN));
    }

    #[test]
    fn control_characters_from_the_input_do_not_reach_the_terminal() {
        let mut report = hostile();
        for text in report.sources.values_mut() {
            // Same length, so that the findings' offsets still hold.
            *text = text.replace("  annotations:", "\u{1b}[31mtations:").into();
        }
        report.findings[2].message.push_str(" \u{1b}]0;title\u{7}");
        let text = render(&report, PLAIN);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(text.contains("?[31mtations:"), "{text}");
        assert!(text.contains("\u{241b}]0;title\u{2407}"), "{text}");
    }

    #[test]
    fn colour_only_when_asked() {
        let text = render(
            &linted(),
            Style {
                color: true,
                ..PLAIN
            },
        );
        assert!(text.contains('\u{1b}'));
    }

    #[test]
    fn summary_is_last_unless_quiet() {
        let report = linted();
        let text = render(&report, PLAIN);
        assert!(text.ends_with(&format!("{}\n", summary(&report))));
        let quiet = render(
            &report,
            Style {
                quiet: true,
                ..PLAIN
            },
        );
        assert!(!quiet.contains(&summary(&report)));
    }
}
