use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports HorizontalPodAutoscaler fields that the API server rejects: `minReplicas`
    /// below 1 (0 needs the `HPAScaleToZero` alpha gate and an Object or External metric),
    /// `maxReplicas` below 1 or below `minReplicas`, `targetCPUUtilizationPercentage`
    /// below 1, and in `behavior.scaleUp`/`scaleDown`: `stabilizationWindowSeconds`
    /// outside 0–3600, `selectPolicy` other than `Max`, `Min` or `Disabled`, and policies
    /// whose `type` is not `Pods` or `Percent`, whose `value` is not positive, or whose
    /// `periodSeconds` is outside 1–1800.
    ///
    /// ## Why is this bad?
    /// The autoscaler is rejected, and the workload it was meant to scale keeps its fixed
    /// replica count, which for a model server under load means dropped requests.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   scaleTargetRef:
    ///     apiVersion: apps/v1
    ///     kind: Deployment
    ///     name: model-server
    ///   minReplicas: 4
    ///   maxReplicas: 2
    ///   behavior:
    ///     scaleDown:
    ///       stabilizationWindowSeconds: 7200
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   scaleTargetRef:
    ///     apiVersion: apps/v1
    ///     kind: Deployment
    ///     name: model-server
    ///   minReplicas: 2
    ///   maxReplicas: 4
    ///   behavior:
    ///     scaleDown:
    ///       stabilizationWindowSeconds: 3600
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior>
    pub InvalidAutoscaler {
        name: "invalid-autoscaler",
        category: Correctness,
        level: Error,
        summary: "`HorizontalPodAutoscaler` bounds that the API server rejects",
    }
}

impl Rule for InvalidAutoscaler {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if cx.object.group() != Some("autoscaling")
            || cx.object.kind != Some("HorizontalPodAutoscaler")
        {
            return;
        }
        let Some(spec) = cx.object.node.get("spec") else {
            return;
        };
        let int = |key: &str| spec.get(key).and_then(Node::as_i64);
        let min = int("minReplicas");
        if let Some(m) = min
            && m < 1
            && !(m == 0 && scales_on_object_or_external(spec))
        {
            sink.report(cx.path(&["spec", "minReplicas"]), format!("`minReplicas` is {m}, but must be at least 1"))
                .help("set `minReplicas: 1` or more; scaling to zero needs the HPAScaleToZero alpha feature and an Object or External metric");
        }
        if let Some(max) = int("maxReplicas") {
            if max < 1 {
                sink.report(
                    cx.path(&["spec", "maxReplicas"]),
                    format!("`maxReplicas` is {max}, but must be at least 1"),
                )
                .help("set `maxReplicas` to the most replicas the workload may have");
            } else if let Some(m) = min.filter(|m| max < *m) {
                sink.report(
                    cx.path(&["spec", "maxReplicas"]),
                    format!(
                        "`maxReplicas` ({max}) must be greater than or equal to `minReplicas` ({m})"
                    ),
                )
                .help("swap the values, or raise `maxReplicas`");
            }
        }
        if let Some(t) = int("targetCPUUtilizationPercentage").filter(|t| *t < 1) {
            sink.report(
                cx.path(&["spec", "targetCPUUtilizationPercentage"]),
                format!("`targetCPUUtilizationPercentage` is {t}, but must be at least 1"),
            )
            .help("set a percentage of the CPU request, such as 70");
        }
        let Some(behavior) = spec.get("behavior") else {
            return;
        };
        for direction in ["scaleUp", "scaleDown"] {
            let Some(rules) = behavior.get(direction) else {
                continue;
            };
            let path = cx.path(&["spec", "behavior", direction]);
            if let Some(w) = rules
                .get("stabilizationWindowSeconds")
                .and_then(Node::as_i64)
                && !(0..=3600).contains(&w)
            {
                sink.report(
                    path.key("stabilizationWindowSeconds"),
                    format!("`stabilizationWindowSeconds` is {w}, but must be between 0 and 3600"),
                )
                .help("use at most one hour (3600 seconds)");
            }
            if let Some(p) = rules.get("selectPolicy").and_then(Node::as_str)
                && !matches!(p, "Max" | "Min" | "Disabled")
            {
                sink.report(
                    path.key("selectPolicy"),
                    format!("unsupported `selectPolicy` `{p}`"),
                )
                .help("use `Max`, `Min` or `Disabled`");
            }
            let policies = rules
                .get("policies")
                .and_then(Node::as_seq)
                .unwrap_or_default();
            for (i, policy) in policies.iter().enumerate() {
                let at = path.key("policies").index(i);
                if let Some(t) = policy.get("type").and_then(Node::as_str)
                    && !matches!(t, "Pods" | "Percent")
                {
                    sink.report(
                        at.key("type"),
                        format!("unsupported scaling policy type `{t}`"),
                    )
                    .help("use `Pods` or `Percent`");
                }
                if let Some(v) = policy
                    .get("value")
                    .and_then(Node::as_i64)
                    .filter(|v| *v <= 0)
                {
                    sink.report(
                        at.key("value"),
                        format!("scaling policy `value` is {v}, but must be greater than 0"),
                    )
                    .help("set how many pods (or what percentage) may change per period");
                }
                if let Some(p) = policy.get("periodSeconds").and_then(Node::as_i64)
                    && !(1..=1800).contains(&p)
                {
                    sink.report(
                        at.key("periodSeconds"),
                        format!(
                            "scaling policy `periodSeconds` is {p}, but must be between 1 and 1800"
                        ),
                    )
                    .help("use a period of at most 30 minutes (1800 seconds)");
                }
            }
        }
    }
}

fn scales_on_object_or_external(spec: &Node) -> bool {
    spec.get("metrics")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .any(|m| {
            matches!(
                m.get("type").and_then(Node::as_str),
                Some("Object" | "External")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn bounds_and_behavior() {
        let yaml = "\
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  minReplicas: 4
  maxReplicas: 2
  behavior:
    scaleUp:
      stabilizationWindowSeconds: -1
      selectPolicy: Maximum
      policies: [{type: Pod, value: 0, periodSeconds: 3600}]
    scaleDown: {stabilizationWindowSeconds: 3601}
";
        let text = render(&check(&InvalidAutoscaler, yaml));
        assert_eq!(
            text,
            "6:16 [error] `maxReplicas` (2) must be greater than or equal to `minReplicas` (4) (spec.maxReplicas)\n\
             9:35 [error] `stabilizationWindowSeconds` is -1, but must be between 0 and 3600 (spec.behavior.scaleUp.stabilizationWindowSeconds)\n\
             10:21 [error] unsupported `selectPolicy` `Maximum` (spec.behavior.scaleUp.selectPolicy)\n\
             11:25 [error] unsupported scaling policy type `Pod` (spec.behavior.scaleUp.policies[0].type)\n\
             11:37 [error] scaling policy `value` is 0, but must be greater than 0 (spec.behavior.scaleUp.policies[0].value)\n\
             11:55 [error] scaling policy `periodSeconds` is 3600, but must be between 1 and 1800 (spec.behavior.scaleUp.policies[0].periodSeconds)\n\
             12:45 [error] `stabilizationWindowSeconds` is 3601, but must be between 0 and 3600 (spec.behavior.scaleDown.stabilizationWindowSeconds)"
        );
    }

    #[test]
    fn min_replicas_and_v1() {
        let yaml = "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: 0, maxReplicas: 0, targetCPUUtilizationPercentage: 0}\n";
        assert_eq!(check(&InvalidAutoscaler, yaml).len(), 3);
        let zero = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: 0, maxReplicas: 3, metrics: [{type: External}]}\n";
        assert!(check(&InvalidAutoscaler, zero).is_empty());
    }

    #[test]
    fn valid_and_malformed_pass() {
        for yaml in [
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: 2, maxReplicas: 2, behavior: {scaleDown: {stabilizationWindowSeconds: 300, selectPolicy: Disabled, policies: [{type: Percent, value: 10, periodSeconds: 60}]}}}\n",
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: a, maxReplicas: [1], behavior: {scaleUp: 3, scaleDown: {policies: [1, {value: x}]}}}\n",
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec: 3\n",
            "apiVersion: example.com/v1\nkind: HorizontalPodAutoscaler\nspec: {minReplicas: 0}\n",
        ] {
            assert!(check(&InvalidAutoscaler, yaml).is_empty(), "{yaml}");
        }
    }
}
