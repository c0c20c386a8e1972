use super::workload::{
    command_words, is_batch_job, is_cron_job, is_pod, is_training, is_training_runtime,
};
use crate::declare_rule;
use crate::lint::{ContainerKind, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;
use crate::validate::ImageReference;

declare_rule! {
    /// ## What it does
    /// Reports a PyTorch container with no memory-backed `emptyDir` (`medium: Memory`)
    /// mounted at `/dev/shm`. The node's own `/dev/shm` mounted through a `hostPath` is
    /// memory-backed too (a tmpfs); Pod Security forbids it at the restricted level, which
    /// `restricted-volume-type` reports. A container is PyTorch when its image repository (not its tag)
    /// or its command mentions `torch` (`pytorch/pytorch`, `torchrun`,
    /// `torch.distributed.run`), or it is the
    /// `pytorch` container of a `PyTorchJob`. Only training workloads (see the `ml`
    /// category), Jobs, CronJobs and Pods, and the Kubeflow Trainer runtimes
    /// (`TrainingRuntime`, `ClusterTrainingRuntime`) whose templates every `TrainJob` on
    /// them runs, are checked; model servers are not.
    ///
    /// ## Why is this bad?
    /// PyTorch `DataLoader` workers hand batches to the training process through shared
    /// memory. Container runtimes give `/dev/shm` 64 MiB, so loaders with a few workers fail
    /// with "bus error" or "unable to write to file </torch_...>" a few steps in. NCCL also
    /// uses `/dev/shm` between GPUs of one node.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: finetune
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
    ///         command: ["torchrun", "--nproc-per-node=8", "train.py"]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: finetune
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
    ///         command: ["torchrun", "--nproc-per-node=8", "train.py"]
    ///         volumeMounts:
    ///         - name: dshm
    ///           mountPath: /dev/shm
    ///       volumes:
    ///       - name: dshm
    ///         emptyDir:
    ///           medium: Memory
    ///           sizeLimit: 16Gi
    /// ```
    ///
    /// ## References
    /// - <https://pytorch.org/docs/stable/data.html#multi-process-data-loading>
    /// - <https://kubernetes.io/docs/concepts/storage/volumes/#emptydir>
    pub PytorchWithoutShm {
        name: "pytorch-without-shm",
        category: Ml,
        level: Warning,
        summary: "container runs PyTorch without a memory-backed `/dev/shm`",
    }
}

impl Rule for PytorchWithoutShm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        let pytorch_job =
            object.group() == Some("kubeflow.org") && object.kind == Some("PyTorchJob");
        let mut scope = None;
        let volumes = cx
            .spec()
            .get("volumes")
            .and_then(Node::as_seq)
            .unwrap_or_default();
        for c in cx.containers() {
            if c.kind != ContainerKind::Regular {
                continue;
            }
            if !(is_pytorch(c.node) || (pytorch_job && c.name == Some("pytorch"))) {
                continue;
            }
            if has_memory_shm(c.node, volumes) {
                continue;
            }
            let in_scope = *scope.get_or_insert_with(|| {
                is_training(object)
                    || is_training_runtime(object)
                    || is_batch_job(object)
                    || is_cron_job(object)
                    || is_pod(object)
            });
            if !in_scope {
                return;
            }
            let at = if c.node.get("volumeMounts").is_some() {
                c.path(&["volumeMounts"])
            } else {
                c.path.clone()
            };
            sink.report(
                at,
                format!("{} runs PyTorch without a memory-backed `/dev/shm`", c.describe()),
            )
            .help("mount an `emptyDir` with `medium: Memory` and a `sizeLimit` at `/dev/shm`; the default 64 MiB breaks DataLoader workers");
        }
    }
}

fn is_pytorch(container: &Node) -> bool {
    let mentions = |s: &str| s.to_ascii_lowercase().contains("torch");
    // The repository, not the tag: a multi-framework image such as
    // `horovod/horovod:0.20.0-tf2.3.0-torch1.6.0` runs whichever framework its command starts.
    container
        .get("image")
        .and_then(Node::as_str)
        .is_some_and(|image| mentions(ImageReference::parse(image).map_or(image, |r| r.path)))
        || command_words(container).any(mentions)
}

fn has_memory_shm(container: &Node, volumes: &[Node]) -> bool {
    container
        .get("volumeMounts")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter(|m| {
            m.get("mountPath")
                .and_then(Node::as_str)
                .is_some_and(|p| p.trim_end_matches('/') == "/dev/shm")
        })
        .filter_map(|m| m.get("name").and_then(Node::as_str))
        .any(|name| {
            volumes.iter().any(|v| {
                v.get("name").and_then(Node::as_str) == Some(name)
                    && (v
                        .get("emptyDir")
                        .and_then(|e| e.get("medium"))
                        .and_then(Node::as_str)
                        == Some("Memory")
                        || v.get("hostPath")
                            .and_then(|h| h.get("path"))
                            .and_then(Node::as_str)
                            .is_some_and(|p| p.trim_end_matches('/') == "/dev/shm"))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&PytorchWithoutShm, yaml))
    }

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: ft}
spec:
  template:
    spec:
      containers:
      - name: t
        image: pytorch/pytorch:2.4.0
        volumeMounts:
        - {name: dshm, mountPath: /dev/shm}
      - {name: side, image: busybox:1.36}
      volumes:
      - {name: dshm, emptyDir: {}}
";

    #[test]
    fn trainer_runtimes_are_checked_as_the_template_of_their_train_jobs() {
        let runtime = |kind: &str| {
            format!(
                "\
apiVersion: trainer.kubeflow.org/v1alpha1
kind: {kind}
metadata: {{name: torch-distributed}}
spec:
  mlPolicy: {{numNodes: 1, torch: {{numProcPerNode: auto}}}}
  template:
    spec:
      replicatedJobs:
      - name: node
        template:
          spec:
            template:
              spec:
                containers:
                - name: node
                  image: pytorch/pytorch:2.7.1-cuda12.6-cudnn9-runtime
                  command: [torchrun, train.py]
"
            )
        };
        for kind in ["ClusterTrainingRuntime", "TrainingRuntime"] {
            assert_eq!(
                run(&runtime(kind)),
                "15:19 [warning] container \"node\" runs PyTorch without a memory-backed `/dev/shm` (spec.template.spec.replicatedJobs[0].template.spec.template.spec.containers[0])",
                "{kind}"
            );
        }
    }

    #[test]
    fn disk_backed_shm_is_reported_at_the_mounts() {
        assert_eq!(
            run(JOB),
            "10:9 [warning] container \"t\" runs PyTorch without a memory-backed `/dev/shm` (spec.template.spec.containers[0].volumeMounts)"
        );
        assert_eq!(
            run(&JOB.replace("emptyDir: {}", "emptyDir: {medium: Memory}")),
            ""
        );
    }

    #[test]
    fn the_nodes_own_shm_through_host_path_is_memory_backed() {
        assert_eq!(
            run(&JOB.replace("emptyDir: {}", "hostPath: {path: /dev/shm/}")),
            ""
        );
        assert_eq!(
            run(&JOB.replace("emptyDir: {}", "hostPath: {path: /mnt/shm}"))
                .lines()
                .count(),
            1
        );
    }

    #[test]
    fn torch_commands_and_pytorchjob_containers_count() {
        let cmd = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: t, image: registry.example/train:1, command: [torchrun, t.py]}\n";
        assert_eq!(
            run(cmd),
            "6:5 [warning] container \"t\" runs PyTorch without a memory-backed `/dev/shm` (spec.containers[0])"
        );
        let pj = "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: p}\nspec:\n  pytorchReplicaSpecs:\n    Master: {template: {spec: {containers: [{name: pytorch, image: registry.example/train:1}]}}}\n";
        assert_eq!(run(pj).lines().count(), 1);
    }

    #[test]
    fn servers_and_other_images_pass() {
        let server = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s}\nspec:\n  template: {spec: {containers: [{name: s, image: pytorch/torchserve:0.12.0}]}}\n";
        assert_eq!(run(server), "");
        assert_eq!(
            run(&JOB.replace("pytorch/pytorch:2.4.0", "tensorflow/tensorflow:2.15.0")),
            ""
        );
    }

    #[test]
    fn a_tag_that_mentions_torch_does_not_make_a_pytorch_container() {
        let tag = "horovod/horovod:0.20.0-tf2.3.0-torch1.6.0-mxnet1.5.0-py3.7-cpu";
        assert_eq!(run(&JOB.replace("pytorch/pytorch:2.4.0", tag)), "");
        let repository = "nvcr.io/nvidia/pytorch:24.01-py3";
        assert_ne!(run(&JOB.replace("pytorch/pytorch:2.4.0", repository)), "");
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        for bad in [
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: t, image: 5}]}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: t, image: x:1, command: torchrun}]}\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
        let odd = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {volumes: 3, containers: [{name: t, image: torch:1, volumeMounts: [null, {mountPath: /dev/shm}]}]}\n";
        assert_eq!(run(odd).lines().count(), 1);
    }
}
