//! `--format sarif`: SARIF 2.1.0 for code-scanning upload. One run, with the metadata and
//! documentation of every rule (not only those that fired, so that viewers can explain any
//! rule), and one result per finding.
use std::collections::HashMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use super::{end_position, write_pretty_filling};
use crate::commands::rule::docs_text;
use crate::lint::{Finding, Level, Report, RuleMeta};

/// The `$schema` of the document: the OASIS schema that `tests/data/sarif` holds a copy of.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where users learn about the tool (`tool.driver.informationUri`).
const INFORMATION_URI: &str = "https://mlk.dev";

/// The key of the one partial fingerprint; its version changes if the hashed fields do.
const FINGERPRINT: &str = "mlkFinding/v1";

/// Writes the SARIF log of `report`, with the results rendered in parallel.
pub fn write(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    let rules = crate::rules::all_meta();
    let index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.name, i)).collect();
    write_pretty_filling(out, &log(&rules), &report.findings, |f, buf| {
        serde_json::to_writer_pretty(buf, &result(report, f, index.get(f.rule).copied()))
    })
}

/// The SARIF log describing `rules`, with an empty list of results.
fn log(rules: &[&'static RuleMeta]) -> Value {
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "mlk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
                }
            },
            // mlk counts columns in characters, not in UTF-16 code units (the default).
            "columnKind": "unicodeCodePoints",
            // Last, so that the results can be streamed into it.
            "results": [],
        }]
    })
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

fn rule(meta: &RuleMeta) -> Value {
    let docs = docs_text(meta);
    json!({
        "id": meta.name,
        "name": meta.name,
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": what_it_does(&docs).unwrap_or_else(|| meta.summary.to_string()) },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(meta.default_level) },
        "properties": {
            "category": meta.category.as_str(),
            // Code-scanning viewers filter by tags.
            "tags": [meta.category.as_str()],
        },
    })
}

/// The first paragraph under `## What it does`, on one line.
fn what_it_does(docs: &str) -> Option<String> {
    let mut lines = docs.lines().skip_while(|l| l.trim() != "## What it does");
    lines.next()?;
    let paragraph: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::trim)
        .collect();
    (!paragraph.is_empty()).then(|| paragraph.join(" "))
}

/// One result; `rule_index` is the rule's place in `tool.driver.rules`.
fn result(report: &Report, f: &Finding, rule_index: Option<usize>) -> Value {
    let mut text = f.message.clone();
    // A result has no help of its own in SARIF; viewers show the message, so the fix goes
    // there too.
    if let Some(help) = &f.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), json!({ "uri": uri(&f.file) }));
    if f.position.line > 0 {
        let mut region = Map::new();
        region.insert("startLine".into(), f.position.line.into());
        if f.position.column > 0 {
            region.insert("startColumn".into(), f.position.column.into());
        }
        if let Some((line, column)) = end_position(report, f) {
            region.insert("endLine".into(), line.into());
            region.insert("endColumn".into(), column.into());
        }
        physical.insert("region".into(), region.into());
    }
    let mut properties = Map::new();
    properties.insert("category".into(), f.category.as_str().into());
    properties.insert("document".into(), f.document.into());
    if !f.path.is_empty() {
        properties.insert("path".into(), f.path.as_str().into());
    }
    if let Some(object) = &f.object {
        properties.insert("object".into(), json!(object));
    }
    let mut result = Map::new();
    result.insert("ruleId".into(), f.rule.into());
    if let Some(index) = rule_index {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("level".into(), level(f.level).into());
    result.insert("message".into(), json!({ "text": text }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical }]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT: fingerprint(f) }),
    );
    result.insert("properties".into(), properties.into());
    result.into()
}

/// A fingerprint that survives edits elsewhere in the file: it hashes what the finding is
/// about (rule, file, object, path, message), not where it is. FNV-1a, because its value
/// must not change between Rust releases as `std`'s hasher may.
fn fingerprint(f: &Finding) -> String {
    let object = f.object.clone().unwrap_or_default();
    let fields = [
        f.rule,
        &f.file,
        object.api_version.as_deref().unwrap_or_default(),
        object.kind.as_deref().unwrap_or_default(),
        object.namespace.as_deref().unwrap_or_default(),
        object.name.as_deref().unwrap_or_default(),
        &f.path,
        &f.message,
    ];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for field in fields {
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        for byte in field.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The file as a relative URI reference: forward slashes, no leading `./`, and every byte
/// other than an unreserved character or `/` percent-encoded, so that spaces, `%`, `#`, `?`
/// and a `:` (which would read as a scheme) cannot change what the reference means.
fn uri(file: &str) -> String {
    let slashed = if std::path::MAIN_SEPARATOR == '\\' {
        file.replace('\\', "/")
    } else {
        file.to_string()
    };
    let mut path = slashed.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::report::testing::{hostile, linted};

    fn output(report: &Report) -> Value {
        let mut out = Vec::new();
        write(report, &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    /// The official SARIF 2.1.0 schema (see tests/data/sarif/SOURCES.md).
    fn validator() -> jsonschema::Validator {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sarif/sarif-schema-2.1.0.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    }

    #[track_caller]
    fn assert_valid(log: &Value) {
        let errors: Vec<String> = validator()
            .iter_errors(log)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    /// The log with the tool version replaced, so that snapshots survive a release.
    fn redacted(mut log: Value) -> Value {
        let driver = &mut log["runs"][0]["tool"]["driver"];
        driver["version"] = "[version]".into();
        driver["semanticVersion"] = "[version]".into();
        log
    }

    #[test]
    fn parallel_output_is_what_serde_json_prints() {
        let rules = crate::rules::all_meta();
        let expected = |report: &Report| {
            let mut log = log(&rules);
            log["runs"][0]["results"] = report
                .findings
                .iter()
                .map(|f| result(report, f, rules.iter().position(|r| r.name == f.rule)))
                .collect();
            let mut text = serde_json::to_string_pretty(&log).unwrap();
            text.push('\n');
            text
        };
        let text = |report: &Report| {
            let mut out = Vec::new();
            write(report, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        crate::report::testing::assert_same_output(text, expected);
    }

    #[test]
    fn engine_report_is_valid_sarif() {
        let log = output(&linted());
        assert_valid(&log);
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), crate::rules::all_meta().len());
        let results = run["results"].as_array().unwrap();
        let privileged = results
            .iter()
            .find(|r| r["ruleId"] == "privileged-container")
            .unwrap();
        let index = privileged["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], "privileged-container");
        assert_eq!(rules[index]["defaultConfiguration"]["level"], "error");
        assert!(
            rules[index]["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## Why is this bad?")
        );
        assert_eq!(
            privileged["locations"][0]["physicalLocation"],
            json!({
                "artifactLocation": { "uri": "manifests/pod.yaml" },
                "region": { "startLine": 10, "startColumn": 19, "endLine": 10, "endColumn": 23 },
            })
        );
        // Rules are many and long; the snapshot holds the results, the asserts above the rules.
        let mut log = redacted(log);
        log["runs"][0]["tool"]["driver"]["rules"] = json!(["[every rule]"]);
        insta::assert_json_snapshot!(log);
    }

    #[test]
    fn hostile_report_is_valid_sarif() {
        let report = hostile();
        let log = output(&report);
        assert_valid(&log);
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), report.findings.len());
        assert_eq!(
            results[0]["message"]["text"],
            format!(
                "{}\nhelp: {}",
                report.findings[0].message,
                report.findings[0].help.as_deref().unwrap()
            )
        );
        // No position: the location names the file only.
        assert!(results[0]["locations"][0]["physicalLocation"]["region"].is_null());
        let mut log = redacted(log);
        log["runs"][0]["tool"]["driver"]["rules"] = json!(["[every rule]"]);
        insta::assert_json_snapshot!(log);
    }

    #[test]
    fn every_rule_has_a_full_description_from_its_docs() {
        for meta in crate::rules::all_meta() {
            let full = what_it_does(&docs_text(meta));
            assert!(
                full.is_some(),
                "{}: no `## What it does` paragraph",
                meta.name
            );
        }
    }

    #[test]
    fn uris_are_relative_references() {
        assert_eq!(uri("./manifests/a b.yaml"), "manifests/a%20b.yaml");
        assert_eq!(uri("c:x/ü%#?.yaml"), "c%3Ax/%C3%BC%25%23%3F.yaml");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        // The SARIF schema is draft-04, which has no `uri-reference` format, so its
        // validation does not check `artifactLocation.uri`; a newer draft's does.
        let reference = jsonschema::options()
            .should_validate_formats(true)
            .build(&json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "format": "uri-reference",
            }))
            .unwrap();
        assert!(!reference.is_valid(&json!("a b:c")));
        for file in [
            "a b.yaml",
            "c:x/ü%#?[].yaml",
            "<stdin>",
            "../up/x.yaml",
            "/abs/x.yaml",
        ] {
            let uri = uri(file);
            assert!(reference.is_valid(&json!(uri)), "{uri}");
            assert!(!uri.contains(':'), "{uri} would read as a scheme");
        }
    }

    #[test]
    fn fingerprints_ignore_positions() {
        let report = hostile();
        let mut moved = report.findings[1].clone();
        moved.position.line += 3;
        assert_eq!(fingerprint(&moved), fingerprint(&report.findings[1]));
        assert_ne!(
            fingerprint(&report.findings[1]),
            fingerprint(&report.findings[2])
        );
    }

    #[test]
    fn the_schema_rejects_what_it_should() {
        // Guards against a validator that silently accepts everything.
        let log = output(&linted());
        let validator = validator();
        assert!(validator.is_valid(&log));
        let mut bad = log.clone();
        bad["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(!validator.is_valid(&bad));
    }
}
