use super::served::served;
use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports a served `Deployment` or `StatefulSet` whose pods have no readiness probe on
    /// any container. Served means selected by a (non-headless) Service of the input,
    /// labelled `app.kubernetes.io/component: inference`, `serving` or `model-server`, or
    /// targeted by a HorizontalPodAutoscaler of the input.
    ///
    /// ## Why is this bad?
    /// Without a readiness probe a pod receives traffic as soon as its container starts. A
    /// model server then takes requests while it is still downloading weights or warming up
    /// the GPU, and clients see connection errors or timeouts on every rollout and every
    /// scale-up. During a rolling update the old pods are removed before the new ones can
    /// answer.
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
    ///         ports:
    ///         - name: http
    ///           containerPort: 8080
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
    ///         ports:
    ///         - name: http
    ///           containerPort: 8080
    ///         readinessProbe:
    ///           httpGet:
    ///             path: /v2/health/ready
    ///             port: http
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/>
    pub ServingWithoutReadinessProbe {
        name: "serving-without-readiness-probe",
        category: Reliability,
        level: Warning,
        summary: "served workload without a readiness probe",
    }
}

impl Rule for ServingWithoutReadinessProbe {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        for s in served(cx.facts) {
            for pod in &s.workload.pods {
                let mut regular = pod.containers.iter().filter(|c| !c.init);
                let Some(first) = regular.clone().next() else {
                    continue;
                };
                if regular.any(|c| c.readiness_probe) {
                    continue;
                }
                sink.report_at(
                    &first.location,
                    format!(
                        "served `{}` has no readiness probe on any container",
                        s.workload.kind
                    ),
                )
                .help("add a `readinessProbe` that succeeds only once the model is loaded, so traffic waits for it");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&ServingWithoutReadinessProbe, yaml))
    }

    const DEPLOYMENT: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: serving}
spec:
  template:
    metadata: {labels: {app: web, tier: api}}
    spec:
      containers:
      - {name: app, image: x:1}
      - {name: log, image: y:1}
";

    const SERVICE: &str = "\
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: serving}
spec:
  selector: {app: web}
  ports: [{port: 80}]
";

    #[test]
    fn selected_by_a_service_is_served() {
        assert_eq!(run(DEPLOYMENT), "");
        assert_eq!(
            run(&format!("{DEPLOYMENT}{SERVICE}")),
            "9:9 [warning] served `Deployment` has no readiness probe on any container (spec.template.spec.containers[0])"
        );
    }

    #[test]
    fn one_probe_in_the_pod_is_enough() {
        let probed = DEPLOYMENT.replace(
            "{name: log, image: y:1}",
            "{name: log, image: y:1, readinessProbe: {tcpSocket: {port: 9}}}",
        );
        assert_eq!(run(&format!("{probed}{SERVICE}")), "");
    }

    #[test]
    fn headless_services_other_namespaces_and_training_do_not_serve() {
        let headless = SERVICE.replace("selector:", "clusterIP: None\n  selector:");
        assert_eq!(run(&format!("{DEPLOYMENT}{headless}")), "");
        let elsewhere = SERVICE.replace("namespace: serving", "namespace: other");
        assert_eq!(run(&format!("{DEPLOYMENT}{elsewhere}")), "");
        let partial = SERVICE.replace("{app: web}", "{app: web, tier: db}");
        assert_eq!(run(&format!("{DEPLOYMENT}{partial}")), "");
        let training = DEPLOYMENT.replace("tier: api", "app.kubernetes.io/component: training");
        assert_eq!(run(&format!("{training}{SERVICE}")), "");
    }

    #[test]
    fn labels_and_hpas_make_a_workload_served() {
        let labelled = DEPLOYMENT.replace("tier: api", "app.kubernetes.io/component: model-server");
        assert_eq!(run(&labelled).lines().count(), 1);
        let hpa = "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: serving}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n";
        assert_eq!(run(&format!("{DEPLOYMENT}{hpa}")).lines().count(), 1);
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: [a]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {metadata: {labels: 3}, spec: {containers: []}}}\n";
        assert_eq!(run(yaml), "");
    }
}
