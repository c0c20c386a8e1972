//! The `InferenceService` resource (short name `mlis`): a high-level description of a model
//! server that `mlk serve -f` compiles into a Deployment with Service, autoscaler and
//! disruption budget, or into a KServe InferenceService.
use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{EnvVar, GpuSpec, PodResources, ResourceStatus, Scheduling};

/// A model server.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[kube(
    group = "mlk.dev",
    version = "v1alpha1",
    kind = "InferenceService",
    plural = "inferenceservices",
    shortname = "mlis",
    category = "mlk",
    namespaced,
    status = "ResourceStatus",
    printcolumn = r#"{"name":"Runtime","type":"string","jsonPath":".spec.runtime"}"#,
    printcolumn = r#"{"name":"Model","type":"string","jsonPath":".spec.modelUri"}"#,
    printcolumn = r#"{"name":"Min","type":"integer","jsonPath":".spec.autoscaling.minReplicas"}"#,
    printcolumn = r#"{"name":"Max","type":"integer","jsonPath":".spec.autoscaling.maxReplicas"}"#,
    printcolumn = r#"{"name":"Phase","type":"string","jsonPath":".status.phase"}"#,
    printcolumn = r#"{"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InferenceServiceSpec {
    /// Serving runtime; decides image, ports and health endpoints.
    pub runtime: Runtime,
    /// Where the model lives: `pvc://`, `s3://`, `gs://` or `hf://`.
    #[schemars(length(min = 1, max = 2048))]
    pub model_uri: String,
    /// Container image; defaults to the runtime's pinned image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 4096))]
    pub image: Option<String>,
    /// GPUs per replica.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 64))]
    pub gpus: Option<u32>,
    /// GPU type, MIG profile or vendor resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<GpuSpec>,
    /// CPU, memory and /dev/shm per replica.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<PodResources>,
    /// Replica bounds and scaling signals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autoscaling: Option<Autoscaling>,
    /// Canary rollout of a second image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canary: Option<Canary>,
    /// Placement and admission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduling: Option<Scheduling>,
    /// Environment variables of the server container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<EnvVar>,
    /// Secrets whose keys become environment variables (for example storage credentials).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env_from_secrets: Vec<String>,
}

/// Serving runtimes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Runtime {
    #[default]
    Triton,
    Torchserve,
    TensorflowServing,
    Vllm,
    Custom,
}

/// Autoscaling of the server.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Autoscaling {
    /// Fewest replicas (default 2, for availability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1000))]
    pub min_replicas: Option<u32>,
    /// Most replicas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1000))]
    pub max_replicas: Option<u32>,
    /// Target CPU utilization in percent of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100))]
    pub target_utilization: Option<u32>,
    /// Custom per-pod metrics with their average target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<PodMetric>,
}

/// A custom Pods metric and its target average value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PodMetric {
    /// Metric name as the metrics adapter exposes it.
    #[schemars(length(min = 1, max = 253))]
    pub name: String,
    /// Target average value per pod, a quantity (`10`, `500m`).
    pub target: String,
}

/// Canary rollout.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Canary {
    /// Image of the canary.
    #[schemars(length(min = 1, max = 4096))]
    pub image: String,
    /// Share of traffic for the canary.
    #[schemars(range(min = 0, max = 100))]
    pub percent: u32,
    /// Traffic splitting mesh for the Deployment target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mesh: Option<Mesh>,
}

/// Service meshes that split traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Mesh {
    Istio,
}
