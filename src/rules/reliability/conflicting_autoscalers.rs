use std::collections::BTreeMap;

use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports HorizontalPodAutoscalers of the input that scale the same workload (the same
    /// `scaleTargetRef` kind and name in the same namespace); each one is reported, naming
    /// the others (the first five). An HPA written more than once (the same name and
    /// namespace) is one object; HPAs without a name (`generateName`) are each their own.
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
        // An HPA written more than once (the same name in the same namespace) is one object,
        // applied again; HPAs without a name (`generateName`) are each one of their own.
        let id = |i: usize| cx.facts.hpas[i].name.as_deref().ok_or(i);
        let mut reports: Vec<(usize, String)> = Vec::new();
        for ((_, kind, target), hpas) in &by_target {
            let mut ids: Vec<(Result<&str, usize>, usize)> =
                hpas.iter().map(|&i| (id(i), i)).collect();
            ids.sort();
            ids.dedup_by_key(|(id, _)| *id);
            if ids.len() < 2 {
                continue;
            }
            for &i in hpas {
                let others: Vec<String> = ids
                    .iter()
                    .filter(|(other, _)| *other != id(i))
                    .map(|&(_, j)| format!("`{}`", name(j)))
                    .collect();
                reports.push((
                    i,
                    format!(
                        "`HorizontalPodAutoscaler` `{}` scales `{kind}` `{target}`, as {}: the HPA controller scales it with none of them",
                        name(i),
                        also(&others),
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

/// The most other HPAs a message names.
const MAX_NAMED: usize = 5;

/// `` `b` also does ``, `` `b` and `c` also do ``, or, for many, the first few and how
/// many more.
fn also(others: &[String]) -> String {
    match others {
        [one] => format!("{one} also does"),
        _ if others.len() > MAX_NAMED => format!(
            "{} and {} others also do",
            others[..MAX_NAMED].join(", "),
            others.len() - MAX_NAMED
        ),
        [rest @ .., last] => format!("{} and {last} also do", rest.join(", ")),
        [] => String::new(),
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
    fn unnamed_autoscalers_are_each_their_own_and_long_lists_are_cut() {
        let unnamed = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {generateName: hpa-, namespace: ml}\nspec:\n  scaleTargetRef: {kind: Deployment, name: llm}\n  maxReplicas: 4\n";
        let yaml = [unnamed, unnamed].join("---\n");
        assert_eq!(check(&ConflictingAutoscalers, &yaml).len(), 2);
        let many: Vec<String> = (0..8)
            .map(|i| hpa(&format!("h{i}"), "ml", "Deployment", "llm"))
            .collect();
        let found = check(&ConflictingAutoscalers, &many.join("---\n"));
        assert_eq!(found.len(), 8);
        assert!(
            found[0]
                .message
                .contains("as `h1`, `h2`, `h3`, `h4`, `h5` and 2 others also do:"),
            "{}",
            found[0].message
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
