use super::resources::{entries, is_extended, quantity, written};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports containers whose request of an extended resource (`nvidia.com/gpu`,
    /// `nvidia.com/mig-*`, `amd.com/gpu`, ...) differs from its limit. Containers, init
    /// containers and ephemeral containers are checked; `1` and `"1"` are the same value.
    ///
    /// ## Why is this bad?
    /// Extended resources cannot be overcommitted: a container gets exactly what it asks
    /// for, so Kubernetes rejects a pod whose request and limit differ
    /// (`must be equal to nvidia.com/gpu limit`).
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
    ///       requests:
    ///         nvidia.com/gpu: 1
    ///       limits:
    ///         nvidia.com/gpu: 2
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
    ///         nvidia.com/gpu: 2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateResourceRequirements`
    pub GpuRequestLimitMismatch {
        name: "gpu-request-limit-mismatch",
        category: Gpu,
        level: Error,
        summary: "extended resource request differs from its limit",
    }
}

impl Rule for GpuRequestLimitMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            for (name, request) in entries(c.node, "requests") {
                if !is_extended(name) {
                    continue;
                }
                let Some((_, limit)) = entries(c.node, "limits").find(|(l, _)| *l == name) else {
                    continue;
                };
                let (Some(req), Some(lim)) = (quantity(request), quantity(limit)) else {
                    continue;
                };
                if req != lim {
                    sink.report(
                        c.path(&["resources", "requests", name]),
                        format!(
                            "{} requests {} `{name}` but its limit is {}: the request must be equal to the `{name}` limit",
                            c.describe(),
                            written(request),
                            written(limit)
                        ),
                    )
                    .help(format!(
                        "set the request and the limit of `{name}` to the same value, or drop the request"
                    ));
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
    fn different_values_are_reported() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    resources:
      requests: {nvidia.com/gpu: \"1\"}
      limits: {nvidia.com/gpu: 2}
";
        assert_eq!(
            render(&check(&GpuRequestLimitMismatch, yaml)),
            "9:34 [error] container \"a\" requests 1 `nvidia.com/gpu` but its limit is 2: the request must be equal to the `nvidia.com/gpu` limit (spec.containers[0].resources.requests[\"nvidia.com/gpu\"])"
        );
    }

    #[test]
    fn equal_values_in_any_spelling_and_cpu_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {requests: {nvidia.com/gpu: \"1\", cpu: 1}, limits: {nvidia.com/gpu: 1000m, cpu: 2}}}\n  - {name: b, image: x:1, resources: {requests: {example.com/fpga: 1.0}, limits: {example.com/fpga: 1}}}\n";
        assert!(check(&GpuRequestLimitMismatch, yaml).is_empty());
    }

    #[test]
    fn unparsable_or_malformed_values_are_left_to_other_rules() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {requests: {nvidia.com/gpu: lots}, limits: {nvidia.com/gpu: 1}}}\n  - {name: b, image: x:1, resources: {requests: {nvidia.com/gpu: null}, limits: {nvidia.com/gpu: [1]}}}\n";
        assert!(check(&GpuRequestLimitMismatch, yaml).is_empty());
    }
}
