//! Serde shapes and builders of the Kueue objects `mlk quota --kueue` emits
//! (`kueue.x-k8s.io/v1beta1`: ResourceFlavor, ClusterQueue, LocalQueue). Only the fields
//! mlk sets are modelled; names and types follow the upstream Go types
//! (reference/k8s-ml-facts.md section 2.2), and the snapshots are validated against the
//! upstream CRDs in tests/data/crds.
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Toleration;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use serde::{Deserialize, Serialize};

use super::{Budget, TeamPlan, managed_labels};
use crate::generate::crds::Resource;
use crate::generate::pod::GPU_TAINT_KEY;

/// The API version mlk writes: served by every Kueue release since v0.5, and still served
/// (deprecated) next to v1beta2 from v0.15; v1beta2 renames `cohort` to `cohortName`.
pub const API_VERSION: &str = "kueue.x-k8s.io/v1beta1";

/// The flavor of CPU and memory: no node labels, so CPU-only pods are not pinned to GPU
/// nodes. Kueue's documentation creates the same empty flavor under this name, so
/// applying it next to an existing one changes nothing.
pub const CPU_FLAVOR: &str = "default-flavor";

/// The label Kubernetes puts on every Namespace with its own name.
const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// `ResourceFlavor` spec.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceFlavorSpec {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub node_labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tolerations: Vec<Toleration>,
}

/// `ClusterQueue` spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClusterQueueSpec {
    /// Null admits no namespace at all, so it is always set.
    pub namespace_selector: LabelSelector,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort: Option<String>,
    pub queueing_strategy: String,
    pub preemption: ClusterQueuePreemption,
    pub resource_groups: Vec<ResourceGroup>,
}

/// `ClusterQueue.spec.preemption`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClusterQueuePreemption {
    pub reclaim_within_cohort: String,
    pub within_cluster_queue: String,
}

/// One resource group: resources that are assigned flavors together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceGroup {
    pub covered_resources: Vec<String>,
    pub flavors: Vec<FlavorQuotas>,
}

/// The quotas of one flavor, one entry per covered resource, in the same order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlavorQuotas {
    pub name: String,
    pub resources: Vec<ResourceQuota>,
}

/// The quota of one resource of one flavor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResourceQuota {
    pub name: String,
    pub nominal_quota: Quantity,
    /// Only with a cohort: the API rejects a borrowing limit without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub borrowing_limit: Option<Quantity>,
}

/// `LocalQueue` spec.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LocalQueueSpec {
    pub cluster_queue: String,
}

/// What the Kueue objects of a team need besides its budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KueuePlan {
    /// The LocalQueue in the team namespace (`mlk train --queue <name>`).
    pub queue_name: String,
    /// The cohort the team borrows in and lends to; none means no borrowing.
    pub cohort: Option<String>,
}

/// The ClusterQueue of a team: its name is the team's with `-cq`, so it never clashes
/// with the LocalQueue when both are listed together.
pub fn cluster_queue_name(team: &str) -> String {
    format!("{team}-cq")
}

/// The ResourceFlavor of a GPU type: named after it, selecting its nodes by the GPU
/// Feature Discovery product label and tolerating the GPU taint, which Kueue copies onto
/// every pod it admits with this flavor.
pub fn gpu_flavor(gpu: Option<&'static crate::sizing::GpuSpec>) -> Resource<ResourceFlavorSpec> {
    let mut spec = ResourceFlavorSpec {
        tolerations: vec![Toleration {
            key: Some(GPU_TAINT_KEY.to_string()),
            operator: Some("Exists".to_string()),
            effect: Some("NoSchedule".to_string()),
            ..Default::default()
        }],
        ..Default::default()
    };
    if let Some(g) = gpu {
        spec.node_labels.insert(
            "nvidia.com/gpu.product".to_string(),
            g.product_label.to_string(),
        );
    }
    flavor(&gpu_flavor_name(gpu), spec)
}

/// The flavor name of a GPU type, or `gpu` when the type is not known.
pub fn gpu_flavor_name(gpu: Option<&'static crate::sizing::GpuSpec>) -> String {
    gpu.map_or("gpu", |g| g.name).to_string()
}

/// The flavor of CPU and memory.
pub fn cpu_flavor() -> Resource<ResourceFlavorSpec> {
    flavor(CPU_FLAVOR, ResourceFlavorSpec::default())
}

fn flavor(name: &str, spec: ResourceFlavorSpec) -> Resource<ResourceFlavorSpec> {
    Resource {
        api_version: API_VERSION.to_string(),
        kind: "ResourceFlavor".to_string(),
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            labels: Some(managed_labels()),
            ..Default::default()
        },
        spec,
    }
}

/// The ClusterQueue of a team: admits workloads of the team namespace only, with the
/// team's budget as nominal quota; CPU and memory in one resource group and the GPUs in
/// another, so CPU-only workloads get no GPU node labels. In a cohort, each resource may
/// borrow up to its own nominal quota from idle teams, and a team reclaims what it lent
/// by preempting any borrower; inside the queue, higher priorities preempt lower ones.
pub fn cluster_queue(team: &TeamPlan, kueue: &KueuePlan) -> Resource<ClusterQueueSpec> {
    let b: &Budget = &team.budget;
    let borrow = |q: &Quantity| kueue.cohort.as_ref().map(|_| q.clone());
    let entry = |name: &str, q: Quantity| ResourceQuota {
        name: name.to_string(),
        borrowing_limit: borrow(&q),
        nominal_quota: q,
    };
    let resource_groups = vec![
        ResourceGroup {
            covered_resources: vec!["cpu".to_string(), "memory".to_string()],
            flavors: vec![FlavorQuotas {
                name: CPU_FLAVOR.to_string(),
                resources: vec![entry("cpu", b.cpu()), entry("memory", b.memory())],
            }],
        },
        ResourceGroup {
            covered_resources: vec![team.gpu_resource.clone()],
            flavors: vec![FlavorQuotas {
                name: gpu_flavor_name(team.gpu_type),
                resources: vec![entry(&team.gpu_resource, b.gpus())],
            }],
        },
    ];
    Resource {
        api_version: API_VERSION.to_string(),
        kind: "ClusterQueue".to_string(),
        metadata: ObjectMeta {
            name: Some(cluster_queue_name(&team.name)),
            labels: Some(managed_labels()),
            ..Default::default()
        },
        spec: ClusterQueueSpec {
            namespace_selector: LabelSelector {
                match_labels: Some(BTreeMap::from([(
                    NAMESPACE_NAME_LABEL.to_string(),
                    team.name.clone(),
                )])),
                match_expressions: None,
            },
            cohort: kueue.cohort.clone(),
            queueing_strategy: "BestEffortFIFO".to_string(),
            preemption: ClusterQueuePreemption {
                reclaim_within_cohort: if kueue.cohort.is_some() {
                    "Any"
                } else {
                    "Never"
                }
                .to_string(),
                within_cluster_queue: "LowerPriority".to_string(),
            },
            resource_groups,
        },
    }
}

/// The LocalQueue of the team namespace, pointing at the team's ClusterQueue.
pub fn local_queue(team: &TeamPlan, kueue: &KueuePlan) -> Resource<LocalQueueSpec> {
    Resource {
        api_version: API_VERSION.to_string(),
        kind: "LocalQueue".to_string(),
        metadata: ObjectMeta {
            name: Some(kueue.queue_name.clone()),
            namespace: Some(team.name.clone()),
            labels: Some(managed_labels()),
            ..Default::default()
        },
        spec: LocalQueueSpec {
            cluster_queue: cluster_queue_name(&team.name),
        },
    }
}
