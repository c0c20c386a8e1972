//! The project configuration `mlk.yaml`: defaults for the generators, the sizing
//! coefficients and the lint settings. Found by walking up from the working directory
//! (`--config` overrides); unknown keys are errors with a did-you-mean.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::input::InputFile;
use crate::sizing::Coefficients;

/// The file name looked for.
pub const FILE_NAME: &str = "mlk.yaml";

/// mlk.yaml.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// Defaults of the generators; flags and `-f` files override them.
    #[serde(default)]
    pub defaults: Defaults,
    /// Coefficients of the linear sizing formula.
    #[serde(default)]
    pub sizing: Coefficients,
    /// Settings of `mlk lint`.
    #[serde(default)]
    pub lint: LintConfig,
}

/// Generator defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Defaults {
    /// Namespace of generated objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Registry prefixed to the default images (`registry.example.com/mirror`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<String>,
    /// Default `mlk train --target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetName>,
    /// Kubernetes version the cluster runs (`1.35`), for lint and generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_version: Option<String>,
    /// Default GPU type (`h100-80gb`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_type: Option<String>,
    /// Priority classes used by default.
    #[serde(default)]
    pub priority_classes: PriorityClasses,
}

/// Targets of `mlk train`, as mlk.yaml spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TargetName {
    Job,
    Statefulset,
    Trainingjob,
    Pytorchjob,
    Tfjob,
    Jobset,
}

/// Default priority classes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorityClasses {
    /// Priority class of training workloads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<String>,
    /// Priority class of model servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inference: Option<String>,
}

/// Lint settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LintConfig {
    /// Rules or categories to run (all when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select: Vec<String>,
    /// Rules or categories to skip.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Level per rule or category: `error`, `warning`, `info` or `off`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, String>,
    /// Pod Security level and version to check against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_security: Option<PodSecuritySetting>,
    /// Paths (globs relative to mlk.yaml) that lint skips.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Most GPUs a node has (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_gpus_per_node: Option<u32>,
}

/// A Pod Security level and version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PodSecuritySetting {
    /// `restricted`, `baseline` or `privileged`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// `v1.30` or `latest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A loaded configuration and where it came from.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
}

/// Finds and loads the configuration: `explicit` if given, else the nearest mlk.yaml from
/// `start` upwards, else defaults.
pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Loaded> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find(start),
    };
    let Some(path) = path else {
        return Ok(Loaded::default());
    };
    let file = InputFile::read(&path)?;
    let config: Config = file.deserialize()?;
    Ok(Loaded {
        config,
        path: Some(path),
    })
}

fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}
