use super::workload::env_vars;
use crate::declare_rule;
use crate::lint::{ContainerKind, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Object};

declare_rule! {
    /// ## What it does
    /// Reports environment variables set by hand that the training operator injects itself:
    /// - `PyTorchJob` (Kubeflow training-operator v1), in every container: `MASTER_ADDR`,
    ///   `MASTER_PORT`, `WORLD_SIZE`, `RANK`, `PET_MASTER_ADDR`, `PET_MASTER_PORT` and
    ///   `PET_NODE_RANK` when a `Master` replica exists; `PET_NNODES` and
    ///   `PET_NPROC_PER_NODE` always; `PET_RDZV_ENDPOINT`, `PET_RDZV_BACKEND`, `PET_RDZV_ID`,
    ///   `PET_RDZV_CONF`, `PET_MAX_RESTARTS` and `PET_STANDALONE` when `elasticPolicy` is set;
    /// - `TFJob`: `TF_CONFIG` in the container named `tensorflow` when the job has more than
    ///   one replica in total;
    /// - Volcano `Job` with the `pytorch` plugin: `MASTER_ADDR`, `MASTER_PORT`, `WORLD_SIZE`
    ///   and `RANK`.
    ///
    /// `PYTHONUNBUFFERED`, which the PyTorchJob operator also sets, is not reported: setting
    /// it by hand to the same `1` is harmless.
    ///
    /// ## Why is this bad?
    /// The operator appends its values after the user's, and Kubernetes uses the last entry
    /// of a duplicated name, so the hand-written value is silently ignored; readers of the
    /// manifest believe a rendezvous address or a rank that the pods never see. Where the
    /// operator computes a value per pod (`RANK`, `TF_CONFIG`), one template-wide value is
    /// wrong for all pods but one anyway.
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
    ///           - name: pytorch
    ///             image: registry.example.com/train:1.4.2
    ///             env:
    ///             - name: MASTER_ADDR
    ///               value: bert-master-0
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
    /// - <https://github.com/kubeflow/training-operator/blob/v1.9.0/pkg/controller.v1/pytorch/envvar.go>
    /// - <https://github.com/kubeflow/training-operator/blob/v1.9.0/pkg/controller.v1/tensorflow/tensorflow.go>
    pub OperatorInjectedEnv {
        name: "operator-injected-env",
        category: Ml,
        level: Warning,
        summary: "environment variable set by hand that the training operator injects",
    }
}

impl Rule for OperatorInjectedEnv {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let Some(operator) = Operator::of(cx.object) else {
            return;
        };
        for c in cx.containers() {
            if c.kind != ContainerKind::Regular {
                continue;
            }
            for (i, name, _) in env_vars(c.node) {
                if operator.injects(name, c.name) {
                    sink.report(
                        c.path(&["env"]).index(i).key("name"),
                        format!("`{name}` in {} is set by {}", c.describe(), operator.noun()),
                    )
                    .help(format!(
                        "remove `{name}`: {} sets it for every pod and its value wins",
                        operator.noun()
                    ));
                }
            }
        }
    }
}

/// Who injects variables into the pods of a workload, with what decides which.
enum Operator {
    PyTorchJob { master: bool, elastic: bool },
    TfJob { distributed: bool },
    VolcanoPytorch,
}

impl Operator {
    fn of(object: &Object<'_>) -> Option<Operator> {
        let spec = object.node.get("spec");
        match (object.group(), object.kind) {
            (Some("kubeflow.org"), Some("PyTorchJob")) => Some(Operator::PyTorchJob {
                master: spec
                    .and_then(|s| s.get("pytorchReplicaSpecs"))
                    .and_then(|r| r.get("Master"))
                    .is_some(),
                elastic: spec
                    .and_then(|s| s.get("elasticPolicy"))
                    .is_some_and(|e| !e.is_null()),
            }),
            (Some("kubeflow.org"), Some("TFJob")) => {
                // The operator counts a replica spec without `replicas` as one pod.
                let total: i64 = spec
                    .and_then(|s| s.get("tfReplicaSpecs"))
                    .and_then(Node::as_map)
                    .unwrap_or_default()
                    .iter()
                    .map(|(_, r)| r.get("replicas").and_then(Node::as_i64).unwrap_or(1))
                    .fold(0i64, i64::saturating_add);
                Some(Operator::TfJob {
                    distributed: total != 1,
                })
            }
            (Some("batch.volcano.sh"), Some("Job")) => spec
                .and_then(|s| s.get("plugins"))
                .and_then(|p| p.get("pytorch"))
                .map(|_| Operator::VolcanoPytorch),
            _ => None,
        }
    }

    fn noun(&self) -> &'static str {
        match self {
            Operator::PyTorchJob { .. } => "the PyTorchJob operator",
            Operator::TfJob { .. } => "the TFJob operator",
            Operator::VolcanoPytorch => "the Volcano pytorch plugin",
        }
    }

    fn injects(&self, name: &str, container: Option<&str>) -> bool {
        match *self {
            Operator::PyTorchJob { master, elastic } => pytorch_injects(name, master, elastic),
            Operator::TfJob { distributed } => {
                distributed && name == "TF_CONFIG" && container == Some("tensorflow")
            }
            Operator::VolcanoPytorch => {
                matches!(name, "MASTER_ADDR" | "MASTER_PORT" | "WORLD_SIZE" | "RANK")
            }
        }
    }
}

fn pytorch_injects(name: &str, master: bool, elastic: bool) -> bool {
    match name {
        "MASTER_ADDR" | "MASTER_PORT" | "WORLD_SIZE" | "RANK" | "PET_MASTER_ADDR"
        | "PET_MASTER_PORT" | "PET_NODE_RANK" => master,
        "PET_NNODES" | "PET_NPROC_PER_NODE" => true,
        "PET_RDZV_ENDPOINT" | "PET_RDZV_BACKEND" | "PET_RDZV_ID" | "PET_RDZV_CONF"
        | "PET_MAX_RESTARTS" | "PET_STANDALONE" => elastic,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&OperatorInjectedEnv, yaml))
    }

    const PYTORCH: &str = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: b}
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers:
          - name: pytorch
            image: x:1
            env:
            - {name: PYTHONUNBUFFERED, value: \"1\"}
            - {name: MASTER_ADDR, value: b-master-0}
            - {name: PET_RDZV_ENDPOINT, value: b-worker-0:23456}
            - {name: PET_NNODES, value: \"2\"}
";

    #[test]
    fn pytorchjob_variables_are_reported_at_the_name() {
        assert_eq!(
            run(PYTORCH),
            "14:22 [warning] `MASTER_ADDR` in container \"pytorch\" is set by the PyTorchJob operator (spec.pytorchReplicaSpecs.Master.template.spec.containers[0].env[1].name)\n\
             16:22 [warning] `PET_NNODES` in container \"pytorch\" is set by the PyTorchJob operator (spec.pytorchReplicaSpecs.Master.template.spec.containers[0].env[3].name)"
        );
        let elastic = PYTORCH.replace(
            "spec:\n  pytorch",
            "spec:\n  elasticPolicy: {maxReplicas: 4}\n  pytorch",
        );
        assert_eq!(run(&elastic).lines().count(), 3);
        let no_master = PYTORCH.replace("Master:", "Worker:");
        assert_eq!(run(&no_master).lines().count(), 1);
    }

    #[test]
    fn tf_config_only_when_distributed_and_in_the_tensorflow_container() {
        let yaml = "\
apiVersion: kubeflow.org/v1
kind: TFJob
metadata: {name: t}
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - {name: tensorflow, image: x:1, env: [{name: TF_CONFIG, value: \"{}\"}]}
          - {name: side, image: x:1, env: [{name: TF_CONFIG, value: \"{}\"}]}
";
        assert_eq!(
            run(yaml),
            "11:57 [warning] `TF_CONFIG` in container \"tensorflow\" is set by the TFJob operator (spec.tfReplicaSpecs.Worker.template.spec.containers[0].env[0].name)"
        );
        assert_eq!(run(&yaml.replace("replicas: 2", "replicas: 1")), "");
    }

    #[test]
    fn volcano_plugin_and_plain_jobs() {
        let yaml = "\
apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: {name: v}
spec:
  plugins: {pytorch: [\"--master=master\"]}
  tasks:
  - {name: master, template: {spec: {containers: [{name: m, image: x:1, env: [{name: RANK, value: \"0\"}]}]}}}
";
        assert_eq!(run(yaml).lines().count(), 1);
        assert_eq!(
            run(&yaml.replace(
                "plugins: {pytorch: [\"--master=master\"]}",
                "plugins: {svc: []}"
            )),
            ""
        );
        let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template: {spec: {containers: [{name: t, image: x:1, env: [{name: MASTER_ADDR, value: a}]}]}}\n";
        assert_eq!(run(job), "");
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        let yaml = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\nspec:\n  tfReplicaSpecs: {Worker: {replicas: x, template: {spec: {containers: [{name: tensorflow, image: x:1, env: {TF_CONFIG: 1}}]}}}}\n";
        assert_eq!(run(yaml), "");
    }
}
