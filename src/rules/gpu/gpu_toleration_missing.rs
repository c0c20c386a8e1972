use super::placement::selects_gke;
use super::resources::{GpuVendor, first_gpu};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports pods that ask for NVIDIA or AMD GPUs (`nvidia.com/gpu`, `nvidia.com/mig-*`,
    /// `amd.com/gpu`) without a toleration for the taint GPU nodes usually carry
    /// (`nvidia.com/gpu` or `amd.com/gpu`, effect `NoSchedule`). A toleration with that
    /// key (any value), with the resource's own name, with AKS's GPU taint `sku=gpu`, or
    /// with `operator: Exists` and no key (which tolerates every taint) is enough. Pods that
    /// select GKE nodes (a `cloud.google.com/` label such as `gke-accelerator`,
    /// `gke-nodepool` or `compute-class` in their node selector or in every required node
    /// affinity term) pass: GKE runs the `ExtendedResourceToleration` admission plugin,
    /// which adds the toleration.
    ///
    /// ## Why is this bad?
    /// Platforms taint GPU nodes so that CPU-only pods do not take them. A GPU pod without
    /// the toleration stays Pending on such clusters unless the
    /// `ExtendedResourceToleration` admission plugin adds it (GKE and some other platforms
    /// enable it; many clusters do not). Adding the toleration is harmless where nodes are
    /// not tainted.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   nodeSelector:
    ///     nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 8
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   nodeSelector:
    ///     nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
    ///   tolerations:
    ///   - key: nvidia.com/gpu
    ///     operator: Exists
    ///     effect: NoSchedule
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 8
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#example-use-cases>
    /// - <https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#extendedresourcetoleration>
    pub GpuTolerationMissing {
        name: "gpu-toleration-missing",
        category: Gpu,
        level: Warning,
        summary: "pod with GPUs does not tolerate the GPU node taint",
    }
}

impl Rule for GpuTolerationMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let Some((resource, vendor)) = first_gpu(cx.pod) else {
            return;
        };
        let taint = match vendor {
            GpuVendor::Nvidia => "nvidia.com/gpu",
            GpuVendor::Amd => "amd.com/gpu",
            GpuVendor::Other => return,
        };
        if cx.field("nodeName").is_some() {
            // Bound to a node already: the scheduler, and with it taints, do not apply.
            return;
        }
        if selects_gke(cx.pod) {
            // GKE runs the `ExtendedResourceToleration` admission plugin.
            return;
        }
        let tolerations = cx
            .field("tolerations")
            .and_then(Node::as_seq)
            .unwrap_or_default();
        if tolerations.iter().any(|t| tolerates(t, taint, resource)) {
            return;
        }
        sink.report(
            cx.field_path("tolerations"),
            format!(
                "pod asks for `{resource}` but does not tolerate the `{taint}` taint of GPU nodes"
            ),
        )
        .help(format!(
            "add `tolerations: [{{key: {taint}, operator: Exists, effect: NoSchedule}}]`"
        ));
    }
}

fn tolerates(t: &Node, taint: &str, resource: &str) -> bool {
    let key = t.get("key").and_then(Node::as_str).unwrap_or_default();
    let operator = t.get("operator").and_then(Node::as_str).unwrap_or("Equal");
    let effect = t.get("effect").and_then(Node::as_str).unwrap_or_default();
    let value = t.get("value").and_then(Node::as_str).unwrap_or_default();
    let key_matches = if key.is_empty() {
        operator == "Exists"
    } else {
        key == taint
            || key == resource
            // AKS's documented taint for GPU node pools.
            || (key == "sku" && (operator == "Exists" || value == "gpu"))
    };
    key_matches && matches!(effect, "" | "NoSchedule")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn job(tolerations: &str, resource: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: t}}\nspec:\n  template:\n    spec:\n{tolerations}      containers:\n      - name: t\n        image: x:1\n        resources: {{limits: {{{resource}: 1}}}}\n"
        )
    }

    #[test]
    fn missing_toleration_is_reported_at_the_pod_spec() {
        let found = check(&GpuTolerationMissing, &job("", "nvidia.com/gpu"));
        assert_eq!(
            render(&found),
            "6:5 [warning] pod asks for `nvidia.com/gpu` but does not tolerate the `nvidia.com/gpu` taint of GPU nodes (spec.template.spec.tolerations)"
        );
        let wrong = "      tolerations:\n      - {key: nvidia.com/gpu, operator: Exists, effect: NoExecute}\n      - {key: other, operator: Exists}\n      - {operator: Equal}\n";
        let found = check(&GpuTolerationMissing, &job(wrong, "amd.com/gpu"));
        assert_eq!(
            render(&found),
            "7:7 [warning] pod asks for `amd.com/gpu` but does not tolerate the `amd.com/gpu` taint of GPU nodes (spec.template.spec.tolerations)"
        );
    }

    #[test]
    fn matching_tolerations_pass() {
        for tolerations in [
            "      tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]\n",
            "      tolerations: [{key: nvidia.com/gpu, value: present}]\n",
            "      tolerations: [{operator: Exists}]\n",
            "      tolerations: [{key: nvidia.com/mig-1g.10gb, operator: Exists}]\n",
            "      tolerations: [{key: sku, operator: Equal, value: gpu, effect: NoSchedule}]\n",
            "      nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}\n",
            "      nodeSelector: {cloud.google.com/compute-class: gpu-pool}\n",
            "      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cloud.google.com/gke-accelerator, operator: Exists}]}]}}}\n",
        ] {
            let yaml = job(tolerations, "nvidia.com/mig-1g.10gb");
            assert!(check(&GpuTolerationMissing, &yaml).is_empty(), "{yaml}");
        }
    }

    #[test]
    fn cpu_pods_zero_gpus_other_vendors_and_bound_pods_pass() {
        for resource in ["cpu", "nvidia.com/gpu: 0, x", "gpu.intel.com/i915"] {
            let yaml = job("", resource);
            assert!(check(&GpuTolerationMissing, &yaml).is_empty(), "{yaml}");
        }
        let yaml = job("      nodeName: gpu-node-1\n", "nvidia.com/gpu");
        assert!(check(&GpuTolerationMissing, &yaml).is_empty());
        let yaml = job("      tolerations: {a: 1}\n", "nvidia.com/gpu");
        assert_eq!(check(&GpuTolerationMissing, &yaml).len(), 1);
        // Neither another `sku` taint nor a GKE label the pod may avoid is enough.
        for other in [
            "      tolerations: [{key: sku, value: cpu}]\n",
            "      nodeSelector: {example.com/gke-nodepool: gpu}\n",
            "      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cloud.google.com/gke-accelerator, operator: DoesNotExist}]}]}}}\n",
        ] {
            let yaml = job(other, "nvidia.com/gpu");
            assert_eq!(check(&GpuTolerationMissing, &yaml).len(), 1, "{yaml}");
        }
    }
}
