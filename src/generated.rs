//! Files generated from the code and committed to the repository: the mlk.dev CRDs, the
//! JSON Schemas of job-description files and of mlk.yaml, shell completions, and the field
//! shapes of the built-in kinds that the unknown-field rule checks. A test
//! compares each with its committed copy and rewrites them all when `MLK_UPDATE_GENERATED=1`.
use clap::CommandFactory;
use clap_complete::Shell;
use kube::CustomResourceExt;
use serde_json::{Value, json};

use crate::api::{InferenceService, InferenceServiceSpec, TrainingJob, TrainingJobSpec};
use crate::cli::Cli;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{to_value, to_yaml};

/// Every generated file: its path relative to the repository root and its content.
pub fn files() -> Result<Vec<(String, String)>> {
    let mut out = vec![
        (
            "schemas/trainingjobs.mlk.dev.crd.yaml".to_string(),
            to_yaml(&to_value(&TrainingJob::crd())?)?,
        ),
        (
            "schemas/inferenceservices.mlk.dev.crd.yaml".to_string(),
            to_yaml(&to_value(&InferenceService::crd())?)?,
        ),
        (
            "schemas/trainingjob.schema.json".to_string(),
            pretty(&resource_schema::<TrainingJobSpec>(
                "TrainingJob",
                "a training run for `mlk train -f`",
            )?)?,
        ),
        (
            "schemas/inferenceservice.schema.json".to_string(),
            pretty(&resource_schema::<InferenceServiceSpec>(
                "InferenceService",
                "a model server for `mlk serve -f`",
            )?)?,
        ),
        (
            "schemas/mlk.yaml.schema.json".to_string(),
            pretty(&config_schema()?)?,
        ),
        (
            "src/rules/correctness/shapes.rs".to_string(),
            crate::rules::correctness::shapes_source().map_err(|names| {
                Error::Output(std::io::Error::other(format!(
                    "schemas refer to definitions that do not exist: {}",
                    names.join(", ")
                )))
            })?,
        ),
    ];
    for (shell, file) in [
        (Shell::Bash, "completions/mlk.bash"),
        (Shell::Zsh, "completions/_mlk"),
        (Shell::Fish, "completions/mlk.fish"),
        (Shell::PowerShell, "completions/_mlk.ps1"),
        (Shell::Elvish, "completions/mlk.elv"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "mlk", &mut buf);
        let text = String::from_utf8(buf).map_err(|e| Error::Output(std::io::Error::other(e)))?;
        out.push((file.to_string(), text));
    }
    Ok(out)
}

fn pretty(value: &Value) -> Result<String> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| Error::Output(std::io::Error::other(e)))?;
    text.push('\n');
    Ok(text)
}

/// The JSON Schema of a whole mlk.dev document (apiVersion, kind, metadata, spec), for
/// editors completing job-description files.
fn resource_schema<S: schemars::JsonSchema>(kind: &str, what: &str) -> Result<Value> {
    let spec = to_value(&schemars::schema_for!(S))?;
    let mut defs = spec.get("$defs").cloned().unwrap_or_else(|| json!({}));
    let mut spec_schema = spec.clone();
    if let Some(obj) = spec_schema.as_object_mut() {
        obj.remove("$defs");
        obj.remove("$schema");
    }
    if let Some(d) = defs.as_object_mut() {
        d.insert("Spec".to_string(), spec_schema);
    }
    Ok(json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://mlk.dev/schemas/{}.schema.json", kind.to_ascii_lowercase()),
        "title": kind,
        "description": format!("mlk.dev/v1alpha1 {kind}: {what}"),
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "additionalProperties": false,
        "properties": {
            "apiVersion": {"const": "mlk.dev/v1alpha1"},
            "kind": {"const": kind},
            "metadata": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "maxLength": 63, "pattern": "^[a-z]([-a-z0-9]*[a-z0-9])?$"},
                    "namespace": {"type": "string", "maxLength": 63},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "annotations": {"type": "object", "additionalProperties": {"type": "string"}}
                }
            },
            "spec": {"$ref": "#/$defs/Spec"},
            "status": {"type": "object"}
        },
        "$defs": defs,
    }))
}

fn config_schema() -> Result<Value> {
    let mut schema = to_value(&schemars::schema_for!(Config))?;
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".to_string(),
            json!("https://mlk.dev/schemas/mlk.yaml.schema.json"),
        );
        obj.insert("title".to_string(), json!("mlk.yaml"));
        obj.insert("description".to_string(), json!("mlk project configuration: generator defaults, sizing coefficients and lint settings"));
    }
    Ok(schema)
}

/// Markers of the generated rules table in README.md.
pub const RULES_BEGIN: &str =
    "<!-- rules:begin (generated by `MLK_UPDATE_GENERATED=1 cargo test`) -->";
pub const RULES_END: &str = "<!-- rules:end -->";

/// The README's table of every rule, by category, with default levels.
pub fn rules_table() -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for category in crate::lint::Category::ALL {
        let rules: Vec<_> = crate::rules::all_meta()
            .into_iter()
            .filter(|m| m.category == category)
            .collect();
        if rules.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n**{}**: {}\n",
            category.as_str(),
            category.description()
        );
        let _ = writeln!(out, "| rule | level | what it reports |\n|---|---|---|");
        for m in rules {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                m.name,
                m.default_level,
                m.summary.replace('|', "\\|")
            );
        }
    }
    out
}

/// README.md with its rules table replaced by the current one; `None` when the markers
/// are missing.
pub fn readme_with_rules(readme: &str) -> Option<String> {
    let start = readme.find(RULES_BEGIN)? + RULES_BEGIN.len();
    let end = readme[start..].find(RULES_END)? + start;
    Some(format!(
        "{}\n{}\n{}",
        &readme[..start],
        rules_table().trim_end(),
        &readme[end..]
    ))
}
