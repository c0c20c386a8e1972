//! Serde shapes of the third-party custom resources mlk emits: Kubeflow Training Operator v1
//! (PyTorchJob, TFJob), JobSet v1alpha2 and Volcano PodGroup v1beta1. Only the fields mlk
//! sets are modelled; their names and types follow the upstream Go types
//! (reference/k8s-ml-facts.md sections 1 and 2).
use std::collections::BTreeMap;

use k8s_openapi::api::batch::v1::JobTemplateSpec;
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::{Deserialize, Serialize};

/// A custom resource with `apiVersion`, `kind`, `metadata` and `spec`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resource<S> {
    pub api_version: String,
    pub kind: String,
    pub metadata: ObjectMeta,
    pub spec: S,
}

/// Kubeflow `RunPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunPolicy {
    pub clean_pod_policy: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff_limit: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl_seconds_after_finished: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_policy: Option<SchedulingPolicy>,
}

/// Kubeflow `SchedulingPolicy` (used by the operator's Volcano gang scheduling).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchedulingPolicy {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_available: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority_class: Option<String>,
}

/// Kubeflow `ReplicaSpec`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicaSpec {
    pub replicas: i32,
    pub restart_policy: String,
    pub template: PodTemplateSpec,
}

/// `PyTorchJob` spec (kubeflow.org/v1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PyTorchJobSpec {
    pub run_policy: RunPolicy,
    pub nproc_per_node: String,
    pub pytorch_replica_specs: BTreeMap<String, ReplicaSpec>,
}

/// `TFJob` spec (kubeflow.org/v1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TfJobSpec {
    pub run_policy: RunPolicy,
    pub tf_replica_specs: BTreeMap<String, ReplicaSpec>,
}

/// `JobSet` spec (jobset.x-k8s.io/v1alpha2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSetSpec {
    pub replicated_jobs: Vec<ReplicatedJob>,
    pub network: JobSetNetwork,
    pub success_policy: JobSetSuccessPolicy,
    pub failure_policy: JobSetFailurePolicy,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl_seconds_after_finished: Option<i32>,
}

/// One replicated Job of a JobSet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicatedJob {
    pub name: String,
    pub replicas: i32,
    pub template: JobTemplateSpec,
}

/// JobSet pod DNS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSetNetwork {
    /// Upstream spells the acronym in capitals, which camelCase renaming would not.
    #[serde(rename = "enableDNSHostnames")]
    pub enable_dns_hostnames: bool,
    pub publish_not_ready_addresses: bool,
}

/// JobSet success policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSetSuccessPolicy {
    pub operator: String,
}

/// JobSet failure policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSetFailurePolicy {
    pub max_restarts: i32,
}

/// Volcano `PodGroup` spec (scheduling.volcano.sh/v1beta1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodGroupSpec {
    pub min_member: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority_class_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
}
