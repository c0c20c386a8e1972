use std::collections::HashMap;

use crate::declare_rule;
use crate::lint::facts::{ContainerFact, Facts, Namespace};
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports a HorizontalPodAutoscaler with a `Utilization` target on a resource (`cpu`,
    /// `memory`; `autoscaling/v1` `targetCPUUtilizationPercentage` too) when the workload it
    /// scales is in the input and a container the metric covers has no request for that
    /// resource. A `Resource` metric covers every container and every sidecar (an init
    /// container with `restartPolicy: Always`); a `ContainerResource` metric covers the
    /// named container, which must exist. A request counts when it is written, when a limit
    /// is (Kubernetes copies limits into missing requests), when a LimitRange of the input
    /// in the same namespace gives a `defaultRequest` or `default` for it (for a workload
    /// without a namespace, a LimitRange without one in any directory), or when the pod
    /// sets pod-level `resources.requests` for it.
    ///
    /// ## Why is this bad?
    /// Utilization is usage divided by request. Without a request the autoscaler cannot
    /// compute it: the HPA reports `FailedGetResourceMetric` ("missing request for cpu in
    /// container ...") and never scales, so a model server under load stays at its
    /// minimum replicas. GPU utilization is not a resource metric at all; it needs a Pods
    /// or External metric from DCGM.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
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
    /// ---
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
    ///   maxReplicas: 10
    ///   metrics:
    ///   - type: Resource
    ///     resource:
    ///       name: cpu
    ///       target:
    ///         type: Utilization
    ///         averageUtilization: 70
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
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
    ///         resources:
    ///           requests:
    ///             cpu: "2"
    /// ---
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
    ///   maxReplicas: 10
    ///   metrics:
    ///   - type: Resource
    ///     resource:
    ///       name: cpu
    ///       target:
    ///         type: Utilization
    ///         averageUtilization: 70
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work>
    /// - <https://github.com/kubernetes/kubernetes/blob/master/pkg/controller/podautoscaler/replica_calculator.go>
    pub HpaUtilizationWithoutRequests {
        name: "hpa-utilization-without-requests",
        category: Reliability,
        level: Warning,
        summary: "autoscaler utilization target over containers without requests",
    }
}

impl Rule for HpaUtilizationWithoutRequests {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let facts = cx.facts;
        if facts.hpas.iter().all(|h| h.utilization.is_empty()) {
            return;
        }
        let workloads: HashMap<(&Namespace, &str, &str), _> = facts
            .workloads
            .iter()
            .filter_map(|w| Some(((&w.namespace, w.kind.as_str(), w.name.as_deref()?), w)))
            .collect();
        for h in &facts.hpas {
            let namespace = &h.namespace;
            let Some(w) = h
                .target_kind
                .as_deref()
                .zip(h.target_name.as_deref())
                .and_then(|(kind, name)| workloads.get(&(namespace, kind, name)))
            else {
                continue;
            };
            let target = format!("`{}` `{}`", w.kind, w.name.as_deref().unwrap_or_default());
            for m in &h.utilization {
                let resource = m.resource.as_str();
                for pod in &w.pods {
                    if pod.pod_requests.contains_key(resource) {
                        continue;
                    }
                    let counted = pod.containers.iter().filter(|c| !c.init || c.sidecar);
                    if let Some(name) = &m.container {
                        let Some(c) = counted.clone().find(|c| c.name.as_ref() == Some(name))
                        else {
                            sink.report_at(
                                &m.location,
                                format!("`{resource}` utilization target names container \"{name}\", which {target} does not have"),
                            )
                            .help("name a container of the target's pod template in `containerResource.container`");
                            continue;
                        };
                        if !has_request(facts, namespace, c, resource) {
                            report(sink, m, resource, c, &target);
                        }
                        continue;
                    }
                    for c in counted.filter(|c| !has_request(facts, namespace, c, resource)) {
                        report(sink, m, resource, c, &target);
                    }
                }
            }
        }
    }
}

fn report(
    sink: &mut Sink,
    metric: &crate::lint::facts::UtilizationMetric,
    resource: &str,
    c: &ContainerFact,
    target: &str,
) {
    sink.report_at(
        &metric.location,
        format!(
            "`{resource}` utilization target, but container \"{}\" of {target} has no `{resource}` request",
            c.name.as_deref().unwrap_or("<unnamed>")
        ),
    )
    .help(format!(
        "set `resources.requests.{resource}` on the container: utilization is usage divided by the request"
    ));
}

fn has_request(facts: &Facts, namespace: &Namespace, c: &ContainerFact, resource: &str) -> bool {
    c.requests.contains_key(resource)
        || c.limits.contains_key(resource)
        || facts.limit_ranges.iter().any(|lr| {
            lr.namespace.may_be(namespace)
                && lr.items.iter().any(|item| {
                    item.kind.as_deref() == Some("Container")
                        && (item.default_request.contains_key(resource)
                            || item.default.contains_key(resource))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&HpaUtilizationWithoutRequests, yaml))
    }

    const APP: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - {name: proxy, image: p:1, restartPolicy: Always}
      - {name: setup, image: s:1}
      containers:
      - {name: app, image: x:1, resources: {requests: {cpu: 500m}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 4
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
";

    #[test]
    fn sidecars_without_requests_are_reported_at_the_metric() {
        assert_eq!(
            run(APP),
            "20:5 [warning] `cpu` utilization target, but container \"proxy\" of `Deployment` `web` has no `cpu` request (spec.metrics[0])"
        );
    }

    #[test]
    fn limits_limit_ranges_and_pod_requests_count() {
        let limits = APP.replace(
            "restartPolicy: Always}",
            "restartPolicy: Always, resources: {limits: {cpu: 1}}}",
        );
        assert_eq!(run(&limits), "");
        let lr = format!(
            "{APP}---\napiVersion: v1\nkind: LimitRange\nmetadata: {{name: l}}\nspec: {{limits: [{{type: Container, defaultRequest: {{cpu: 100m}}}}]}}\n"
        );
        assert_eq!(run(&lr), "");
        let pod_level = APP.replace(
            "      initContainers:",
            "      resources: {requests: {cpu: 1}}\n      initContainers:",
        );
        assert_eq!(run(&pod_level), "");
        let average = APP.replace(
            "type: Utilization, averageUtilization: 70",
            "type: AverageValue, averageValue: 500m",
        );
        assert_eq!(run(&average), "");
    }

    #[test]
    fn container_resource_metrics() {
        let named = APP.replace(
            "  - type: Resource\n    resource: {name: cpu,",
            "  - type: ContainerResource\n    containerResource: {name: memory, container: app,",
        );
        assert_eq!(
            run(&named),
            "20:5 [warning] `memory` utilization target, but container \"app\" of `Deployment` `web` has no `memory` request (spec.metrics[0])"
        );
        let missing = named.replace("container: app,", "container: server,");
        assert_eq!(
            run(&missing),
            "20:5 [warning] `memory` utilization target names container \"server\", which `Deployment` `web` does not have (spec.metrics[0])"
        );
    }

    #[test]
    fn v1_targets_and_absent_workloads() {
        let v1 = "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n  targetCPUUtilizationPercentage: 50\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: a, image: x:1}]}}}\n";
        assert_eq!(
            run(v1),
            "7:35 [warning] `cpu` utilization target, but container \"a\" of `Deployment` `web` has no `cpu` request (spec.targetCPUUtilizationPercentage)"
        );
        let hpa_only = APP.split("---\n").nth(1).unwrap_or_default();
        assert_eq!(run(hpa_only), "");
    }
}
