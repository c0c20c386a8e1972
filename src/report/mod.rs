//! Reporters: one file per output format, all reading the same findings. Nothing outside
//! this module formats a finding.
//!
//! Human formats (`human`, `concise`) end with the summary line; machine formats (`json`,
//! `sarif`, `junit`) print their document and nothing else. `github` prints workflow
//! commands and then the summary as a plain log line, which the runner shows as-is.
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::borrow::Cow;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

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
        LintFormat::Human => human::write(report, style, out)?,
        LintFormat::Concise => concise::write(report, style, out)?,
        LintFormat::Json => json::write(report, out)?,
        LintFormat::Sarif => sarif::write(report, out)?,
        LintFormat::Github => github::write(report, style, out)?,
        LintFormat::Junit => junit::write(report, out)?,
    }
    out.flush()
}

/// Items rendered at once by [`write_pretty_filling`]: a large array is rendered in
/// windows of this many, so the text held in memory stays bounded.
const WINDOW: usize = 4 * 1024;

/// Items printed into one buffer by one thread within a window.
const CHUNK: usize = 256;

/// Writes `document` as `serde_json::to_writer_pretty` would, with its last empty array
/// (which must be the last value written) holding `items`, each pretty-printed by `item`
/// into the buffer it is given. Items are printed in parallel, each on its own, and
/// indented to their place in the array: JSON strings hold no raw line breaks, so
/// indenting after every line break is exact.
pub(crate) fn write_pretty_filling<T: Sync>(
    out: &mut impl Write,
    document: &impl serde::Serialize,
    items: &[T],
    item: impl Fn(&T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;

    let head = serde_json::to_string_pretty(document)?;
    if items.is_empty() {
        return writeln!(out, "{head}");
    }
    let (open, close) = head
        .rsplit_once("[]")
        .ok_or_else(|| std::io::Error::other("the document has no empty array to fill"))?;
    // The array's line is `<indent>"key": [`; its items go one level deeper.
    let line = open.rsplit_once('\n').map_or(open, |(_, line)| line);
    let indent = &line[..line.len() - line.trim_start().len()];
    let inner = format!("{indent}  ");
    out.write_all(open.as_bytes())?;
    out.write_all(b"[\n")?;
    // Each chunk of a window is printed into its own buffer; the buffers are reused from
    // window to window, so the text of the whole array is never held at once.
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for (w, window) in items.chunks(WINDOW).enumerate() {
        parts.resize_with(window.len().div_ceil(CHUNK), Vec::new);
        parts
            .par_iter_mut()
            .zip(window.par_chunks(CHUNK))
            .try_for_each(|(text, chunk)| -> std::io::Result<()> {
                text.clear();
                let mut one = Vec::new();
                for x in chunk {
                    one.clear();
                    item(x, &mut one)?;
                    if !text.is_empty() {
                        text.extend_from_slice(b",\n");
                    }
                    text.extend_from_slice(inner.as_bytes());
                    let mut line_start = 0;
                    for newline in memchr::memchr_iter(b'\n', &one) {
                        text.extend_from_slice(&one[line_start..=newline]);
                        text.extend_from_slice(inner.as_bytes());
                        line_start = newline + 1;
                    }
                    text.extend_from_slice(&one[line_start..]);
                }
                Ok(())
            })?;
        for (i, part) in parts.iter().enumerate() {
            if w > 0 || i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(part)?;
        }
    }
    writeln!(out, "\n{indent}]{close}")
}

/// Findings per level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
}

impl Counts {
    pub fn of(report: &Report) -> Counts {
        let mut counts = Counts::default();
        for f in &report.findings {
            match f.level {
                Level::Error => counts.errors += 1,
                Level::Warning => counts.warnings += 1,
                Level::Info => counts.infos += 1,
            }
        }
        // Findings are sorted by file, so equal files are adjacent.
        let mut files: Vec<&str> = report.findings.iter().map(|f| &*f.file).collect();
        files.dedup();
        counts.files_with_findings = files.len();
        counts
    }
}

/// "3 errors, 1 warning in 2 files" (or "no problems in 12 files").
pub fn summary(report: &Report) -> String {
    let counts = Counts::of(report);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning"));
    }
    if counts.infos > 0 {
        parts.push(format!("{} info", counts.infos));
    }
    if parts.is_empty() {
        format!("no problems in {}", plural(report.files, "file"))
    } else {
        format!(
            "{} in {} (of {} checked)",
            parts.join(", "),
            plural(counts.files_with_findings, "file"),
            report.files
        )
    }
}

/// The finding's byte range in its file's text, when the text is known and the range is a
/// valid slice of it. Findings built by hand or for unreadable files may point nowhere; a
/// reporter then prints the finding without a snippet or an end position.
pub fn span<'a>(report: &'a Report, finding: &Finding) -> Option<(&'a Arc<str>, Range<usize>)> {
    if finding.position.line == 0 {
        return None;
    }
    let text = report.sources.get(&*finding.file)?;
    let range = finding.position.start as usize..finding.position.end as usize;
    text.get(range.clone())?;
    Some((text, range))
}

/// The 1-based line and column just after the finding's span, counted like its start
/// (columns in characters), or `None` when the span is not known.
pub fn end_position(report: &Report, finding: &Finding) -> Option<(u32, u32)> {
    let (text, range) = span(report, finding)?;
    let covered = &text[range];
    // Counted from the start position rather than from the top of the file, so that the
    // end agrees with the start however the loader numbered it.
    Some(match covered.rfind('\n') {
        None => (
            finding.position.line,
            finding.position.column + char_count(covered),
        ),
        Some(last) => (
            finding.position.line + char_count_of(covered.matches('\n').count()),
            1 + char_count(&covered[last + 1..]),
        ),
    })
}

/// Text for a terminal: control characters other than tab and line feed become their
/// Unicode control pictures (`␛` for escape), so that text taken from a file can neither move
/// the cursor, recolour the terminal nor hide part of a line.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_control) {
        return Cow::Borrowed(s);
    }
    // A Windows line break is a line break, not a stray carriage return.
    Cow::Owned(
        s.replace("\r\n", "\n")
            .chars()
            .map(|c| match c {
                '\u{7f}' => '\u{2421}',
                c if is_unsafe_control(c) => {
                    char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}')
                }
                c => c,
            })
            .collect(),
    )
}

/// C0 controls other than tab and line feed, and DEL.
fn is_unsafe_control(c: char) -> bool {
    c.is_ascii_control() && c != '\t' && c != '\n'
}

fn char_count(s: &str) -> u32 {
    char_count_of(s.chars().count())
}

/// Saturates instead of wrapping: a span longer than `u32::MAX` characters cannot come from
/// a file under the size limit, but a wrong number must never be printed as a small one.
fn char_count_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Reports for reporter tests: one built by hand with hostile text, one from the real
    //! engine.
    use std::sync::Arc;

    use crate::lint::{Category, Finding, Level, ObjectRef, Position, Report, Settings};

    /// Checks that `output` prints what `expected` prints for the engine's report, the
    /// hostile one, a report spanning several rendering windows, and an empty one.
    pub fn assert_same_output(
        output: impl Fn(&Report) -> String,
        expected: impl Fn(&Report) -> String,
    ) {
        let mut report = linted();
        assert_eq!(output(&report), expected(&report));
        assert_eq!(output(&hostile()), expected(&hostile()));
        let one = report.findings.clone();
        while report.findings.len() <= 2 * super::WINDOW + 1 {
            report.findings.extend(one.iter().cloned());
        }
        assert_eq!(output(&report), expected(&report));
        report.findings.clear();
        assert_eq!(output(&report), expected(&report));
    }

    /// Quotes, newlines, `%`, `<&>`, commas and colons, multi-byte text, a zero-width span,
    /// a finding without a position and one whose file text is unknown.
    pub fn hostile() -> Report {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"tr<a>in&er\"\n  annotations:\n    note: \"größe 100% ✓\"\n";
        let name_start = text.find("\"tr").unwrap_or_default() as u32;
        let note_start = text.find("\"gr").unwrap_or_default() as u32;
        let note_end = note_start + "\"größe 100% ✓\"".len() as u32;
        let object = ObjectRef {
            api_version: Some("v1".into()),
            kind: Some("Pod".into()),
            name: Some("tr<a>in&er".into()),
            namespace: None,
        };
        let file = "dir with space/ü,b:c%.yaml";
        let finding = |rule, level, message: &str, help: Option<&str>, position| Finding {
            rule,
            category: Category::Yaml,
            level,
            message: message.to_string(),
            help: help.map(|h| h.to_string().into()),
            file: file.into(),
            position,
            document: 0,
            path: "metadata.name".to_string(),
            object: Some(Arc::new(object.clone())),
        };
        Report {
            findings: vec![
                finding(
                    "parse-error",
                    Level::Error,
                    "unreadable: line one\nline two\r\nwith \"quotes\" & <tags> 100%",
                    Some("see `::error::` and ]]> and 'apostrophes'"),
                    Position::default(),
                ),
                finding(
                    "privileged-container",
                    Level::Error,
                    "name `tr<a>in&er` has, commas: colons",
                    Some("rename it, e.g. \"trainer\"\n(second line)"),
                    Position {
                        line: 4,
                        column: 9,
                        start: name_start,
                        end: name_start + "\"tr<a>in&er\"".len() as u32,
                    },
                ),
                finding(
                    "duplicate-key",
                    Level::Warning,
                    "zero-width \u{7} bell and tab\there",
                    None,
                    Position {
                        line: 6,
                        column: 11,
                        start: note_start,
                        end: note_start,
                    },
                ),
                finding(
                    "not-utf8",
                    Level::Info,
                    "multi-byte value größe 100% ✓",
                    Some("100% sure"),
                    Position {
                        line: 6,
                        column: 11,
                        start: note_start,
                        end: note_end,
                    },
                ),
                Finding {
                    file: "other.yaml".into(),
                    object: None,
                    path: String::new(),
                    ..finding(
                        "unreadable-file",
                        Level::Error,
                        "cannot read the file: permission denied",
                        None,
                        Position {
                            line: 3,
                            column: 1,
                            start: 20,
                            end: 30,
                        },
                    )
                },
            ],
            files: 3,
            objects: 1,
            sources: [(file.to_string(), Arc::from(text))].into_iter().collect(),
        }
    }

    /// A privileged container, linted by the engine with every rule.
    pub fn linted() -> Report {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata:
  name: trainer
spec:
  containers:
  - name: trainer
    image: registry.example.com/train:1.4.2
    securityContext:
      privileged: true
";
        crate::lint::lint_texts(
            &[("manifests/pod.yaml", yaml), ("manifests/clean.yaml", "")],
            &Settings::default(),
            &[&crate::rules::pod_security::PrivilegedContainer],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{hostile, linted};
    use super::*;

    #[test]
    fn summary_counts_levels_and_files() {
        assert_eq!(
            summary(&hostile()),
            "3 errors, 1 warning, 1 info in 2 files (of 3 checked)"
        );
        assert_eq!(
            summary(&Report {
                files: 1,
                ..Report::default()
            }),
            "no problems in 1 file"
        );
    }

    #[test]
    fn end_positions_count_characters_and_lines() {
        let report = hostile();
        let ends: Vec<_> = report
            .findings
            .iter()
            .map(|f| end_position(&report, f))
            .collect();
        assert_eq!(
            ends,
            [None, Some((4, 21)), Some((6, 11)), Some((6, 25)), None]
        );
    }

    #[test]
    fn printable_text_has_no_control_characters() {
        assert_eq!(printable("a\tb\nc"), "a\tb\nc");
        assert_eq!(printable("a\r\nb\u{7}"), "a\nb\u{2407}");
        assert_eq!(
            printable("\u{1b}[31mred\r\u{7f}\u{0}"),
            "\u{241b}[31mred\u{240d}\u{2421}\u{2400}"
        );
    }

    #[test]
    fn end_positions_cross_lines() {
        let mut report = hostile();
        let f = &mut report.findings[1];
        f.position.end += "\n  annotations:\n    no".len() as u32;
        let f = report.findings[1].clone();
        assert_eq!(end_position(&report, &f), Some((6, 7)));
    }

    #[test]
    fn the_engine_report_has_the_privileged_finding() {
        let report = linted();
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.rule == "privileged-container")
        );
        assert_eq!(report.files, 2);
    }
}
