use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports `batch/v1` CronJobs that the API server rejects: a name longer than 52
    /// characters, a `schedule` with `TZ=` or `CRON_TZ=` (use `timeZone`), a schedule
    /// that is neither five fields nor a macro such as `@daily`, `timeZone: Local`, a
    /// `concurrencyPolicy` other than `Allow`, `Forbid` or `Replace`, and negative
    /// `startingDeadlineSeconds` or history limits. The job template's own rules
    /// (`restartPolicy`, ...) are `invalid-job`'s.
    ///
    /// ## Why is this bad?
    /// The CronJob is rejected and the scheduled retraining or evaluation silently never
    /// runs. The name limit exists because the controller appends an 11-character suffix to
    /// name each Job, and Job names become label values of at most 63 characters.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: CronJob
    /// metadata:
    ///   name: nightly-retrain
    /// spec:
    ///   schedule: "CRON_TZ=Europe/Paris 0 2 * * *"
    ///   jobTemplate:
    ///     spec:
    ///       template:
    ///         spec:
    ///           restartPolicy: Never
    ///           containers:
    ///           - name: retrain
    ///             image: registry.example.com/retrain:2.0.1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: CronJob
    /// metadata:
    ///   name: nightly-retrain
    /// spec:
    ///   schedule: "0 2 * * *"
    ///   timeZone: Europe/Paris
    ///   jobTemplate:
    ///     spec:
    ///       template:
    ///         spec:
    ///           restartPolicy: Never
    ///           containers:
    ///           - name: retrain
    ///             image: registry.example.com/retrain:2.0.1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/>
    pub InvalidCronJob {
        name: "invalid-cron-job",
        category: Correctness,
        level: Error,
        summary: "`CronJob` name, schedule or policy that the API server rejects",
    }
}

/// Longest CronJob name: 63 minus the 11 characters of the Job suffix.
const MAX_NAME: usize = 52;

const MACROS: [&str; 7] = [
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@midnight",
    "@hourly",
];

impl Rule for InvalidCronJob {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if cx.object.api_version != Some("batch/v1") || cx.object.kind != Some("CronJob") {
            return;
        }
        if let Some(name) = cx.object.name.filter(|n| n.len() > MAX_NAME) {
            sink.report(
                cx.path(&["metadata", "name"]),
                format!(
                    "CronJob name is {} characters long, but must be no more than {MAX_NAME}",
                    name.len()
                ),
            )
            .help("shorten the name: the controller appends an 11-character suffix for each Job");
        }
        let Some(spec) = cx.object.node.get("spec") else {
            return;
        };
        if let Some(schedule) = spec.get("schedule").and_then(Node::as_str) {
            let path = cx.path(&["spec", "schedule"]);
            let trimmed = schedule.trim();
            if trimmed.contains("TZ=") {
                sink.report(
                    path,
                    "a time zone in `schedule` (`TZ=` or `CRON_TZ=`) is not supported",
                )
                .help("remove it from `schedule` and set `spec.timeZone` to the IANA name instead");
            } else if let Some(word) = trimmed.strip_prefix('@') {
                let known = MACROS.contains(&trimmed) || word.starts_with("every ");
                if !known {
                    sink.report(path, format!("unknown schedule macro `{trimmed}`"))
                        .help("use five fields (`0 2 * * *`) or one of @yearly, @monthly, @weekly, @daily, @hourly");
                }
            } else if !trimmed.is_empty() && trimmed.split_whitespace().count() != 5 {
                sink.report(
                    path,
                    format!(
                        "`schedule` has {} fields, but a cron schedule has 5",
                        trimmed.split_whitespace().count()
                    ),
                )
                .help("use minute, hour, day of month, month and day of week, such as `0 2 * * *`");
            }
        }
        if let Some(tz) = spec.get("timeZone").and_then(Node::as_str)
            && tz.eq_ignore_ascii_case("Local")
        {
            sink.report(
                cx.path(&["spec", "timeZone"]),
                "`timeZone` must name an explicit time zone, not `Local`",
            )
            .help("use an IANA name such as `Etc/UTC` or `Europe/Paris`");
        }
        if let Some(p) = spec.get("concurrencyPolicy").and_then(Node::as_str)
            && !matches!(p, "Allow" | "Forbid" | "Replace")
        {
            sink.report(
                cx.path(&["spec", "concurrencyPolicy"]),
                format!("unsupported `concurrencyPolicy` `{p}`"),
            )
            .help("use `Allow` (the default), `Forbid` or `Replace`");
        }
        for key in [
            "startingDeadlineSeconds",
            "successfulJobsHistoryLimit",
            "failedJobsHistoryLimit",
        ] {
            if let Some(v) = spec.get(key).and_then(Node::as_i64).filter(|v| *v < 0) {
                sink.report(
                    cx.path(&["spec", key]),
                    format!("`{key}` is {v}, but must be greater than or equal to 0"),
                )
                .help("use a non-negative number");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn name_schedule_and_policies() {
        let long = "a".repeat(53);
        let yaml = format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: {long}}}\nspec:\n  schedule: TZ=UTC 0 2 * * *\n  timeZone: Local\n  concurrencyPolicy: forbid\n  failedJobsHistoryLimit: -1\n"
        );
        assert_eq!(
            render(&check(&InvalidCronJob, &yaml)),
            "3:18 [error] CronJob name is 53 characters long, but must be no more than 52 (metadata.name)\n\
             5:13 [error] a time zone in `schedule` (`TZ=` or `CRON_TZ=`) is not supported (spec.schedule)\n\
             6:13 [error] `timeZone` must name an explicit time zone, not `Local` (spec.timeZone)\n\
             7:22 [error] unsupported `concurrencyPolicy` `forbid` (spec.concurrencyPolicy)\n\
             8:27 [error] `failedJobsHistoryLimit` is -1, but must be greater than or equal to 0 (spec.failedJobsHistoryLimit)"
        );
    }

    #[test]
    fn schedule_shapes() {
        let cron = |s: &str| {
            format!(
                "apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: c}}\nspec: {{schedule: \"{s}\"}}\n"
            )
        };
        for bad in ["0 2 * *", "0 0 2 * * *", "@nightly"] {
            assert_eq!(check(&InvalidCronJob, &cron(bad)).len(), 1, "{bad}");
        }
        for good in [
            "0 2 * * *",
            "*/5 * * * 1-5",
            "@daily",
            "@every 1h30m",
            " 0  3 * * * ",
        ] {
            assert!(check(&InvalidCronJob, &cron(good)).is_empty(), "{good}");
        }
    }

    #[test]
    fn other_versions_and_malformed_pass() {
        for yaml in [
            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: TZ=x}\n",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: [c]}\nspec: {schedule: 5, timeZone: 1, concurrencyPolicy: null}\n",
            "apiVersion: batch/v1\nkind: CronJob\nspec: []\n",
        ] {
            assert!(check(&InvalidCronJob, yaml).is_empty(), "{yaml}");
        }
    }
}
