//! Resource arithmetic over the input facts, for the cross-object `sizing` rules: what a
//! pod of a workload asks for in total, and what a quota key limits.
use std::collections::BTreeMap;

use crate::lint::facts::{ContainerFact, Namespace, PodFact, QuotaFact};
use crate::quantity::Quantity;
use crate::rules::gpu::resources::{Slot, pod_total};

/// Which side of a container's resources a quota key counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    Requests,
    Limits,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Requests => "requests",
            Side::Limits => "limits",
        }
    }
}

/// What a ResourceQuota key limits, for keys that count pod compute resources:
/// `requests.X` and the bare `cpu`, `memory` and `ephemeral-storage` (requests), and
/// `limits.X` of native resources (quota ignores `limits.` of extended ones).
pub fn quota_key(key: &str) -> Option<(Side, &str)> {
    if let Some(resource) = key.strip_prefix("requests.") {
        return (resource != "storage").then_some((Side::Requests, resource));
    }
    if let Some(resource) = key.strip_prefix("limits.") {
        return crate::rules::gpu::resources::is_native(resource)
            .then_some((Side::Limits, resource));
    }
    matches!(key, "cpu" | "memory" | "ephemeral-storage").then_some((Side::Requests, key))
}

fn parse(text: &str) -> Option<Quantity> {
    Quantity::parse(text).ok()
}

/// A container's amount of `resource` on one side: for requests, the request or else the
/// limit (the API server copies limits into missing requests).
pub fn container_amount(c: &ContainerFact, side: Side, resource: &str) -> Option<Quantity> {
    match side {
        Side::Requests => c.requests.get(resource).or_else(|| c.limits.get(resource)),
        Side::Limits => c.limits.get(resource),
    }
    .copied()
    .flatten()
}

/// A pod's effective amount of `resource`, and the first container that asks for it.
pub fn pod_amount<'a>(
    pod: &'a PodFact,
    side: Side,
    resource: &str,
) -> Option<(Quantity, &'a ContainerFact)> {
    pod_amount_or(pod, side, resource, None)
}

/// [`pod_amount`], with `default` standing in for the amount of each container that names
/// none (as a LimitRange's defaults do once admission has set them).
pub fn pod_amount_or<'a>(
    pod: &'a PodFact,
    side: Side,
    resource: &str,
    default: Option<Quantity>,
) -> Option<(Quantity, &'a ContainerFact)> {
    let mut first = None;
    let total = pod_total(pod.containers.iter().filter_map(|c| {
        let q = container_amount(c, side, resource).or(default)?;
        first.get_or_insert(c);
        let slot = match (c.init, c.sidecar) {
            (true, true) => Slot::Sidecar,
            (true, false) => Slot::Init,
            (false, _) => Slot::Regular,
        };
        Some((slot, q))
    }));
    Some((total?, first?))
}

/// The tightest limit per normalised quota key (`cpu` counts as `requests.cpu`) over the
/// unscoped quotas given, with the quota entry it comes from.
pub fn tightest<'a>(
    quotas: impl Iterator<Item = &'a QuotaFact>,
) -> BTreeMap<String, (Quantity, &'a crate::lint::facts::QuotaEntry)> {
    let mut out: BTreeMap<String, (Quantity, &crate::lint::facts::QuotaEntry)> = BTreeMap::new();
    for q in quotas.filter(|q| !q.scoped) {
        for e in &q.hard {
            let Some(value) = parse(&e.value) else {
                continue;
            };
            let key = match e.resource.as_str() {
                "cpu" | "memory" | "ephemeral-storage" => format!("requests.{}", e.resource),
                other => other.to_string(),
            };
            match out.get(&key) {
                Some((existing, _)) if *existing <= value => {}
                _ => {
                    out.insert(key, (value, e));
                }
            }
        }
    }
    out
}

/// `Kind/name` of a workload, for messages.
pub fn workload_name(kind: &str, name: Option<&str>) -> String {
    format!("{kind}/{}", name.unwrap_or("<unnamed>"))
}

/// `namespace/name` of a namespaced object, for messages.
pub fn object_name(namespace: Option<&str>, name: Option<&str>) -> String {
    match namespace {
        Some(ns) => format!("{ns}/{}", name.unwrap_or("<unnamed>")),
        None => name.unwrap_or("<unnamed>").to_string(),
    }
}

/// An amount as people write it for its resource: `64Gi` of memory, `500m` of CPU.
pub fn shown(resource: &str, q: Quantity) -> String {
    let bytes =
        matches!(resource, "memory" | "ephemeral-storage") || resource.starts_with("hugepages-");
    match u64::try_from(q.value()) {
        Ok(v) if bytes && q.is_integer() && v % (1 << 20) == 0 => crate::quantity::format_bytes(v),
        _ if resource == "cpu" && !q.is_negative() => {
            crate::quantity::format_cpu_millis(u64::try_from(q.milli_value()).unwrap_or(0))
        }
        _ => q.to_string(),
    }
}

/// The workloads of the input by namespace, so that per-namespace rules do not scan every
/// workload for every quota.
pub fn workloads_by_namespace(
    facts: &crate::lint::facts::Facts,
) -> BTreeMap<&Namespace, Vec<&crate::lint::facts::WorkloadFact>> {
    let mut out: BTreeMap<&Namespace, Vec<_>> = BTreeMap::new();
    for w in &facts.workloads {
        out.entry(&w.namespace).or_default().push(w);
    }
    out
}
