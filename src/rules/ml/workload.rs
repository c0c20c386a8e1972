//! What the `ml` rules call a training workload, and the small readings of pod specs they
//! share.
//!
//! A workload is *training* when it is one of the training kinds (Kubeflow `PyTorchJob`,
//! `TFJob`, `MPIJob`, `XGBoostJob`, `PaddleJob`, `JAXJob` and `TrainJob`, a `JobSet`, a
//! Volcano `Job`), or a `Job`, `CronJob`, `StatefulSet` or `Pod` that says so:
//! - the label `app.kubernetes.io/component: training` on the object or its pod template;
//! - with no component label, a container that runs a distributed launcher (`torchrun`,
//!   `torch.distributed.run`/`launch`, `deepspeed`, `accelerate launch`, `horovodrun`);
//! - with no component label, a `Job` or `CronJob` whose pods request an accelerator
//!   (`*/gpu`, `nvidia.com/mig-*`, `google.com/tpu`, `habana.ai/gaudi`,
//!   `aws.amazon.com/neuron*`).
//!
//! Any other component label (`inference`, `batch-inference`, ...) says the workload is not
//! training, which is how a GPU batch job opts out. A GPU `StatefulSet` alone is not
//! training: model servers are often StatefulSets.
use crate::manifest::{Node, Object, Path, pod_templates};

pub const COMPONENT: &str = "app.kubernetes.io/component";

/// The Kubeflow training-operator v1 kinds (`kubeflow.org`).
pub fn is_kubeflow(object: &Object<'_>) -> bool {
    object.group() == Some("kubeflow.org")
        && matches!(
            object.kind,
            Some("PyTorchJob" | "TFJob" | "MPIJob" | "XGBoostJob" | "PaddleJob" | "JAXJob")
        )
}

pub fn is_jobset(object: &Object<'_>) -> bool {
    object.group() == Some("jobset.x-k8s.io") && object.kind == Some("JobSet")
}

pub fn is_volcano_job(object: &Object<'_>) -> bool {
    object.group() == Some("batch.volcano.sh") && object.kind == Some("Job")
}

pub fn is_batch_job(object: &Object<'_>) -> bool {
    object.group() == Some("batch") && object.kind == Some("Job")
}

pub fn is_cron_job(object: &Object<'_>) -> bool {
    object.group() == Some("batch") && object.kind == Some("CronJob")
}

pub fn is_stateful_set(object: &Object<'_>) -> bool {
    object.group() == Some("apps") && object.kind == Some("StatefulSet")
}

pub fn is_pod(object: &Object<'_>) -> bool {
    object.group() == Some("") && object.kind == Some("Pod")
}

/// The Job spec of a `Job` (`spec`) or a `CronJob` (`spec.jobTemplate.spec`), with its keys.
pub fn job_spec<'a>(object: &Object<'a>) -> Option<(&'a Node, &'static [&'static str])> {
    if is_batch_job(object) {
        Some((object.node.get("spec")?, &["spec"]))
    } else if is_cron_job(object) {
        let spec = object.node.get("spec")?.get("jobTemplate")?.get("spec")?;
        Some((spec, &["spec", "jobTemplate", "spec"]))
    } else {
        None
    }
}

/// The `app.kubernetes.io/component` label of the object, else of its first pod template
/// that has one.
pub fn component<'a>(object: &Object<'a>) -> Option<&'a str> {
    let own = object
        .node
        .get("metadata")
        .and_then(|m| m.get("labels"))
        .and_then(|l| l.get(COMPONENT))
        .and_then(Node::as_str);
    own.or_else(|| {
        pod_templates(object).iter().find_map(|t| {
            t.metadata?
                .get("labels")?
                .get(COMPONENT)
                .and_then(Node::as_str)
        })
    })
}

/// True for a Kubeflow Trainer `TrainJob`.
pub fn is_train_job(object: &Object<'_>) -> bool {
    object.group() == Some("trainer.kubeflow.org") && object.kind == Some("TrainJob")
}

/// True for a Kubeflow Trainer `TrainingRuntime` or `ClusterTrainingRuntime`: not a
/// workload, but the template of the pods of every `TrainJob` that names it.
pub fn is_training_runtime(object: &Object<'_>) -> bool {
    object.group() == Some("trainer.kubeflow.org")
        && matches!(
            object.kind,
            Some("TrainingRuntime" | "ClusterTrainingRuntime")
        )
}

/// True for a training workload; see the module docs.
pub fn is_training(object: &Object<'_>) -> bool {
    if is_kubeflow(object) || is_jobset(object) || is_volcano_job(object) {
        return true;
    }
    if is_train_job(object) {
        return true;
    }
    let batch = is_batch_job(object) || is_cron_job(object);
    if !(batch || is_stateful_set(object) || is_pod(object)) {
        return false;
    }
    if let Some(c) = component(object) {
        return c == "training";
    }
    pod_templates(object).iter().any(|t| {
        regular_containers(t.spec).any(|c| runs_launcher(c) || (batch && requests_accelerator(c)))
    })
}

/// The regular containers of a pod spec that are maps.
pub fn regular_containers(spec: &Node) -> impl Iterator<Item = &Node> {
    spec.get("containers")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter(|c| c.as_map().is_some())
}

/// The strings of `command` and `args`.
pub fn command_words(container: &Node) -> impl Iterator<Item = &str> {
    ["command", "args"].into_iter().flat_map(|k| {
        container
            .get(k)
            .and_then(Node::as_seq)
            .unwrap_or_default()
            .iter()
            .filter_map(Node::as_str)
    })
}

/// A container whose command runs a distributed-training launcher.
pub fn runs_launcher(container: &Node) -> bool {
    let mut accelerate = false;
    for word in command_words(container) {
        for token in word.split_whitespace() {
            let base = token.rsplit('/').next().unwrap_or(token);
            if matches!(base, "torchrun" | "deepspeed" | "horovodrun")
                || base.starts_with("torch.distributed.run")
                || base.starts_with("torch.distributed.launch")
                || (accelerate && base == "launch")
            {
                return true;
            }
            accelerate = base == "accelerate";
        }
    }
    false
}

/// An extended resource that is an accelerator.
pub fn is_accelerator(resource: &str) -> bool {
    resource.ends_with("/gpu")
        || resource.starts_with("nvidia.com/mig-")
        || resource == "google.com/tpu"
        || resource == "habana.ai/gaudi"
        || resource.starts_with("aws.amazon.com/neuron")
}

/// A container that requests or limits an accelerator.
pub fn requests_accelerator(container: &Node) -> bool {
    let Some(resources) = container.get("resources") else {
        return false;
    };
    ["requests", "limits"].iter().any(|k| {
        resources
            .get(k)
            .and_then(Node::as_map)
            .unwrap_or_default()
            .iter()
            .any(|(name, _)| name.as_str().is_some_and(is_accelerator))
    })
}

/// The env entries of a container that are maps with a string `name`, with their index.
pub fn env_vars(container: &Node) -> impl Iterator<Item = (usize, &str, &Node)> {
    container
        .get("env")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.get("name")?.as_str()?, e)))
}

/// A non-negative integer field, with `default` when it is missing or not an integer.
pub fn count(node: Option<&Node>, key: &str, default: u64) -> u64 {
    node.and_then(|n| n.get(key))
        .and_then(Node::as_i64)
        .map_or(default, |v| v.max(0) as u64)
}

/// Node labels and taint keys of spot or preemptible capacity, with the value that means
/// spot.
const SPOT_KEYS: [(&str, &str); 5] = [
    ("cloud.google.com/gke-spot", "true"),
    ("cloud.google.com/gke-preemptible", "true"),
    ("kubernetes.azure.com/scalesetpriority", "spot"),
    ("karpenter.sh/capacity-type", "spot"),
    ("eks.amazonaws.com/capacityType", "SPOT"),
];

fn spot_value(key: &str) -> Option<&'static str> {
    SPOT_KEYS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Where a pod spec lets its pods onto spot nodes (a toleration, a node selector or a
/// required node-affinity term), as keys from the pod spec, and the node label involved.
pub fn spot_placement(spec: &Node) -> Option<(Path, &str)> {
    let tolerations = spec
        .get("tolerations")
        .and_then(Node::as_seq)
        .unwrap_or_default();
    for (i, t) in tolerations.iter().enumerate() {
        let Some(key) = t.get("key").and_then(Node::as_str) else {
            continue;
        };
        let Some(wanted) = spot_value(key) else {
            continue;
        };
        let value = t.get("value").and_then(Node::as_str);
        let exists = t.get("operator").and_then(Node::as_str) == Some("Exists");
        // A toleration without a value matches the taint whatever its value.
        if exists || value.is_none() || value == Some(wanted) {
            return Some((Path::new().key("tolerations").index(i), key));
        }
    }
    for (k, v) in spec
        .get("nodeSelector")
        .and_then(Node::as_map)
        .unwrap_or_default()
    {
        let Some(key) = k.as_str() else { continue };
        if let Some(wanted) = spot_value(key)
            && v.as_str() == Some(wanted)
        {
            return Some((Path::new().key("nodeSelector").key(key), key));
        }
    }
    let terms_path = [
        "affinity",
        "nodeAffinity",
        "requiredDuringSchedulingIgnoredDuringExecution",
        "nodeSelectorTerms",
    ];
    let terms = terms_path
        .iter()
        .try_fold(spec, |n, k| n.get(k))
        .and_then(Node::as_seq)
        .unwrap_or_default();
    for (i, term) in terms.iter().enumerate() {
        let exprs = term
            .get("matchExpressions")
            .and_then(Node::as_seq)
            .unwrap_or_default();
        for (j, e) in exprs.iter().enumerate() {
            let Some(key) = e.get("key").and_then(Node::as_str) else {
                continue;
            };
            let Some(wanted) = spot_value(key) else {
                continue;
            };
            let op = e.get("operator").and_then(Node::as_str);
            let values = e.get("values").and_then(Node::as_seq).unwrap_or_default();
            let lists_spot = values.iter().any(|v| v.as_str() == Some(wanted));
            if op == Some("In") && lists_spot {
                let path = terms_path
                    .iter()
                    .fold(Path::new(), |p, k| p.key(k))
                    .index(i)
                    .key("matchExpressions")
                    .index(j);
                return Some((path, key));
            }
        }
    }
    None
}

/// Volume sources that outlive the pod.
const PERSISTENT_SOURCES: [&str; 4] = ["persistentVolumeClaim", "ephemeral", "nfs", "csi"];

/// URI schemes of object stores that training code writes checkpoints to directly.
const REMOTE_SCHEMES: [&str; 8] = [
    "s3://", "gs://", "gcs://", "az://", "abfs://", "abfss://", "wasbs://", "hdfs://",
];

/// True when some pod of the workload mounts storage that survives the pod read-write in a
/// regular container (a PVC, a generic ephemeral volume, NFS, CSI, or a StatefulSet
/// `volumeClaimTemplates` entry), or points a checkpoint setting at an object store (an
/// env var whose name has `CHECKPOINT` or `CKPT`, or an argument that mentions `checkpoint`
/// or `ckpt`, with an `s3://`, `gs://`, `az://`, `abfs(s)://`, `wasbs://` or `hdfs://` URI).
pub fn has_checkpoint_storage(object: &Object<'_>) -> bool {
    let claim_templates: Vec<&str> = object
        .node
        .get("spec")
        .and_then(|s| s.get("volumeClaimTemplates"))
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|t| t.get("metadata")?.get("name")?.as_str())
        .collect();
    pod_templates(object).iter().any(|t| {
        let volumes = t
            .spec
            .get("volumes")
            .and_then(Node::as_seq)
            .unwrap_or_default();
        let persistent = |name: &str| {
            claim_templates.contains(&name)
                || volumes.iter().any(|v| {
                    v.get("name").and_then(Node::as_str) == Some(name)
                        && PERSISTENT_SOURCES.iter().any(|src| {
                            v.get(src).is_some_and(|s| {
                                s.get("readOnly").and_then(Node::as_bool) != Some(true)
                            })
                        })
                })
        };
        regular_containers(t.spec).any(|c| {
            let mounted = c
                .get("volumeMounts")
                .and_then(Node::as_seq)
                .unwrap_or_default()
                .iter()
                .any(|m| {
                    m.get("readOnly").and_then(Node::as_bool) != Some(true)
                        && m.get("name").and_then(Node::as_str).is_some_and(persistent)
                });
            mounted || remote_checkpoint(c)
        })
    })
}

fn remote_checkpoint(container: &Node) -> bool {
    let remote = |s: &str| REMOTE_SCHEMES.iter().any(|scheme| s.contains(scheme));
    let about_checkpoints = |s: &str| {
        let lower = s.to_ascii_lowercase();
        lower.contains("checkpoint") || lower.contains("ckpt")
    };
    env_vars(container).any(|(_, name, e)| {
        about_checkpoints(name) && e.get("value").and_then(Node::as_str).is_some_and(remote)
    }) || {
        let words: Vec<&str> = command_words(container).collect();
        words.iter().enumerate().any(|(i, w)| {
            remote(w)
                && (about_checkpoints(w)
                    || i.checked_sub(1)
                        .and_then(|p| words.get(p))
                        .is_some_and(|prev| about_checkpoints(prev)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Limits, load, objects};

    fn training(yaml: &str) -> bool {
        let source = load("t.yaml", yaml.as_bytes(), &Limits::default());
        let docs = &source.documents;
        let objs = objects(&docs[0]);
        is_training(&objs[0])
    }

    #[test]
    fn classification() {
        assert!(training(
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: a}\n"
        ));
        assert!(training(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}]\n"
        ));
        assert!(training(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, command: [\"/bin/sh\", \"-c\", \"exec torchrun --nnodes=2 t.py\"]}]\n"
        ));
        assert!(training(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: x:1, command: [accelerate, launch, t.py]}]\n"
        ));
        assert!(!training(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a, labels: {app.kubernetes.io/component: inference}}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}]\n"
        ));
        assert!(!training(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}]\n"
        ));
        assert!(!training(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x:1, command: [launch]}]\n"
        ));
        assert!(!training(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, labels: {app.kubernetes.io/component: training}}\n"
        ));
        assert!(!training(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec: [1]\n"
        ));
    }
}
