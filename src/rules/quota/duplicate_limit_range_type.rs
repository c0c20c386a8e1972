use super::objects::{item_type, limit_items};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports LimitRange items whose `type` (`Container`, `Pod`,
    /// `PersistentVolumeClaim`) already appeared in an earlier item of the same
    /// LimitRange.
    ///
    /// ## Why is this bad?
    /// Each type may appear once per LimitRange; the API server rejects the object
    /// (`Duplicate value: "Container"`). A LimitRange has no selector, so two `Container`
    /// items cannot mean "training" and "inference" anyway: put all resources of a type
    /// in one item.
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
    ///       cpu: "16"
    ///     default:
    ///       cpu: "1"
    ///   - type: Container
    ///     max:
    ///       memory: 64Gi
    ///     default:
    ///       memory: 2Gi
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
    ///       cpu: "16"
    ///       memory: 64Gi
    ///     default:
    ///       cpu: "1"
    ///       memory: 2Gi
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/limit-range/>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateLimitRange`
    pub DuplicateLimitRangeType {
        name: "duplicate-limit-range-type",
        category: Quota,
        level: Error,
        summary: "`LimitRange` lists the same type twice",
    }
}

impl Rule for DuplicateLimitRangeType {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let mut seen: Vec<&str> = Vec::new();
        for (item, path) in limit_items(cx) {
            let Some(kind) = item_type(item) else {
                continue;
            };
            if seen.contains(&kind) {
                sink.report(
                    path.key("type"),
                    format!("duplicate value: `type: {kind}` appears in an earlier item"),
                )
                .help(format!("merge the `{kind}` items into one"));
            } else {
                seen.push(kind);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn the_second_item_of_a_type_is_reported() {
        let yaml = "\
apiVersion: v1
kind: LimitRange
metadata: {name: l}
spec:
  limits:
  - {type: Container, max: {cpu: 1}}
  - {type: Pod, max: {cpu: 1}}
  - {type: Container, max: {memory: 1Gi}}
  - {type: Container, max: {memory: 1Gi}}
";
        assert_eq!(
            render(&check(&DuplicateLimitRangeType, yaml)),
            "8:12 [error] duplicate value: `type: Container` appears in an earlier item (spec.limits[2].type)\n\
             9:12 [error] duplicate value: `type: Container` appears in an earlier item (spec.limits[3].type)"
        );
    }

    #[test]
    fn distinct_or_missing_types_pass() {
        let yaml = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits:\n  - {type: Container}\n  - {type: Pod}\n  - {max: {cpu: 1}}\n  - {max: {cpu: 1}}\n  - {type: 3}\n  - {type: 3}\n";
        assert!(check(&DuplicateLimitRangeType, yaml).is_empty());
    }
}
