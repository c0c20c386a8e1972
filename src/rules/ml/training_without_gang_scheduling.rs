use super::workload::{
    count, is_batch_job, is_cron_job, is_jobset, is_kubeflow, is_stateful_set, is_training,
    job_spec,
};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Object, pod_templates};

const QUEUE_LABEL: &str = "kueue.x-k8s.io/queue-name";

declare_rule! {
    /// ## What it does
    /// Reports a training workload that runs several pods at once with nothing that admits or
    /// schedules them all together. Several pods means: an Indexed `Job` (or a `CronJob`'s
    /// Job) with `parallelism` above 1, a training `StatefulSet` with `replicas` above 1, a
    /// `JobSet` whose replicated jobs add up to more than one pod, or a Kubeflow job
    /// (`PyTorchJob`, `TFJob`, `MPIJob`, ...) with more than one replica in total; the
    /// workers of an elastic `PyTorchJob` count as its `elasticPolicy.minReplicas`, the
    /// number it starts training with. Any of
    /// these counts as gang scheduling:
    /// - the Kueue label `kueue.x-k8s.io/queue-name` on the top-level object;
    /// - a pod template with `schedulerName: volcano`, the Volcano PodGroup annotation
    ///   `scheduling.k8s.io/group-name`, the scheduler-plugins label
    ///   `scheduling.x-k8s.io/pod-group` or the Kueue label `kueue.x-k8s.io/pod-group-name`;
    /// - for Kubeflow jobs, `spec.runPolicy.schedulingPolicy` (used by the operator when it
    ///   runs with `--gang-scheduler-name`);
    /// - for Kubeflow jobs and JobSets, pod templates with `schedulerName: kai-scheduler`:
    ///   KAI Scheduler groups all their replicas into one PodGroup (it schedules the pods
    ///   of a plain Job one by one, so there it does not count).
    ///
    /// Volcano `Job`s are gang-scheduled by Volcano and never reported. Kubeflow `TrainJob`s
    /// take their gang policy from a runtime outside the object and are not checked.
    ///
    /// ## Why is this bad?
    /// Distributed training needs every worker before it can take a step. The default
    /// scheduler places pods one by one: on a busy cluster some workers start and hold their
    /// GPUs while the others wait, and two such jobs can deadlock each other. Kueue admits
    /// the whole workload at once (a LocalQueue named in the label); Volcano and
    /// scheduler-plugins place a PodGroup all or nothing. A Kueue label on the pod template
    /// instead of the top-level object does not make Kueue manage the job.
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
    ///   completionMode: Indexed
    ///   completions: 4
    ///   parallelism: 4
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
    ///     kueue.x-k8s.io/queue-name: team-a
    /// spec:
    ///   completionMode: Indexed
    ///   completions: 4
    ///   parallelism: 4
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kueue.sigs.k8s.io/docs/tasks/run/jobs/>
    /// - <https://volcano.sh/en/docs/podgroup/>
    /// - <https://github.com/NVIDIA/KAI-Scheduler/blob/main/docs/batch/README.md>
    /// - <https://github.com/kubernetes-sigs/jobset> (JobSet on its own is not a gang scheduler)
    pub TrainingWithoutGangScheduling {
        name: "training-without-gang-scheduling",
        category: Ml,
        level: Warning,
        summary: "distributed training without gang scheduling",
    }
}

impl Rule for TrainingWithoutGangScheduling {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        let Some((pods, at)) = distributed_pods(object) else {
            return;
        };
        if pods < 2 || !is_training(object) || gang_scheduled(object) {
            return;
        }
        let labels = object.node.get("metadata").and_then(|m| m.get("labels"));
        let kind = object.kind.unwrap_or_default();
        let help = if pod_label_only(object) {
            format!(
                "move the label `{QUEUE_LABEL}` from the pod template to the `{kind}`'s own metadata: Kueue reads it on the top-level object"
            )
        } else if labels.is_some_and(|l| l.get(QUEUE_LABEL).is_some()) {
            format!("set `{QUEUE_LABEL}` to the name of a LocalQueue in the namespace")
        } else {
            format!(
                "add the label `{QUEUE_LABEL}: <local-queue>` to the `{kind}` (Kueue), or schedule its pods with Volcano and a PodGroup, so that all {pods} pods start together or not at all"
            )
        };
        let message = if elastic_policy(object).is_some() {
            format!(
                "elastic training `{kind}` needs {pods} pods at once to start, without gang scheduling"
            )
        } else {
            format!("distributed training `{kind}` runs {pods} pods without gang scheduling")
        };
        sink.report(cx.path(&at), message).help(help);
    }
}

/// How many pods the workload runs at once and the field that says so, for the kinds this
/// rule checks.
fn distributed_pods(object: &Object<'_>) -> Option<(u64, Vec<&'static str>)> {
    let spec = object.node.get("spec");
    if is_kubeflow(object) {
        let (field, specs) = spec?
            .as_map()?
            .iter()
            .find(|(k, _)| k.as_str().is_some_and(|k| k.ends_with("ReplicaSpecs")))?;
        // An elastic PyTorchJob starts training once `elasticPolicy.minReplicas` workers
        // are up (a missing minimum copies the maximum, then the Worker replicas), so only
        // those need to start together.
        let elastic = elastic_policy(object);
        let total = specs
            .as_map()?
            .iter()
            .map(|(role, r)| {
                let replicas = count(Some(r), "replicas", 1);
                match elastic {
                    Some(policy) if role.as_str() == Some("Worker") => count(
                        Some(policy),
                        "minReplicas",
                        count(Some(policy), "maxReplicas", replicas),
                    ),
                    _ => replicas,
                }
            })
            .fold(0u64, u64::saturating_add);
        let field: &'static str = match field.as_str()? {
            "pytorchReplicaSpecs" => "pytorchReplicaSpecs",
            "tfReplicaSpecs" => "tfReplicaSpecs",
            "mpiReplicaSpecs" => "mpiReplicaSpecs",
            "xgbReplicaSpecs" => "xgbReplicaSpecs",
            "paddleReplicaSpecs" => "paddleReplicaSpecs",
            "jaxReplicaSpecs" => "jaxReplicaSpecs",
            _ => return Some((total, vec!["spec"])),
        };
        return Some((total, vec!["spec", field]));
    }
    if is_jobset(object) {
        let total = spec?
            .get("replicatedJobs")?
            .as_seq()?
            .iter()
            .map(|rj| {
                let job = rj.get("template").and_then(|t| t.get("spec"));
                count(Some(rj), "replicas", 1).saturating_mul(count(job, "parallelism", 1))
            })
            .fold(0u64, u64::saturating_add);
        return Some((total, vec!["spec", "replicatedJobs"]));
    }
    if is_batch_job(object) || is_cron_job(object) {
        let (job, keys) = job_spec(object)?;
        if job.get("completionMode").and_then(Node::as_str) != Some("Indexed") {
            return None;
        }
        let mut at = keys.to_vec();
        at.push("parallelism");
        return Some((count(Some(job), "parallelism", 1), at));
    }
    if is_stateful_set(object) {
        return Some((count(spec, "replicas", 1), vec!["spec", "replicas"]));
    }
    None
}

/// The `elasticPolicy` of an elastic PyTorchJob.
fn elastic_policy<'a>(object: &Object<'a>) -> Option<&'a Node> {
    object
        .node
        .get("spec")?
        .get("elasticPolicy")
        .filter(|p| object.kind == Some("PyTorchJob") && p.as_map().is_some())
}

fn gang_scheduled(object: &Object<'_>) -> bool {
    let queue = object
        .node
        .get("metadata")
        .and_then(|m| m.get("labels"))
        .and_then(|l| l.get(QUEUE_LABEL))
        .and_then(Node::as_str)
        .is_some_and(|q| !q.is_empty());
    if queue {
        return true;
    }
    if is_kubeflow(object)
        && object
            .node
            .get("spec")
            .and_then(|s| s.get("runPolicy"))
            .and_then(|r| r.get("schedulingPolicy"))
            .is_some_and(|p| !p.is_null())
    {
        return true;
    }
    // KAI Scheduler's pod grouper gives a Kubeflow job or a JobSet one PodGroup of all its
    // replicas; a plain Job's pods it schedules one by one.
    let kai_gangs = is_kubeflow(object) || is_jobset(object);
    pod_templates(object).iter().any(|t| {
        let scheduler = t.spec.get("schedulerName").and_then(Node::as_str);
        let meta = |field: &str, key: &str| {
            t.metadata
                .and_then(|m| m.get(field))
                .and_then(|l| l.get(key))
                .and_then(Node::as_str)
                .is_some_and(|v| !v.is_empty())
        };
        scheduler == Some("volcano")
            || (kai_gangs && scheduler == Some("kai-scheduler"))
            || meta("annotations", "scheduling.k8s.io/group-name")
            || meta("labels", "scheduling.x-k8s.io/pod-group")
            || meta("labels", "kueue.x-k8s.io/pod-group-name")
    })
}

/// The queue label sits on a pod template but not on the object.
fn pod_label_only(object: &Object<'_>) -> bool {
    pod_templates(object).iter().any(|t| {
        t.metadata
            .and_then(|m| m.get("labels"))
            .and_then(|l| l.get(QUEUE_LABEL))
            .is_some()
    }) && object
        .node
        .get("metadata")
        .and_then(|m| m.get("labels"))
        .and_then(|l| l.get(QUEUE_LABEL))
        .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&TrainingWithoutGangScheduling, yaml))
    }

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata:
  name: pretrain
spec:
  completionMode: Indexed
  completions: 4
  parallelism: 4
  template:
    metadata:
      labels: {app.kubernetes.io/component: training}
    spec:
      restartPolicy: Never
      containers:
      - {name: trainer, image: x:1}
";

    #[test]
    fn indexed_job_is_reported_at_parallelism() {
        assert_eq!(
            run(JOB),
            "8:16 [warning] distributed training `Job` runs 4 pods without gang scheduling (spec.parallelism)"
        );
    }

    #[test]
    fn queue_label_volcano_and_pod_groups_pass() {
        let queued = JOB.replace(
            "name: pretrain\n",
            "name: pretrain\n  labels: {kueue.x-k8s.io/queue-name: q}\n",
        );
        assert_eq!(run(&queued), "");
        let volcano = JOB.replace(
            "restartPolicy: Never\n",
            "restartPolicy: Never\n      schedulerName: volcano\n",
        );
        assert_eq!(run(&volcano), "");
        let group = JOB.replace(
            "labels: {app.kubernetes.io/component: training}",
            "labels: {app.kubernetes.io/component: training}\n      annotations: {scheduling.k8s.io/group-name: g}",
        );
        assert_eq!(run(&group), "");
        let plugins = JOB.replace(
            "labels: {app.kubernetes.io/component: training}",
            "labels: {app.kubernetes.io/component: training, scheduling.x-k8s.io/pod-group: g}",
        );
        assert_eq!(run(&plugins), "");
        // KAI Scheduler schedules the pods of a plain Job one by one.
        let kai = JOB.replace(
            "restartPolicy: Never\n",
            "restartPolicy: Never\n      schedulerName: kai-scheduler\n",
        );
        assert_eq!(run(&kai).lines().count(), 1);
    }

    #[test]
    fn queue_label_on_the_pod_template_only_gets_its_own_help() {
        let yaml = JOB.replace(
            "labels: {app.kubernetes.io/component: training}",
            "labels: {app.kubernetes.io/component: training, kueue.x-k8s.io/queue-name: q}",
        );
        let found = check(&TrainingWithoutGangScheduling, &yaml);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .starts_with("move the label")
        );
    }

    #[test]
    fn single_pod_non_indexed_and_non_training_jobs_pass() {
        assert_eq!(run(&JOB.replace("parallelism: 4", "parallelism: 1")), "");
        assert_eq!(
            run(&JOB.replace("completionMode: Indexed", "completionMode: NonIndexed")),
            ""
        );
        assert_eq!(
            run(&JOB.replace("component: training", "component: batch")),
            ""
        );
    }

    #[test]
    fn kubeflow_counts_replicas_and_accepts_scheduling_policy() {
        let yaml = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: bert}
spec:
  pytorchReplicaSpecs:
    Master: {replicas: 1, template: {spec: {containers: [{name: pytorch, image: x:1}]}}}
    Worker: {replicas: 2, template: {spec: {containers: [{name: pytorch, image: x:1}]}}}
";
        assert_eq!(
            run(yaml),
            "5:3 [warning] distributed training `PyTorchJob` runs 3 pods without gang scheduling (spec.pytorchReplicaSpecs)"
        );
        let gang = yaml.replace(
            "spec:\n  pytorch",
            "spec:\n  runPolicy: {schedulingPolicy: {minAvailable: 3}}\n  pytorch",
        );
        assert_eq!(run(&gang), "");
        let kai = yaml.replace(
            "spec: {containers:",
            "spec: {schedulerName: kai-scheduler, containers:",
        );
        assert_eq!(run(&kai), "");
        let single = "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec:\n  pytorchReplicaSpecs:\n    Master: {template: {spec: {containers: [{name: pytorch, image: x:1}]}}}\n";
        assert_eq!(run(single), "");
    }

    #[test]
    fn elastic_pytorch_jobs_count_the_workers_they_start_with() {
        let yaml = |policy: &str| {
            format!(
                "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {{name: e}}\nspec:\n  elasticPolicy: {policy}\n  pytorchReplicaSpecs:\n    Worker: {{replicas: 3, template: {{spec: {{containers: [{{name: pytorch, image: x:1}}]}}}}}}\n"
            )
        };
        assert_eq!(run(&yaml("{minReplicas: 1, maxReplicas: 3}")), "");
        assert_eq!(
            run(&yaml("{minReplicas: 2, maxReplicas: 3}")),
            "6:3 [warning] elastic training `PyTorchJob` needs 2 pods at once to start, without gang scheduling (spec.pytorchReplicaSpecs)"
        );
        assert!(run(&yaml("{maxReplicas: 4}")).contains("needs 4 pods"));
        assert!(run(&yaml("{rdzvBackend: c10d}")).contains("needs 3 pods"));
    }

    #[test]
    fn jobset_and_statefulset() {
        let jobset = "\
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: js}
spec:
  replicatedJobs:
  - name: node
    replicas: 2
    template: {spec: {parallelism: 2, template: {spec: {containers: [{name: t, image: x:1}]}}}}
";
        assert_eq!(
            run(jobset),
            "5:3 [warning] distributed training `JobSet` runs 4 pods without gang scheduling (spec.replicatedJobs)"
        );
        let sts = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s, labels: {app.kubernetes.io/component: training}}\nspec:\n  replicas: 3\n  template: {spec: {containers: [{name: t, image: x:1}]}}\n";
        assert_eq!(
            run(sts),
            "5:13 [warning] distributed training `StatefulSet` runs 3 pods without gang scheduling (spec.replicas)"
        );
        let server = sts.replace("component: training", "component: inference");
        assert_eq!(run(&server), "");
    }

    #[test]
    fn volcano_jobs_and_malformed_input_pass() {
        let volcano = "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: v}\nspec:\n  tasks: [{name: w, replicas: 4, template: {spec: {containers: [{name: t, image: x:1}]}}}]\n";
        assert_eq!(run(volcano), "");
        for bad in [
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec: null\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec: {pytorchReplicaSpecs: [1, 2]}\n",
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: b}\nspec: {replicatedJobs: {a: 1}}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: b, labels: {app.kubernetes.io/component: training}}\nspec: {completionMode: Indexed, parallelism: \"4\"}\n",
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b, labels: {app.kubernetes.io/component: training}}\nspec: {replicas: -3}\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
    }
}
