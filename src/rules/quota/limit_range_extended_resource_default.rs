use super::objects::{item_list, item_type, limit_items};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;
use crate::rules::gpu::resources::{is_extended, quantity, written};

declare_rule! {
    /// ## What it does
    /// Reports extended resources (`nvidia.com/gpu`, `nvidia.com/mig-*`, `amd.com/gpu`,
    /// ...) in a `Container` item's `default` or `defaultRequest`, in its `max` without a
    /// `default` for the same resource, and a positive `min` of one in a `Container` or
    /// `Pod` item.
    ///
    /// ## Why is this bad?
    /// A LimitRange applies to every pod of the namespace; it has no selector. The
    /// LimitRanger admission plugin gives every container (including init containers,
    /// sidecars and CPU-only pods) that does not set the resource the `default` as limit
    /// and request. Kubernetes defaults a missing `default` to `max`, so
    /// `max: {nvidia.com/gpu: 8}` alone gives every such container 8 GPUs. Those pods then
    /// stay Pending on CPU nodes and use up the GPU quota. A positive `min` rejects every
    /// pod that does not ask for a GPU. Cap GPUs with a ResourceQuota instead, and let
    /// each workload ask for its own.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: LimitRange
    /// metadata:
    ///   name: limits
    ///   namespace: team-a
    /// spec:
    ///   limits:
    ///   - type: Container
    ///     max:
    ///       cpu: "32"
    ///       nvidia.com/gpu: "8"
    ///     default:
    ///       cpu: "1"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: LimitRange
    /// metadata:
    ///   name: limits
    ///   namespace: team-a
    /// spec:
    ///   limits:
    ///   - type: Container
    ///     max:
    ///       cpu: "32"
    ///     default:
    ///       cpu: "1"
    /// ---
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: gpus
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "8"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/limit-range/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/v1/defaults.go`, `SetDefaults_LimitRangeItem`
    /// - `kubernetes/kubernetes` `plugin/pkg/admission/limitranger/admission.go`
    pub LimitRangeExtendedResourceDefault {
        name: "limit-range-extended-resource-default",
        category: Quota,
        level: Error,
        summary: "`LimitRange` gives or requires GPUs for every container",
    }
}

impl Rule for LimitRangeExtendedResourceDefault {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        for (item, path) in limit_items(cx) {
            let kind = item_type(item);
            if kind == Some("Container") {
                let defaults = item_list(item, "default");
                for field in ["default", "defaultRequest"] {
                    for (key, value) in item_list(item, field) {
                        if !is_extended(key) {
                            continue;
                        }
                        let amount = value_text(value);
                        sink.report(
                            path.key(field).key(key),
                            format!("`{field}` gives every container in the namespace {amount} `{key}`, including CPU-only pods, sidecars and init containers"),
                        )
                        .help(format!("remove `{key}` from `{field}`; cap it with `requests.{key}` in a ResourceQuota and let workloads ask for it"));
                    }
                }
                for (key, value) in item_list(item, "max") {
                    if is_extended(key) && defaults.iter().all(|(d, _)| *d != key) {
                        let amount = value_text(value);
                        sink.report(
                            path.key("max").key(key),
                            format!("`max` without a `default` becomes the default: every container that does not set `{key}` gets {amount}"),
                        )
                        .help(format!("remove `{key}` from `max` and cap it with `requests.{key}` in a ResourceQuota"));
                    }
                }
            }
            if matches!(kind, Some("Container" | "Pod")) {
                let noun = if kind == Some("Pod") {
                    "pod"
                } else {
                    "container"
                };
                for (key, value) in item_list(item, "min") {
                    if is_extended(key) && quantity(value).is_some_and(|q| q > Quantity::default())
                    {
                        sink.report(
                            path.key("min").key(key),
                            format!("`min` rejects every {noun} in the namespace that asks for less than {} `{key}`, including CPU-only ones", value_text(value)),
                        )
                        .help(format!("remove `{key}` from `min`"));
                    }
                }
            }
        }
    }
}

fn value_text(value: &crate::manifest::Node) -> String {
    written(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn defaults_max_without_default_and_min_are_reported() {
        let yaml = "\
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec:
  limits:
  - type: Container
    default: {nvidia.com/gpu: 1, cpu: 1}
    defaultRequest: {nvidia.com/gpu: 1}
    max: {nvidia.com/gpu: 8, amd.com/gpu: 4, cpu: 8}
  - type: Pod
    min: {amd.com/gpu: 1, nvidia.com/gpu: 0}
";
        assert_eq!(
            render(&check(&LimitRangeExtendedResourceDefault, yaml)),
            "7:31 [error] `default` gives every container in the namespace 1 `nvidia.com/gpu`, including CPU-only pods, sidecars and init containers (spec.limits[0].default[\"nvidia.com/gpu\"])\n\
             8:38 [error] `defaultRequest` gives every container in the namespace 1 `nvidia.com/gpu`, including CPU-only pods, sidecars and init containers (spec.limits[0].defaultRequest[\"nvidia.com/gpu\"])\n\
             9:43 [error] `max` without a `default` becomes the default: every container that does not set `amd.com/gpu` gets 4 (spec.limits[0].max[\"amd.com/gpu\"])\n\
             11:24 [error] `min` rejects every pod in the namespace that asks for less than 1 `amd.com/gpu`, including CPU-only ones (spec.limits[1].min[\"amd.com/gpu\"])"
        );
    }

    #[test]
    fn cpu_memory_and_storage_items_pass() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Container, default: {cpu: 1, memory: 1Gi}, max: {cpu: 8}, min: {cpu: 100m}}\n  - {type: PersistentVolumeClaim, max: {storage: 1Ti}}\n  - {type: Pod, max: {nvidia.com/gpu: 8}}\n  - null\n";
        assert!(check(&LimitRangeExtendedResourceDefault, yaml).is_empty());
    }
}
