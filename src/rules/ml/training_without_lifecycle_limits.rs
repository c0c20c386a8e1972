use super::workload::{is_cron_job, is_kubeflow, is_training, job_spec};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports a training `Job`, a `CronJob` of training Jobs, or a Kubeflow job (its
    /// `spec.runPolicy`) that leaves out any of `backoffLimit`, `activeDeadlineSeconds` and
    /// `ttlSecondsAfterFinished`. A `Job` with `backoffLimitPerIndex` needs no
    /// `backoffLimit`; a `CronJob` needs no `ttlSecondsAfterFinished`, since its history
    /// limits remove finished Jobs, and neither does the trial template of a Katib
    /// Experiment, since Katib deletes each trial's job when the trial ends (unless the
    /// template sets `retain: true`). What counts as training is described in the `ml`
    /// category: Kubeflow kinds always, Jobs labelled `app.kubernetes.io/component: training`
    /// or requesting GPUs or running a distributed launcher.
    ///
    /// ## Why is this bad?
    /// A training job that hangs (a stuck collective, a dead data source) holds its GPUs
    /// until someone notices: `activeDeadlineSeconds` bounds that. Without `backoffLimit` a
    /// crashing job retries six times (Job) or without end (Kubeflow v1), each time waiting
    /// for GPUs again. Without `ttlSecondsAfterFinished` finished jobs and their pods pile
    /// up in the namespace, and with Kueue they keep their quota reservation visible.
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
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: finetune
    /// spec:
    ///   backoffLimit: 3
    ///   activeDeadlineSeconds: 43200
    ///   ttlSecondsAfterFinished: 86400
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup>
    /// - <https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/>
    pub TrainingWithoutLifecycleLimits {
        name: "training-without-lifecycle-limits",
        category: Ml,
        level: Warning,
        summary: "training job without backoffLimit, activeDeadlineSeconds or ttlSecondsAfterFinished",
    }
}

impl Rule for TrainingWithoutLifecycleLimits {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        let (spec, keys): (Option<&Node>, Vec<&str>) = if is_kubeflow(object) {
            let spec = object.node.get("spec");
            if spec.and_then(Node::as_map).is_none() {
                return;
            }
            (
                spec.and_then(|s| s.get("runPolicy")),
                vec!["spec", "runPolicy"],
            )
        } else if let Some((spec, keys)) = job_spec(object) {
            if !is_training(object) {
                return;
            }
            (Some(spec), keys.to_vec())
        } else {
            return;
        };
        if spec.is_some_and(|s| s.as_map().is_none() && !s.is_null()) {
            return;
        }
        let set = |k: &str| spec.and_then(|s| s.get(k)).is_some_and(|v| !v.is_null());
        let mut missing = Vec::new();
        if !set("backoffLimit") && !set("backoffLimitPerIndex") {
            missing.push("backoffLimit");
        }
        if !set("activeDeadlineSeconds") {
            missing.push("activeDeadlineSeconds");
        }
        // A Katib trial's job is deleted when the trial ends, unless the template retains it.
        let deleted = object.embedded.as_ref().is_some_and(|e| !e.retained);
        if !is_cron_job(object) && !deleted && !set("ttlSecondsAfterFinished") {
            missing.push("ttlSecondsAfterFinished");
        }
        if missing.is_empty() {
            return;
        }
        let list = missing
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let kind = object.kind.unwrap_or_default();
        let scope = if is_kubeflow(object) {
            "`runPolicy`"
        } else {
            "spec"
        };
        sink.report(
            cx.path(&keys),
            format!("training `{kind}` has no {list}"),
        )
        .help(format!(
            "set {list} in the {scope}: a bounded retry count, a deadline that frees the GPUs of a hung run, and a clean-up time for finished runs"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&TrainingWithoutLifecycleLimits, yaml))
    }

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: ft}
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - {name: t, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}
";

    #[test]
    fn gpu_job_lists_what_is_missing() {
        assert_eq!(
            run(JOB),
            "4:1 [warning] training `Job` has no `activeDeadlineSeconds`, `ttlSecondsAfterFinished` (spec)"
        );
    }

    #[test]
    fn complete_and_non_training_jobs_pass() {
        let full = JOB.replace(
            "backoffLimit: 2\n",
            "backoffLimit: 2\n  activeDeadlineSeconds: 60\n  ttlSecondsAfterFinished: 60\n",
        );
        assert_eq!(run(&full), "");
        let per_index = full.replace("backoffLimit: 2", "backoffLimitPerIndex: 2");
        assert_eq!(run(&per_index), "");
        assert_eq!(run(&JOB.replace("nvidia.com/gpu", "cpu")), "");
    }

    #[test]
    fn kubeflow_points_at_run_policy_or_spec() {
        let yaml = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: b}
spec:
  runPolicy:
    backoffLimit: 3
  pytorchReplicaSpecs: {}
";
        assert_eq!(
            run(yaml),
            "5:3 [warning] training `PyTorchJob` has no `activeDeadlineSeconds`, `ttlSecondsAfterFinished` (spec.runPolicy)"
        );
        let bare = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: b}\nspec:\n  tfReplicaSpecs: {}\n";
        assert_eq!(
            run(bare),
            "4:1 [warning] training `TFJob` has no `backoffLimit`, `activeDeadlineSeconds`, `ttlSecondsAfterFinished` (spec.runPolicy)"
        );
    }

    #[test]
    fn cron_jobs_need_no_ttl() {
        let yaml = "\
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, labels: {app.kubernetes.io/component: training}}
spec:
  schedule: \"0 2 * * *\"
  jobTemplate:
    spec:
      backoffLimit: 1
      template: {spec: {containers: [{name: t, image: x:1}]}}
";
        assert_eq!(
            run(yaml),
            "7:5 [warning] training `CronJob` has no `activeDeadlineSeconds` (spec.jobTemplate.spec)"
        );
    }

    #[test]
    fn malformed_input_does_not_misfire() {
        for bad in [
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec: [1]\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\n",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: b}\nspec: {runPolicy: 7}\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: b}\nspec: null\n",
        ] {
            assert_eq!(run(bad), "", "{bad}");
        }
    }
}
