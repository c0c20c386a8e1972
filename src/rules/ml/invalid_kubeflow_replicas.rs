use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports replica specs that the Kubeflow training-operator v1 validating webhook
    /// rejects:
    /// - `PyTorchJob`: `spec.pytorchReplicaSpecs` missing; a replica type other than
    ///   `Master` and `Worker`; `Master.replicas` other than 1; another replica type with
    ///   `replicas` below 1; `elasticPolicy` without a `Worker` replica spec;
    /// - `TFJob`: `spec.tfReplicaSpecs` missing; both a `Chief` and a `Master` role.
    ///
    /// A `replicas` field that is missing is defaulted to 1 by the operator and is not
    /// reported.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` fails with the webhook's error and nothing runs. The rules come from
    /// how the operator wires the job: a PyTorchJob's `Master` is rank 0 and the rendezvous
    /// address (`<job>-master-0`), so there is exactly one; a TFJob's chief writes
    /// checkpoints and summaries, and `Chief` and `Master` are two names for it.
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
    ///       replicas: 2
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: pytorch
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
    ///     Worker:
    ///       replicas: 1
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: pytorch
    ///             image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://github.com/kubeflow/training-operator/blob/v1.9.0/pkg/webhooks/pytorch/pytorchjob_webhook.go>
    /// - <https://github.com/kubeflow/training-operator/blob/v1.9.0/pkg/webhooks/tensorflow/tfjob_webhook.go>
    pub InvalidKubeflowReplicas {
        name: "invalid-kubeflow-replicas",
        category: Ml,
        level: Error,
        summary: "replica specs that the Kubeflow operator's webhook rejects",
    }
}

impl Rule for InvalidKubeflowReplicas {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        // The webhook's rules are those of `v1`; older versions had other shapes
        // (`v1alpha1` TFJob lists `replicaSpecs`).
        if object.api_version != Some("kubeflow.org/v1") {
            return;
        }
        let field = match object.kind {
            Some("PyTorchJob") => "pytorchReplicaSpecs",
            Some("TFJob") => "tfReplicaSpecs",
            _ => return,
        };
        let Some(spec) = object.node.get("spec").filter(|s| s.as_map().is_some()) else {
            return;
        };
        let Some(specs) = spec.get(field).filter(|s| !s.is_null()) else {
            sink.report(
                cx.path(&["spec"]),
                format!("`spec.{field}`: must be required"),
            )
            .help(format!("add `{field}` with the replica types of the job"));
            return;
        };
        let Some(entries) = specs.as_map() else {
            return;
        };
        let roles = || entries.iter().filter_map(|(k, v)| Some((k.as_str()?, v)));
        if field == "pytorchReplicaSpecs" {
            for (role, replica) in roles() {
                let replicas = replica.get("replicas").and_then(Node::as_i64);
                match role {
                    "Master" if replicas.is_some_and(|r| r != 1) => {
                        sink.report(
                            cx.path(&["spec", field, role, "replicas"]),
                            format!("`spec.{field}[Master].replicas`: must be 1"),
                        )
                        .help("run exactly one Master (rank 0); add a `Worker` replica spec for the other pods");
                    }
                    "Master" => {}
                    "Worker" => {
                        if replicas.is_some_and(|r| r < 1) {
                            sink.report(
                                cx.path(&["spec", field, role, "replicas"]),
                                format!("`spec.{field}[Worker].replicas`: must be at least 1"),
                            )
                            .help(
                                "set `replicas` to 1 or more, or remove the `Worker` replica spec",
                            );
                        }
                    }
                    other => {
                        sink.report(
                            cx.path(&["spec", field, other]),
                            format!("`spec.{field}[{other}]`: unsupported value: supported values: \"Master\", \"Worker\""),
                        )
                        .help("a PyTorchJob has only `Master` and `Worker` replica types, spelled with a capital letter");
                    }
                }
            }
            if spec.get("elasticPolicy").is_some_and(|e| !e.is_null())
                && !roles().any(|(r, _)| r == "Worker")
            {
                sink.report(
                    cx.path(&["spec", "elasticPolicy"]),
                    format!("`spec.{field}[Worker]`: must be configured if elastic policy is used"),
                )
                .help("add a `Worker` replica spec; elastic training scales the workers");
            }
        } else {
            let chiefs: Vec<&str> = roles()
                .map(|(r, _)| r)
                .filter(|r| matches!(*r, "Chief" | "Master"))
                .collect();
            if chiefs.len() > 1 {
                sink.report(
                    cx.path(&["spec", field, chiefs[1]]),
                    format!("`spec.{field}`: must not have more than 1 Chief or Master role"),
                )
                .help("keep one of `Chief` and `Master`: they are two names for the same role");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&InvalidKubeflowReplicas, yaml))
    }

    #[test]
    fn pytorchjob_replica_rules() {
        let yaml = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: b}
spec:
  elasticPolicy: {maxReplicas: 3}
  pytorchReplicaSpecs:
    Master: {replicas: 2}
    worker: {replicas: 0}
";
        assert_eq!(
            run(yaml),
            "5:18 [error] `spec.pytorchReplicaSpecs[Worker]`: must be configured if elastic policy is used (spec.elasticPolicy)\n\
             7:24 [error] `spec.pytorchReplicaSpecs[Master].replicas`: must be 1 (spec.pytorchReplicaSpecs.Master.replicas)\n\
             8:13 [error] `spec.pytorchReplicaSpecs[worker]`: unsupported value: supported values: \"Master\", \"Worker\" (spec.pytorchReplicaSpecs.worker)"
        );
        let workers = "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec:\n  pytorchReplicaSpecs:\n    Master: {replicas: 1}\n    Worker: {replicas: 0}\n";
        assert_eq!(
            run(workers),
            "7:24 [error] `spec.pytorchReplicaSpecs[Worker].replicas`: must be at least 1 (spec.pytorchReplicaSpecs.Worker.replicas)"
        );
        let good = "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec:\n  pytorchReplicaSpecs:\n    Master: {}\n    Worker: {replicas: 3}\n";
        assert_eq!(run(good), "");
    }

    #[test]
    fn tfjob_chief_and_master() {
        let yaml = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\nspec:\n  tfReplicaSpecs:\n    Chief: {replicas: 1}\n    Master: {replicas: 1}\n    PS: {replicas: 2}\n";
        assert_eq!(
            run(yaml),
            "7:13 [error] `spec.tfReplicaSpecs`: must not have more than 1 Chief or Master role (spec.tfReplicaSpecs.Master)"
        );
        assert_eq!(run(&yaml.replace("    Master: {replicas: 1}\n", "")), "");
    }

    #[test]
    fn missing_specs_and_malformed_input() {
        let missing = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\nspec:\n  runPolicy: {}\n";
        assert_eq!(
            run(missing),
            "4:1 [error] `spec.tfReplicaSpecs`: must be required (spec)"
        );
        for bad in [
            "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\n",
            "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\nspec: [1]\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: t}\nspec: {pytorchReplicaSpecs: [Master]}\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: t}\nspec: {pytorchReplicaSpecs: {Master: {replicas: one}}}\n",
            "apiVersion: example.com/v1\nkind: PyTorchJob\nmetadata: {name: t}\nspec: {}\n",
            "apiVersion: kubeflow.org/v1alpha1\nkind: TFJob\nmetadata: {name: t}\nspec: {replicaSpecs: [{replicas: 1}]}\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
    }
}
