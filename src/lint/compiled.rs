//! mlk.dev resources are checked through what they compile to: a TrainingJob is resolved
//! and rendered exactly as `mlk train -f` would (target `job`), an InferenceService as
//! `mlk serve -f` would (target `deployment`), the rendered objects are linted with the
//! same rules, and every finding is reported at the resource itself. A value the generator
//! rejects is reported at its field.
use std::borrow::Cow;

use super::engine::{ActiveRule, lint_rendered};
use super::settings::Settings;
use crate::api::{InferenceService, TrainingJob};
use crate::generate::serve::plan::{ServeDefaults, ServeRequest, ServeTarget};
use crate::generate::train::plan::{SpecError, TrainDefaults, TrainTarget, resolve};
use crate::manifest::{Object, Path};

/// One problem found in an mlk.dev resource.
pub struct CompiledProblem {
    /// Where in the document (the field, or the object's `spec`).
    pub path: Path,
    pub rule: Option<&'static str>,
    pub message: String,
    pub help: Option<Cow<'static, str>>,
    pub level: Option<super::rule::Level>,
}

/// Checks an mlk.dev object; `None` when it is not one.
pub fn check(
    object: &Object<'_>,
    settings: &Settings,
    active: &[ActiveRule],
) -> Option<Vec<CompiledProblem>> {
    if object.group() != Some(crate::api::GROUP) {
        return None;
    }
    let mut out = Vec::new();
    match object.kind {
        Some("TrainingJob") => {
            let job: TrainingJob = match serde_path_to_error::deserialize(object.node.to_json()) {
                Ok(j) => j,
                Err(e) => {
                    out.push(invalid(object, e));
                    return Some(out);
                }
            };
            let plan = resolve(
                job.metadata.name.as_deref(),
                job.metadata.namespace.as_deref(),
                TrainTarget::Job,
                &job.spec,
                &TrainDefaults::default(),
            );
            let plan = match plan {
                Ok(p) => p,
                Err(e) => {
                    out.push(field_problem(object, e));
                    return Some(out);
                }
            };
            lint_compiled(
                crate::generate::train::render(&plan),
                object,
                settings,
                active,
                &mut out,
            );
        }
        Some("InferenceService") => {
            let isvc: InferenceService =
                match serde_path_to_error::deserialize(object.node.to_json()) {
                    Ok(i) => i,
                    Err(e) => {
                        out.push(invalid(object, e));
                        return Some(out);
                    }
                };
            // A custom server's command is not part of the resource (`mlk serve -f` takes
            // it as a flag), so such a resource is validated but not rendered.
            let custom = isvc.spec.runtime == crate::api::inference::Runtime::Custom;
            let target = if custom {
                ServeTarget::InferenceService
            } else {
                ServeTarget::Deployment
            };
            let request = ServeRequest {
                spec: isvc.spec.clone(),
                ..Default::default()
            };
            let plan = crate::generate::serve::plan::resolve(
                isvc.metadata.name.as_deref(),
                isvc.metadata.namespace.as_deref(),
                target,
                &request,
                &ServeDefaults::default(),
            );
            match plan {
                Err(e) => out.push(field_problem(object, e)),
                Ok(_) if custom => {}
                Ok(plan) => lint_compiled(
                    crate::generate::serve::render(&plan),
                    object,
                    settings,
                    active,
                    &mut out,
                ),
            }
        }
        _ => {}
    }
    Some(out)
}

/// A value the generator rejects, at its field.
fn field_problem(object: &Object<'_>, e: SpecError) -> CompiledProblem {
    let mut path = if e.field.starts_with("metadata.") {
        object.path.clone()
    } else {
        object.path.key("spec")
    };
    for part in e.field.split('.') {
        path = path.key(part);
    }
    CompiledProblem {
        path,
        rule: None,
        message: format!("`{}`: {}", e.value, e.message),
        help: Some(e.help.into()),
        level: None,
    }
}

/// Lints what the resource compiled to and reports every finding at its `spec`.
fn lint_compiled(
    docs: crate::error::Result<Vec<serde_json::Value>>,
    object: &Object<'_>,
    settings: &Settings,
    active: &[ActiveRule],
    out: &mut Vec<CompiledProblem>,
) {
    let spec_path = object.path.key("spec");
    let docs = match docs {
        Ok(d) => d,
        Err(e) => {
            out.push(CompiledProblem {
                path: spec_path,
                rule: None,
                message: format!(
                    "cannot render the {}: {e}",
                    object.kind.unwrap_or("resource")
                ),
                help: None,
                level: None,
            });
            return;
        }
    };
    let mut text = String::new();
    for d in &docs {
        if let Ok(yaml) = crate::output::to_yaml(d) {
            text.push_str("---\n");
            text.push_str(&yaml);
        }
    }
    for f in lint_rendered(&text, settings, active) {
        let what = f.object.as_ref().map(|o| o.label()).unwrap_or_default();
        out.push(CompiledProblem {
            path: spec_path.clone(),
            rule: Some(f.rule),
            message: format!("in the compiled {what}: {}", f.message),
            help: f.help,
            level: Some(f.level),
        });
    }
}

fn invalid(
    object: &Object<'_>,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> CompiledProblem {
    let mut path = object.path.clone();
    for seg in e.path().iter() {
        match seg {
            serde_path_to_error::Segment::Map { key } => path = path.key(key),
            serde_path_to_error::Segment::Seq { index } => path = path.index(*index),
            _ => {}
        }
    }
    CompiledProblem {
        path,
        rule: None,
        message: format!(
            "invalid {}: {}",
            object.kind.unwrap_or("resource"),
            e.into_inner()
        ),
        help: Some("check the field against schemas/ (`mlk crd` prints the CRDs)".into()),
        level: None,
    }
}
