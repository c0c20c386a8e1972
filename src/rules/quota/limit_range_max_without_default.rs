use super::objects::{item_list, item_type, limit_items};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::rules::gpu::resources::is_extended;

declare_rule! {
    /// ## What it does
    /// Reports CPU, memory and other native resources in the `max` of a LimitRange
    /// `Container` item without a `default` for the same resource. (Extended resources
    /// such as GPUs are `limit-range-extended-resource-default`'s.)
    ///
    /// ## Why is this bad?
    /// Kubernetes defaults a missing `default` to `max`, and a missing `defaultRequest`
    /// to the default. Every container that does not set the resource then gets the
    /// maximum as its limit and, without a `defaultRequest`, as its request too:
    /// `max: {cpu: "32"}` makes each sidecar and small pod request 32 CPUs, which
    /// exhausts the namespace quota and leaves pods unschedulable.
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
    ///     defaultRequest:
    ///       cpu: 500m
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/limit-range/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/v1/defaults.go`, `SetDefaults_LimitRangeItem`
    pub LimitRangeMaxWithoutDefault {
        name: "limit-range-max-without-default",
        category: Quota,
        level: Warning,
        summary: "`LimitRange` max without a default becomes every container's default",
    }
}

impl Rule for LimitRangeMaxWithoutDefault {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        for (item, path) in limit_items(cx) {
            if item_type(item) != Some("Container") {
                continue;
            }
            let defaults = item_list(item, "default");
            let requests = item_list(item, "defaultRequest");
            for (key, _) in item_list(item, "max") {
                if is_extended(key) || defaults.iter().any(|(d, _)| *d == key) {
                    continue;
                }
                let what = if requests.iter().any(|(r, _)| *r == key) {
                    "limit"
                } else {
                    "limit and request"
                };
                sink.report(
                    path.key("max").key(key),
                    format!("`max` without a `default` becomes the default: every container that does not set `{key}` gets the maximum as its {what}"),
                )
                .help(format!("add `default.{key}` (and `defaultRequest.{key}`) with what a typical container needs"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn max_without_default_is_reported() {
        let yaml = "\
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec:
  limits:
  - type: Container
    max: {cpu: 32, memory: 64Gi, nvidia.com/gpu: 8}
    defaultRequest: {memory: 1Gi}
";
        assert_eq!(
            render(&check(&LimitRangeMaxWithoutDefault, yaml)),
            "7:16 [warning] `max` without a `default` becomes the default: every container that does not set `cpu` gets the maximum as its limit and request (spec.limits[0].max.cpu)\n\
             7:28 [warning] `max` without a `default` becomes the default: every container that does not set `memory` gets the maximum as its limit (spec.limits[0].max.memory)"
        );
    }

    #[test]
    fn defaults_and_other_types_pass() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Container, max: {cpu: 32}, default: {cpu: 1}}\n  - {type: Pod, max: {cpu: 64}}\n  - {type: PersistentVolumeClaim, max: {storage: 1Ti}}\n";
        assert!(check(&LimitRangeMaxWithoutDefault, yaml).is_empty());
    }
}
