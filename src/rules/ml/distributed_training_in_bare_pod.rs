use super::workload::{command_words, env_vars, is_pod};
use crate::declare_rule;
use crate::lint::{ContainerKind, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

/// Variables that only make sense when the pod is one rank of several.
const RANK_VARS: [&str; 6] = [
    "MASTER_ADDR",
    "PET_MASTER_ADDR",
    "PET_RDZV_ENDPOINT",
    "TF_CONFIG",
    "WORLD_SIZE",
    "PET_NNODES",
];

declare_rule! {
    /// ## What it does
    /// Reports a bare `Pod` (no `ownerReferences`) whose containers are one rank of a
    /// distributed run: they set `MASTER_ADDR`, `PET_MASTER_ADDR`, `PET_RDZV_ENDPOINT` or
    /// `TF_CONFIG`, set `WORLD_SIZE` or `PET_NNODES` to something other than `1`, or pass
    /// torchrun `--nnodes` other than `1`, `--master-addr` or `--rdzv-endpoint`.
    ///
    /// ## Why is this bad?
    /// Nothing recreates a bare Pod: when its node fails, is drained or is reclaimed, the
    /// rank is gone and the other ranks hang in their next collective until someone kills
    /// them. Nothing starts the ranks together or gives them stable names either. An
    /// Indexed Job, a JobSet or a Kubeflow job does all of that.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer-1
    /// spec:
    ///   restartPolicy: Never
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     command: ["torchrun", "--nnodes=2", "--node-rank=1", "--master-addr=trainer-0", "train.py"]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: kubeflow.org/v1
    /// kind: PyTorchJob
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   pytorchReplicaSpecs:
    ///     Master:
    ///       replicas: 1
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: pytorch
    ///             image: registry.example.com/train:1.4.2
    ///             command: ["torchrun", "train.py"]
    ///     Worker:
    ///       replicas: 1
    ///       template:
    ///         spec:
    ///           containers:
    ///           - name: pytorch
    ///             image: registry.example.com/train:1.4.2
    ///             command: ["torchrun", "train.py"]
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/pods/#working-with-pods>
    /// - <https://kubernetes.io/docs/concepts/workloads/controllers/job/#completion-mode>
    pub DistributedTrainingInBarePod {
        name: "distributed-training-in-bare-pod",
        category: Ml,
        level: Warning,
        summary: "distributed training rank run as a bare Pod",
    }
}

impl Rule for DistributedTrainingInBarePod {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        if !is_pod(object) {
            return;
        }
        let owned = object
            .node
            .get("metadata")
            .and_then(|m| m.get("ownerReferences"))
            .and_then(Node::as_seq)
            .is_some_and(|o| !o.is_empty());
        if owned {
            return;
        }
        for c in cx.containers() {
            if c.kind != ContainerKind::Regular {
                continue;
            }
            let by_env = env_vars(c.node).find(|(_, name, e)| {
                RANK_VARS.contains(name)
                    && !(matches!(*name, "WORLD_SIZE" | "PET_NNODES")
                        && e.get("value").and_then(Node::as_str) == Some("1"))
            });
            let (at, what) = if let Some((i, name, _)) = by_env {
                (c.path(&["env"]).index(i), format!("`{name}`"))
            } else if let Some(flag) = distributed_flag(c.node) {
                (c.path.clone(), format!("`{flag}`"))
            } else {
                continue;
            };
            sink.report(
                at,
                format!("bare Pod runs a rank of distributed training ({what})"),
            )
            .help("run the ranks as an Indexed Job, a JobSet or a Kubeflow job, which recreate lost pods and give them stable names");
            return;
        }
    }
}

/// A torchrun flag that makes the run multi-node.
fn distributed_flag(container: &Node) -> Option<&str> {
    let words: Vec<&str> = command_words(container)
        .flat_map(str::split_whitespace)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let (flag, inline) = match w.split_once('=') {
            Some((f, v)) => (f, Some(v)),
            None => (*w, None),
        };
        match flag {
            "--nnodes" => {
                let value = inline.or_else(|| words.get(i + 1).copied());
                if value.is_some_and(|v| v != "1" && v != "1:1") {
                    return Some("--nnodes");
                }
            }
            "--master-addr" | "--master_addr" => return Some("--master-addr"),
            "--rdzv-endpoint" | "--rdzv_endpoint" => return Some("--rdzv-endpoint"),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&DistributedTrainingInBarePod, yaml))
    }

    #[test]
    fn env_and_flags_are_reported() {
        let env = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: t
    image: x:1
    env:
    - {name: HOME, value: /tmp}
    - {name: MASTER_ADDR, value: p-0}
";
        assert_eq!(
            run(env),
            "10:7 [warning] bare Pod runs a rank of distributed training (`MASTER_ADDR`) (spec.containers[0].env[1])"
        );
        let flags = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: t, image: x:1, command: [sh, -c, \"torchrun --nnodes 2 t.py\"]}\n";
        assert_eq!(
            run(flags),
            "6:5 [warning] bare Pod runs a rank of distributed training (`--nnodes`) (spec.containers[0])"
        );
    }

    #[test]
    fn single_node_owned_and_other_kinds_pass() {
        let single = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: t, image: x:1, command: [torchrun, --nnodes=1, --standalone, t.py], env: [{name: WORLD_SIZE, value: \"1\"}]}\n";
        assert_eq!(run(single), "");
        let owned = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, ownerReferences: [{kind: Job, name: j}]}\nspec:\n  containers:\n  - {name: t, image: x:1, env: [{name: MASTER_ADDR, value: a}]}\n";
        assert_eq!(run(owned), "");
        let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template: {spec: {containers: [{name: t, image: x:1, env: [{name: MASTER_ADDR, value: a}]}]}}\n";
        assert_eq!(run(job), "");
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: t, image: x:1, env: [null, {name: 3}, {value: x}], command: [--nnodes]}\n";
        assert_eq!(run(yaml), "");
    }
}
