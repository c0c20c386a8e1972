use super::workload::{
    has_checkpoint_storage, is_jobset, is_kubeflow, is_pod, is_training, job_spec, spot_placement,
};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Object, pod_templates};

/// Training allowed to run longer than this (in seconds) is "multi-hour".
pub const LONG_TRAINING_SECONDS: i64 = 4 * 3600;

declare_rule! {
    /// ## What it does
    /// Reports a training workload that may run for more than four hours, because its
    /// `activeDeadlineSeconds` is above 14400 or missing, while no pod of it has checkpoint
    /// storage (the same test as `spot-training-without-checkpoint`: a volume that outlives
    /// the pod mounted read-write, or a checkpoint setting pointing at an object store).
    /// The deadline read is the Job's (or the CronJob's Job template's), a Kubeflow job's
    /// `runPolicy`, a Pod's, or the longest of a JobSet's Jobs; StatefulSets and Volcano
    /// Jobs have none. Workloads that run on spot nodes are left to
    /// `spot-training-without-checkpoint`.
    ///
    /// ## Why is this bad?
    /// Over hours, something interrupts most runs: a node drain for an upgrade, a GPU
    /// falling off the bus, a preemption by a higher-priority job. Without a checkpoint the
    /// run restarts from the beginning and the GPU hours spent are lost. Judgement varies
    /// (the code may checkpoint somewhere this rule cannot see), hence the `info` level.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: pretrain
    ///   labels:
    ///     app.kubernetes.io/component: training
    /// spec:
    ///   activeDeadlineSeconds: 172800
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: pretrain
    ///   labels:
    ///     app.kubernetes.io/component: training
    /// spec:
    ///   activeDeadlineSeconds: 172800
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         volumeMounts:
    ///         - name: checkpoints
    ///           mountPath: /checkpoints
    ///       volumes:
    ///       - name: checkpoints
    ///         persistentVolumeClaim:
    ///           claimName: pretrain-checkpoints
    /// ```
    pub LongTrainingWithoutCheckpoint {
        name: "long-training-without-checkpoint",
        category: Ml,
        level: Info,
        summary: "multi-hour training without checkpoint storage",
    }
}

impl Rule for LongTrainingWithoutCheckpoint {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        if !is_training(object) {
            return;
        }
        let templates = pod_templates(object);
        if templates.is_empty() || templates.iter().any(|t| spot_placement(t.spec).is_some()) {
            return;
        }
        let (deadline, at) = deadline(object);
        if deadline.is_some_and(|d| d <= LONG_TRAINING_SECONDS) {
            return;
        }
        if !is_training(object) || has_checkpoint_storage(object) {
            return;
        }
        let message = match deadline {
            Some(d) => format!(
                "training may run {} hours (`activeDeadlineSeconds: {d}`) without checkpoint storage",
                d / 3600
            ),
            None => "training has no deadline and no checkpoint storage".to_string(),
        };
        sink.report(cx.path(&at), message).help(
            "save checkpoints to a PersistentVolumeClaim mounted read-write (or to an object store) and resume from the latest one on start",
        );
    }
}

/// The longest time the workload may run, and the field that says so (or the field that
/// should).
fn read(n: Option<&Node>) -> Option<&Node> {
    n.and_then(|n| n.get("activeDeadlineSeconds"))
}

fn deadline(object: &Object<'_>) -> (Option<i64>, Vec<&'static str>) {
    let spec = object.node.get("spec");
    if is_kubeflow(object) {
        let policy = spec.and_then(|s| s.get("runPolicy"));
        let at = if policy.is_some() {
            vec!["spec", "runPolicy", "activeDeadlineSeconds"]
        } else {
            vec!["spec"]
        };
        return (read(policy).and_then(Node::as_i64), at);
    }
    if let Some((job, keys)) = job_spec(object) {
        let mut at = keys.to_vec();
        at.push("activeDeadlineSeconds");
        return (read(Some(job)).and_then(Node::as_i64), at);
    }
    if is_pod(object) {
        return (
            read(spec).and_then(Node::as_i64),
            vec!["spec", "activeDeadlineSeconds"],
        );
    }
    if is_jobset(object) {
        let jobs = spec
            .and_then(|s| s.get("replicatedJobs"))
            .and_then(Node::as_seq)
            .unwrap_or_default();
        let longest = jobs
            .iter()
            .map(|rj| read(rj.get("template").and_then(|t| t.get("spec"))).and_then(Node::as_i64))
            .try_fold(None, |acc: Option<i64>, d| {
                d.map(|d| Some(acc.map_or(d, |a| a.max(d))))
            })
            .flatten();
        return (longest, vec!["spec", "replicatedJobs"]);
    }
    (None, vec!["spec"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&LongTrainingWithoutCheckpoint, yaml))
    }

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: ft, labels: {app.kubernetes.io/component: training}}
spec:
  activeDeadlineSeconds: 259200
  template:
    spec:
      containers: [{name: t, image: x:1}]
";

    #[test]
    fn long_deadline_is_reported_at_the_field() {
        assert_eq!(
            run(JOB),
            "5:26 [info] training may run 72 hours (`activeDeadlineSeconds: 259200`) without checkpoint storage (spec.activeDeadlineSeconds)"
        );
    }

    #[test]
    fn short_deadline_checkpoint_and_spot_pass() {
        assert_eq!(run(&JOB.replace("259200", "14400")), "");
        let pvc = JOB.replace(
            "containers: [{name: t, image: x:1}]",
            "containers: [{name: t, image: x:1, volumeMounts: [{name: c, mountPath: /c}]}]\n      volumes: [{name: c, persistentVolumeClaim: {claimName: c}}]",
        );
        assert_eq!(run(&pvc), "");
        let spot = JOB.replace(
            "    spec:\n",
            "    spec:\n      nodeSelector: {cloud.google.com/gke-spot: \"true\"}\n",
        );
        assert_eq!(run(&spot), "");
    }

    #[test]
    fn missing_deadlines() {
        assert_eq!(
            run(&JOB.replace("  activeDeadlineSeconds: 259200\n", "")),
            "4:1 [info] training has no deadline and no checkpoint storage (spec.activeDeadlineSeconds)"
        );
        let sts = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s, labels: {app.kubernetes.io/component: training}}\nspec:\n  template: {spec: {containers: [{name: t, image: x:1}]}}\n";
        assert_eq!(run(sts).lines().count(), 1);
        let jobset = "\
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
  - {name: a, template: {spec: {activeDeadlineSeconds: 3600, template: {spec: {containers: [{name: t, image: x:1}]}}}}}
  - {name: b, template: {spec: {activeDeadlineSeconds: 7200, template: {spec: {containers: [{name: t, image: x:1}]}}}}}
";
        assert_eq!(run(jobset), "");
        assert_eq!(run(&jobset.replace("7200", "72000")).lines().count(), 1);
        assert_eq!(
            run(&jobset.replace("activeDeadlineSeconds: 7200, ", ""))
                .lines()
                .count(),
            1
        );
    }

    #[test]
    fn non_training_and_malformed_input_pass() {
        assert_eq!(
            run(&JOB.replace("component: training", "component: etl")),
            ""
        );
        for bad in [
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec: {runPolicy: {activeDeadlineSeconds: 60}, pytorchReplicaSpecs: 3}\n",
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: b}\nspec: {replicatedJobs: 5}\n",
            "apiVersion: trainer.kubeflow.org/v1alpha1\nkind: TrainJob\nmetadata: {name: b}\nspec: {}\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
    }
}
