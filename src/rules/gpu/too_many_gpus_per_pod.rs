use super::resources::{entries, is_whole_gpu, mig_profile_of, pod_requests};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;
use crate::sizing::GPU_TYPES;

declare_rule! {
    /// ## What it does
    /// Reports pods that ask for more GPUs than one node has: more `nvidia.com/gpu` or
    /// `amd.com/gpu` than the GPUs per node (`--max-gpus-per-node`, `maxGpusPerNode` in
    /// mlk.yaml, default 8), or more instances of a MIG profile than that many GPUs can be
    /// cut into. The pod's amount is Kubernetes' effective request: containers and sidecars
    /// add up, and each init container counts on its own (the larger of the two wins).
    ///
    /// ## Why is this bad?
    /// A pod runs on one node. If no node has that many GPUs the pod stays Pending
    /// forever, and a gang-scheduled job holds the rest of its GPUs while it waits. Spread
    /// the GPUs over more pods (workers) instead.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 16
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 8
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers>
    /// - <https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers>
    pub TooManyGpusPerPod {
        name: "too-many-gpus-per-pod",
        category: Gpu,
        level: Error,
        summary: "pod asks for more GPUs than a node has",
    }
}

impl Rule for TooManyGpusPerPod {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let per_node = cx.settings.max_gpus_per_node;
        for (name, total) in
            pod_requests(cx.pod, |n| is_whole_gpu(n) || mig_profile_of(n).is_some())
        {
            let (most, what) = if is_whole_gpu(name) {
                (
                    u64::from(per_node),
                    format!("the {per_node} GPUs a node has"),
                )
            } else if let Some(per_gpu) = GPU_TYPES
                .iter()
                .filter_map(|g| g.mig_profile_for_resource(name))
                .map(|p| p.max_instances)
                .max()
            {
                let most = u64::from(per_gpu) * u64::from(per_node);
                (
                    most,
                    format!(
                        "the {most} instances {per_node} GPUs can be cut into ({per_gpu} per GPU)"
                    ),
                )
            } else {
                continue;
            };
            if total <= Quantity::from_units(i64::try_from(most).unwrap_or(i64::MAX)) {
                continue;
            }
            let Some(at) = first_asking(cx, name) else {
                continue;
            };
            sink.report(
                at,
                format!("pod asks for {total} `{name}` in total, more than {what}"),
            )
            .help(format!(
                "spread the work over more pods with at most {most} each, or raise `--max-gpus-per-node` if your nodes have more"
            ));
        }
    }
}

/// The first place a container asks for `name`, limits before requests.
fn first_asking(cx: &PodCx<'_>, name: &str) -> Option<crate::manifest::Path> {
    cx.containers().iter().find_map(|c| {
        ["limits", "requests"]
            .into_iter()
            .find(|list| entries(c.node, list).any(|(n, _)| n == name))
            .map(|list| c.path(&["resources", list, name]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Settings;
    use crate::lint::testing::{check, check_with, render};

    #[test]
    fn containers_add_up() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 6}}}
  - {name: b, image: x:1, resources: {requests: {nvidia.com/gpu: 3}, limits: {nvidia.com/gpu: 3}}}
";
        assert_eq!(
            render(&check(&TooManyGpusPerPod, yaml)),
            "6:64 [error] pod asks for 9 `nvidia.com/gpu` in total, more than the 8 GPUs a node has (spec.containers[0].resources.limits[\"nvidia.com/gpu\"])"
        );
        let settings = Settings {
            max_gpus_per_node: 16,
            ..Settings::default()
        };
        assert!(check_with(&TooManyGpusPerPod, yaml, &settings).is_empty());
    }

    #[test]
    fn init_containers_count_as_the_max_and_sidecars_add() {
        let init = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - {name: i1, image: x:1, resources: {limits: {nvidia.com/gpu: 8}}}\n  - {name: i2, image: x:1, resources: {limits: {nvidia.com/gpu: 4}}}\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 8}}}\n";
        assert!(check(&TooManyGpusPerPod, init).is_empty());
        let sidecar = init.replace("name: i2,", "name: i2, restartPolicy: Always,");
        let found = render(&check(&TooManyGpusPerPod, &sidecar));
        assert!(found.contains("asks for 12 `nvidia.com/gpu`"), "{found}");
        assert!(found.contains("initContainers[0]"), "{found}");
    }

    #[test]
    fn mig_instances_are_bounded_by_the_profile() {
        let yaml = |n: u32| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - {{name: a, image: x:1, resources: {{limits: {{nvidia.com/mig-3g.40gb: {n}, nvidia.com/mig-1g.10gb: {n}, example.com/fpga: 99}}}}}}\n"
            )
        };
        assert!(check(&TooManyGpusPerPod, &yaml(16)).is_empty());
        let found = render(&check(&TooManyGpusPerPod, &yaml(17)));
        assert!(
            found.contains("pod asks for 17 `nvidia.com/mig-3g.40gb` in total, more than the 16 instances 8 GPUs can be cut into (2 per GPU)"),
            "{found}"
        );
        assert!(!found.contains("1g.10gb"), "{found}");
    }

    #[test]
    fn malformed_values_are_skipped() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: {a: 1}\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/gpu: many}}}\n  - 7\n  - {name: b, image: x:1, resources: {limits: {nvidia.com/gpu: 9e99999}}}\n";
        assert!(check(&TooManyGpusPerPod, yaml).is_empty());
    }
}
