//! `mlk lint --format ...` end to end: every machine format puts exactly its document on
//! stdout (it parses back, whole), nothing on stderr, and the exit status still says
//! whether a finding reached `--fail-on`.
use std::path::Path;

use assert_cmd::Command;

const PRIVILEGED: &str = "\
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

/// Runs `mlk lint --format FORMAT manifests` in `dir` with no user environment; returns
/// stdout and the exit code, and checks that stderr is empty.
#[track_caller]
fn lint(dir: &Path, format: &str) -> (String, i32) {
    let mut cmd = Command::cargo_bin("mlk").unwrap();
    cmd.current_dir(dir)
        .env_remove("KUBECONFIG")
        .env("HOME", dir)
        .env("NO_COLOR", "1");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("MLK_") {
            cmd.env_remove(key);
        }
    }
    let output = cmd
        .args([
            "lint",
            "--format",
            format,
            "--select",
            "privileged-container",
            "manifests",
        ])
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("manifests")).unwrap();
    std::fs::write(dir.path().join("manifests/pod.yaml"), PRIVILEGED).unwrap();
    dir
}

#[test]
fn json_is_one_document_of_version_1() {
    let dir = fixture();
    let (out, code) = lint(dir.path(), "json");
    assert_eq!(code, 1);
    let report: mlk::report::json::LintReport = serde_json::from_str(&out).unwrap();
    assert_eq!(report.summary.errors, 1);
    assert_eq!(report.findings[0].file, "manifests/pod.yaml");
    assert!(
        !out.contains(&*dir.path().to_string_lossy()),
        "absolute path in {out}"
    );
}

#[test]
fn sarif_is_one_log_with_a_relative_uri() {
    let dir = fixture();
    let (out, code) = lint(dir.path(), "sarif");
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "privileged-container");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "manifests/pod.yaml"
    );
}

#[test]
fn junit_is_one_xml_document() {
    let dir = fixture();
    let (out, code) = lint(dir.path(), "junit");
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&out).unwrap();
    assert_eq!(doc.root_element().attribute("failures"), Some("1"));
}

#[test]
fn github_prints_commands_then_the_summary() {
    let dir = fixture();
    let (out, code) = lint(dir.path(), "github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("::error file=manifests/pod.yaml,line=10,col=19,"));
    assert_eq!(lines[1], "1 error in 1 file (of 1 checked)");
}

#[test]
fn human_has_the_snippet_and_the_summary_last() {
    let dir = fixture();
    let (out, code) = lint(dir.path(), "human");
    assert_eq!(code, 1);
    assert!(out.contains("error[privileged-container]"), "{out}");
    assert!(out.contains("10 │       privileged: true"), "{out}");
    assert!(!out.contains('\u{1b}'), "colour despite NO_COLOR: {out}");
    assert!(out.ends_with("1 error in 1 file (of 1 checked)\n"), "{out}");
}
