use super::resources::{entries, is_extended};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports containers that request an extended resource (`nvidia.com/gpu`,
    /// `nvidia.com/mig-*`, `amd.com/gpu`, any `vendor.com/name`) in `resources.requests`
    /// without a limit for it. Containers, init containers and ephemeral containers are
    /// checked.
    ///
    /// ## Why is this bad?
    /// Extended resources cannot be overcommitted, so Kubernetes requires a limit for them
    /// and rejects the pod: `Limit must be set for non overcommitable resources`. A limit
    /// alone is enough: the API server copies it into the request.
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
    ///         nvidia.com/gpu: 1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateResourceRequirements`
    pub GpuRequestWithoutLimit {
        name: "gpu-request-without-limit",
        category: Gpu,
        level: Error,
        summary: "extended resource requested without a limit",
    }
}

impl Rule for GpuRequestWithoutLimit {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            for (name, _) in entries(c.node, "requests") {
                if !is_extended(name) || entries(c.node, "limits").any(|(l, _)| l == name) {
                    continue;
                }
                sink.report(
                    c.path(&["resources", "requests", name]),
                    format!(
                        "{} requests `{name}` without a limit: limit must be set for non overcommitable resources",
                        c.describe()
                    ),
                )
                .help(format!(
                    "set `resources.limits.{name}`; a limit alone is enough, Kubernetes copies it into the request"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn requests_without_limits_are_reported_at_the_request() {
        let yaml = "\
apiVersion: batch/v1
kind: Job
metadata: {name: t}
spec:
  template:
    spec:
      initContainers:
      - name: warm
        image: x:1
        resources: {requests: {amd.com/gpu: 1}}
      containers:
      - name: t
        image: x:1
        resources:
          requests:
            nvidia.com/gpu: 2
            cpu: 1
          limits:
            cpu: 1
";
        assert_eq!(
            render(&check(&GpuRequestWithoutLimit, yaml)),
            "10:45 [error] init container \"warm\" requests `amd.com/gpu` without a limit: limit must be set for non overcommitable resources (spec.template.spec.initContainers[0].resources.requests[\"amd.com/gpu\"])\n\
             16:29 [error] container \"t\" requests `nvidia.com/gpu` without a limit: limit must be set for non overcommitable resources (spec.template.spec.containers[0].resources.requests[\"nvidia.com/gpu\"])"
        );
    }

    #[test]
    fn limits_alone_or_both_and_native_resources_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}\n  - {name: b, image: x:1, resources: {requests: {nvidia.com/gpu: 1}, limits: {nvidia.com/gpu: 1}}}\n  - {name: c, image: x:1, resources: {requests: {cpu: 1, memory: 1Gi, kubernetes.io/foo: 1}}}\n";
        assert!(check(&GpuRequestWithoutLimit, yaml).is_empty());
    }

    #[test]
    fn malformed_resources_do_not_panic() {
        for resources in [
            "null",
            "[]",
            "{requests: null}",
            "{requests: [1]}",
            "{requests: {nvidia.com/gpu: 1}, limits: [nvidia.com/gpu]}",
            "{requests: {1: 1}}",
        ] {
            let yaml = format!(
                "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - {{name: a, image: x:1, resources: {resources}}}\n"
            );
            let _ = check(&GpuRequestWithoutLimit, &yaml);
        }
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, resources: {requests: {nvidia.com/gpu: 1}, limits: [nvidia.com/gpu]}}\n";
        assert_eq!(check(&GpuRequestWithoutLimit, yaml).len(), 1);
    }
}
