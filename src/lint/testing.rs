//! Test helpers for rules: run one rule over a YAML text and look at what it reports.
use super::engine::lint_texts;
use super::finding::Finding;
use super::rule::Rule;
use super::settings::{Selection, Settings};

/// The findings of `rule` alone on `yaml`, with default settings.
#[track_caller]
pub fn check(rule: &'static dyn Rule, yaml: &str) -> Vec<Finding> {
    check_with(rule, yaml, &Settings::default())
}

/// The findings of `rule` alone on `yaml` with `settings` (its selection is replaced so
/// that only `rule` runs).
#[track_caller]
pub fn check_with(rule: &'static dyn Rule, yaml: &str, settings: &Settings) -> Vec<Finding> {
    check_files_with(rule, &[("test.yaml", yaml)], settings)
}

/// The findings of `rule` alone on several files, named as given, with default settings.
#[track_caller]
pub fn check_files(rule: &'static dyn Rule, files: &[(&str, &str)]) -> Vec<Finding> {
    check_files_with(rule, files, &Settings::default())
}

#[track_caller]
fn check_files_with(
    rule: &'static dyn Rule,
    files: &[(&str, &str)],
    settings: &Settings,
) -> Vec<Finding> {
    let mut settings = settings.clone();
    let name = rule.meta().name.to_string();
    settings.selection = Selection {
        select: vec![name.clone()],
        levels: settings.selection.levels.clone(),
        ..Selection::default()
    };
    let report = lint_texts(files, &settings, &[rule]);
    report
        .findings
        .into_iter()
        .filter(|f| f.rule == name)
        .collect()
}

/// Default settings with the Pod Security policy `level` at version v1.`minor`.
pub fn at(level: super::psa::PsaLevel, minor: u32) -> Settings {
    Settings {
        policy: super::psa::PsaPolicy {
            level,
            version: super::psa::Version::v1(minor),
        },
        ..Settings::default()
    }
}

/// `line:col message` of each finding, one per line, for snapshots and asserts.
pub fn render(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} [{}] {} ({})",
                f.position.line, f.position.column, f.level, f.message, f.path
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
