use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports a replica of a Kubeflow `PyTorchJob` or `TFJob` whose pod template has no
    /// container named `pytorch` (PyTorchJob) or `tensorflow` (TFJob), which the
    /// training-operator v1 webhook rejects ("must have at least one container with name
    /// pytorch").
    ///
    /// ## Why is this bad?
    /// The operator finds the training container by that name: it adds the rendezvous port
    /// to it, injects `TF_CONFIG` into it, and reads its exit code to decide whether the
    /// replica succeeded. The webhook therefore refuses the job, and `kubectl apply` fails.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: kubeflow.org/v1
    /// kind: PyTorchJob
    /// metadata:
    ///   name: bert
    /// spec:
    ///   pytorchReplicaSpecs:
    ///     Master:
    ///       replicas: 1
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: trainer
    ///             image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: kubeflow.org/v1
    /// kind: PyTorchJob
    /// metadata:
    ///   name: bert
    /// spec:
    ///   pytorchReplicaSpecs:
    ///     Master:
    ///       replicas: 1
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: pytorch
    ///             image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://github.com/kubeflow/training-operator/blob/v1.9.0/pkg/webhooks/utils/utils.go>
    pub MissingFrameworkContainer {
        name: "missing-framework-container",
        category: Ml,
        level: Error,
        summary: "replica of a Kubeflow job without the container named `pytorch` or `tensorflow`",
    }
}

impl Rule for MissingFrameworkContainer {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        if object.group() != Some("kubeflow.org") {
            return;
        }
        let (field, name) = match object.kind {
            Some("PyTorchJob") => ("pytorchReplicaSpecs", "pytorch"),
            Some("TFJob") => ("tfReplicaSpecs", "tensorflow"),
            _ => return,
        };
        let specs = object
            .node
            .get("spec")
            .and_then(|s| s.get(field))
            .and_then(Node::as_map)
            .unwrap_or_default();
        for (role, replica) in specs {
            let Some(role) = role.as_str() else { continue };
            let Some(containers) = replica
                .get("template")
                .and_then(|t| t.get("spec"))
                .and_then(|s| s.get("containers"))
                .and_then(Node::as_seq)
            else {
                continue;
            };
            let named = containers
                .iter()
                .any(|c| c.get("name").and_then(Node::as_str) == Some(name));
            if !named {
                sink.report(
                    cx.path(&["spec", field, role, "template", "spec", "containers"]),
                    format!("`spec.{field}[{role}].template.spec.containers`: must have at least one container with name {name}"),
                )
                .help(format!("name the training container `{name}`; the operator finds it by that name"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&MissingFrameworkContainer, yaml))
    }

    #[test]
    fn each_replica_needs_the_named_container() {
        let yaml = "\
apiVersion: kubeflow.org/v1
kind: TFJob
metadata: {name: t}
spec:
  tfReplicaSpecs:
    Chief:
      template:
        spec:
          containers: [{name: tensorflow, image: x:1}]
    Worker:
      template:
        spec:
          containers:
          - {name: tf, image: x:1}
";
        assert_eq!(
            run(yaml),
            "13:11 [error] `spec.tfReplicaSpecs[Worker].template.spec.containers`: must have at least one container with name tensorflow (spec.tfReplicaSpecs.Worker.template.spec.containers)"
        );
        assert_eq!(run(&yaml.replace("name: tf,", "name: tensorflow,")), "");
    }

    #[test]
    fn other_kinds_and_malformed_input_pass() {
        for yaml in [
            "apiVersion: kubeflow.org/v1\nkind: MPIJob\nmetadata: {name: m}\nspec: {mpiReplicaSpecs: {Worker: {template: {spec: {containers: [{name: x, image: x:1}]}}}}}\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: p}\nspec: {pytorchReplicaSpecs: {Master: {template: {spec: {containers: 3}}}}}\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: p}\nspec: {pytorchReplicaSpecs: {Master: null, 5: {}}}\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: p}\nspec: 3\n",
        ] {
            assert_eq!(run(yaml), "", "{yaml}");
        }
    }
}
