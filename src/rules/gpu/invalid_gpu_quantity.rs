use super::resources::{entries, is_extended, quantity, written};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports extended resources (`nvidia.com/gpu`, `nvidia.com/mig-*`, `amd.com/gpu`,
    /// ...) in a container's requests or limits whose value is not a whole number (`0.5`,
    /// `500m`) or is negative. Values that are not quantities at all are left to the
    /// correctness rules.
    ///
    /// ## Why is this bad?
    /// Devices are counted whole: Kubernetes rejects fractional amounts of an extended
    /// resource (`must be an integer`) and negative amounts of any resource. Sharing a GPU
    /// is configured in the device plugin (time-slicing, MPS) or with MIG, which then
    /// advertises more whole devices.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 0.5
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: notebook
    /// spec:
    ///   containers:
    ///   - name: notebook
    ///     image: registry.example.com/notebook:2.1.0
    ///     resources:
    ///       limits:
    ///         nvidia.com/mig-1g.10gb: 1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/>
    /// - <https://github.com/NVIDIA/k8s-device-plugin#shared-access-to-gpus>
    pub InvalidGpuQuantity {
        name: "invalid-gpu-quantity",
        category: Gpu,
        level: Error,
        summary: "extended resource amount is fractional or negative",
    }
}

impl Rule for InvalidGpuQuantity {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            for list in ["requests", "limits"] {
                for (name, value) in entries(c.node, list) {
                    if !is_extended(name) {
                        continue;
                    }
                    let Some(q) = quantity(value) else { continue };
                    let problem = if q.is_negative() {
                        "must be greater than or equal to 0"
                    } else if !q.is_integer() {
                        "must be an integer"
                    } else {
                        continue;
                    };
                    sink.report(
                        c.path(&["resources", list, name]),
                        format!("{} {list} {} `{name}`: {problem}", c.describe(), written(value)),
                    )
                    .help(
                        "request whole devices; to share a GPU, use MIG profiles or the device plugin's time-slicing",
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn fractions_and_negatives_are_reported() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    resources:
      requests: {nvidia.com/gpu: 500m}
      limits: {nvidia.com/gpu: 0.5, amd.com/gpu: -1}
";
        assert_eq!(
            render(&check(&InvalidGpuQuantity, yaml)),
            "9:34 [error] container \"a\" requests 500m `nvidia.com/gpu`: must be an integer (spec.containers[0].resources.requests[\"nvidia.com/gpu\"])\n\
             10:32 [error] container \"a\" limits 0.5 `nvidia.com/gpu`: must be an integer (spec.containers[0].resources.limits[\"nvidia.com/gpu\"])\n\
             10:50 [error] container \"a\" limits -1 `amd.com/gpu`: must be greater than or equal to 0 (spec.containers[0].resources.limits[\"amd.com/gpu\"])"
        );
    }

    #[test]
    fn whole_numbers_cpu_fractions_and_garbage_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/gpu: \"2\", cpu: 500m, example.com/x: 1000m, amd.com/gpu: 0, nvidia.com/mig-1g.5gb: nope, intel.com/y: true}}}\n";
        assert!(check(&InvalidGpuQuantity, yaml).is_empty());
    }
}
