//! `mlk quota`: validated team budgets become a team's namespace setup: the Namespace
//! with pinned Pod Security labels, its ResourceQuota(s) and LimitRange, optionally the
//! cluster's ML PriorityClasses and the Kueue queues; for an organisation tree
//! (`org`), the department and organisation budgets too.
pub mod kueue;
pub mod org;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    LimitRange, LimitRangeItem, LimitRangeSpec, Namespace, ResourceQuota, ResourceQuotaSpec,
    ScopeSelector, ScopedResourceSelectorRequirement,
};
use k8s_openapi::api::scheduling::v1::PriorityClass;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

use crate::error::Result;
use crate::generate::pod::LABEL_MANAGED_BY;
use crate::lint::Version;
use crate::output::to_value;
use crate::sizing::GpuSpec;

pub use kueue::KueuePlan;

/// The Namespace label naming a namespace's parent budget, shared with the lint rule
/// `team-quota-exceeds-parent`.
pub use crate::rules::sizing::PARENT_LABEL;

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// Name of the unscoped ResourceQuota of every namespace mlk sets up.
pub const QUOTA_NAME: &str = "budget";
/// Name of the LimitRange of a team namespace.
pub const LIMIT_RANGE_NAME: &str = "defaults";

/// Request (and limit) of a container that sets no CPU, and its floor.
pub const DEFAULT_CPU_MILLIS: u64 = 500;
pub const MIN_CPU_MILLIS: u64 = 10;
/// Request (and limit) of a container that sets no memory, and its floor.
pub const DEFAULT_MEMORY_BYTES: u64 = GIB;
pub const MIN_MEMORY_BYTES: u64 = 16 * MIB;
/// The smallest claim a team may create, so a typo of `1M` is not a volume.
pub const MIN_CLAIM_BYTES: u64 = GIB;

/// One of the cluster's ML priority classes, and the share of a team's budget its
/// per-priority quota allows (`--per-priority`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriorityTier {
    pub name: &'static str,
    pub value: i32,
    /// `Never` keeps the class from evicting others to make room.
    pub preemption_policy: &'static str,
    pub description: &'static str,
    /// Percent of the team's CPU, memory and GPUs that pods of this class may hold at
    /// once. These are caps, not reservations: the unscoped quota still bounds the sum, so
    /// the shares add up to more than 100%.
    pub share_percent: u64,
}

/// The priority classes of SPEC section 5, highest first. None is the global default:
/// pods without a class keep priority 0 and sit below all of them.
pub const PRIORITY_TIERS: [PriorityTier; 3] = [
    PriorityTier {
        name: "ml-inference-critical",
        value: 2000,
        preemption_policy: "PreemptLowerPriority",
        description: "Model servers that answer live traffic; may preempt training and experiments.",
        share_percent: 50,
    },
    PriorityTier {
        name: "ml-training-high-priority",
        value: 1000,
        preemption_policy: "PreemptLowerPriority",
        description: "Scheduled training runs; may preempt experiments.",
        share_percent: 75,
    },
    PriorityTier {
        name: "ml-experimentation",
        value: 100,
        preemption_policy: "Never",
        description: "Notebooks and experiments; waits for room instead of preempting anything.",
        share_percent: 25,
    },
];

/// An amount of compute and storage, exact in millicores and bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    pub gpus: u32,
    pub storage_bytes: u64,
}

impl Budget {
    pub fn cpu(&self) -> Quantity {
        Quantity(crate::quantity::format_cpu_millis(self.cpu_millis))
    }

    pub fn memory(&self) -> Quantity {
        bytes(self.memory_bytes)
    }

    pub fn gpus(&self) -> Quantity {
        Quantity(self.gpus.to_string())
    }

    pub fn storage(&self) -> Quantity {
        bytes(self.storage_bytes)
    }

    /// `basis_points` hundredths of a percent of this budget, each amount rounded down (memory to whole MiB), so
    /// shares never add up to more than the whole.
    pub fn share(&self, basis_points: u64) -> Budget {
        let part = |v: u64| (u128::from(v) * u128::from(basis_points) / 10_000) as u64;
        Budget {
            cpu_millis: part(self.cpu_millis),
            memory_bytes: part(self.memory_bytes) / MIB * MIB,
            gpus: part(u64::from(self.gpus)) as u32,
            storage_bytes: part(self.storage_bytes) / MIB * MIB,
        }
    }
}

/// Bytes as a quantity: whole MiB with a binary suffix (`500Gi`), anything else exactly.
pub fn bytes(b: u64) -> Quantity {
    if b.is_multiple_of(MIB) {
        Quantity(crate::quantity::format_bytes(b))
    } else {
        Quantity(b.to_string())
    }
}

/// Object-count limits of a team namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectCounts {
    pub pods: u32,
    pub claims: u32,
    /// Each training-job kind (Job, PyTorchJob, TFJob, JobSet, TrainingJob).
    pub jobs: u32,
    /// Each serving kind (KServe and mlk.dev InferenceService).
    pub inference_services: u32,
}

impl Default for ObjectCounts {
    fn default() -> Self {
        ObjectCounts {
            pods: 100,
            claims: 20,
            jobs: 50,
            inference_services: 10,
        }
    }
}

/// The training-job kinds counted with `--max-jobs`, as `count/<plural>.<group>`.
pub const JOB_KINDS: [&str; 5] = [
    "jobs.batch",
    "jobsets.jobset.x-k8s.io",
    "pytorchjobs.kubeflow.org",
    "tfjobs.kubeflow.org",
    "trainingjobs.mlk.dev",
];
/// The serving kinds counted with `--max-inference-services`.
pub const SERVING_KINDS: [&str; 2] = [
    "inferenceservices.mlk.dev",
    "inferenceservices.serving.kserve.io",
];

/// Per-container defaults and per-pod bounds of the LimitRange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContainerLimits {
    pub default_cpu_millis: u64,
    pub default_memory_bytes: u64,
    pub max_pod_cpu_millis: u64,
    pub max_pod_memory_bytes: u64,
}

/// Everything the objects of one team namespace are built from; validated.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamPlan {
    /// The namespace (and team) name.
    pub name: String,
    /// The department whose budget this team's is part of.
    pub parent: Option<String>,
    pub budget: Budget,
    pub gpu_type: Option<&'static GpuSpec>,
    /// The extended resource of the GPUs (`nvidia.com/gpu`).
    pub gpu_resource: String,
    pub counts: ObjectCounts,
    pub limits: ContainerLimits,
    pub per_priority: bool,
    pub kueue: Option<KueuePlan>,
}

/// A department's or organisation's budget namespace.
#[derive(Clone, Debug, PartialEq)]
pub struct ParentPlan {
    pub name: String,
    pub parent: Option<String>,
    pub budget: Budget,
}

/// The whole output of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotaSetup {
    pub pod_security_version: Version,
    pub priority_classes: bool,
    pub gpu_resource: String,
    pub parents: Vec<ParentPlan>,
    pub teams: Vec<TeamPlan>,
}

/// Renders the setup in apply order: cluster-scoped PriorityClasses and ResourceFlavors
/// first, then the budget namespaces from the root down, then each team's objects.
pub fn render(setup: &QuotaSetup) -> Result<Vec<Value>> {
    let mut docs = Vec::new();
    if setup.priority_classes {
        for pc in priority_classes() {
            docs.push(to_value(&pc)?);
        }
    }
    if setup.teams.iter().any(|t| t.kueue.is_some()) {
        docs.push(to_value(&kueue::cpu_flavor())?);
        let mut seen = Vec::new();
        for team in setup.teams.iter().filter(|t| t.kueue.is_some()) {
            let name = kueue::gpu_flavor_name(team.gpu_type);
            if !seen.contains(&name) {
                docs.push(to_value(&kueue::gpu_flavor(team.gpu_type))?);
                seen.push(name);
            }
        }
    }
    let version = setup.pod_security_version;
    for parent in &setup.parents {
        docs.push(to_value(&namespace(
            &parent.name,
            parent.parent.as_deref(),
            version,
        ))?);
        docs.push(to_value(&resource_quota(
            &parent.name,
            &parent.budget,
            &setup.gpu_resource,
            None,
        ))?);
    }
    for team in &setup.teams {
        docs.push(to_value(&namespace(
            &team.name,
            team.parent.as_deref(),
            version,
        ))?);
        docs.push(to_value(&resource_quota(
            &team.name,
            &team.budget,
            &team.gpu_resource,
            Some(&team.counts),
        ))?);
        if team.per_priority {
            for tier in &PRIORITY_TIERS {
                docs.push(to_value(&priority_quota(team, tier))?);
            }
        }
        docs.push(to_value(&limit_range(team))?);
        if let Some(k) = &team.kueue {
            docs.push(to_value(&kueue::cluster_queue(team, k))?);
            docs.push(to_value(&kueue::local_queue(team, k))?);
        }
    }
    Ok(docs)
}

/// `app.kubernetes.io/managed-by: mlk`.
pub fn managed_labels() -> BTreeMap<String, String> {
    BTreeMap::from([(LABEL_MANAGED_BY.to_string(), "mlk".to_string())])
}

/// A Namespace enforcing, auditing and warning at Pod Security "restricted", each pinned
/// to `version`: `latest` would change what the namespace admits when the cluster is
/// upgraded.
pub fn namespace(name: &str, parent: Option<&str>, version: Version) -> Namespace {
    let mut labels = managed_labels();
    for mode in ["enforce", "audit", "warn"] {
        labels.insert(
            format!("pod-security.kubernetes.io/{mode}"),
            "restricted".to_string(),
        );
        labels.insert(
            format!("pod-security.kubernetes.io/{mode}-version"),
            version.to_string(),
        );
    }
    if let Some(p) = parent {
        labels.insert(PARENT_LABEL.to_string(), p.to_string());
    }
    Namespace {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            labels: Some(labels),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn namespaced_meta(name: &str, namespace: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: Some(namespace.to_string()),
        labels: Some(managed_labels()),
        ..Default::default()
    }
}

/// The compute budget as quota keys. Limits equal requests: mlk's workloads set
/// limits == requests (Guaranteed QoS), and a larger limit budget would only admit
/// burstable pods that the nodes cannot back. GPUs are counted as `requests.<resource>`
/// only, the one form quota enforces for extended resources.
fn budget_hard(budget: &Budget, gpu_resource: &str) -> BTreeMap<String, Quantity> {
    BTreeMap::from([
        ("requests.cpu".to_string(), budget.cpu()),
        ("limits.cpu".to_string(), budget.cpu()),
        ("requests.memory".to_string(), budget.memory()),
        ("limits.memory".to_string(), budget.memory()),
        (format!("requests.{gpu_resource}"), budget.gpus()),
        ("requests.storage".to_string(), budget.storage()),
    ])
}

/// The unscoped ResourceQuota of a namespace; team namespaces also get object counts.
pub fn resource_quota(
    namespace: &str,
    budget: &Budget,
    gpu_resource: &str,
    counts: Option<&ObjectCounts>,
) -> ResourceQuota {
    let mut hard = budget_hard(budget, gpu_resource);
    if let Some(c) = counts {
        let count = |n: u32| Quantity(n.to_string());
        hard.insert("pods".to_string(), count(c.pods));
        hard.insert("persistentvolumeclaims".to_string(), count(c.claims));
        for kind in JOB_KINDS {
            hard.insert(format!("count/{kind}"), count(c.jobs));
        }
        for kind in SERVING_KINDS {
            hard.insert(format!("count/{kind}"), count(c.inference_services));
        }
    }
    ResourceQuota {
        metadata: namespaced_meta(QUOTA_NAME, namespace),
        spec: Some(ResourceQuotaSpec {
            hard: Some(hard),
            ..Default::default()
        }),
        status: None,
    }
}

/// The quota of one priority class: the class's share of the team's CPU, memory and GPUs.
pub fn priority_quota(team: &TeamPlan, tier: &PriorityTier) -> ResourceQuota {
    let share = team.budget.share(tier.share_percent * 100);
    let hard = BTreeMap::from([
        ("requests.cpu".to_string(), share.cpu()),
        ("requests.memory".to_string(), share.memory()),
        (format!("requests.{}", team.gpu_resource), share.gpus()),
    ]);
    ResourceQuota {
        metadata: namespaced_meta(&format!("{QUOTA_NAME}-{}", tier.name), &team.name),
        spec: Some(ResourceQuotaSpec {
            hard: Some(hard),
            scope_selector: Some(ScopeSelector {
                match_expressions: Some(vec![ScopedResourceSelectorRequirement {
                    scope_name: "PriorityClass".to_string(),
                    operator: "In".to_string(),
                    values: Some(vec![tier.name.to_string()]),
                }]),
            }),
            scopes: None,
        }),
        status: None,
    }
}

/// The LimitRange of a team: containers that set no CPU or memory get the defaults
/// (which the quota needs, since it tracks requests and limits of both); no container or
/// pod may exceed the per-pod bounds; claims are between 1Gi and the storage budget.
/// GPUs get no default, minimum or maximum: a default would give every container a GPU,
/// and a maximum without a default becomes the default.
pub fn limit_range(team: &TeamPlan) -> LimitRange {
    let l = &team.limits;
    let cpu = |m: u64| Quantity(crate::quantity::format_cpu_millis(m));
    let pair = |c: Quantity, m: Quantity| {
        BTreeMap::from([("cpu".to_string(), c), ("memory".to_string(), m)])
    };
    let min_cpu = MIN_CPU_MILLIS.min(l.default_cpu_millis);
    let min_memory = MIN_MEMORY_BYTES.min(l.default_memory_bytes);
    let defaults = pair(cpu(l.default_cpu_millis), bytes(l.default_memory_bytes));
    let max = pair(cpu(l.max_pod_cpu_millis), bytes(l.max_pod_memory_bytes));
    let storage = |b: u64| BTreeMap::from([("storage".to_string(), bytes(b))]);
    let items = vec![
        LimitRangeItem {
            type_: "Container".to_string(),
            min: Some(pair(cpu(min_cpu), bytes(min_memory))),
            default_request: Some(defaults.clone()),
            default: Some(defaults),
            max: Some(max.clone()),
            ..Default::default()
        },
        LimitRangeItem {
            type_: "Pod".to_string(),
            max: Some(max),
            ..Default::default()
        },
        LimitRangeItem {
            type_: "PersistentVolumeClaim".to_string(),
            min: Some(storage(MIN_CLAIM_BYTES.min(team.budget.storage_bytes))),
            max: Some(storage(team.budget.storage_bytes)),
            ..Default::default()
        },
    ];
    LimitRange {
        metadata: namespaced_meta(LIMIT_RANGE_NAME, &team.name),
        spec: Some(LimitRangeSpec { limits: items }),
    }
}

/// The cluster's ML PriorityClasses.
pub fn priority_classes() -> Vec<PriorityClass> {
    PRIORITY_TIERS
        .iter()
        .map(|t| PriorityClass {
            metadata: ObjectMeta {
                name: Some(t.name.to_string()),
                labels: Some(managed_labels()),
                ..Default::default()
            },
            value: Some(t.value),
            global_default: Some(false),
            preemption_policy: Some(t.preemption_policy.to_string()),
            description: Some(t.description.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(cpu_millis: u64, memory_bytes: u64) -> TeamPlan {
        TeamPlan {
            name: "alpha".to_string(),
            parent: None,
            budget: Budget {
                cpu_millis,
                memory_bytes,
                gpus: 3,
                storage_bytes: 0,
            },
            gpu_type: None,
            gpu_resource: "nvidia.com/gpu".to_string(),
            counts: ObjectCounts::default(),
            limits: ContainerLimits {
                default_cpu_millis: DEFAULT_CPU_MILLIS.min(cpu_millis),
                default_memory_bytes: DEFAULT_MEMORY_BYTES.min(memory_bytes),
                max_pod_cpu_millis: cpu_millis,
                max_pod_memory_bytes: memory_bytes,
            },
            per_priority: true,
            kueue: None,
        }
    }

    #[test]
    fn shares_round_down_and_never_exceed_the_whole() {
        let b = Budget {
            cpu_millis: 1_000,
            memory_bytes: 10 * GIB + 1,
            gpus: 3,
            storage_bytes: GIB,
        };
        let third = b.share(3_333);
        assert_eq!(third.gpus, 0);
        assert_eq!(third.cpu_millis, 333);
        assert_eq!(third.memory_bytes % MIB, 0);
        assert!(third.memory_bytes * 3 <= b.memory_bytes);
        assert_eq!(b.share(10_000).gpus, 3);
        assert_eq!(bytes(GIB).0, "1Gi");
        assert_eq!(bytes(1_000_000_000).0, "1000000000");
    }

    #[test]
    fn limit_range_bounds_stay_ordered_for_tiny_teams() {
        // A team smaller than the built-in defaults: every bound shrinks to fit.
        let lr = limit_range(&team(5, 8 * MIB));
        let items = lr.spec.expect("spec").limits;
        let container = &items[0];
        let get = |m: &Option<BTreeMap<String, Quantity>>, k: &str| {
            m.as_ref().and_then(|m| m.get(k)).map(|q| q.0.clone())
        };
        assert_eq!(get(&container.min, "cpu").as_deref(), Some("5m"));
        assert_eq!(get(&container.default, "cpu").as_deref(), Some("5m"));
        assert_eq!(get(&container.max, "memory").as_deref(), Some("8Mi"));
        assert_eq!(get(&container.min, "memory").as_deref(), Some("8Mi"));
        // No storage budget: claims are bounded to zero.
        assert_eq!(get(&items[2].max, "storage").as_deref(), Some("0"));
        assert_eq!(get(&items[2].min, "storage").as_deref(), Some("0"));
    }

    #[test]
    fn per_priority_quotas_select_their_class() {
        let t = team(10_000, 100 * GIB);
        let q = priority_quota(&t, &PRIORITY_TIERS[2]);
        let spec = q.spec.expect("spec");
        let hard = spec.hard.expect("hard");
        assert_eq!(hard["requests.nvidia.com/gpu"].0, "0", "25% of 3 GPUs");
        assert_eq!(hard["requests.cpu"].0, "2500m");
        let selector = spec.scope_selector.expect("selector");
        let expr = &selector.match_expressions.expect("expressions")[0];
        assert_eq!(expr.scope_name, "PriorityClass");
        assert_eq!(
            expr.values.as_deref(),
            Some(&["ml-experimentation".to_string()][..])
        );
    }

    #[test]
    fn priority_classes_are_never_the_global_default() {
        let pcs = priority_classes();
        assert_eq!(pcs.len(), 3);
        assert!(pcs.iter().all(|p| p.global_default == Some(false)));
        assert_eq!(pcs[2].preemption_policy.as_deref(), Some("Never"));
    }
}
