use super::objects::{item_list, limit_items};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;
use crate::rules::gpu::resources::{is_native, quantity, written};

declare_rule! {
    /// ## What it does
    /// Reports LimitRange items whose values contradict each other the way the API server
    /// checks them, per resource: `min <= defaultRequest <= default <= max` (with
    /// `min <= default` and `min <= max`), `maxLimitRequestRatio` at least 1 and at most
    /// `max / min`, and, for resources that cannot be overcommitted (extended resources
    /// and hugepages), `default` equal to `defaultRequest`.
    ///
    /// ## Why is this bad?
    /// The API server rejects the LimitRange (`min value 2 is greater than max value 1`,
    /// `ratio 500m is less than 1`, ...), so none of its defaults or bounds apply.
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
    ///       memory: 8Gi
    ///     default:
    ///       memory: 16Gi
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
    ///       memory: 16Gi
    ///     default:
    ///       memory: 8Gi
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/limit-range/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateLimitRange`
    pub LimitRangeBoundsOutOfOrder {
        name: "limit-range-bounds-out-of-order",
        category: Quota,
        level: Error,
        summary: "`LimitRange` min, defaults, max or ratio contradict each other",
    }
}

/// A quantity and how it was written, for messages that quote it as upstream does.
#[derive(Clone)]
struct Value {
    q: Quantity,
    text: String,
}

impl Value {
    fn new(node: &crate::manifest::Node) -> Option<Value> {
        Some(Value {
            q: quantity(node)?,
            text: written(node),
        })
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Rule for LimitRangeBoundsOutOfOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        for (item, path) in limit_items(cx) {
            let lists: Vec<Vec<(&str, Value)>> = super::objects::ITEM_LISTS
                .iter()
                .map(|f| {
                    item_list(item, f)
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, Value::new(v)?)))
                        .collect()
                })
                .collect();
            let [max, min, default, default_request, ratio] = &lists[..] else {
                continue;
            };
            let get = |list: &'_ [(&str, Value)], key: &str| {
                list.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
            };
            let mut keys: Vec<&str> = lists.iter().flatten().map(|(k, _)| *k).collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                let (mx, mn, df, dr, ra) = (
                    get(max, key),
                    get(min, key),
                    get(default, key),
                    get(default_request, key),
                    get(ratio, key),
                );
                let mut report = |field: &str, message: String| {
                    sink.report(path.key(field).key(key), format!("`{key}`: {message}"))
                        .help("order the values as min <= defaultRequest <= default <= max");
                };
                if let (Some(mn), Some(mx)) = (&mn, &mx)
                    && mn.q > mx.q
                {
                    report(
                        "min",
                        format!("min value {mn} is greater than max value {mx}"),
                    );
                }
                if let (Some(mn), Some(dr)) = (&mn, &dr)
                    && mn.q > dr.q
                {
                    report(
                        "defaultRequest",
                        format!("min value {mn} is greater than default request value {dr}"),
                    );
                }
                if let (Some(dr), Some(mx)) = (&dr, &mx)
                    && dr.q > mx.q
                {
                    report(
                        "defaultRequest",
                        format!("default request value {dr} is greater than max value {mx}"),
                    );
                }
                if let (Some(dr), Some(df)) = (&dr, &df)
                    && dr.q > df.q
                {
                    report(
                        "defaultRequest",
                        format!(
                            "default request value {dr} is greater than default limit value {df}"
                        ),
                    );
                }
                if let (Some(mn), Some(df)) = (&mn, &df)
                    && mn.q > df.q
                {
                    report(
                        "default",
                        format!("min value {mn} is greater than default value {df}"),
                    );
                }
                if let (Some(df), Some(mx)) = (&df, &mx)
                    && df.q > mx.q
                {
                    report(
                        "default",
                        format!("default value {df} is greater than max value {mx}"),
                    );
                }
                if let Some(ra) = &ra {
                    if ra.q < Quantity::from_units(1) {
                        report("maxLimitRequestRatio", format!("ratio {ra} is less than 1"));
                    } else if let (Some(mn), Some(mx)) = (&mn, &mx)
                        && !mn.q.is_zero()
                        && ra.q.as_f64() > mx.q.as_f64() / mn.q.as_f64()
                    {
                        report(
                            "maxLimitRequestRatio",
                            format!(
                                "ratio {ra} is greater than max/min = {:.6}",
                                mx.q.as_f64() / mn.q.as_f64()
                            ),
                        );
                    }
                }
                let overcommit = is_native(key) && !key.starts_with("hugepages-");
                if let (false, Some(df), Some(dr)) = (overcommit, &df, &dr)
                    && df.q != dr.q
                {
                    report(
                        "defaultRequest",
                        format!(
                            "default value {df} must equal to defaultRequest value {dr} in {key}"
                        ),
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
    fn every_contradiction_is_reported_as_upstream_words_it() {
        let yaml = "\
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec:
  limits:
  - type: Container
    max: {memory: 8Gi, cpu: 4}
    min: {cpu: 1}
    default: {memory: 16Gi, example.com/dev: 2}
    defaultRequest: {example.com/dev: 1}
    maxLimitRequestRatio: {cpu: 8, memory: 0.5}
";
        assert_eq!(
            render(&check(&LimitRangeBoundsOutOfOrder, yaml)),
            "9:23 [error] `memory`: default value 16Gi is greater than max value 8Gi (spec.limits[0].default.memory)\n\
             10:39 [error] `example.com/dev`: default value 2 must equal to defaultRequest value 1 in example.com/dev (spec.limits[0].defaultRequest[\"example.com/dev\"])\n\
             11:33 [error] `cpu`: ratio 8 is greater than max/min = 4.000000 (spec.limits[0].maxLimitRequestRatio.cpu)\n\
             11:44 [error] `memory`: ratio 0.5 is less than 1 (spec.limits[0].maxLimitRequestRatio.memory)"
        );
    }

    #[test]
    fn min_and_default_request_violations() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Container, min: {cpu: 2}, max: {cpu: 1}, defaultRequest: {cpu: 500m}, default: {cpu: 400m}}\n";
        let found = render(&check(&LimitRangeBoundsOutOfOrder, yaml));
        for expected in [
            "min value 2 is greater than max value 1",
            "min value 2 is greater than default request value 500m",
            "default request value 500m is greater than default limit value 400m",
            "min value 2 is greater than default value 400m",
        ] {
            assert!(found.contains(expected), "{expected}: {found}");
        }
        assert_eq!(found.lines().count(), 4, "{found}");
    }

    #[test]
    fn ordered_items_and_garbage_pass() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Container, min: {cpu: 100m}, defaultRequest: {cpu: 500m, nvidia.com/gpu: 1}, default: {cpu: 1, nvidia.com/gpu: 1}, max: {cpu: 8, memory: lots}, maxLimitRequestRatio: {cpu: 4}}\n  - {type: Pod, min: {cpu: 0}, max: {cpu: 1}, maxLimitRequestRatio: {cpu: 10}}\n";
        assert!(check(&LimitRangeBoundsOutOfOrder, yaml).is_empty());
    }
}
