use std::collections::HashMap;

use super::served::{is_training, served};
use crate::declare_rule;
use crate::lint::facts::Namespace;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports a served `Deployment` or `StatefulSet` (see `serving-without-readiness-probe`
    /// for what served means) that runs one replica (`replicas: 1`, or no `replicas`, which
    /// defaults to 1) and is not scaled by an HPA of the input (for a workload without a
    /// namespace, an HPA without one in any directory counts), and a
    /// HorizontalPodAutoscaler whose `minReplicas` is 1 (or missing, which defaults to 1).
    /// `replicas: 0` (switched off on purpose) and `minReplicas: 0` (scale to zero) are not
    /// reported, nor HPAs that scale a training workload.
    ///
    /// ## Why is this bad?
    /// One replica means downtime on every node drain, every eviction, every rollout of a
    /// new model and every crash; for model servers, which take minutes to load weights,
    /// that downtime is long. Two replicas on different nodes, with a PodDisruptionBudget,
    /// keep the endpoint up through all of these.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    ///   labels:
    ///     app.kubernetes.io/component: inference
    /// spec:
    ///   replicas: 1
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    ///   template:
    ///     metadata:
    ///       labels:
    ///         app: model-server
    ///     spec:
    ///       containers:
    ///       - name: server
    ///         image: registry.example.com/serve:2.1.0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    ///   labels:
    ///     app.kubernetes.io/component: inference
    /// spec:
    ///   replicas: 2
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    ///   template:
    ///     metadata:
    ///       labels:
    ///         app: model-server
    ///     spec:
    ///       containers:
    ///       - name: server
    ///         image: registry.example.com/serve:2.1.0
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/pods/disruptions/>
    pub SingleReplicaServing {
        name: "single-replica-serving",
        category: Reliability,
        level: Warning,
        summary: "served workload or HPA with fewer than 2 replicas",
    }
}

impl Rule for SingleReplicaServing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        for s in served(cx.facts) {
            let w = s.workload;
            let one = match w.replicas {
                Some(n) => n == 1,
                None => w.replicas_missing,
            };
            // An autoscaler kept in another directory may scale it all the same.
            let scaled = s.hpa.is_some()
                || cx.facts.hpas.iter().any(|h| {
                    h.namespace.may_be(&w.namespace)
                        && h.target_kind.as_deref() == Some(w.kind.as_str())
                        && h.target_name.is_some()
                        && h.target_name == w.name
                });
            if scaled || !one {
                continue;
            }
            sink.report_at(
                &w.replicas_location,
                format!("served `{}` runs a single replica", w.kind),
            )
            .help("run at least 2 replicas so that a drain, an eviction or a rollout does not take the endpoint down");
        }
        let workloads: HashMap<(&Namespace, &str, &str), _> = cx
            .facts
            .workloads
            .iter()
            .filter_map(|w| Some(((&w.namespace, w.kind.as_str(), w.name.as_deref()?), w)))
            .collect();
        for h in &cx.facts.hpas {
            let one = match h.min_replicas {
                Some(n) => n == 1,
                None => h.min_replicas_missing,
            };
            if !one {
                continue;
            }
            let target = h
                .target_kind
                .as_deref()
                .zip(h.target_name.as_deref())
                .and_then(|(kind, name)| workloads.get(&(&h.namespace, kind, name)));
            if target.is_some_and(|w| is_training(w)) {
                continue;
            }
            let message = match h.min_replicas {
                Some(_) => "HorizontalPodAutoscaler `minReplicas` is 1",
                None => "HorizontalPodAutoscaler has no `minReplicas`, which defaults to 1",
            };
            sink.report_at(&h.min_replicas_location, message)
                .help("set `minReplicas: 2` so that the autoscaler never leaves a single replica");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_files, render};

    fn run(yaml: &str) -> String {
        render(&check(&SingleReplicaServing, yaml))
    }

    const SERVER: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app.kubernetes.io/component: inference}}
spec:
  replicas: 1
  template: {spec: {containers: [{name: a, image: x:1}]}}
";

    #[test]
    fn an_autoscaler_in_another_directory_still_scales_the_server() {
        let hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 4\n";
        let found = |hpa_file: &str| {
            render(&check_files(
                &SingleReplicaServing,
                &[("app/web.yaml", SERVER), (hpa_file, hpa)],
            ))
        };
        assert_eq!(found("app/hpa/hpa.yaml"), "");
        assert_eq!(found("app/hpa.yaml"), "");
    }

    #[test]
    fn one_replica_is_reported_at_the_field() {
        assert_eq!(
            run(SERVER),
            "5:13 [warning] served `Deployment` runs a single replica (spec.replicas)"
        );
        assert_eq!(
            run(&SERVER.replace("  replicas: 1\n", "")),
            "4:1 [warning] served `Deployment` runs a single replica (spec.replicas)"
        );
        assert_eq!(run(&SERVER.replace("replicas: 1", "replicas: 3")), "");
        assert_eq!(run(&SERVER.replace("replicas: 1", "replicas: 0")), "");
        assert_eq!(run(&SERVER.replace("inference", "worker")), "");
    }

    #[test]
    fn hpa_min_replicas_replaces_the_workload_replicas() {
        let hpa = "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 4\n";
        assert_eq!(
            run(&format!("{SERVER}{hpa}")),
            "13:16 [warning] HorizontalPodAutoscaler `minReplicas` is 1 (spec.minReplicas)"
        );
        assert_eq!(
            run(&format!(
                "{SERVER}{}",
                hpa.replace("minReplicas: 1", "minReplicas: 2")
            )),
            ""
        );
        assert_eq!(
            run(&hpa.replace("  minReplicas: 1\n", "")),
            "5:1 [warning] HorizontalPodAutoscaler has no `minReplicas`, which defaults to 1 (spec.minReplicas)"
        );
        assert_eq!(run(&hpa.replace("minReplicas: 1", "minReplicas: 0")), "");
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        let yaml = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: two, scaleTargetRef: 3}\n";
        assert_eq!(run(yaml), "");
        let bad = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {app.kubernetes.io/component: inference}}\nspec: {replicas: \"2\", template: {spec: {containers: [{name: a, image: x:1}]}}}\n";
        assert_eq!(run(bad), "");
    }
}
