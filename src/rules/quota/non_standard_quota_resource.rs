use super::objects::quota_hard;
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports ResourceQuota `spec.hard` keys that the API server rejects: a name without
    /// `/` that is not one of the standard quota resources (`cpu`, `memory`,
    /// `ephemeral-storage`, their `requests.`/`limits.` forms, `requests.storage`,
    /// hugepages, `pods`, `services`, `secrets`, `configmaps`,
    /// `persistentvolumeclaims`, `replicationcontrollers`, `resourcequotas`,
    /// `services.nodeports`, `services.loadbalancers`), or a name with `/` that is not a
    /// qualified name.
    ///
    /// ## Why is this bad?
    /// The API server refuses the whole quota (`must be a standard resource for quota`),
    /// so none of its limits apply. Object counts of other kinds are written
    /// `count/<plural>.<group>` (`count/pytorchjobs.kubeflow.org`), and GPUs
    /// `requests.nvidia.com/gpu`.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: jobs
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     pytorchjobs: "10"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: jobs
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     count/pytorchjobs.kubeflow.org: "10"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/resource-quotas/#object-count-quota>
    /// - `kubernetes/kubernetes` `pkg/apis/core/validation/validation.go`, `ValidateResourceQuotaResourceName`
    pub NonStandardQuotaResource {
        name: "non-standard-quota-resource",
        category: Quota,
        level: Error,
        summary: "quota key the API server rejects",
    }
}

const STANDARD: [&str; 19] = [
    "cpu",
    "memory",
    "ephemeral-storage",
    "requests.cpu",
    "requests.memory",
    "requests.storage",
    "requests.ephemeral-storage",
    "limits.cpu",
    "limits.memory",
    "limits.ephemeral-storage",
    "pods",
    "resourcequotas",
    "services",
    "replicationcontrollers",
    "secrets",
    "persistentvolumeclaims",
    "configmaps",
    "services.nodeports",
    "services.loadbalancers",
];

fn is_standard(key: &str) -> bool {
    STANDARD.contains(&key)
        || key.starts_with("hugepages-")
        || key.starts_with("requests.hugepages-")
}

/// The key the author most likely meant.
fn suggestion(key: &str) -> String {
    let bare = key
        .strip_prefix("requests.")
        .or_else(|| key.strip_prefix("limits."))
        .unwrap_or(key);
    match bare.to_ascii_lowercase().as_str() {
        "gpu" | "gpus" | "nvidia.com" => {
            "for GPUs use `requests.nvidia.com/gpu` (or your vendor's resource name)".to_string()
        }
        "storage" => "for storage use `requests.storage`".to_string(),
        "cpus" | "cores" => "for CPU use `requests.cpu` and `limits.cpu`".to_string(),
        "mem" | "ram" => "for memory use `requests.memory` and `limits.memory`".to_string(),
        _ if bare.contains('.') => {
            format!("to count objects, write `count/<plural>.<group>`, such as `count/{bare}`")
        }
        _ => format!(
            "to count objects, write `count/<plural>.<group>` (`count/{bare}.<group>`, or `count/{bare}` for a core kind)"
        ),
    }
}

impl Rule for NonStandardQuotaResource {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let Some((hard, path)) = quota_hard(cx) else {
            return;
        };
        for (key, _) in hard {
            if key.contains('/') {
                if let Err(e) = crate::validate::qualified_name(key) {
                    sink.report(path.key(key), format!("`{key}`: {e}"))
                        .help("quota keys with `/` are qualified names, such as `requests.nvidia.com/gpu` or `count/pytorchjobs.kubeflow.org`");
                }
            } else if !is_standard(key) {
                sink.report(
                    path.key(key),
                    format!("`{key}`: must be a standard resource for quota"),
                )
                .help(suggestion(key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn unknown_keys_are_reported_with_a_suggestion() {
        let yaml = "\
apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec:
  hard:
    training-jobs: 3
    requests.gpu: 4
    pytorchjobs.kubeflow.org: 2
    count//x: 1
";
        let found = check(&NonStandardQuotaResource, yaml);
        let rendered = render(&found);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(
            lines[..3],
            [
                "6:20 [error] `training-jobs`: must be a standard resource for quota (spec.hard.training-jobs)",
                "7:19 [error] `requests.gpu`: must be a standard resource for quota (spec.hard[\"requests.gpu\"])",
                "8:31 [error] `pytorchjobs.kubeflow.org`: must be a standard resource for quota (spec.hard[\"pytorchjobs.kubeflow.org\"])",
            ]
        );
        assert!(
            lines[3].starts_with("9:15 [error] `count//x`: a qualified name must consist of"),
            "{rendered}"
        );
        let helps: Vec<_> = found.iter().map(|f| f.help.clone().unwrap()).collect();
        assert!(
            helps[0].contains("`count/training-jobs.<group>`"),
            "{}",
            helps[0]
        );
        assert!(helps[1].contains("requests.nvidia.com/gpu"), "{}", helps[1]);
        assert!(
            helps[2].contains("`count/pytorchjobs.kubeflow.org`"),
            "{}",
            helps[2]
        );
    }

    #[test]
    fn standard_keys_pass() {
        let keys = STANDARD.join(": 1, ");
        let yaml = format!(
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q}}\nspec:\n  hard: {{{keys}: 1, hugepages-2Mi: 1Gi, requests.hugepages-1Gi: 2Gi, count/jobs.batch: 3, requests.nvidia.com/gpu: 4}}\n"
        );
        assert!(check(&NonStandardQuotaResource, &yaml).is_empty());
    }
}
