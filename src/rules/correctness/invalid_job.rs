use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path};

declare_rule! {
    /// ## What it does
    /// Reports Job specs (of Jobs and of CronJob job templates, `batch/v1`) that the API
    /// server rejects: a pod `restartPolicy` other than `OnFailure` or `Never` (unset means
    /// `Always`), a `podFailurePolicy` without `restartPolicy: Never`, a `completionMode`
    /// other than `NonIndexed` or `Indexed`, an Indexed Job without `completions`,
    /// `backoffLimitPerIndex`, `maxFailedIndexes` or `successPolicy` without `Indexed`,
    /// `maxFailedIndexes` without `backoffLimitPerIndex` or above `completions`, and
    /// negative `parallelism`, `completions` or `backoffLimit`.
    ///
    /// ## Why is this bad?
    /// The Job (or every Job of the CronJob) is rejected, so the training or batch run
    /// never starts, often noticed only hours later.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: shard-infer
    /// spec:
    ///   completions: 8
    ///   backoffLimitPerIndex: 2
    ///   template:
    ///     spec:
    ///       restartPolicy: OnFailure
    ///       containers:
    ///       - name: worker
    ///         image: registry.example.com/infer:3.1.0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: shard-infer
    /// spec:
    ///   completionMode: Indexed
    ///   completions: 8
    ///   backoffLimitPerIndex: 2
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: worker
    ///         image: registry.example.com/infer:3.1.0
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/controllers/job/>
    pub InvalidJob {
        name: "invalid-job",
        category: Correctness,
        level: Error,
        summary: "`Job` spec combination that the API server rejects",
    }
}

impl Rule for InvalidJob {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if cx.object.api_version != Some("batch/v1") {
            return;
        }
        let keys: &[&str] = match cx.object.kind {
            Some("Job") => &["spec"],
            Some("CronJob") => &["spec", "jobTemplate", "spec"],
            _ => return,
        };
        let Some(spec) = keys.iter().try_fold(cx.object.node, |n, k| n.get(k)) else {
            return;
        };
        if spec.as_map().is_none() {
            return;
        }
        check_spec(spec, &cx.path(keys), sink);
    }
}

fn check_spec(spec: &Node, path: &Path, sink: &mut Sink) {
    let int = |key: &str| spec.get(key).and_then(Node::as_i64);
    let set = |key: &str| spec.get(key).is_some_and(|n| !n.is_null());
    let pod = spec.get("template").and_then(|t| t.get("spec"));
    let restart = pod
        .and_then(|p| p.get("restartPolicy"))
        .and_then(Node::as_str);
    if let Some(pod) = pod.filter(|p| p.as_map().is_some())
        && !matches!(restart, Some("OnFailure" | "Never"))
    {
        let message = match restart {
            Some(r) => format!("a Job's pods must have `restartPolicy` OnFailure or Never, not `{r}`"),
            None => "a Job's pods must set `restartPolicy` to OnFailure or Never (it defaults to Always)".to_string(),
        };
        let at = if pod.get("restartPolicy").is_some() {
            path.key("template").key("spec").key("restartPolicy")
        } else {
            path.key("template").key("spec")
        };
        sink.report(at, message).help(
            "set `restartPolicy: Never` (retries then come from `backoffLimit`) or `OnFailure`",
        );
    }
    if set("podFailurePolicy") && restart.is_some_and(|r| r != "Never") {
        sink.report(
            path.key("podFailurePolicy"),
            "`podFailurePolicy` requires the pods' `restartPolicy` to be Never",
        )
        .help("set `restartPolicy: Never` in the pod template");
    }
    let mode = spec.get("completionMode").and_then(Node::as_str);
    if let Some(m) = mode.filter(|m| !matches!(*m, "NonIndexed" | "Indexed")) {
        sink.report(
            path.key("completionMode"),
            format!("unsupported `completionMode` `{m}`"),
        )
        .help("use `NonIndexed` (the default) or `Indexed`");
    }
    let indexed = mode == Some("Indexed");
    if indexed && !set("completions") {
        sink.report(
            path.key("completions"),
            "an Indexed Job requires `completions`",
        )
        .help("set `completions` to the number of indexes");
    }
    for key in ["backoffLimitPerIndex", "maxFailedIndexes", "successPolicy"] {
        if set(key) && !indexed {
            sink.report(
                path.key(key),
                format!("`{key}` requires `completionMode: Indexed`"),
            )
            .help("set `completionMode: Indexed`, or remove the field");
        }
    }
    if set("maxFailedIndexes") && !set("backoffLimitPerIndex") {
        sink.report(
            path.key("maxFailedIndexes"),
            "`maxFailedIndexes` requires `backoffLimitPerIndex`",
        )
        .help("set `backoffLimitPerIndex` to the retries allowed per index");
    }
    if let (Some(max), Some(completions)) = (int("maxFailedIndexes"), int("completions"))
        && max > completions
    {
        sink.report(
            path.key("maxFailedIndexes"),
            format!("`maxFailedIndexes` ({max}) must be less than or equal to `completions` ({completions})"),
        )
        .help("lower `maxFailedIndexes`");
    }
    for key in [
        "parallelism",
        "completions",
        "backoffLimit",
        "backoffLimitPerIndex",
        "maxFailedIndexes",
    ] {
        if let Some(v) = int(key).filter(|v| *v < 0) {
            sink.report(
                path.key(key),
                format!("`{key}` is {v}, but must be greater than or equal to 0"),
            )
            .help("use a non-negative number");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn restart_policy() {
        let yaml = "\
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  podFailurePolicy: {rules: []}
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: a, image: b}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: '@daily'
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: a, image: b}]
";
        assert_eq!(
            render(&check(&InvalidJob, yaml)),
            "5:21 [error] `podFailurePolicy` requires the pods' `restartPolicy` to be Never (spec.podFailurePolicy)\n\
             19:9 [error] a Job's pods must set `restartPolicy` to OnFailure or Never (it defaults to Always) (spec.jobTemplate.spec.template.spec)"
        );
    }

    #[test]
    fn indexed_combinations() {
        let yaml = "\
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  completionMode: indexed
  maxFailedIndexes: 9
  completions: 4
  parallelism: -1
  successPolicy: {rules: [{succeededCount: 1}]}
  template: {spec: {restartPolicy: Never, containers: [{name: a, image: b}]}}
";
        let text = render(&check(&InvalidJob, yaml));
        assert_eq!(
            text,
            "5:19 [error] unsupported `completionMode` `indexed` (spec.completionMode)\n\
             6:21 [error] `maxFailedIndexes` (9) must be less than or equal to `completions` (4) (spec.maxFailedIndexes)\n\
             6:21 [error] `maxFailedIndexes` requires `backoffLimitPerIndex` (spec.maxFailedIndexes)\n\
             6:21 [error] `maxFailedIndexes` requires `completionMode: Indexed` (spec.maxFailedIndexes)\n\
             8:16 [error] `parallelism` is -1, but must be greater than or equal to 0 (spec.parallelism)\n\
             9:18 [error] `successPolicy` requires `completionMode: Indexed` (spec.successPolicy)"
        );
        let no_completions = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {completionMode: Indexed, template: {spec: {restartPolicy: Never}}}\n";
        assert_eq!(
            render(&check(&InvalidJob, no_completions)),
            "4:1 [error] an Indexed Job requires `completions` (spec.completions)"
        );
    }

    #[test]
    fn valid_and_malformed_pass() {
        for yaml in [
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {completionMode: Indexed, completions: 8, backoffLimitPerIndex: 1, maxFailedIndexes: 2, podFailurePolicy: {rules: []}, template: {spec: {restartPolicy: Never}}}\n",
            "apiVersion: batch/v1\nkind: Job\nspec: 3\n",
            "apiVersion: batch/v1\nkind: Job\nspec: {template: {spec: [1]}}\n",
            "apiVersion: batch/v1\nkind: CronJob\nspec: {jobTemplate: null}\n",
            "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nspec: {tasks: []}\n",
        ] {
            assert!(
                check(&InvalidJob, yaml).is_empty(),
                "{yaml}: {}",
                render(&check(&InvalidJob, yaml))
            );
        }
    }
}
