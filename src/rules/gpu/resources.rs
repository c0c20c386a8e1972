//! Reading resource requirements the way Kubernetes does, shared by the `gpu`, `quota` and
//! `sizing` rules: which names are extended resources (and which of those are GPUs), a
//! scalar as a quantity, and a pod's effective request of a resource.
use std::collections::BTreeMap;

use crate::manifest::{Node, PodTemplate, TemplateContainer, Value};
use crate::quantity::Quantity;

/// apimachinery's `IsNativeResource`: no domain, or one inside `kubernetes.io/`.
pub fn is_native(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

/// apimachinery's `IsExtendedResourceName`: not native, not `requests.`-prefixed, and a
/// qualified name once `requests.` is put in front (the name quota would track it under).
pub fn is_extended(name: &str) -> bool {
    const QUOTA_PREFIX: &str = "requests.";
    // `requests.<domain>` is a subdomain exactly when the domain is one with room for the
    // prefix, so the name need not be copied to be checked.
    !is_native(name)
        && !name.starts_with(QUOTA_PREFIX)
        && name.split_once('/').is_some_and(|(domain, _)| {
            domain.len() + QUOTA_PREFIX.len() <= crate::validate::DNS1123_SUBDOMAIN_MAX
        })
        && crate::validate::is_qualified_name(name)
}

/// The vendor of a GPU resource, for the taint its nodes carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GpuVendor {
    Nvidia,
    Amd,
    Other,
}

/// Whether an extended resource is a GPU (or a slice of one): NVIDIA whole GPUs, shared GPUs
/// and MIG devices, AMD and Intel GPUs, and any other vendor's resource named `*gpu*`.
pub fn gpu_vendor(name: &str) -> Option<GpuVendor> {
    let (domain, short) = name.split_once('/')?;
    match domain {
        "nvidia.com" if short.starts_with("gpu") || short.starts_with("mig-") => {
            Some(GpuVendor::Nvidia)
        }
        "amd.com" if short.starts_with("gpu") => Some(GpuVendor::Amd),
        "gpu.intel.com" => Some(GpuVendor::Other),
        _ if is_extended(name) && short.to_ascii_lowercase().contains("gpu") => {
            Some(GpuVendor::Other)
        }
        _ => None,
    }
}

/// Whole-GPU resources, which a node has at most `max_gpus_per_node` of.
pub fn is_whole_gpu(name: &str) -> bool {
    matches!(name, "nvidia.com/gpu" | "amd.com/gpu")
}

/// The MIG profile of an `nvidia.com/mig-<profile>` resource, as written in the name
/// (`1g.5gb.me` for the `1g.5gb+me` profile).
pub fn mig_profile_of(name: &str) -> Option<&str> {
    name.strip_prefix("nvidia.com/mig-")
}

/// A scalar as a quantity: `8`, `"8"` and `0.5` as Kubernetes reads them. `None` for
/// anything that is not a valid quantity (correctness rules report those).
pub fn quantity(node: &Node) -> Option<Quantity> {
    match &node.value {
        Value::Int(i) => Some(Quantity::from_units(*i)),
        Value::Float(f) if f.is_finite() => Quantity::parse(&f.to_string()).ok(),
        Value::Str(s) => Quantity::parse(s).ok(),
        _ => None,
    }
}

/// The entries of `resources.<list>` of a container whose keys are strings.
pub fn entries<'a>(
    container: &'a Node,
    list: &str,
) -> impl Iterator<Item = (&'a str, &'a Node)> + 'a {
    container
        .get("resources")
        .and_then(|r| r.get(list))
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?, v)))
}

/// A container's request of `name` after defaulting: the request, else the limit (the API
/// server copies limits into missing requests).
pub fn effective_request(container: &Node, name: &str) -> Option<Quantity> {
    let resources = container.get("resources")?;
    resources
        .get("requests")
        .and_then(|r| r.get(name))
        .or_else(|| resources.get("limits").and_then(|l| l.get(name)))
        .and_then(quantity)
}

/// How a container counts towards its pod's request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Regular,
    /// An init container that runs to completion before the next one starts.
    Init,
    /// An init container with `restartPolicy: Always`, which keeps running.
    Sidecar,
}

impl Slot {
    /// The slot of a container of a pod template.
    pub fn of_container(c: &TemplateContainer<'_>) -> Slot {
        if !c.init {
            Slot::Regular
        } else if c.node.get("restartPolicy").and_then(Node::as_str) == Some("Always") {
            Slot::Sidecar
        } else {
            Slot::Init
        }
    }
}

/// Kubernetes' effective pod request (`resourcehelper.PodRequests`): regular containers and
/// sidecars add up; each init container runs alone next to the sidecars started before it;
/// the pod needs the larger of the two. `None` when an amount overflows.
pub fn pod_total(amounts: impl IntoIterator<Item = (Slot, Quantity)>) -> Option<Quantity> {
    let mut running = Quantity::default();
    let mut sidecars = Quantity::default();
    let mut init_peak = Quantity::default();
    for (slot, q) in amounts {
        match slot {
            Slot::Regular => running = running.checked_add(q)?,
            Slot::Sidecar => {
                running = running.checked_add(q)?;
                sidecars = sidecars.checked_add(q)?;
                init_peak = init_peak.max(sidecars);
            }
            Slot::Init => init_peak = init_peak.max(q.checked_add(sidecars)?),
        }
    }
    Some(running.max(init_peak))
}

/// The effective pod request of every resource a pod template's containers name that
/// `wanted` accepts, using [`effective_request`] per container.
pub fn pod_requests<'a>(
    template: &PodTemplate<'a>,
    wanted: impl Fn(&str) -> bool,
) -> BTreeMap<&'a str, Quantity> {
    let mut per_resource: BTreeMap<&str, Vec<(Slot, Quantity)>> = BTreeMap::new();
    for c in template.containers() {
        let slot = Slot::of_container(&c);
        let c = c.node;
        let requests = entries(c, "requests").map(|(n, _)| n);
        let limits_only = entries(c, "limits")
            .map(|(n, _)| n)
            .filter(|n| entries(c, "requests").all(|(r, _)| r != *n));
        for name in requests.chain(limits_only).filter(|n| wanted(n)) {
            if let Some(q) = effective_request(c, name) {
                per_resource.entry(name).or_default().push((slot, q));
            }
        }
    }
    per_resource
        .into_iter()
        .filter_map(|(name, amounts)| Some((name, pod_total(amounts)?)))
        .collect()
}

/// The first GPU resource a pod template's containers or init containers ask a positive
/// amount of, with its vendor: what makes a pod a GPU pod.
pub fn first_gpu<'a>(template: &PodTemplate<'a>) -> Option<(&'a str, GpuVendor)> {
    template
        .containers()
        .flat_map(|c| entries(c.node, "limits").chain(entries(c.node, "requests")))
        .filter(|(_, v)| quantity(v).is_some_and(|q| q > Quantity::default()))
        .find_map(|(name, _)| Some((name, gpu_vendor(name)?)))
}

/// A scalar as the user wrote it, for messages (`16Gi`, not its value in bytes).
pub fn written(node: &Node) -> String {
    crate::lint::facts::scalar_string(node).unwrap_or_else(|| node.type_name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_resources_are_named_as_apimachinery_names_them() {
        assert!(is_extended("nvidia.com/gpu"));
        assert!(is_extended("example.com/My_Device.1"));
        for native in [
            "cpu",
            "memory",
            "kubernetes.io/x",
            "example.kubernetes.io/gpu",
        ] {
            assert!(!is_extended(native), "{native}");
        }
        for invalid in [
            "requests.example.com/gpu",
            "Example.com/gpu",
            "/gpu",
            "example.com/",
            "example.com/gpu/0",
            "example.com/-gpu",
        ] {
            assert!(!is_extended(invalid), "{invalid}");
        }
        // Quota tracks the name as `requests.<name>`, whose prefix must still fit in 253.
        let domain = |len: usize| format!("{}.com", "a".repeat(len - 4));
        assert!(is_extended(&format!("{}/gpu", domain(244))));
        assert!(!is_extended(&format!("{}/gpu", domain(245))));
    }
}
