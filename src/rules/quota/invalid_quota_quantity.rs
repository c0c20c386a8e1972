use super::objects::{ITEM_LISTS, item_list, limit_items, quota_hard};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Value};
use crate::quantity::Quantity;
use crate::rules::gpu::resources::{is_extended, written};

declare_rule! {
    /// ## What it does
    /// Reports values in ResourceQuota `spec.hard` that the API server rejects: values
    /// that are not quantities, negative values, and fractions of resources counted in
    /// whole numbers (`pods`, `services`, `secrets`, `configmaps`,
    /// `persistentvolumeclaims`, `replicationcontrollers`, `resourcequotas`,
    /// `services.nodeports`, `services.loadbalancers`, `count/*` and other extended
    /// names). Also reports LimitRange `max`, `min`, `default`, `defaultRequest` and
    /// `maxLimitRequestRatio` values that are not quantities.
    ///
    /// ## Why is this bad?
    /// The API server refuses the whole object (`must be greater than or equal to 0`,
    /// `must be an integer`, or a quantity parse error), so none of the namespace's
    /// budget applies.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.memory: 500GB RAM
    ///     pods: "2.5"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.memory: 500Gi
    ///     pods: "2"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateResourceQuotaSpec`
    pub InvalidQuotaQuantity {
        name: "invalid-quota-quantity",
        category: Quota,
        level: Error,
        summary: "quota or limit range value the API server rejects",
    }
}

const INTEGER: [&str; 9] = [
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "configmaps",
    "persistentvolumeclaims",
    "services.nodeports",
    "services.loadbalancers",
];

/// The value as a quantity, or why it is not one. `None` for nulls and collections, which
/// are schema errors rather than bad quantities.
fn parse(node: &Node) -> Option<Result<Quantity, String>> {
    let text = match &node.value {
        Value::Int(i) => return Some(Ok(Quantity::from_units(*i))),
        Value::Float(f) => f.to_string(),
        Value::Str(s) => s.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    Some(Quantity::parse(&text).map_err(|e| format!("`{text}` is not a quantity: {e}")))
}

impl Rule for InvalidQuotaQuantity {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if let Some((hard, path)) = quota_hard(cx) {
            for (key, value) in hard {
                let problem = match parse(value) {
                    None => continue,
                    Some(Err(e)) => e,
                    Some(Ok(q)) if q.is_negative() => {
                        format!("{}: must be greater than or equal to 0", written(value))
                    }
                    Some(Ok(q))
                        if !q.is_integer() && (INTEGER.contains(&key) || is_extended(key)) =>
                    {
                        format!("{}: must be an integer", written(value))
                    }
                    Some(Ok(_)) => continue,
                };
                sink.report(path.key(key), format!("`{key}` {problem}"))
                    .help("write a non-negative quantity such as `8`, `500m` or `64Gi`; object counts are whole numbers");
            }
        }
        for (item, path) in limit_items(cx) {
            for list in ITEM_LISTS {
                for (key, value) in item_list(item, list) {
                    if let Some(Err(e)) = parse(value) {
                        sink.report(path.key(list).key(key), format!("`{list}.{key}` {e}"))
                            .help("write a quantity such as `8`, `500m` or `64Gi`");
                    }
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
    fn bad_quota_values_are_reported() {
        let yaml = "\
apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec:
  hard:
    requests.memory: 500GB RAM
    pods: 2.5
    requests.cpu: -1
    count/jobs.batch: 1500m
    requests.nvidia.com/gpu: 1.5
    limits.cpu: true
    secrets: null
";
        let found = render(&check(&InvalidQuotaQuantity, yaml));
        let lines: Vec<&str> = found.lines().collect();
        assert_eq!(lines.len(), 5, "{found}");
        assert!(
            lines[0].starts_with("6:22 [error] `requests.memory` `500GB RAM` is not a quantity: "),
            "{found}"
        );
        assert_eq!(
            lines[1],
            "7:11 [error] `pods` 2.5: must be an integer (spec.hard.pods)"
        );
        assert!(
            lines[2]
                .starts_with("8:19 [error] `requests.cpu` -1: must be greater than or equal to 0"),
            "{found}"
        );
        assert!(
            lines[3].starts_with("9:23 [error] `count/jobs.batch` 1500m: must be an integer"),
            "{found}"
        );
        assert!(
            lines[4].starts_with("11:17 [error] `limits.cpu` `true` is not a quantity"),
            "{found}"
        );
    }

    #[test]
    fn bad_limit_range_values_are_reported() {
        let yaml = "\
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec:
  limits:
  - type: Container
    max: {cpu: lots, memory: 1Gi}
    maxLimitRequestRatio: {cpu: 2}
";
        let found = render(&check(&InvalidQuotaQuantity, yaml));
        assert!(
            found.starts_with("7:16 [error] `max.cpu` `lots` is not a quantity: "),
            "{found}"
        );
        assert_eq!(found.lines().count(), 1);
    }

    #[test]
    fn valid_values_pass() {
        let yaml = "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {requests.memory: 500Gi, pods: \"20\", requests.cpu: 0.5, count/jobs.batch: 1e3}\n---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits: [{type: Container, max: {cpu: \"2\"}}, 7, {max: [1]}]\n";
        assert!(check(&InvalidQuotaQuantity, yaml).is_empty());
    }
}
