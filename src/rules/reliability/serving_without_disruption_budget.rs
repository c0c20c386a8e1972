use super::served::{pdb_selects, served};
use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports a served `Deployment` or `StatefulSet` with more than one replica (or scaled
    /// by an HPA) that no PodDisruptionBudget of the input covers: no PDB in its namespace
    /// whose `matchLabels` all appear among the pod template's labels (an empty selector
    /// `{}` covers every pod; a selector with `matchExpressions` counts when its
    /// `matchLabels` match).
    ///
    /// A PDB often lives in another repository than the workload, so the rule only speaks
    /// when the input looks like the whole application: the workload is served through a
    /// Service or an HPA of the input, or the input has some PDB in that namespace. A lone
    /// Deployment labelled as a model server is not reported. Single-replica workloads are
    /// left to `single-replica-serving`. For a workload without a namespace, a PDB without
    /// one counts from any directory of the input: a base and its overlays are applied to
    /// one namespace.
    ///
    /// ## Why is this bad?
    /// A node drain (cluster upgrade, autoscaler scale-down, spot reclaim handled by a
    /// drain) evicts pods without regard for the service: both replicas of a model server
    /// can go at once, and the endpoint is down until new pods have loaded the model. A PDB
    /// makes the eviction API wait until enough replicas are ready elsewhere.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   replicas: 3
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
    /// apiVersion: v1
    /// kind: Service
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   selector:
    ///     app: model-server
    ///   ports:
    ///   - port: 80
    ///     targetPort: 8080
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   replicas: 3
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
    /// apiVersion: v1
    /// kind: Service
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   selector:
    ///     app: model-server
    ///   ports:
    ///   - port: 80
    ///     targetPort: 8080
    /// ---
    /// apiVersion: policy/v1
    /// kind: PodDisruptionBudget
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   maxUnavailable: 1
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/run-application/configure-pdb/>
    pub ServingWithoutDisruptionBudget {
        name: "serving-without-disruption-budget",
        category: Reliability,
        level: Warning,
        summary: "served workload without a PodDisruptionBudget in the input",
    }
}

impl Rule for ServingWithoutDisruptionBudget {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let facts = cx.facts;
        for s in served(facts) {
            let w = s.workload;
            let namespace = &w.namespace;
            let whole_app = s.service.is_some()
                || s.hpa.is_some()
                || facts.pdbs.iter().any(|p| p.namespace.may_be(namespace));
            let several = s.hpa.is_some() || w.replicas.is_some_and(|r| r >= 2);
            if !whole_app || !several {
                continue;
            }
            let covered = w.pods.iter().all(|p| {
                facts
                    .pdbs
                    .iter()
                    .any(|pdb| pdb_selects(pdb, namespace, &p.labels))
            });
            if covered {
                continue;
            }
            sink.report_at(
                &w.location,
                format!(
                    "served `{}` has no PodDisruptionBudget in the input",
                    w.kind
                ),
            )
            .help("add a PodDisruptionBudget (`maxUnavailable: 1` or `minAvailable`) whose selector matches the pod labels, so drains keep replicas serving");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_files, render};

    fn run(yaml: &str) -> String {
        render(&check(&ServingWithoutDisruptionBudget, yaml))
    }

    const APP: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: s}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: web, version: v1}}
    spec: {containers: [{name: a, image: x:1}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: s}
spec: {selector: {app: web}}
";

    fn pdb(selector: &str, namespace: &str) -> String {
        format!(
            "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: p, namespace: {namespace}}}\nspec: {{maxUnavailable: 1, selector: {selector}}}\n"
        )
    }

    #[test]
    fn a_budget_without_a_namespace_counts_from_any_directory() {
        let app = APP.replace(", namespace: s}", "}");
        let budget = pdb("{matchLabels: {app: web}}", "x").replace(", namespace: x}", "}");
        let found = |budget_file: &str| {
            check_files(
                &ServingWithoutDisruptionBudget,
                &[("app/web.yaml", &app), (budget_file, &budget)],
            )
            .len()
        };
        assert_eq!(found("app/pdb.yaml"), 0);
        assert_eq!(found("policies/pdb.yaml"), 0);
        // A budget in a namespace of its own is not the namespace-less app's.
        let named = pdb("{matchLabels: {app: web}}", "x");
        assert_eq!(
            check_files(
                &ServingWithoutDisruptionBudget,
                &[("app/web.yaml", &app), ("app/pdb.yaml", &named)]
            )
            .len(),
            1
        );
    }

    #[test]
    fn missing_budget_is_reported_at_the_workload() {
        assert_eq!(
            run(APP),
            "3:18 [warning] served `Deployment` has no PodDisruptionBudget in the input (metadata.name)"
        );
    }

    #[test]
    fn matching_budgets_cover() {
        assert_eq!(
            run(&format!("{APP}{}", pdb("{matchLabels: {app: web}}", "s"))),
            ""
        );
        assert_eq!(run(&format!("{APP}{}", pdb("{}", "s"))), "");
        let expr = "{matchLabels: {app: web}, matchExpressions: [{key: version, operator: In, values: [v1]}]}";
        assert_eq!(run(&format!("{APP}{}", pdb(expr, "s"))), "");
        assert_ne!(
            run(&format!("{APP}{}", pdb("{matchLabels: {app: api}}", "s"))),
            ""
        );
        assert_ne!(
            run(&format!("{APP}{}", pdb("{matchLabels: {app: web}}", "t"))),
            ""
        );
    }

    #[test]
    fn lone_or_single_replica_workloads_are_not_reported() {
        let lone = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: {app.kubernetes.io/component: inference}}\nspec:\n  replicas: 3\n  template: {spec: {containers: [{name: a, image: x:1}]}}\n";
        assert_eq!(run(lone), "");
        assert_eq!(run(&APP.replace("replicas: 2", "replicas: 1")), "");
        let with_other_pdb = format!("{lone}{}", pdb("{matchLabels: {app: other}}", "null"));
        assert_eq!(run(&with_other_pdb).lines().count(), 1);
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        let yaml = format!(
            "{APP}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: p, namespace: s}}\nspec: {{selector: 5}}\n"
        );
        assert_eq!(run(&yaml).lines().count(), 1);
    }
}
