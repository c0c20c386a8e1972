use std::collections::{BTreeMap, BTreeSet};

use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports HorizontalPodAutoscalers of the input that scale the same workload (the same
    /// `scaleTargetRef` kind and name in the same namespace); each one is reported, naming
    /// the others. An HPA written more than once (the same name and namespace) is one
    /// object.
    ///
    /// ## Why is this bad?
    /// Since Kubernetes 1.26 the HPA controller refuses to act on pods that more than one
    /// HPA selects: every HPA involved gets the condition `ScalingActive=False` with reason
    /// `AmbiguousSelector` ("pods by selector ... are controlled by multiple HPAs"), and the
    /// workload is no longer scaled at all. Before, the HPAs overwrote each other's replica
    /// counts in turn. Splitting metrics over several HPAs (one per metric, or one that only
    /// scales up and one that only scales down) therefore disables autoscaling.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm-gpu
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: gpu_utilization}
    ///       target: {type: AverageValue, averageValue: "80"}
    /// ---
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm-queue
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: queue_length}
    ///       target: {type: AverageValue, averageValue: "10"}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: gpu_utilization}
    ///       target: {type: AverageValue, averageValue: "80"}
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: queue_length}
    ///       target: {type: AverageValue, averageValue: "10"}
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#scaling-on-multiple-metrics>
    /// - <https://github.com/kubernetes/kubernetes/pull/112011>
    pub ConflictingAutoscalers {
        name: "conflicting-autoscalers",
        category: Reliability,
        level: Error,
        summary: "more than one HorizontalPodAutoscaler scales the same workload",
    }
}

impl Rule for ConflictingAutoscalers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let mut by_target: BTreeMap<(Option<&str>, &str, &str), Vec<usize>> = BTreeMap::new();
        for (i, h) in cx.facts.hpas.iter().enumerate() {
            if let (Some(kind), Some(name)) = (&h.target_kind, &h.target_name) {
                by_target
                    .entry((h.namespace.as_deref(), kind, name))
                    .or_default()
                    .push(i);
            }
        }
        let name = |i: usize| cx.facts.hpas[i].name.as_deref().unwrap_or("<unnamed>");
        let mut reports: Vec<(usize, String)> = Vec::new();
        for ((_, kind, target), hpas) in &by_target {
            // An HPA written more than once (the same name in the same namespace) is one
            // object, applied again.
            let names: BTreeSet<&str> = hpas.iter().map(|&i| name(i)).collect();
            if names.len() < 2 {
                continue;
            }
            for &i in hpas {
                let others: Vec<String> = names
                    .iter()
                    .filter(|&&n| n != name(i))
                    .map(|n| format!("`{n}`"))
                    .collect();
                let others = match others.split_last() {
                    Some((last, [])) => format!("{last} also does"),
                    Some((last, rest)) => format!("{} and {last} also do", rest.join(", ")),
                    None => continue,
                };
                reports.push((
                    i,
                    format!(
                        "`HorizontalPodAutoscaler` `{}` scales `{kind}` `{target}`, as {others}: the HPA controller scales it with none of them",
                        name(i),
                    ),
                ));
            }
        }
        // In the order of the input.
        reports.sort_by_key(|(i, _)| *i);
        for (i, message) in reports {
            sink.report_at(&cx.facts.hpas[i].target_location, message)
                .help("keep one HorizontalPodAutoscaler per workload and list every metric in it: it scales to the highest replica count any metric asks for");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn hpa(name: &str, namespace: &str, kind: &str, target: &str) -> String {
        format!(
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {{name: {name}, namespace: {namespace}}}\nspec:\n  scaleTargetRef: {{apiVersion: apps/v1, kind: {kind}, name: {target}}}\n  maxReplicas: 4\n"
        )
    }

    #[test]
    fn every_autoscaler_of_a_shared_target_is_reported() {
        let yaml = [
            hpa("a", "ml", "Deployment", "llm"),
            hpa("other", "ml", "Deployment", "embed"),
            hpa("b", "ml", "Deployment", "llm"),
            hpa("c", "ml", "Deployment", "llm"),
        ]
        .join("---\n");
        assert_eq!(
            render(&check(&ConflictingAutoscalers, &yaml)),
            "5:19 [error] `HorizontalPodAutoscaler` `a` scales `Deployment` `llm`, as `b` and `c` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)\n\
             19:19 [error] `HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` and `c` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)\n\
             26:19 [error] `HorizontalPodAutoscaler` `c` scales `Deployment` `llm`, as `a` and `b` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)"
        );
        // `b` written twice is one HPA beside `a`.
        let two = [
            hpa("a", "ml", "Deployment", "llm"),
            hpa("b", "ml", "Deployment", "llm"),
            hpa("b", "ml", "Deployment", "llm"),
        ]
        .join("---\n");
        let found = check(&ConflictingAutoscalers, &two);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`HorizontalPodAutoscaler` `a` scales `Deployment` `llm`, as `b` also does: the HPA controller scales it with none of them",
                "`HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` also does: the HPA controller scales it with none of them",
                "`HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` also does: the HPA controller scales it with none of them",
            ]
        );
    }

    #[test]
    fn other_namespaces_kinds_and_incomplete_targets_pass() {
        let yaml = [
            hpa("a", "ml", "Deployment", "llm"),
            // The same HPA again.
            hpa("a", "ml", "Deployment", "llm"),
            hpa("b", "serving", "Deployment", "llm"),
            hpa("c", "ml", "StatefulSet", "llm"),
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: d, namespace: ml}\nspec:\n  scaleTargetRef: {kind: Deployment}\n".to_string(),
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: e, namespace: ml}\nspec: {}\n".to_string(),
        ]
        .join("---\n");
        assert!(check(&ConflictingAutoscalers, &yaml).is_empty());
    }
}
