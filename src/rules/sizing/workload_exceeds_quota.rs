use super::budgets::{
    Side, object_name, pod_amount, quota_key, shown, workload_name, workloads_by_namespace,
};
use std::collections::BTreeMap;

use crate::declare_rule;
use crate::lint::facts::Namespace;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;

declare_rule! {
    /// ## What it does
    /// Looks at every ResourceQuota of the input without `scopes` or `scopeSelector`, and
    /// reports workloads in the same namespace one of whose pods alone asks for more than
    /// the quota allows in total: `requests.<resource>` (or the bare `cpu`, `memory`,
    /// `ephemeral-storage`) against the pod's effective request, `limits.<resource>`
    /// against its effective limit. Amounts are compared exactly. Objects without a
    /// namespace are compared with the quotas without one in the same directory (the files
    /// of a directory are taken to be applied to one namespace, which they do not name).
    ///
    /// ## Why is this bad?
    /// Quota admission rejects a pod that would take the namespace over its quota, even
    /// when nothing else runs. A pod bigger than the whole quota can never be created: the
    /// Job or Deployment keeps retrying and the error only shows in its events.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: gpus
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "4"
    /// ---
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: train
    ///   namespace: team-a
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 8
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: gpus
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "8"
    /// ---
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: train
    ///   namespace: team-a
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 8
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/resource-quotas/>
    pub WorkloadExceedsQuota {
        name: "workload-exceeds-quota",
        category: Sizing,
        level: Error,
        summary: "one pod asks for more than its namespace's whole quota",
    }
}

impl Rule for WorkloadExceedsQuota {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let facts = cx.facts;
        let by_namespace = workloads_by_namespace(facts);
        // Per namespace, only the tightest quota of each resource matters: a pod above it can
        // never start, and naming the others too would repeat the same finding. This keeps
        // the rule linear in the number of pods however many quotas a namespace has.
        let mut tightest: BTreeMap<&Namespace, BTreeMap<(Side, &str), Bound<'_>>> = BTreeMap::new();
        for quota in facts.quotas.iter().filter(|q| !q.scoped) {
            let per_ns = tightest.entry(&quota.namespace).or_default();
            for entry in &quota.hard {
                let Some((side, resource)) = quota_key(&entry.resource) else {
                    continue;
                };
                let Ok(hard) = Quantity::parse(&entry.value) else {
                    continue;
                };
                match per_ns.get(&(side, resource)) {
                    Some(b) if b.hard <= hard => {}
                    _ => {
                        per_ns.insert((side, resource), Bound { hard, entry, quota });
                    }
                }
            }
        }
        for (namespace, bounds) in &tightest {
            for w in by_namespace
                .get(namespace)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                for pod in &w.pods {
                    for ((side, resource), b) in bounds {
                        let Some((amount, container)) = pod_amount(pod, *side, resource) else {
                            continue;
                        };
                        if amount <= b.hard {
                            continue;
                        }
                        sink.report_at(
                            &container.location,
                            format!(
                                "a pod of `{}` {} {} `{resource}`, more than ResourceQuota `{}` allows in total (`{}: {}`), so it can never start",
                                workload_name(&w.kind, w.name.as_deref()),
                                side.as_str(),
                                shown(resource, amount),
                                object_name(b.quota.namespace.name(), b.quota.name.as_deref()),
                                b.entry.resource,
                                b.entry.value,
                            ),
                        )
                        .help(format!(
                            "raise `{}` in the quota, or split the work over smaller pods",
                            b.entry.resource
                        ));
                    }
                }
            }
        }
    }
}

/// The tightest quota entry of one resource in a namespace.
struct Bound<'a> {
    hard: Quantity,
    entry: &'a crate::lint::facts::QuotaEntry,
    quota: &'a crate::lint::facts::QuotaFact,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_files, render};

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: train, namespace: team-a}
spec:
  template:
    spec:
      initContainers:
      - {name: init, image: x:1, resources: {requests: {cpu: 20}}}
      containers:
      - {name: a, image: x:1, resources: {requests: {cpu: 4, memory: 40Gi}, limits: {nvidia.com/gpu: 6, memory: 64Gi}}}
      - {name: b, image: x:1, resources: {limits: {nvidia.com/gpu: 2}}}
";

    fn quota(namespace: &str, hard: &str, extra: &str) -> String {
        format!(
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q, namespace: {namespace}}}\nspec:\n{extra}  hard: {{{hard}}}\n---\n{JOB}"
        )
    }

    #[test]
    fn pods_larger_than_the_quota_are_reported_at_the_container() {
        let yaml = quota(
            "team-a",
            "requests.nvidia.com/gpu: 4, cpu: 16, limits.memory: 32Gi, requests.memory: 64Gi, pods: 1",
            "",
        );
        assert_eq!(
            render(&check(&WorkloadExceedsQuota, &yaml)),
            "14:9 [error] a pod of `Job/train` requests 20 `cpu`, more than ResourceQuota `team-a/q` allows in total (`cpu: 16`), so it can never start (spec.template.spec.initContainers[0])\n\
             16:9 [error] a pod of `Job/train` limits 64Gi `memory`, more than ResourceQuota `team-a/q` allows in total (`limits.memory: 32Gi`), so it can never start (spec.template.spec.containers[0])\n\
             16:9 [error] a pod of `Job/train` requests 8 `nvidia.com/gpu`, more than ResourceQuota `team-a/q` allows in total (`requests.nvidia.com/gpu: 4`), so it can never start (spec.template.spec.containers[0])"
        );
    }

    #[test]
    fn sidecars_add_to_the_containers_they_run_beside() {
        let job = |restart: &str| {
            format!(
                "apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q, namespace: team-a}}\nspec:\n  hard: {{cpu: 10}}\n---\n\
                 apiVersion: batch/v1\nkind: Job\nmetadata: {{name: train, namespace: team-a}}\nspec:\n  template:\n    spec:\n      \
                 initContainers:\n      - {{name: proxy, image: x:1, {restart}resources: {{requests: {{cpu: 4}}}}}}\n      \
                 containers:\n      - {{name: a, image: x:1, resources: {{requests: {{cpu: 8}}}}}}\n"
            )
        };
        // A sidecar runs for the pod's whole life: 4 + 8 CPUs, above the quota of 10.
        assert_eq!(
            render(&check(
                &WorkloadExceedsQuota,
                &job("restartPolicy: Always, ")
            )),
            "14:9 [error] a pod of `Job/train` requests 12 `cpu`, more than ResourceQuota `team-a/q` allows in total (`cpu: 10`), so it can never start (spec.template.spec.initContainers[0])"
        );
        // An ordinary init container finishes before the others start: the pod needs 8.
        assert!(check(&WorkloadExceedsQuota, &job("")).is_empty());
    }

    #[test]
    fn objects_without_a_namespace_meet_only_those_of_their_directory() {
        let quota = "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {requests.cpu: 1}\n";
        let job = JOB.replace(", namespace: team-a", "");
        let found = |quota_file: &str, job_file: &str, job: &str| {
            check_files(
                &WorkloadExceedsQuota,
                &[(quota_file, quota), (job_file, job)],
            )
            .len()
        };
        assert_eq!(found("apps/a/quota.yaml", "apps/a/job.yaml", &job), 1);
        assert_eq!(found("quota.yaml", "job.yaml", &job), 1);
        // Applied elsewhere, perhaps to other namespaces: not compared.
        assert_eq!(found("apps/a/quota.yaml", "apps/b/job.yaml", &job), 0);
        assert_eq!(found("apps/quota.yaml", "apps/a/job.yaml", &job), 0);
        // A namespace written in both is the same wherever the files are.
        let named = quota.replace("{name: q}", "{name: q, namespace: team-a}");
        assert_eq!(
            check_files(
                &WorkloadExceedsQuota,
                &[("apps/a/quota.yaml", &named), ("apps/b/job.yaml", JOB)]
            )
            .len(),
            1
        );
    }

    #[test]
    fn other_namespaces_scoped_quotas_and_ignored_keys_pass() {
        for yaml in [
            quota("team-b", "requests.nvidia.com/gpu: 1", ""),
            quota(
                "team-a",
                "requests.nvidia.com/gpu: 1",
                "  scopes: [NotTerminating]\n",
            ),
            quota(
                "team-a",
                "limits.nvidia.com/gpu: 1, nvidia.com/gpu: 1, requests.storage: 1Gi",
                "",
            ),
            quota(
                "team-a",
                "requests.nvidia.com/gpu: 8, requests.cpu: lots",
                "",
            ),
        ] {
            assert!(check(&WorkloadExceedsQuota, &yaml).is_empty(), "{yaml}");
        }
    }
}
