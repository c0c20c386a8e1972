//! `--format json`: the findings as one versioned JSON document, described by the committed
//! JSON Schema `schemas/lint-report.v1.schema.json`, which is generated from these types.
//!
//! Compatibility: within version 1, fields are only ever added, and only optional ones;
//! consumers ignore fields they do not know. Renaming, removing or changing the meaning of a
//! field makes version 2, with a new schema file beside this one.
use std::borrow::Cow;
use std::io::Write;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Counts, end_position, write_pretty_filling};
use crate::lint::{Category, Finding, Level, Report};

/// Writes `report` exactly as `serde_json::to_writer_pretty` would write
/// [`LintReport::of`], with the findings rendered in parallel.
pub fn write(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let head = LintReport {
        version: FormatVersion,
        summary: Summary::of(report),
        findings: Vec::new(),
    };
    write_pretty_filling(out, &head, &report.findings, |f, buf| {
        serde_json::to_writer_pretty(buf, &JsonFinding::of(report, f))
    })
}

/// The output of `mlk lint --format json`: every finding of one run with the run's totals.
/// Within version 1 only optional fields are added; consumers ignore fields they do not know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "mlk lint report, version 1")]
pub struct LintReport<'a> {
    /// The format version of this document: 1.
    pub version: FormatVersion,
    pub summary: Summary,
    /// Sorted by file, line, column, rule and message.
    pub findings: Vec<JsonFinding<'a>>,
}

/// The totals of a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Files read (files with and without findings).
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Kubernetes objects checked.
    pub objects: usize,
    /// Number of findings, all levels.
    pub findings: usize,
    /// Findings at level `error`.
    pub errors: usize,
    /// Findings at level `warning`.
    pub warnings: usize,
    /// Findings at level `info`.
    pub infos: usize,
}

// Optional fields are left out rather than written as `null`; `#[schemars(with = ...)]`
// on each makes the schema describe the value alone, without allowing `null`.

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "Finding")]
pub struct JsonFinding<'a> {
    /// The rule's name; `mlk rule NAME` prints its documentation.
    #[schemars(extend("pattern" = "^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub rule: Cow<'a, str>,
    /// The rule's category.
    #[schemars(schema_with = "category_schema")]
    pub category: Cow<'a, str>,
    /// The level configured for the rule in this run.
    pub level: JsonLevel,
    /// What is wrong: lowercase, no trailing period, names in backticks.
    pub message: Cow<'a, str>,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub help: Option<Cow<'a, str>>,
    /// The file as it was named on the command line (`<stdin>` for standard input).
    pub file: Cow<'a, str>,
    /// 1-based line of the start of the finding; 0 when the finding is about the whole file
    /// (it could not be read).
    pub line: u32,
    /// 1-based column of the start, in characters (Unicode scalar values); 0 when `line` is 0.
    pub column: u32,
    /// 1-based line of the end of the finding's span, when it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub end_line: Option<u32>,
    /// 1-based column just after the last character of the span (exclusive, in characters);
    /// equal to `column` on the same line for a position without extent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub end_column: Option<u32>,
    /// Index of the YAML document in the file, from 0.
    pub document: usize,
    /// Where in the document, e.g. `spec.containers[0].securityContext.privileged`; empty
    /// for findings about the document or file as a whole.
    pub path: Cow<'a, str>,
    /// The Kubernetes object the finding is about, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "JsonObject")]
    pub object: Option<JsonObject<'a>>,
}

/// How serious a finding is: `error`, `warning` or `info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Level")]
pub enum JsonLevel {
    Error,
    Warning,
    Info,
}

/// A Kubernetes object, by the fields it names itself with; each is absent when the object
/// does not set it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "Object")]
pub struct JsonObject<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub api_version: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub namespace: Option<Cow<'a, str>>,
}

/// The format version, 1. A document of another version does not parse as this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatVersion;

const VERSION: u32 = 1;

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(VERSION)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u32::deserialize(d)?;
        if v == VERSION {
            Ok(FormatVersion)
        } else {
            Err(serde::de::Error::custom(format!(
                "lint report version {v}, expected {VERSION}"
            )))
        }
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "const": VERSION })
    }
}

/// The category names, from the code, so that a new category shows up as a stale schema.
fn category_schema(_: &mut SchemaGenerator) -> Schema {
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    json_schema!({ "type": "string", "enum": names })
}

impl<'a> LintReport<'a> {
    /// The report of `report`, borrowing its text.
    pub fn of(report: &'a Report) -> LintReport<'a> {
        LintReport {
            version: FormatVersion,
            summary: Summary::of(report),
            findings: report
                .findings
                .iter()
                .map(|f| JsonFinding::of(report, f))
                .collect(),
        }
    }
}

impl Summary {
    fn of(report: &Report) -> Summary {
        let counts = Counts::of(report);
        Summary {
            files: report.files,
            files_with_findings: counts.files_with_findings,
            objects: report.objects,
            findings: report.findings.len(),
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        }
    }
}

impl<'a> JsonFinding<'a> {
    fn of(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
        let end = end_position(report, f);
        JsonFinding {
            rule: Cow::Borrowed(f.rule),
            category: Cow::Borrowed(f.category.as_str()),
            level: match f.level {
                Level::Error => JsonLevel::Error,
                Level::Warning => JsonLevel::Warning,
                Level::Info => JsonLevel::Info,
            },
            message: Cow::Borrowed(&f.message),
            help: f.help.as_deref().map(Cow::Borrowed),
            file: Cow::Borrowed(&f.file),
            line: f.position.line,
            column: f.position.column,
            end_line: end.map(|e| e.0),
            end_column: end.map(|e| e.1),
            document: f.document,
            path: Cow::Borrowed(&f.path),
            object: f.object.as_ref().map(|o| JsonObject {
                api_version: o.api_version.as_deref().map(Cow::Borrowed),
                kind: o.kind.as_deref().map(Cow::Borrowed),
                name: o.name.as_deref().map(Cow::Borrowed),
                namespace: o.namespace.as_deref().map(Cow::Borrowed),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::report::testing::{hostile, linted};

    fn schema_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas/lint-report.v1.schema.json")
    }

    fn schema_text() -> String {
        let schema = schemars::schema_for!(LintReport);
        let mut text = serde_json::to_string_pretty(&schema).unwrap();
        text.push('\n');
        text
    }

    fn output(report: &Report) -> String {
        let mut out = Vec::new();
        write(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Parses `text` into the Rust types and validates it against the committed schema.
    #[track_caller]
    fn check_contract(text: &str) -> LintReport<'static> {
        let parsed: LintReport = serde_json::from_str(text).unwrap();
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        parsed
    }

    #[test]
    fn committed_schema_is_up_to_date() {
        let expected = schema_text();
        if std::env::var_os("MLK_UPDATE_GENERATED").is_some_and(|v| v == "1") {
            std::fs::write(schema_path(), &expected).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(schema_path()).unwrap_or_default();
        assert!(
            committed == expected,
            "schemas/lint-report.v1.schema.json is stale: run `MLK_UPDATE_GENERATED=1 cargo test` and review the diff"
        );
    }

    #[test]
    fn parallel_output_is_what_serde_json_prints() {
        let expected = |report: &Report| {
            let mut text = serde_json::to_string_pretty(&LintReport::of(report)).unwrap();
            text.push('\n');
            text
        };
        crate::report::testing::assert_same_output(output, expected);
    }

    #[test]
    fn engine_report_round_trips_and_matches_the_schema() {
        let report = linted();
        let text = output(&report);
        let parsed = check_contract(&text);
        assert_eq!(parsed, LintReport::of(&report));
        assert_eq!(parsed.summary.files, 2);
        let f = parsed
            .findings
            .iter()
            .find(|f| f.rule == "privileged-container")
            .unwrap();
        assert_eq!(f.level, JsonLevel::Error);
        assert_eq!(f.category, "pod-security");
        assert_eq!(f.file, "manifests/pod.yaml");
        assert_eq!(
            (f.line, f.column, f.end_line, f.end_column),
            (10, 19, Some(10), Some(23))
        );
        insta::assert_snapshot!(text);
    }

    #[test]
    fn hostile_report_round_trips_and_matches_the_schema() {
        let report = hostile();
        let text = output(&report);
        let parsed = check_contract(&text);
        assert_eq!(parsed, LintReport::of(&report));
        assert_eq!(parsed.findings[0].message, report.findings[0].message);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn another_version_does_not_parse() {
        let text = output(&Report::default()).replace("\"version\": 1", "\"version\": 2");
        assert!(serde_json::from_str::<LintReport>(&text).is_err());
    }

    #[test]
    fn an_empty_report_is_a_document() {
        let text = output(&Report::default());
        let parsed = check_contract(&text);
        assert!(parsed.findings.is_empty());
        assert!(text.ends_with("}\n"));
    }
}
