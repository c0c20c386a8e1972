use super::objects::{item_type, limit_items};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports LimitRange items of `type: Pod` with a non-empty `default` or
    /// `defaultRequest`.
    ///
    /// ## Why is this bad?
    /// Defaults apply to containers, not to pods: the API server rejects the LimitRange
    /// (`may not be specified when type is 'Pod'`). Put the defaults in a `Container`
    /// item and keep only `min`, `max` and `maxLimitRequestRatio` in the `Pod` item.
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
    ///   - type: Pod
    ///     max:
    ///       cpu: "64"
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
    ///   - type: Pod
    ///     max:
    ///       cpu: "64"
    ///   - type: Container
    ///     default:
    ///       cpu: "1"
    /// ```
    ///
    /// ## References
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateLimitRange`
    pub LimitRangePodDefault {
        name: "limit-range-pod-default",
        category: Quota,
        level: Error,
        summary: "`LimitRange` item of type `Pod` with defaults",
    }
}

impl Rule for LimitRangePodDefault {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        for (item, path) in limit_items(cx) {
            if item_type(item) != Some("Pod") {
                continue;
            }
            for field in ["default", "defaultRequest"] {
                if item
                    .get(field)
                    .and_then(Node::as_map)
                    .is_some_and(|m| !m.is_empty())
                {
                    sink.report(
                        path.key(field),
                        format!("`{field}` may not be specified when `type` is 'Pod'"),
                    )
                    .help(format!("move `{field}` to an item with `type: Container`"));
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
    fn pod_defaults_are_reported() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - type: Pod\n    default: {cpu: 1}\n    defaultRequest: {cpu: 1}\n";
        assert_eq!(
            render(&check(&LimitRangePodDefault, yaml)),
            "7:14 [error] `default` may not be specified when `type` is 'Pod' (spec.limits[0].default)\n\
             8:21 [error] `defaultRequest` may not be specified when `type` is 'Pod' (spec.limits[0].defaultRequest)"
        );
    }

    #[test]
    fn container_defaults_and_empty_maps_pass() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Pod, default: {}, defaultRequest: null, max: {cpu: 1}}\n  - {type: Container, default: {cpu: 1}}\n";
        assert!(check(&LimitRangePodDefault, yaml).is_empty());
    }
}
