//! Meta-tests of the rule set: every rule is registered, documented, tested, follows the
//! naming and message conventions, and its documentation's examples are executable: the
//! example triggers the rule, the "use instead" does not.
use std::collections::BTreeSet;
use std::path::Path;

use mlk::lint::{Selection, Settings};

fn docs(meta: &mlk::lint::RuleMeta) -> String {
    mlk::commands::rule::docs_text(meta)
}

/// The YAML block that follows `marker` in the docs.
fn yaml_after(docs: &str, marker: &str) -> Option<String> {
    let rest = &docs[docs.find(marker)? + marker.len()..];
    let start = rest.find("```yaml\n")? + "```yaml\n".len();
    let end = rest[start..].find("```")? + start;
    Some(rest[start..end].to_string())
}

fn findings_of(rule: &'static dyn mlk::lint::Rule, yaml: &str) -> Vec<mlk::lint::Finding> {
    let name = rule.meta().name;
    let settings = Settings {
        selection: Selection {
            select: vec![name.to_string()],
            ..Selection::default()
        },
        ..Settings::default()
    };
    mlk::lint::lint_texts(&[("example.yaml", yaml)], &settings, &mlk::rules::all())
        .findings
        .into_iter()
        .filter(|f| f.rule == name)
        .collect()
}

#[test]
fn names_are_unique_kebab_case_and_summaries_follow_the_conventions() {
    let mut seen = BTreeSet::new();
    for meta in mlk::rules::all_meta() {
        assert!(seen.insert(meta.name), "duplicate rule name {}", meta.name);
        assert!(
            !meta.name.is_empty()
                && meta
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !meta.name.starts_with('-')
                && !meta.name.ends_with('-')
                && !meta.name.contains("--"),
            "rule name `{}` is not kebab-case",
            meta.name
        );
        assert!(
            !meta.summary.chars().next().is_some_and(char::is_uppercase),
            "{}: summary starts with a capital",
            meta.name
        );
        assert!(
            !meta.summary.ends_with('.'),
            "{}: summary ends with a period",
            meta.name
        );
        let d = docs(meta);
        assert!(
            d.contains("## What it does"),
            "{}: docs lack `## What it does`",
            meta.name
        );
        assert!(
            d.contains("## Why is this bad?"),
            "{}: docs lack `## Why is this bad?`",
            meta.name
        );
    }
}

#[test]
fn every_checking_rule_has_executable_examples_and_conventional_messages() {
    let mut problems = Vec::new();
    for rule in mlk::rules::all() {
        let meta = rule.meta();
        let d = docs(meta);
        let example = yaml_after(&d, "## Example")
            .unwrap_or_else(|| panic!("{}: no `## Example` YAML block", meta.name));
        let instead = yaml_after(&d, "Use instead:")
            .unwrap_or_else(|| panic!("{}: no `Use instead:` YAML block", meta.name));
        let found = findings_of(rule, &example);
        assert!(
            !found.is_empty(),
            "{}: its example does not trigger it",
            meta.name
        );
        let clean = findings_of(rule, &instead);
        assert!(
            clean.is_empty(),
            "{}: its `use instead` triggers it: {:?}",
            meta.name,
            clean.iter().map(|f| &f.message).collect::<Vec<_>>()
        );
        for f in &found {
            if f.message.ends_with('.') {
                problems.push(format!(
                    "{}: message ends with a period: {}",
                    meta.name, f.message
                ));
            }
            if f.message.chars().next().is_some_and(char::is_uppercase) {
                problems.push(format!(
                    "{}: message starts with a capital: {}",
                    meta.name, f.message
                ));
            }
            if f.help.as_deref().is_none_or(|h| h.trim().is_empty()) {
                problems.push(format!(
                    "{}: finding without a help line: {}",
                    meta.name, f.message
                ));
            }
            if f.position.line < 1 {
                problems.push(format!("{}: finding without a position", meta.name));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "message conventions:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_rule_file_is_registered_and_tested() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let registered: BTreeSet<&str> = mlk::rules::all().iter().map(|r| r.meta().name).collect();
    let mut files = 0;
    for category in std::fs::read_dir(&root).expect("src/rules") {
        let dir = category.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).expect("category dir") {
            let path = file.expect("entry").path();
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("rule source");
            if !text.contains("declare_rule! {") {
                continue;
            }
            files += 1;
            let name = text
                .split("name: \"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("{}: no rule name", path.display()));
            assert!(
                registered.contains(name),
                "{} declares `{name}`, which is not registered",
                path.display()
            );
            assert!(
                text.contains("#[cfg(test)]"),
                "{}: rule `{name}` has no tests in its file",
                path.display()
            );
            assert_eq!(
                text.matches("declare_rule! {").count(),
                1,
                "{}: one rule per file",
                path.display()
            );
        }
    }
    assert_eq!(
        files,
        registered.len(),
        "every registered rule lives in its own file"
    );
}
