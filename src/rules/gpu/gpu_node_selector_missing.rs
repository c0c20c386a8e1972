use super::placement::selected_keys;
use super::resources::first_gpu;
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports pods that ask for GPUs but select no GPU node label, neither in
    /// `nodeSelector` nor in node affinity (required or preferred). Labels that count: any
    /// key of `nvidia.com/`, `amd.com/` or `gpu.intel.com/` (GPU Feature Discovery's
    /// `nvidia.com/gpu.product`, ...), keys naming a GPU or accelerator
    /// (`cloud.google.com/gke-accelerator`, `karpenter.k8s.aws/instance-gpu-name`), Node
    /// Feature Discovery's PCI vendor labels, instance types and node pools.
    ///
    /// ## Why is this bad?
    /// Without a selector the scheduler puts the pod on any node with a free GPU of that
    /// resource name, whatever its model: a job sized for 80 GB H100s can land on 16 GB
    /// T4s and run out of memory, or run many times slower. Selecting the model makes the
    /// placement match the sizing.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
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
    /// - <https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/#clusters-containing-different-types-of-gpus>
    /// - <https://github.com/NVIDIA/k8s-device-plugin/blob/main/docs/gpu-feature-discovery/README.md>
    pub GpuNodeSelectorMissing {
        name: "gpu-node-selector-missing",
        category: Gpu,
        level: Warning,
        summary: "GPU pod does not select a GPU model or GPU nodes",
    }
}

/// Whether a node label key says something about the node's GPUs or picks a group of
/// nodes (instance type, node pool) that platforms use to reach GPU machines.
fn is_gpu_placement_key(key: &str) -> bool {
    const PREFIXES: [&str; 4] = ["nvidia.com/", "amd.com/", "beta.amd.com/", "gpu.intel.com/"];
    const GROUPS: [&str; 9] = [
        "node.kubernetes.io/instance-type",
        "beta.kubernetes.io/instance-type",
        "karpenter.k8s.aws/instance-family",
        "karpenter.sh/nodepool",
        "cloud.google.com/gke-nodepool",
        "eks.amazonaws.com/nodegroup",
        "kubernetes.azure.com/agentpool",
        "agentpool",
        "node-pool",
    ];
    let lower = key.to_ascii_lowercase();
    PREFIXES.iter().any(|p| key.starts_with(p))
        || GROUPS.contains(&key)
        || lower.contains("gpu")
        || lower.contains("accelerator")
        // Node Feature Discovery: PCI vendors NVIDIA (10de) and AMD (1002).
        || lower.contains("pci-10de")
        || lower.contains("pci-1002")
}

impl Rule for GpuNodeSelectorMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let spec = cx.spec();
        let Some((resource, _)) = first_gpu(spec) else {
            return;
        };
        if spec.get("nodeName").is_some()
            || selected_keys(spec).into_iter().any(is_gpu_placement_key)
        {
            return;
        }
        let at = if spec.get("nodeSelector").is_some() {
            cx.path(&["nodeSelector"])
        } else {
            cx.path(&[])
        };
        sink.report(
            at,
            format!("pod asks for `{resource}` but selects no GPU model or GPU nodes"),
        )
        .help(
            "add a node selector for the GPU model it was sized for, such as `nodeSelector: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3}` (or your platform's label, like `cloud.google.com/gke-accelerator`)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn pod(placement: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n{placement}  containers:\n  - {{name: a, image: x:1, resources: {{limits: {{nvidia.com/gpu: 1}}}}}}\n"
        )
    }

    #[test]
    fn missing_selector_is_reported() {
        assert_eq!(
            render(&check(&GpuNodeSelectorMissing, &pod(""))),
            "5:3 [warning] pod asks for `nvidia.com/gpu` but selects no GPU model or GPU nodes (spec)"
        );
        assert_eq!(
            render(&check(
                &GpuNodeSelectorMissing,
                &pod("  nodeSelector: {kubernetes.io/os: linux}\n")
            )),
            "5:17 [warning] pod asks for `nvidia.com/gpu` but selects no GPU model or GPU nodes (spec.nodeSelector)"
        );
    }

    #[test]
    fn gpu_labels_instance_types_and_affinity_pass() {
        for placement in [
            "  nodeSelector: {nvidia.com/gpu.product: Tesla-T4}\n",
            "  nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}\n",
            "  nodeSelector: {node.kubernetes.io/instance-type: p5.48xlarge}\n",
            "  nodeSelector: {feature.node.kubernetes.io/pci-10de.present: \"true\"}\n",
            "  nodeName: node-1\n",
            "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions: [{key: karpenter.k8s.aws/instance-gpu-name, operator: In, values: [h100]}]\n",
            "  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 1\n        preference:\n          matchExpressions: [{key: accelerator, operator: Exists}]\n",
        ] {
            let yaml = pod(placement);
            assert!(check(&GpuNodeSelectorMissing, &yaml).is_empty(), "{yaml}");
        }
    }

    #[test]
    fn cpu_pods_and_malformed_affinity_do_not_misfire() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {limits: {cpu: 1}}}\n";
        assert!(check(&GpuNodeSelectorMissing, yaml).is_empty());
        let yaml = pod(
            "  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [1, {matchExpressions: [null]}]}}}\n",
        );
        assert_eq!(check(&GpuNodeSelectorMissing, &yaml).len(), 1);
    }
}
